// VFP translators, one per vfp-table.ts entry. Arithmetic, compares and conversions are helpers
// (helpers/vfp-arith.ts has the FPSCR semantics) working on the register file in the CPU state;
// moves, loads, stores, VABS/VNEG and VMOV immediate are plain IR on the register words.
import type { Fields } from "../bitstring";
import { HELPER_NO_FAULT, registerHelper } from "../../../ir/ir";
import { MO_32 } from "../../../ir/opcodes";
import {
  CPUARMState, FPSCR, FPSCR_IOC, FPSCR_IXC, FPSCR_RMODE_SHIFT, FPSID_VALUE, MVFR0_VALUE, MVFR1_VALUE, VFP_W,
} from "../cpu";
import {
  fpBinop, fpCompare, fpConvert, fpFromExact, fpFromInt, fpSqrt, fpToInt, lastFlags, OP_ADD, OP_DIV, OP_MUL, OP_SUB, RZ,
  FpResult, bitsToF64, bitsToF32,
} from "../helpers/vfp-arith";
import { ArmDisasContext, G_CF, G_NF, G_VF, G_ZF } from "./context";
import { genUndefined } from "./misc";
import { NEON_TRANSLATORS } from "./neon";

type T = (s: ArmDisasContext, f: Fields) => void;

/** register numbers: double Dd = D:d, single Sd = d:D */
export const dreg = (d: number, D: number) => (D << 4) | d;
export const sreg = (d: number, D: number) => (d << 1) | D;
/** word index of a register's (low) word: singles one word, doubles two */
const wordOf = (r: number, dp: boolean) => VFP_W + (dp ? 2 * r : r);

// ---- helpers: reading and writing registers as bits -------------------------------------------------
function readHi(cpu: CPUARMState, r: number, dp: boolean): number {
  return dp ? cpu.R[VFP_W + 2 * r + 1] : 0;
}
function readLo(cpu: CPUARMState, r: number, dp: boolean): number {
  return cpu.R[dp ? VFP_W + 2 * r : VFP_W + r];
}
function write(cpu: CPUARMState, r: number, dp: boolean, v: FpResult): void {
  if (dp) {
    cpu.R[VFP_W + 2 * r] = v.lo;
    cpu.R[VFP_W + 2 * r + 1] = v.hi;
  } else cpu.R[VFP_W + r] = v.lo;
  cpu.R[FPSCR] |= v.flags;
}

/** VADD/VSUB/VMUL/VDIV and the multiply-accumulates: kind 0 plain, 1 VNMUL, 2 VMLA, 3 VMLS, 4 VNMLA, 5 VNMLS */
function arith(cpu: CPUARMState, kind: number, op: number, d: number, n: number, m: number, dp: number): void {
  const isDp = dp !== 0;
  const fpscr = cpu.R[FPSCR];
  const p = fpBinop(op, readHi(cpu, n, isDp), readLo(cpu, n, isDp), readHi(cpu, m, isDp), readLo(cpu, m, isDp), !isDp, fpscr);
  if (kind === 0) return write(cpu, d, isDp, p);
  const sign = isDp ? 0x80000000 : 0;
  let phi = p.hi, plo = p.lo;
  const flags = p.flags;
  if (kind === 1) {
    // VNMUL: the negated product (FPNeg never processes NaNs)
    if (isDp) phi ^= sign;
    else plo ^= 0x80000000;
    cpu.R[FPSCR] |= flags;
    if (isDp) {
      cpu.R[VFP_W + 2 * d] = plo;
      cpu.R[VFP_W + 2 * d + 1] = phi;
    } else cpu.R[VFP_W + d] = plo;
    return;
  }
  // accumulate: d = (+/-)d + (+/-)product, with the product rounded first
  if (kind === 3 || kind === 4) {
    if (isDp) phi ^= sign;
    else plo ^= 0x80000000;
  }
  let dhi = readHi(cpu, d, isDp), dlo = readLo(cpu, d, isDp);
  if (kind === 4 || kind === 5) {
    if (isDp) dhi ^= sign;
    else dlo ^= 0x80000000;
  }
  const r = fpBinop(OP_ADD, dhi, dlo, phi, plo, !isDp, fpscr);
  r.flags |= flags;
  write(cpu, d, isDp, r);
}
const helper_arith = registerHelper({ name: "vfp_arith", flags: HELPER_NO_FAULT, ret: null, fn: arith });
const helper_sqrt = registerHelper({
  name: "vfp_sqrt", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, m: number, dp: number) => {
    const isDp = dp !== 0;
    write(cpu, d, isDp, fpSqrt(readHi(cpu, m, isDp), readLo(cpu, m, isDp), !isDp, cpu.R[FPSCR]));
  },
});
/** VCMP{E}: the result flags in FPSCR[31:28] */
const helper_cmp = registerHelper({
  name: "vfp_cmp", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, m: number, dp: number, e: number, zero: number) => {
    const isDp = dp !== 0;
    const nzcv = fpCompare(readHi(cpu, d, isDp), readLo(cpu, d, isDp), zero ? 0 : readHi(cpu, m, isDp), zero ? 0 : readLo(cpu, m, isDp), !isDp, e !== 0, cpu.R[FPSCR]);
    cpu.R[FPSCR] = (cpu.R[FPSCR] & 0x0fffffff) | nzcv | lastFlags();
  },
});
/** VCVT between precisions: `toSingle` converts double Dm to single Sd */
const helper_cvt_fp = registerHelper({
  name: "vfp_cvt_fp", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, m: number, toSingle: number) => {
    const r = toSingle ? fpConvert(readHi(cpu, m, true), readLo(cpu, m, true), true, cpu.R[FPSCR]) : fpConvert(0, readLo(cpu, m, false), false, cpu.R[FPSCR]);
    write(cpu, d, !toSingle, r);
  },
});
const helper_from_int = registerHelper({
  name: "vfp_from_int", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, m: number, dp: number, signed: number) => {
    write(cpu, d, dp !== 0, fpFromInt(cpu.R[VFP_W + m], signed !== 0, dp === 0, cpu.R[FPSCR]));
  },
});
const helper_to_int = registerHelper({
  name: "vfp_to_int", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, m: number, dp: number, signed: number, rz: number) => {
    const isDp = dp !== 0;
    const fpscr = cpu.R[FPSCR];
    const mode = rz ? RZ : (fpscr >>> FPSCR_RMODE_SHIFT) & 3;
    cpu.R[VFP_W + d] = fpToInt(readHi(cpu, m, isDp), readLo(cpu, m, isDp), !isDp, signed !== 0, mode, fpscr);
    cpu.R[FPSCR] |= lastFlags();
  },
});
/**
 * VCVT between floating point and fixed point in place: to fixed rounds toward zero, from fixed
 * rounds per FPSCR; `size` is 16 or 32 bits, `fbits` the fraction bits.
 */
const helper_fixed = registerHelper({
  name: "vfp_fixed", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, d: number, dp: number, toFixed: number, unsigned: number, size: number, fbits: number) => {
    const isDp = dp !== 0;
    const fpscr = cpu.R[FPSCR];
    const scale = 2 ** fbits;
    if (toFixed) {
      // scale exactly (a power of two), then the integer conversion with RZ and saturation to size
      const hi = readHi(cpu, d, isDp), lo = readLo(cpu, d, isDp);
      const v = isDp ? bitsToF64(hi, lo) : bitsToF32(lo);
      let r: number;
      let flags = 0;
      if (v !== v) {
        r = 0;
        flags = FPSCR_IOC;
      } else {
        const x = Math.trunc(v * scale);
        const min = unsigned ? 0 : -(2 ** (size - 1)), max = unsigned ? 2 ** size - 1 : 2 ** (size - 1) - 1;
        if (x < min || x > max) {
          r = x < min ? min : max;
          flags = FPSCR_IOC;
        } else {
          r = x;
          if (x !== v * scale) flags = FPSCR_IXC;
        }
      }
      // the result is extended to the register: 16-bit values to 32, doubles to 64
      const out = (size === 16 ? (unsigned ? r & 0xffff : (r << 16) >> 16) : r) | 0;
      if (isDp) {
        cpu.R[VFP_W + 2 * d] = out;
        cpu.R[VFP_W + 2 * d + 1] = !unsigned && out < 0 ? -1 : 0;
      } else cpu.R[VFP_W + d] = out;
      cpu.R[FPSCR] |= flags;
    } else {
      const raw = readLo(cpu, d, isDp);
      const x = size === 16 ? (unsigned ? raw & 0xffff : (raw << 16) >> 16) : unsigned ? raw >>> 0 : raw | 0;
      // x / 2^fbits is exact in double; a single rounds it under the FPSCR's mode
      write(cpu, d, isDp, fpFromExact(x / scale, !isDp, fpscr));
    }
  },
});

// ---- generators ------------------------------------------------------------------------------------------
function regs3(f: Fields): { d: number; n: number; m: number; dp: number } {
  const dp = f.z;
  return dp
    ? { d: dreg(f.d, f.D), n: dreg(f.n, f.N), m: dreg(f.m, f.M), dp }
    : { d: sreg(f.d, f.D), n: sreg(f.n, f.N), m: sreg(f.m, f.M), dp };
}
function genArith(s: ArmDisasContext, f: Fields, kind: number, op: number): void {
  const r = regs3(f);
  s.f.call(helper_arith, [], [s.c(kind), s.c(op), s.c(r.d), s.c(r.n), s.c(r.m), s.c(r.dp)]);
}
/** copy register m to d, with the sign bit cleared (abs), flipped (neg) or kept */
function genMoveSign(s: ArmDisasContext, f: Fields, how: "mov" | "abs" | "neg"): void {
  const dp = f.z === 1;
  const d = dp ? dreg(f.d, f.D) : sreg(f.d, f.D), m = dp ? dreg(f.m, f.M) : sreg(f.m, f.M);
  const fn = s.f;
  const lo = s.tmp(), hi = s.tmp();
  fn.ldEnv(lo, wordOf(m, dp));
  const top = dp ? hi : lo;
  if (dp) fn.ldEnv(hi, wordOf(m, dp) + 1);
  if (how === "abs") fn.andi(top, top, 0x7fffffff);
  else if (how === "neg") fn.xori(top, top, 0x80000000 | 0);
  fn.stEnv(lo, wordOf(d, dp));
  if (dp) fn.stEnv(hi, wordOf(d, dp) + 1);
}

/** VFPExpandImm: the 8-bit immediate as single or double bits */
export function vfpExpandImm(imm8: number, dp: boolean): [number, number] {
  const a = (imm8 >>> 7) & 1, b = (imm8 >>> 6) & 1, cdefgh = imm8 & 0x3f;
  if (!dp) return [0, ((a << 31) | ((b ^ 1) << 30) | ((b ? 0x1f : 0) << 25) | (cdefgh << 19)) | 0];
  return [((a << 31) | ((b ^ 1) << 30) | ((b ? 0xff : 0) << 22) | (cdefgh << 16)) | 0, 0];
}

// ---- translators -----------------------------------------------------------------------------------------
// VMLA<c>.F64 <Dd>, <Dn>, <Dm>   (and .F32)
function vfp_VMLA(s: ArmDisasContext, f: Fields): void { genArith(s, f, 2, OP_MUL); }
// VMLS<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VMLS(s: ArmDisasContext, f: Fields): void { genArith(s, f, 3, OP_MUL); }
// VNMLA<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VNMLA(s: ArmDisasContext, f: Fields): void { genArith(s, f, 4, OP_MUL); }
// VNMLS<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VNMLS(s: ArmDisasContext, f: Fields): void { genArith(s, f, 5, OP_MUL); }
// VMUL<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VMUL(s: ArmDisasContext, f: Fields): void { genArith(s, f, 0, OP_MUL); }
// VNMUL<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VNMUL(s: ArmDisasContext, f: Fields): void { genArith(s, f, 1, OP_MUL); }
// VADD<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VADD(s: ArmDisasContext, f: Fields): void { genArith(s, f, 0, OP_ADD); }
// VSUB<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VSUB(s: ArmDisasContext, f: Fields): void { genArith(s, f, 0, OP_SUB); }
// VDIV<c>.F64 <Dd>, <Dn>, <Dm>
function vfp_VDIV(s: ArmDisasContext, f: Fields): void { genArith(s, f, 0, OP_DIV); }
// VMOV<c>.F64 <Dd>, #<imm>
function vfp_VMOV_imm(s: ArmDisasContext, f: Fields): void {
  const dp = f.z === 1;
  const d = dp ? dreg(f.d, f.D) : sreg(f.d, f.D);
  const [hi, lo] = vfpExpandImm(f.i, dp);
  if (dp) {
    s.f.stEnv(s.c(lo), wordOf(d, true));
    s.f.stEnv(s.c(hi), wordOf(d, true) + 1);
  } else s.f.stEnv(s.c(lo), wordOf(d, false));
}
// VMOV<c>.F64 <Dd>, <Dm>
function vfp_VMOV_reg(s: ArmDisasContext, f: Fields): void { genMoveSign(s, f, "mov"); }
// VABS<c>.F64 <Dd>, <Dm>
function vfp_VABS(s: ArmDisasContext, f: Fields): void { genMoveSign(s, f, "abs"); }
// VNEG<c>.F64 <Dd>, <Dm>
function vfp_VNEG(s: ArmDisasContext, f: Fields): void { genMoveSign(s, f, "neg"); }
// VSQRT<c>.F64 <Dd>, <Dm>
function vfp_VSQRT(s: ArmDisasContext, f: Fields): void {
  const r = regs3({ ...f, n: 0, N: 0 });
  s.f.call(helper_sqrt, [], [s.c(r.d), s.c(r.m), s.c(r.dp)]);
}
// VCMP{E}<c>.F64 <Dd>, <Dm>
function vfp_VCMP(s: ArmDisasContext, f: Fields): void {
  const r = regs3({ ...f, n: 0, N: 0 });
  s.f.call(helper_cmp, [], [s.c(r.d), s.c(r.m), s.c(r.dp), s.c(f.E), s.c(0)]);
}
// VCMP{E}<c>.F64 <Dd>, #0.0
function vfp_VCMP_zero(s: ArmDisasContext, f: Fields): void {
  const r = regs3({ ...f, n: 0, N: 0, m: 0, M: 0 });
  s.f.call(helper_cmp, [], [s.c(r.d), s.c(0), s.c(r.dp), s.c(f.E), s.c(1)]);
}
// VCVT<c>.F64.F32 <Dd>, <Sm>   /   VCVT<c>.F32.F64 <Sd>, <Dm>
function vfp_VCVT_fp(s: ArmDisasContext, f: Fields): void {
  if (f.z) s.f.call(helper_cvt_fp, [], [s.c(sreg(f.d, f.D)), s.c(dreg(f.m, f.M)), s.c(1)]);
  else s.f.call(helper_cvt_fp, [], [s.c(dreg(f.d, f.D)), s.c(sreg(f.m, f.M)), s.c(0)]);
}
// VCVT<c>.F64.<S32|U32> <Dd>, <Sm>
function vfp_VCVT_from_int(s: ArmDisasContext, f: Fields): void {
  const d = f.z ? dreg(f.d, f.D) : sreg(f.d, f.D);
  s.f.call(helper_from_int, [], [s.c(d), s.c(sreg(f.m, f.M)), s.c(f.z), s.c(f.o)]);
}
// VCVT{R}<c>.<S32|U32>.F64 <Sd>, <Dm>
function vfp_VCVT_to_int(s: ArmDisasContext, f: Fields): void {
  const m = f.z ? dreg(f.m, f.M) : sreg(f.m, f.M);
  s.f.call(helper_to_int, [], [s.c(sreg(f.d, f.D)), s.c(m), s.c(f.z), s.c(f.o), s.c(f.r)]);
}
// VCVT<c>.<dt>.F64 <Dd>, <Dd>, #<fbits>   (and the reverse)
function vfp_VCVT_fixed(s: ArmDisasContext, f: Fields): void {
  const d = f.z ? dreg(f.d, f.D) : sreg(f.d, f.D);
  const size = f.x ? 32 : 16;
  const imm5 = (f.i << 1) | f.a;
  const fbits = size - imm5;
  if (fbits < 0) return genUndefined(s);
  s.f.call(helper_fixed, [], [s.c(d), s.c(f.z), s.c(f.o), s.c(f.u), s.c(size), s.c(fbits)]);
}

// VMOV<c> <Sn>, <Rt>   /   VMOV<c> <Rt>, <Sn>
function vfp_VMOV_core_sp(s: ArmDisasContext, f: Fields): void {
  const n = sreg(f.n, f.N);
  if (f.o) {
    const t = s.tmp();
    s.f.ldEnv(t, wordOf(n, false));
    s.setReg(f.t, t);
  } else s.f.stEnv(s.reg(f.t), wordOf(n, false));
}
/** FPSCR as VMSR writes it (the bits a VFPv3 without trap support keeps) */
const helper_set_fpscr = registerHelper({
  name: "vfp_set_fpscr", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUARMState, v: number) => cpu.setFpscr(v),
});
// VMSR<c> FPSCR, <Rt>
function vfp_VMSR(s: ArmDisasContext, f: Fields): void {
  if (f.r !== 1 || f.t === 15) return genUndefined(s);
  s.f.call(helper_set_fpscr, [], [s.reg(f.t)]);
}
// VMRS<c> <Rt>, FPSCR   (Rt = 15: APSR_nzcv, the flags of the last VCMP)
function vfp_VMRS(s: ArmDisasContext, f: Fields): void {
  const fn = s.f;
  const v = s.tmp();
  switch (f.r) {
    case 1:
      fn.ldEnv(v, FPSCR);
      break;
    case 0:
      fn.movi(v, FPSID_VALUE);
      break;
    case 6:
      fn.movi(v, MVFR1_VALUE);
      break;
    case 7:
      fn.movi(v, MVFR0_VALUE);
      break;
    default:
      return genUndefined(s);
  }
  if (f.t !== 15) return s.setReg(f.t, v);
  if (f.r !== 1) return genUndefined(s);
  // NZCV from FPSCR[31:28] in the flag globals' encoding
  const z = s.tmp();
  fn.mov(G_NF, v);
  fn.binop("andc", z, s.c(0x40000000), v);
  fn.mov(G_ZF, z);
  const c = s.tmp();
  fn.shri(c, v, 29);
  fn.andi(G_CF, c, 1);
  fn.shli(G_VF, v, 3);
}
// VMOV<c>.32 <Dd[x]>, <Rt>
function vfp_VMOV_core_scalar(s: ArmDisasContext, f: Fields): void {
  s.f.stEnv(s.reg(f.t), wordOf(dreg(f.d, f.D), true) + f.i);
}
// VMOV<c>.32 <Rt>, <Dn[x]>
function vfp_VMOV_scalar_core(s: ArmDisasContext, f: Fields): void {
  const t = s.tmp();
  s.f.ldEnv(t, wordOf(dreg(f.n, f.N), true) + f.i);
  s.setReg(f.t, t);
}
// VMOV<c> <Sm>, <Sm1>, <Rt>, <Rt2>   /   VMOV<c> <Rt>, <Rt2>, <Sm>, <Sm1>
function vfp_VMOV_2core_2sp(s: ArmDisasContext, f: Fields): void {
  const m = sreg(f.m, f.M);
  if (m === 31) return genUndefined(s);
  moveTwo(s, f, wordOf(m, false), wordOf(m + 1, false));
}
// VMOV<c> <Dm>, <Rt>, <Rt2>   /   VMOV<c> <Rt>, <Rt2>, <Dm>
function vfp_VMOV_2core_dp(s: ArmDisasContext, f: Fields): void {
  const w = wordOf(dreg(f.m, f.M), true);
  moveTwo(s, f, w, w + 1);
}
function moveTwo(s: ArmDisasContext, f: Fields, w0: number, w1: number): void {
  if (f.o) {
    if (f.t === f.n) return genUndefined(s);
    const a = s.tmp(), b = s.tmp();
    s.f.ldEnv(a, w0);
    s.f.ldEnv(b, w1);
    s.setReg(f.t, a);
    s.setReg(f.n, b);
  } else {
    s.f.stEnv(s.reg(f.t), w0);
    s.f.stEnv(s.reg(f.n), w1);
  }
}

/** VLDR/VSTR and the multiple forms: `count` registers from `first`, words from `addr` */
function genTransfer(s: ArmDisasContext, load: boolean, addr: number, first: number, count: number, dp: boolean): void {
  const fn = s.f;
  const words = dp ? 2 * count : count;
  const base = wordOf(first, dp);
  if (load) {
    const vals: number[] = [];
    for (let k = 0; k < words; k++) {
      const a = s.tmp(), v = s.tmp();
      fn.addi(a, addr, 4 * k);
      fn.ld(v, a, MO_32);
      vals.push(v);
    }
    for (let k = 0; k < words; k++) fn.stEnv(vals[k], base + k);
  } else {
    for (let k = 0; k < words; k++) {
      const a = s.tmp(), v = s.tmp();
      fn.addi(a, addr, 4 * k);
      fn.ldEnv(v, base + k);
      fn.st(v, a, MO_32);
    }
  }
}
function ldstSingle(s: ArmDisasContext, f: Fields, load: boolean): void {
  const dp = f.z === 1;
  const d = dp ? dreg(f.d, f.D) : sreg(f.d, f.D);
  const a = s.tmp();
  s.f.addi(a, s.regAligned(f.n), f.U ? f.i * 4 : -f.i * 4);
  genTransfer(s, load, a, d, 1, dp);
}
// VSTR<c> <Dd>, [<Rn>{, #+/-<imm>}]
function vfp_VSTR(s: ArmDisasContext, f: Fields): void { ldstSingle(s, f, false); }
// VLDR<c> <Dd>, [<Rn>{, #+/-<imm>}]
function vfp_VLDR(s: ArmDisasContext, f: Fields): void { ldstSingle(s, f, true); }
/** VLDM/VSTM: IA (optionally writing back) or DB with writeback */
function ldstMultiple(s: ArmDisasContext, f: Fields, load: boolean, n: number, P: number, U: number, W: number): void {
  const dp = f.z === 1;
  const d = dp ? dreg(f.d, f.D) : sreg(f.d, f.D);
  const count = dp ? f.i >> 1 : f.i;
  if (P === U || (P === 1 && W === 0) || count === 0 || d + count > 32 || (dp && count > 16) || (n === 15 && W)) return genUndefined(s);
  const base = s.reg(n);
  const bytes = 4 * f.i;
  let addr = base;
  if (!U) {
    addr = s.tmp();
    s.f.addi(addr, base, -bytes);
  }
  genTransfer(s, load, addr, d, count, dp);
  if (W) {
    const wb = s.tmp();
    s.f.addi(wb, base, U ? bytes : -bytes);
    s.setReg(n, wb);
  }
}
// VPUSH<c> <list>
function vfp_VPUSH(s: ArmDisasContext, f: Fields): void { ldstMultiple(s, f, false, 13, 1, 0, 1); }
// VPOP<c> <list>
function vfp_VPOP(s: ArmDisasContext, f: Fields): void { ldstMultiple(s, f, true, 13, 0, 1, 1); }
// VSTM{IA,DB}<c> <Rn>{!}, <list>
function vfp_VSTM(s: ArmDisasContext, f: Fields): void { ldstMultiple(s, f, false, f.n, f.P, f.U, f.W); }
// VLDM{IA,DB}<c> <Rn>{!}, <list>
function vfp_VLDM(s: ArmDisasContext, f: Fields): void { ldstMultiple(s, f, true, f.n, f.P, f.U, f.W); }

export const VFP_TRANSLATORS: Record<string, T> = {
  vfp_VMLA, vfp_VMLS, vfp_VNMLA, vfp_VNMLS, vfp_VMUL, vfp_VNMUL, vfp_VADD, vfp_VSUB, vfp_VDIV,
  vfp_VMOV_imm, vfp_VMOV_reg, vfp_VABS, vfp_VNEG, vfp_VSQRT, vfp_VCMP, vfp_VCMP_zero, vfp_VCVT_fp,
  vfp_VCVT_from_int, vfp_VCVT_to_int, vfp_VCVT_fixed,
  vfp_VMOV_core_sp, vfp_VMSR, vfp_VMRS, vfp_VMOV_core_scalar, vfp_VMOV_scalar_core, vfp_VMOV_2core_2sp, vfp_VMOV_2core_dp,
  vfp_VSTR, vfp_VLDR, vfp_VPUSH, vfp_VPOP, vfp_VSTM, vfp_VLDM,
  ...NEON_TRANSLATORS,
};
