// Instructions that translate to a helper call or to nothing: string ops, cpuid, rdtsc,
// cmpxchg8b, BCD adjusts, xlat, and the hints (nop, pause, prefetch, fences).
import { DecodedInsn } from "../decode";
import { R_EAX, R_EBX, SEG_BASE } from "../cpu";
import { DisasContext } from "./context";
import { helper_bcd, helper_cmpxchg8b, helper_cpuid, helper_rdtsc } from "../helpers/misc";
import { helper_string, STR_CMPS, STR_LODS, STR_MOVS, STR_SCAS, STR_STOS } from "../helpers/string";
import type { Handler } from "./alu";

// MOVS/CMPS/STOS/LODS/SCAS with optional REP/REPE/REPNE
function genString(s: DisasContext, insn: DecodedInsn): void {
  const op = { movs: STR_MOVS, cmps: STR_CMPS, stos: STR_STOS, lods: STR_LODS, scas: STR_SCAS }[insn.entry.mnem]!;
  const size = insn.ops.find((o) => o.size > 0)!.size;
  // plain rep on cmps/scas means repe; rep on movs/stos/lods is just rep
  const rep = insn.rep;
  s.f.call(helper_string, [], [s.c(op), s.c(size), s.c(rep), s.c(insn.seg), s.c(insn.adsize)]);
  if (op === STR_CMPS || op === STR_SCAS) s.ccOpDynamic();
}

function trans_cpuid(s: DisasContext): void {
  s.f.call(helper_cpuid, [], []);
}
function trans_rdtsc(s: DisasContext): void {
  s.f.call(helper_rdtsc, [], []);
}
// CMPXCHG8B <Mq>
function trans_cmpxchg8b(s: DisasContext): void {
  s.f.call(helper_cmpxchg8b, [], [s.addr()]);
  s.ccOpDynamic();
}
// DAA DAS AAA AAS AAM #imm AAD #imm
function genBcd(s: DisasContext, insn: DecodedInsn): void {
  const op = ["daa", "das", "aaa", "aas", "aam", "aad"].indexOf(insn.entry.mnem);
  s.f.call(helper_bcd, [], [s.c(op), s.c(insn.ops.length ? insn.ops[0].imm & 0xff : 0)]);
  s.ccOpDynamic();
}
// XLAT: AL = [seg:eBX + AL]
function trans_xlat(s: DisasContext, insn: DecodedInsn): void {
  const a = s.tmp();
  s.f.add(a, R_EBX, s.loadReg(1, R_EAX));
  if (insn.adsize === 2) s.f.andi(a, a, 0xffff);
  let addr = a;
  if (insn.seg >= 4) {
    const b = s.tmp();
    s.f.ldEnv(b, SEG_BASE + insn.seg);
    addr = s.tmp();
    s.f.add(addr, a, b);
  }
  s.storeReg(1, R_EAX, s.load(1, addr));
}
function trans_nop(): void {}

export const MISC_HANDLERS: Record<string, Handler> = {
  movs: genString, cmps: genString, stos: genString, lods: genString, scas: genString,
  cpuid: trans_cpuid, rdtsc: trans_rdtsc, cmpxchg8b: trans_cmpxchg8b,
  daa: genBcd, das: genBcd, aaa: genBcd, aas: genBcd, aam: genBcd, aad: genBcd,
  xlat: trans_xlat,
  nop: trans_nop, nopl: trans_nop, fwait: trans_nop, lfence: trans_nop, mfence: trans_nop,
  sfence: trans_nop, prefetch: trans_nop, prefetchw: trans_nop, prefetchnta: trans_nop,
  prefetcht0: trans_nop, prefetcht1: trans_nop, prefetcht2: trans_nop,
};
