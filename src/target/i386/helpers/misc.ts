// Helpers for the rarer integer instructions: cpuid, rdtsc, cmpxchg8b and the BCD adjusts.
import { HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, registerHelper } from "../../../ir/ir";
import { computeEflags } from "../cc";
import { CPUX86State, R_EAX, R_EBX, R_ECX, R_EDX } from "../cpu";
import { EXCP_DE, raiseException } from "./alu";

const RW = HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS;


/**
 * The CPU model tsemu reports: a Pentium M (family 6, model 13 "Dothan", stepping 8), a real CPU
 * with SSE2 and without SSE3, whose feature bits list exactly what the translator implements:
 * FPU TSC CX8 CMOV SSE SSE2 (MMX and FXSR join when they are implemented).
 */
export const CPUID_VENDOR = "GenuineIntel";
export const CPUID_SIGNATURE = 0x000006d8;
export const CPUID_BRAND = "Intel(R) Pentium(R) M processor 2.00GHz";
export const CPUID_FEATURES_EDX = (1 << 0) | (1 << 4) | (1 << 8) | (1 << 15) | (1 << 25) | (1 << 26);
export const CPUID_FEATURES_ECX = 0;
/** leaf 2 cache descriptors: 32K 8-way L1 data and code, 2M 8-way L2, 64-byte lines */
const CACHE_DESCRIPTORS = 0x7d302c01;
const vendorWords = [0, 4, 8].map((o) => Buffer.from(CPUID_VENDOR, "latin1").readInt32LE(o));
const brandBuf = Buffer.alloc(48);
brandBuf.write(CPUID_BRAND, "latin1");
const brandWords = Array.from({ length: 12 }, (_, i) => brandBuf.readInt32LE(4 * i));

export function cpuid(cpu: CPUX86State): void {
  const R = cpu.R;
  const leaf = R[R_EAX] >>> 0;
  let a = 0, b = 0, c = 0, d = 0;
  if (leaf === 0) {
    a = 2;
    [b, d, c] = vendorWords;
  } else if (leaf === 1) {
    a = CPUID_SIGNATURE;
    b = 0x00000800; // clflush line size 8 quadwords
    c = CPUID_FEATURES_ECX;
    d = CPUID_FEATURES_EDX;
  } else if (leaf === 2) {
    a = CACHE_DESCRIPTORS;
  } else if (leaf === 0x80000000) {
    a = 0x80000004;
  } else if (leaf >= 0x80000002 && leaf <= 0x80000004) {
    [a, b, c, d] = brandWords.slice(4 * (leaf - 0x80000002), 4 * (leaf - 0x80000002) + 4);
  }
  R[R_EAX] = a;
  R[R_EBX] = b;
  R[R_ECX] = c;
  R[R_EDX] = d;
}
export const helper_cpuid = registerHelper({ name: "cpuid", flags: RW, ret: null, fn: cpuid });

const tscStart = process.hrtime.bigint();
export const helper_rdtsc = registerHelper({
  name: "rdtsc", flags: RW, ret: null,
  fn: (cpu: CPUX86State) => {
    // a 1 GHz counter from the host clock: monotonic and plausible
    const t = process.hrtime.bigint() - tscStart + 1000000n;
    cpu.R[R_EAX] = Number(BigInt.asIntN(32, t));
    cpu.R[R_EDX] = Number(BigInt.asIntN(32, t >> 32n));
  },
});

export const helper_cmpxchg8b = registerHelper({
  name: "cmpxchg8b", flags: RW, ret: null,
  fn: (cpu: CPUX86State, addr: number) => {
    const R = cpu.R;
    const mem = cpu.mem;
    const old = mem.ld64(addr);
    const cmp = BigInt.asIntN(64, (BigInt(R[R_EDX]) << 32n) | BigInt(R[R_EAX] >>> 0));
    const fl = cpu.ccFlags();
    if (old === cmp) {
      mem.st64(addr, BigInt.asIntN(64, (BigInt(R[R_ECX]) << 32n) | BigInt(R[R_EBX] >>> 0)));
      cpu.setCcFlags(fl | 0x40);
    } else {
      mem.st64(addr, old); // the hardware writes the old value back
      R[R_EAX] = Number(BigInt.asIntN(32, old));
      R[R_EDX] = Number(BigInt.asIntN(32, old >> 32n));
      cpu.setCcFlags(fl & ~0x40);
    }
  },
});

// ---- BCD adjusts (flags per the SDM; "undefined" ones as Intel CPUs leave them) ------------------------
const PF = (v: number) => computeEflags(17, v & 0xff, 0, 0) & 0xc4; // SF ZF PF of a byte
function bcd(cpu: CPUX86State, op: number, imm: number): void {
  const R = cpu.R;
  let al = R[R_EAX] & 0xff;
  let ah = (R[R_EAX] >> 8) & 0xff;
  const fl = cpu.ccFlags();
  let cf = fl & 1, af = fl & 0x10;
  let nf = 0;
  switch (op) {
    case 0: { // daa
      const oldAl = al, oldCf = cf;
      cf = 0;
      if ((al & 0xf) > 9 || af) { al = (al + 6) & 0xff; cf = oldCf | (oldAl + 6 > 0xff ? 1 : 0); af = 0x10; } else af = 0;
      if (oldAl > 0x99 || oldCf) { al = (al + 0x60) & 0xff; cf = 1; } else cf = 0;
      nf = cf | af | PF(al) | (fl & 0x800);
      break;
    }
    case 1: { // das
      const oldAl = al, oldCf = cf;
      cf = 0;
      if ((al & 0xf) > 9 || af) { cf = oldCf | (al < 6 ? 1 : 0); al = (al - 6) & 0xff; af = 0x10; } else af = 0;
      if (oldAl > 0x99 || oldCf) { al = (al - 0x60) & 0xff; cf = 1; }
      nf = cf | af | PF(al) | (fl & 0x800);
      break;
    }
    case 2: // aaa: AX += 0x106 (the carry from AL reaches AH, as current CPUs do)
    case 3: { // aas: AX -= 6, AH -= 1
      if ((al & 0xf) > 9 || af) {
        let ax = (ah << 8) | al;
        ax = op === 2 ? ax + 0x106 : ((ax - 6) & 0xffff) - 0x100;
        ah = (ax >> 8) & 0xff;
        al = ax & 0xff;
        af = 0x10; cf = 1;
      } else { af = 0; cf = 0; }
      al &= 0xf;
      nf = cf | af | PF(al) | (fl & 0x800);
      break;
    }
    case 4: // aam
      if (imm === 0) raiseException(cpu, EXCP_DE);
      ah = Math.floor(al / imm);
      al = al % imm;
      nf = PF(al);
      break;
    case 5: // aad
      al = (al + ah * imm) & 0xff;
      ah = 0;
      nf = PF(al);
      break;
  }
  R[R_EAX] = (R[R_EAX] & ~0xffff) | ((ah & 0xff) << 8) | (al & 0xff);
  cpu.setCcFlags(nf);
}
export const helper_bcd = registerHelper({ name: "bcd", flags: RW, ret: null, fn: bcd });
