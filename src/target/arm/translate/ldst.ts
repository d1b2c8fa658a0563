// Loads and stores: single registers with every addressing mode (offset, pre-indexed, post-
// indexed; immediate or shifted register), doublewords, multiple registers, the exclusive
// monitor (LDREX/STREX families) and SWP. Shared generators first, then the A32 translators.
//
// Faults stay precise: every access of an instruction happens before any register is written.
import { HELPER_NO_FAULT, registerHelper } from "../../../ir/ir";
import { MO_16, MO_32, MO_8, MO_SIGN } from "../../../ir/opcodes";
import { RAISED } from "../../../exec/exceptions";
import type { Fields } from "../bitstring";
import { ARM_EXCP_ALIGNMENT, CPUARMState, EXCL_ADDR, EXCL_VAL, EXCL_VAL_HI, EXCP, EXCP_INFO } from "../cpu";
import { ArmDisasContext } from "./context";
import { shiftImm } from "./dp";

// ---- helpers: alignment checks and the exclusive monitor ----------------------------------------
/** Raise the alignment fault (SIGBUS BUS_ADRALN in user mode) when `addr & mask` is not 0. */
const helper_check_align = registerHelper({
  name: "arm_check_align", flags: 0, ret: null,
  fn: (cpu: CPUARMState, addr: number, mask: number) => {
    if ((addr & mask) === 0) return;
    cpu.R[EXCP] = ARM_EXCP_ALIGNMENT;
    cpu.R[EXCP_INFO] = addr;
    throw RAISED;
  },
});
/**
 * STREX*: store if the monitor holds this address and memory still holds the value LDREX read
 * (QEMU's compare-and-swap reading of the monitor); 0 on success, 1 on failure. The monitor is
 * cleared either way.
 */
function strex(cpu: CPUARMState, addr: number, v: number, vhi: number, size: number): number {
  const R = cpu.R;
  const mem = cpu.mem;
  if ((addr & ((1 << size) - 1)) !== 0) {
    R[EXCP] = ARM_EXCP_ALIGNMENT;
    R[EXCP_INFO] = addr;
    throw RAISED;
  }
  if (R[EXCL_ADDR] !== addr) {
    R[EXCL_ADDR] = -1;
    return 1;
  }
  R[EXCL_ADDR] = -1;
  let ok: boolean;
  switch (size) {
    case 0:
      ok = mem.ld8u(addr) === (R[EXCL_VAL] & 0xff);
      if (ok) mem.st8(addr, v);
      break;
    case 1:
      ok = mem.ld16u(addr) === (R[EXCL_VAL] & 0xffff);
      if (ok) mem.st16(addr, v);
      break;
    case 2:
      ok = mem.ld32(addr) === R[EXCL_VAL];
      if (ok) mem.st32(addr, v);
      break;
    default:
      ok = mem.ld32(addr) === R[EXCL_VAL] && mem.ld32((addr + 4) | 0) === R[EXCL_VAL_HI];
      if (ok) {
        mem.st32(addr, v);
        mem.st32((addr + 4) | 0, vhi);
      }
  }
  return ok ? 0 : 1;
}
const helper_strex = registerHelper({
  name: "arm_strex", flags: 0, ret: 0,
  fn: strex,
});
const helper_clrex = registerHelper({
  name: "arm_clrex", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState) => {
    cpu.R[EXCL_ADDR] = -1;
  },
});

// ---- shared generators -------------------------------------------------------------------------
/** Where an access goes and what Rn becomes: offset addressing, pre- or post-indexed. */
export interface AddrMode {
  /** base register */
  n: number;
  /** offset as a temp (added or subtracted per `add`) */
  offset: number;
  add: boolean;
  /** index (P): the access uses the offset address */
  index: boolean;
  /** write the offset address back to Rn */
  wback: boolean;
}

/** The access address, and the value written back to Rn (or -1). */
export function genAddress(s: ArmDisasContext, m: AddrMode): { addr: number; wb: number } {
  const f = s.f;
  const base = s.regAligned(m.n);
  const off = s.tmp();
  if (m.add) f.add(off, base, m.offset);
  else f.sub(off, base, m.offset);
  return { addr: m.index ? off : base, wb: m.wback ? off : -1 };
}

/** LDR-family: Rt = [address] (memop: size and sign); writeback, then Rt (LoadWritePC for r15). */
export function genLoad(s: ArmDisasContext, t: number, memop: number, m: AddrMode): void {
  const { addr, wb } = genAddress(s, m);
  const v = s.tmp();
  s.f.ld(v, addr, memop);
  if (wb >= 0) s.setReg(m.n, wb);
  s.setRegFromLoad(t, v);
}
/** STR-family: [address] = Rt (r15 stores the instruction's address + 8/+4); then writeback. */
export function genStore(s: ArmDisasContext, t: number, memop: number, m: AddrMode): void {
  const { addr, wb } = genAddress(s, m);
  s.f.st(s.reg(t), addr, memop);
  if (wb >= 0) s.setReg(m.n, wb);
}
/** LDRD/STRD: Rt and Rt2 at address and address + 4. */
export function genLoadDual(s: ArmDisasContext, t: number, t2: number, m: AddrMode): void {
  const f = s.f;
  const { addr, wb } = genAddress(s, m);
  const a2 = s.tmp(), v1 = s.tmp(), v2 = s.tmp();
  f.addi(a2, addr, 4);
  f.ld(v1, addr, MO_32);
  f.ld(v2, a2, MO_32);
  if (wb >= 0) s.setReg(m.n, wb);
  s.setReg(t, v1);
  s.setRegFromLoad(t2, v2);
}
export function genStoreDual(s: ArmDisasContext, t: number, t2: number, m: AddrMode): void {
  const f = s.f;
  const { addr, wb } = genAddress(s, m);
  const a2 = s.tmp();
  f.addi(a2, addr, 4);
  f.st(s.reg(t), addr, MO_32);
  f.st(s.reg(t2), a2, MO_32);
  if (wb >= 0) s.setReg(m.n, wb);
}

/**
 * LDM/STM: `regs` (bit i = ri) at consecutive words from the lowest address; `inc`/`before`
 * select IA/IB/DA/DB. A loaded base register wins over writeback; a loaded pc interworks.
 */
export function genLdm(s: ArmDisasContext, n: number, regs: number, inc: boolean, before: boolean, wback: boolean): void {
  const f = s.f;
  const count = popcount(regs);
  const base = s.reg(n);
  const start = s.tmp();
  const lowest = inc ? (before ? 4 : 0) : before ? -4 * count : -4 * count + 4;
  f.addi(start, base, lowest);
  const vals: number[] = [];
  let off = 0;
  for (let r = 0; r < 16; r++) {
    if (!(regs & (1 << r))) continue;
    const a = s.tmp(), v = s.tmp();
    f.addi(a, start, off);
    f.ld(v, a, MO_32);
    vals[r] = v;
    off += 4;
  }
  if (wback && !(regs & (1 << n))) {
    const wb = s.tmp();
    f.addi(wb, base, inc ? 4 * count : -4 * count);
    s.setReg(n, wb);
  }
  for (let r = 0; r < 15; r++) if (regs & (1 << r)) s.setReg(r, vals[r]);
  if (regs & 0x8000) s.setRegFromLoad(15, vals[15]);
}
export function genStm(s: ArmDisasContext, n: number, regs: number, inc: boolean, before: boolean, wback: boolean): void {
  const f = s.f;
  const count = popcount(regs);
  const base = s.reg(n);
  const start = s.tmp();
  const lowest = inc ? (before ? 4 : 0) : before ? -4 * count : -4 * count + 4;
  f.addi(start, base, lowest);
  let off = 0;
  for (let r = 0; r < 16; r++) {
    if (!(regs & (1 << r))) continue;
    const a = s.tmp();
    f.addi(a, start, off);
    f.st(r === n ? base : s.reg(r), a, MO_32);
    off += 4;
  }
  if (wback) {
    const wb = s.tmp();
    f.addi(wb, base, inc ? 4 * count : -4 * count);
    s.setReg(n, wb);
  }
}

export function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** LDREX{B,H,D}: load, arm the monitor; size = log2 bytes (3: doubleword into t, t2). */
export function genLdrex(s: ArmDisasContext, t: number, t2: number, addr: number, size: number): void {
  const f = s.f;
  f.call(helper_check_align, [], [addr, s.c(size === 3 ? 7 : (1 << size) - 1)]);
  const v = s.tmp();
  f.ld(v, addr, [MO_8, MO_16, MO_32, MO_32][size]);
  let v2 = -1;
  if (size === 3) {
    const a2 = s.tmp();
    v2 = s.tmp();
    f.addi(a2, addr, 4);
    f.ld(v2, a2, MO_32);
    f.stEnv(v2, EXCL_VAL_HI);
  }
  f.stEnv(addr, EXCL_ADDR);
  f.stEnv(v, EXCL_VAL);
  s.setReg(t, v);
  if (size === 3) s.setReg(t2, v2);
}
/** STREX{B,H,D}: Rd = 0 if stored, 1 if the monitor was lost. */
export function genStrex(s: ArmDisasContext, d: number, t: number, t2: number, addr: number, size: number): void {
  const r = s.tmp();
  s.f.call(helper_strex, [r], [addr, s.reg(t), size === 3 ? s.reg(t2) : s.c(0), s.c(size)]);
  s.setReg(d, r);
}
export function genClrex(s: ArmDisasContext): void {
  s.f.call(helper_clrex, [], []);
}

// ---- A32 translators --------------------------------------------------------------------------
type T = (s: ArmDisasContext, f: Fields) => void;

/** P/U/W with an immediate offset */
function immMode(s: ArmDisasContext, f: Fields, imm: number): AddrMode {
  return { n: f.n, offset: s.c(imm), add: f.U === 1, index: f.P === 1, wback: f.P === 0 || f.W === 1 };
}
/** P/U/W with a shifted register offset */
function regMode(s: ArmDisasContext, f: Fields): AddrMode {
  const off = shiftImm(s, s.reg(f.m), f.r ?? 0, f.v ?? 0, false).val;
  return { n: f.n, offset: off, add: f.U === 1, index: f.P === 1, wback: f.P === 0 || f.W === 1 };
}

// STR<c> <Rt>, [<Rn>{, #+/-<imm12>}]   (and the pre/post-indexed forms)
function arm_STR_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_32, immMode(s, f, f.i)); }
// LDR<c> <Rt>, [<Rn>{, #+/-<imm12>}]
function arm_LDR_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, immMode(s, f, f.i)); }
// STRB<c> <Rt>, [<Rn>{, #+/-<imm12>}]
function arm_STRB_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_8, immMode(s, f, f.i)); }
// LDRB<c> <Rt>, [<Rn>{, #+/-<imm12>}]
function arm_LDRB_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8, immMode(s, f, f.i)); }
// STR<c> <Rt>, [<Rn>, +/-<Rm>{, <shift>}]{!}
function arm_STR_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_32, regMode(s, f)); }
// LDR<c> <Rt>, [<Rn>, +/-<Rm>{, <shift>}]{!}
function arm_LDR_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, regMode(s, f)); }
// STRB<c> <Rt>, [<Rn>, +/-<Rm>{, <shift>}]{!}
function arm_STRB_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_8, regMode(s, f)); }
// LDRB<c> <Rt>, [<Rn>, +/-<Rm>{, <shift>}]{!}
function arm_LDRB_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8, regMode(s, f)); }
// PUSH<c> <registers>   (STR <Rt>, [SP, #-4]!)
function arm_PUSH_A2(s: ArmDisasContext, f: Fields): void {
  genStore(s, f.t, MO_32, { n: 13, offset: s.c(4), add: false, index: true, wback: true });
}
// POP<c> <registers>   (LDR <Rt>, [SP], #4)
function arm_POP_A2(s: ArmDisasContext, f: Fields): void {
  genLoad(s, f.t, MO_32, { n: 13, offset: s.c(4), add: true, index: false, wback: true });
}

// STRH<c> <Rt>, [<Rn>, +/-<Rm>]{!}
function arm_STRH_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_16, regMode(s, f)); }
// LDRH<c> <Rt>, [<Rn>, +/-<Rm>]{!}
function arm_LDRH_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16, regMode(s, f)); }
// STRH<c> <Rt>, [<Rn>{, #+/-<imm8>}]
function arm_STRH_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_16, immMode(s, f, f.i)); }
// LDRH<c> <Rt>, [<Rn>{, #+/-<imm8>}]
function arm_LDRH_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16, immMode(s, f, f.i)); }
// LDRSB<c> <Rt>, [<Rn>, +/-<Rm>]{!}
function arm_LDRSB_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8 | MO_SIGN, regMode(s, f)); }
// LDRSB<c> <Rt>, [<Rn>{, #+/-<imm8>}]
function arm_LDRSB_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8 | MO_SIGN, immMode(s, f, f.i)); }
// LDRSH<c> <Rt>, [<Rn>, +/-<Rm>]{!}
function arm_LDRSH_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16 | MO_SIGN, regMode(s, f)); }
// LDRSH<c> <Rt>, [<Rn>{, #+/-<imm8>}]
function arm_LDRSH_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16 | MO_SIGN, immMode(s, f, f.i)); }
// LDRD<c> <Rt>, <Rt2>, [<Rn>, +/-<Rm>]{!}
function arm_LDRD_reg(s: ArmDisasContext, f: Fields): void { doubleA32(s, f, true, regMode(s, f)); }
// LDRD<c> <Rt>, <Rt2>, [<Rn>{, #+/-<imm8>}]
function arm_LDRD_imm(s: ArmDisasContext, f: Fields): void { doubleA32(s, f, true, immMode(s, f, f.i)); }
// STRD<c> <Rt>, <Rt2>, [<Rn>, +/-<Rm>]{!}
function arm_STRD_reg(s: ArmDisasContext, f: Fields): void { doubleA32(s, f, false, regMode(s, f)); }
// STRD<c> <Rt>, <Rt2>, [<Rn>{, #+/-<imm8>}]
function arm_STRD_imm(s: ArmDisasContext, f: Fields): void { doubleA32(s, f, false, immMode(s, f, f.i)); }
/** A32 LDRD/STRD: Rt must be even (Rt = 14 would load the pc: unpredictable) */
function doubleA32(s: ArmDisasContext, f: Fields, load: boolean, m: AddrMode): void {
  if (f.t & 1 || f.t === 14) return undefinedInsn(s);
  if (load) genLoadDual(s, f.t, f.t + 1, m);
  else genStoreDual(s, f.t, f.t + 1, m);
}

export function undefinedInsn(s: ArmDisasContext): void {
  s.genException(1 /* ARM_EXCP_UDEF */, s.pc, s.word);
}

// PUSH<c> <registers>   (STMDB SP!, <registers>)
function arm_PUSH(s: ArmDisasContext, f: Fields): void { genStm(s, 13, f.R, false, true, true); }
// POP<c> <registers>   (LDM SP!, <registers>)
function arm_POP(s: ArmDisasContext, f: Fields): void { genLdm(s, 13, f.R, true, false, true); }
// STMDA<c> <Rn>{!}, <registers>
function arm_STMDA(s: ArmDisasContext, f: Fields): void { genStm(s, f.n, f.R, false, false, f.W === 1); }
// LDMDA<c> <Rn>{!}, <registers>
function arm_LDMDA(s: ArmDisasContext, f: Fields): void { genLdm(s, f.n, f.R, false, false, f.W === 1); }
// STM<c> <Rn>{!}, <registers>
function arm_STM(s: ArmDisasContext, f: Fields): void { genStm(s, f.n, f.R, true, false, f.W === 1); }
// LDM<c> <Rn>{!}, <registers>
function arm_LDM(s: ArmDisasContext, f: Fields): void { genLdm(s, f.n, f.R, true, false, f.W === 1); }
// STMDB<c> <Rn>{!}, <registers>
function arm_STMDB(s: ArmDisasContext, f: Fields): void { genStm(s, f.n, f.R, false, true, f.W === 1); }
// LDMDB<c> <Rn>{!}, <registers>
function arm_LDMDB(s: ArmDisasContext, f: Fields): void { genLdm(s, f.n, f.R, false, true, f.W === 1); }
// STMIB<c> <Rn>{!}, <registers>
function arm_STMIB(s: ArmDisasContext, f: Fields): void { genStm(s, f.n, f.R, true, true, f.W === 1); }
// LDMIB<c> <Rn>{!}, <registers>
function arm_LDMIB(s: ArmDisasContext, f: Fields): void { genLdm(s, f.n, f.R, true, true, f.W === 1); }

// LDREX<c> <Rt>, [<Rn>]
function arm_LDREX(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, s.reg(f.n), 2); }
// LDREXB<c> <Rt>, [<Rn>]
function arm_LDREXB(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, s.reg(f.n), 0); }
// LDREXH<c> <Rt>, [<Rn>]
function arm_LDREXH(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, s.reg(f.n), 1); }
// LDREXD<c> <Rt>, <Rt2>, [<Rn>]
function arm_LDREXD(s: ArmDisasContext, f: Fields): void {
  if (f.t & 1 || f.t === 14) return undefinedInsn(s);
  genLdrex(s, f.t, f.t + 1, s.reg(f.n), 3);
}
// STREX<c> <Rd>, <Rt>, [<Rn>]
function arm_STREX(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, s.reg(f.n), 2); }
// STREXB<c> <Rd>, <Rt>, [<Rn>]
function arm_STREXB(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, s.reg(f.n), 0); }
// STREXH<c> <Rd>, <Rt>, [<Rn>]
function arm_STREXH(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, s.reg(f.n), 1); }
// STREXD<c> <Rd>, <Rt>, <Rt2>, [<Rn>]
function arm_STREXD(s: ArmDisasContext, f: Fields): void {
  if (f.t & 1 || f.t === 14) return undefinedInsn(s);
  genStrex(s, f.d, f.t, f.t + 1, s.reg(f.n), 3);
}
// CLREX
function arm_CLREX(s: ArmDisasContext, _f: Fields): void { genClrex(s); }

/** SWP/SWPB: Rt = [Rn]; [Rn] = Rm (one access pair; atomic as long as guest threads are not) */
function genSwp(s: ArmDisasContext, f: Fields, memop: number): void {
  const addr = s.reg(f.n), old = s.tmp();
  s.f.ld(old, addr, memop);
  s.f.st(s.reg(f.m), addr, memop);
  s.setReg(f.t, old);
}
// SWP<c> <Rt>, <Rt2>, [<Rn>]
function arm_SWP(s: ArmDisasContext, f: Fields): void { genSwp(s, f, MO_32); }
// SWPB<c> <Rt>, <Rt2>, [<Rn>]
function arm_SWPB(s: ArmDisasContext, f: Fields): void { genSwp(s, f, MO_8); }

// PLD{W}<c> [<Rn>, #+/-<imm12>] and the other preload hints: no architectural effect
function arm_PLD_imm(_s: ArmDisasContext, _f: Fields): void {}
// PLI<c> [<Rn>, #+/-<imm12>]
function arm_PLI_imm(_s: ArmDisasContext, _f: Fields): void {}
// PLD{W}<c> [<Rn>, +/-<Rm>{, <shift>}]
function arm_PLD_reg(_s: ArmDisasContext, _f: Fields): void {}
// PLI<c> [<Rn>, +/-<Rm>{, <shift>}]
function arm_PLI_reg(_s: ArmDisasContext, _f: Fields): void {}

export const A32_LDST: Record<string, T> = {
  arm_STR_imm, arm_LDR_imm, arm_STRB_imm, arm_LDRB_imm, arm_STR_reg, arm_LDR_reg, arm_STRB_reg, arm_LDRB_reg,
  arm_PUSH_A2, arm_POP_A2,
  arm_STRH_reg, arm_LDRH_reg, arm_STRH_imm, arm_LDRH_imm, arm_LDRSB_reg, arm_LDRSB_imm, arm_LDRSH_reg, arm_LDRSH_imm,
  arm_LDRD_reg, arm_LDRD_imm, arm_STRD_reg, arm_STRD_imm,
  arm_PUSH, arm_POP, arm_STMDA, arm_LDMDA, arm_STM, arm_LDM, arm_STMDB, arm_LDMDB, arm_STMIB, arm_LDMIB,
  arm_LDREX, arm_LDREXB, arm_LDREXH, arm_LDREXD, arm_STREX, arm_STREXB, arm_STREXH, arm_STREXD, arm_CLREX,
  arm_SWP, arm_SWPB, arm_PLD_imm, arm_PLI_imm, arm_PLD_reg, arm_PLI_reg,
};
