// The ARMv6/v7 "media" instructions and bit operations: parallel add/subtract (modular with GE
// flags, saturating, halving; signed and unsigned; 16- and 8-bit lanes), QADD/QSUB/QDADD/QDSUB,
// SSAT/USAT(16), SEL, PKHBT/PKHTB, the extends (SXTB, UXTAH, ...), REV/REV16/REVSH/RBIT, CLZ and
// the bit-field instructions. Generators take register numbers so A32 and T32 share them.
import { HELPER_NO_FAULT, HELPER_PURE, registerHelper } from "../../../ir/ir";
import type { Fields } from "../bitstring";
import { CPUARMState, GE, QF } from "../cpu";
import { ArmDisasContext } from "./context";
import { shiftImm, SHIFT_ASR, SHIFT_LSL } from "./dp";

type T = (s: ArmDisasContext, f: Fields) => void;

// ---- parallel add/subtract ------------------------------------------------------------------------
/** prefixes: S (modular, GE), Q (saturating), SH (halving), then the unsigned ones */
export const PAR_S = 0, PAR_Q = 1, PAR_SH = 2, PAR_U = 3, PAR_UQ = 4, PAR_UH = 5;
/** operations */
export const PAR_ADD16 = 0, PAR_ASX = 1, PAR_SAX = 2, PAR_SUB16 = 3, PAR_ADD8 = 4, PAR_SUB8 = 5;

/** One parallel add/subtract: the packed result; GE is written for the S and U prefixes. */
export function parallelAddSub(cpu: CPUARMState, prefix: number, op: number, a: number, b: number): number {
  const signed = prefix < PAR_U;
  const kind = prefix % 3; // 0 modular, 1 saturating, 2 halving
  const bytes = op >= PAR_ADD8;
  const lanes = bytes ? 4 : 2;
  const width = bytes ? 8 : 16;
  const lmask = (1 << width) - 1;
  let res = 0, ge = 0;
  for (let i = 0; i < lanes; i++) {
    const sh = i * width;
    let x = (a >>> sh) & lmask;
    // ASX: lane 0 subtracts b's top lane, lane 1 adds b's bottom lane; SAX the other way round
    let y = op === PAR_ASX || op === PAR_SAX ? (b >>> ((1 - i) * width)) & lmask : (b >>> sh) & lmask;
    if (signed) {
      x = (x << (32 - width)) >> (32 - width);
      y = (y << (32 - width)) >> (32 - width);
    }
    const sub = op === PAR_SUB16 || op === PAR_SUB8 || (op === PAR_ASX && i === 0) || (op === PAR_SAX && i === 1);
    let r = sub ? x - y : x + y;
    if (kind === 0) {
      const set = signed ? r >= 0 : sub ? r >= 0 : r > lmask;
      if (set) ge |= bytes ? 1 << i : 3 << (2 * i);
    } else if (kind === 1) {
      const lo = signed ? -(1 << (width - 1)) : 0;
      const hi = signed ? (1 << (width - 1)) - 1 : lmask;
      r = r < lo ? lo : r > hi ? hi : r;
    } else r = r >> 1;
    res |= (r & lmask) << sh;
  }
  if (kind === 0) cpu.R[GE] = ge;
  return res | 0;
}
const helper_parallel = registerHelper({
  name: "arm_parallel", flags: HELPER_NO_FAULT, ret: 0,
  fn: parallelAddSub,
});
export function genParallel(s: ArmDisasContext, prefix: number, op: number, d: number, n: number, m: number): void {
  const r = s.tmp();
  s.f.call(helper_parallel, [r], [s.c(prefix), s.c(op), s.reg(n), s.reg(m)]);
  s.setReg(d, r);
}

// ---- saturation ------------------------------------------------------------------------------------
function ssat(cpu: CPUARMState, v: number, bits: number): number {
  const hi = 2 ** (bits - 1) - 1, lo = -(2 ** (bits - 1));
  if (v > hi) {
    cpu.R[QF] = 1;
    return hi;
  }
  if (v < lo) {
    cpu.R[QF] = 1;
    return lo;
  }
  return v;
}
function usat(cpu: CPUARMState, v: number, bits: number): number {
  const hi = 2 ** bits - 1;
  if (v > hi) {
    cpu.R[QF] = 1;
    return hi;
  }
  if (v < 0) {
    cpu.R[QF] = 1;
    return 0;
  }
  return v;
}
/** QADD/QSUB/QDADD/QDSUB: Rd = sat(Rm +/- (doubled?) Rn) */
const helper_qaddsub = registerHelper({
  name: "arm_qaddsub", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, m: number, n: number, sub: number, dbl: number) => {
    if (dbl) n = ssat(cpu, n * 2, 32);
    return ssat(cpu, sub ? m - n : m + n, 32) | 0;
  },
});
const helper_ssat = registerHelper({
  name: "arm_ssat", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, v: number, bits: number) => ssat(cpu, v, bits) | 0,
});
const helper_usat = registerHelper({
  name: "arm_usat", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, v: number, bits: number) => usat(cpu, v, bits) | 0,
});
const helper_ssat16 = registerHelper({
  name: "arm_ssat16", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, v: number, bits: number) =>
    (ssat(cpu, (v << 16) >> 16, bits) & 0xffff) | (ssat(cpu, v >> 16, bits) << 16),
});
const helper_usat16 = registerHelper({
  name: "arm_usat16", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, v: number, bits: number) =>
    (usat(cpu, (v << 16) >> 16, bits) & 0xffff) | (usat(cpu, v >> 16, bits) << 16),
});
export function genQAddSub(s: ArmDisasContext, d: number, m: number, n: number, sub: boolean, dbl: boolean): void {
  const r = s.tmp();
  s.f.call(helper_qaddsub, [r], [s.reg(m), s.reg(n), s.c(sub ? 1 : 0), s.c(dbl ? 1 : 0)]);
  s.setReg(d, r);
}
/** SSAT/USAT: saturate (Rn shifted: sh = 0 LSL, 1 ASR) to `bits` */
export function genSat(s: ArmDisasContext, d: number, n: number, bits: number, sh: number, imm5: number, signed: boolean): void {
  const v = shiftImm(s, s.reg(n), sh ? SHIFT_ASR : SHIFT_LSL, imm5, false).val;
  const r = s.tmp();
  s.f.call(signed ? helper_ssat : helper_usat, [r], [v, s.c(bits)]);
  s.setReg(d, r);
}
export function genSat16(s: ArmDisasContext, d: number, n: number, bits: number, signed: boolean): void {
  const r = s.tmp();
  s.f.call(signed ? helper_ssat16 : helper_usat16, [r], [s.reg(n), s.c(bits)]);
  s.setReg(d, r);
}

// ---- SEL, PKH, extends, reversal ---------------------------------------------------------------------
const helper_sel = registerHelper({
  name: "arm_sel", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, n: number, m: number) => {
    const ge = cpu.R[GE];
    let mask = 0;
    for (let i = 0; i < 4; i++) if (ge & (1 << i)) mask |= 0xff << (8 * i);
    return (n & mask) | (m & ~mask);
  },
});
export function genSel(s: ArmDisasContext, d: number, n: number, m: number): void {
  const r = s.tmp();
  s.f.call(helper_sel, [r], [s.reg(n), s.reg(m)]);
  s.setReg(d, r);
}
/** PKHBT (tb = 0: Rn bottom, Rm LSL imm top) / PKHTB (tb = 1: Rn top, Rm ASR imm bottom) */
export function genPkh(s: ArmDisasContext, d: number, n: number, m: number, tb: number, imm5: number): void {
  const f = s.f;
  const sh = shiftImm(s, s.reg(m), tb ? SHIFT_ASR : SHIFT_LSL, imm5, false).val;
  const a = s.tmp(), b = s.tmp();
  if (tb) {
    f.andi(a, s.reg(n), 0xffff0000 | 0);
    f.andi(b, sh, 0xffff);
  } else {
    f.andi(a, s.reg(n), 0xffff);
    f.andi(b, sh, 0xffff0000 | 0);
  }
  f.or(a, a, b);
  s.setReg(d, a);
}

export const EXT_SB = 0, EXT_SH = 1, EXT_UB = 2, EXT_UH = 3, EXT_SB16 = 4, EXT_UB16 = 5;
const helper_ext16 = registerHelper({
  name: "arm_extadd16", flags: HELPER_PURE, ret: 0,
  // SXTAB16/UXTAB16: bytes 0 and 2 extended to halfwords and added lane-wise to n
  fn: (_cpu: unknown, n: number, v: number, signed: number) => {
    let b0 = v & 0xff, b2 = (v >>> 16) & 0xff;
    if (signed) {
      b0 = (b0 << 24) >> 24;
      b2 = (b2 << 24) >> 24;
    }
    return (((n + b0) & 0xffff) | (((n >>> 16) + b2) << 16)) | 0;
  },
});
/** SXTB/SXTH/UXTB/UXTH/SXTB16/UXTB16 of Rm rotated right by 8 * rot, added to Rn if n >= 0 */
export function genExtend(s: ArmDisasContext, kind: number, d: number, n: number, m: number, rot: number): void {
  const f = s.f;
  let v = s.reg(m);
  if (rot) {
    const t = s.tmp();
    f.binopi("rotr", t, v, rot * 8);
    v = t;
  }
  const r = s.tmp();
  if (kind === EXT_SB16 || kind === EXT_UB16) {
    f.call(helper_ext16, [r], [n >= 0 ? s.reg(n) : s.c(0), v, s.c(kind === EXT_SB16 ? 1 : 0)]);
  } else {
    f.unop(kind === EXT_SB ? "ext8s" : kind === EXT_SH ? "ext16s" : kind === EXT_UB ? "ext8u" : "ext16u", r, v);
    if (n >= 0) f.add(r, r, s.reg(n));
  }
  s.setReg(d, r);
}

export const REV_32 = 0, REV_16 = 1, REV_SH = 2, REV_BIT = 3;
const helper_rbit = registerHelper({
  name: "arm_rbit", flags: HELPER_PURE, ret: 0,
  fn: (_cpu: unknown, v: number) => {
    v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
    v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
    v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
    v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
    return ((v >>> 16) | (v << 16)) | 0;
  },
});
export function genRev(s: ArmDisasContext, kind: number, d: number, m: number): void {
  const f = s.f;
  const v = s.reg(m), r = s.tmp();
  switch (kind) {
    case REV_32:
      f.unop("bswap32", r, v);
      break;
    case REV_16: {
      const t = s.tmp();
      f.shri(r, v, 8);
      f.andi(r, r, 0x00ff00ff);
      f.shli(t, v, 8);
      f.andi(t, t, 0xff00ff00 | 0);
      f.or(r, r, t);
      break;
    }
    case REV_SH:
      f.unop("bswap16", r, v);
      f.unop("ext16s", r, r);
      break;
    default:
      f.call(helper_rbit, [r], [v]);
  }
  s.setReg(d, r);
}
export function genClz(s: ArmDisasContext, d: number, m: number): void {
  const r = s.tmp();
  s.f.binop("clz", r, s.reg(m), s.c(32));
  s.setReg(d, r);
}

// ---- bit fields ------------------------------------------------------------------------------------
/** SBFX/UBFX: `width` bits of Rn from `lsb`, sign- or zero-extended */
export function genBfx(s: ArmDisasContext, d: number, n: number, lsb: number, width: number, signed: boolean): void {
  const f = s.f;
  if (lsb + width > 32) return s.genException(1, s.pc, s.word);
  const r = s.tmp();
  if (signed) {
    f.shli(r, s.reg(n), 32 - lsb - width);
    f.sari(r, r, 32 - width);
  } else {
    if (lsb) f.shri(r, s.reg(n), lsb);
    else f.mov(r, s.reg(n));
    if (width < 32) f.andi(r, r, (1 << width) - 1);
  }
  s.setReg(d, r);
}
/** BFI (n >= 0) / BFC (n < 0): bits lsb..msb of Rd from Rn's low bits, or cleared */
export function genBfi(s: ArmDisasContext, d: number, n: number, lsb: number, msb: number): void {
  const f = s.f;
  if (msb < lsb) return s.genException(1, s.pc, s.word);
  const width = msb - lsb + 1;
  const mask = (width === 32 ? -1 : ((1 << width) - 1) << lsb) | 0;
  const r = s.tmp();
  f.andi(r, s.reg(d), ~mask);
  if (n >= 0) {
    const t = s.tmp();
    f.shli(t, s.reg(n), lsb);
    f.andi(t, t, mask);
    f.or(r, r, t);
  }
  s.setReg(d, r);
}

// ---- A32 translators -------------------------------------------------------------------------------
// SADD16<c> <Rd>, <Rn>, <Rm>   (and the 35 other parallel add/subtract forms below)
function arm_SADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ADD16, f.d, f.n, f.m); }
function arm_SASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ASX, f.d, f.n, f.m); }
function arm_SSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SAX, f.d, f.n, f.m); }
function arm_SSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SUB16, f.d, f.n, f.m); }
function arm_SADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ADD8, f.d, f.n, f.m); }
function arm_SSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SUB8, f.d, f.n, f.m); }
function arm_QADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ADD16, f.d, f.n, f.m); }
function arm_QASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ASX, f.d, f.n, f.m); }
function arm_QSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SAX, f.d, f.n, f.m); }
function arm_QSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SUB16, f.d, f.n, f.m); }
function arm_QADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ADD8, f.d, f.n, f.m); }
function arm_QSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SUB8, f.d, f.n, f.m); }
function arm_SHADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ADD16, f.d, f.n, f.m); }
function arm_SHASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ASX, f.d, f.n, f.m); }
function arm_SHSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SAX, f.d, f.n, f.m); }
function arm_SHSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SUB16, f.d, f.n, f.m); }
function arm_SHADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ADD8, f.d, f.n, f.m); }
function arm_SHSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SUB8, f.d, f.n, f.m); }
function arm_UADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ADD16, f.d, f.n, f.m); }
function arm_UASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ASX, f.d, f.n, f.m); }
function arm_USAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SAX, f.d, f.n, f.m); }
function arm_USUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SUB16, f.d, f.n, f.m); }
function arm_UADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ADD8, f.d, f.n, f.m); }
function arm_USUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SUB8, f.d, f.n, f.m); }
function arm_UQADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ADD16, f.d, f.n, f.m); }
function arm_UQASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ASX, f.d, f.n, f.m); }
function arm_UQSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SAX, f.d, f.n, f.m); }
function arm_UQSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SUB16, f.d, f.n, f.m); }
function arm_UQADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ADD8, f.d, f.n, f.m); }
function arm_UQSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SUB8, f.d, f.n, f.m); }
function arm_UHADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ADD16, f.d, f.n, f.m); }
function arm_UHASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ASX, f.d, f.n, f.m); }
function arm_UHSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SAX, f.d, f.n, f.m); }
function arm_UHSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SUB16, f.d, f.n, f.m); }
function arm_UHADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ADD8, f.d, f.n, f.m); }
function arm_UHSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SUB8, f.d, f.n, f.m); }

// QADD<c> <Rd>, <Rm>, <Rn>
function arm_QADD(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, false, false); }
// QSUB<c> <Rd>, <Rm>, <Rn>
function arm_QSUB(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, true, false); }
// QDADD<c> <Rd>, <Rm>, <Rn>
function arm_QDADD(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, false, true); }
// QDSUB<c> <Rd>, <Rm>, <Rn>
function arm_QDSUB(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, true, true); }
// SSAT<c> <Rd>, #<imm>, <Rn>{, <shift>}
function arm_SSAT(s: ArmDisasContext, f: Fields): void { genSat(s, f.d, f.n, f.i + 1, f.r, f.v, true); }
// USAT<c> <Rd>, #<imm>, <Rn>{, <shift>}
function arm_USAT(s: ArmDisasContext, f: Fields): void { genSat(s, f.d, f.n, f.i, f.r, f.v, false); }
// SSAT16<c> <Rd>, #<imm>, <Rn>
function arm_SSAT16(s: ArmDisasContext, f: Fields): void { genSat16(s, f.d, f.n, f.i + 1, true); }
// USAT16<c> <Rd>, #<imm>, <Rn>
function arm_USAT16(s: ArmDisasContext, f: Fields): void { genSat16(s, f.d, f.n, f.i, false); }
// SEL<c> <Rd>, <Rn>, <Rm>
function arm_SEL(s: ArmDisasContext, f: Fields): void { genSel(s, f.d, f.n, f.m); }
// PKHBT<c> <Rd>, <Rn>, <Rm>{, LSL #<imm>}
function arm_PKHBT(s: ArmDisasContext, f: Fields): void { genPkh(s, f.d, f.n, f.m, 0, f.v); }
// PKHTB<c> <Rd>, <Rn>, <Rm>{, ASR #<imm>}
function arm_PKHTB(s: ArmDisasContext, f: Fields): void { genPkh(s, f.d, f.n, f.m, 1, f.v); }
// SXTB<c> <Rd>, <Rm>{, <rotation>}
function arm_SXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB, f.d, -1, f.m, f.o); }
// SXTAB<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_SXTAB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB, f.d, f.n, f.m, f.o); }
// SXTH<c> <Rd>, <Rm>{, <rotation>}
function arm_SXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SH, f.d, -1, f.m, f.o); }
// SXTAH<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_SXTAH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SH, f.d, f.n, f.m, f.o); }
// UXTB<c> <Rd>, <Rm>{, <rotation>}
function arm_UXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB, f.d, -1, f.m, f.o); }
// UXTAB<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_UXTAB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB, f.d, f.n, f.m, f.o); }
// UXTH<c> <Rd>, <Rm>{, <rotation>}
function arm_UXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UH, f.d, -1, f.m, f.o); }
// UXTAH<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_UXTAH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UH, f.d, f.n, f.m, f.o); }
// SXTB16<c> <Rd>, <Rm>{, <rotation>}
function arm_SXTB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB16, f.d, -1, f.m, f.o); }
// SXTAB16<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_SXTAB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB16, f.d, f.n, f.m, f.o); }
// UXTB16<c> <Rd>, <Rm>{, <rotation>}
function arm_UXTB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB16, f.d, -1, f.m, f.o); }
// UXTAB16<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function arm_UXTAB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB16, f.d, f.n, f.m, f.o); }
// REV<c> <Rd>, <Rm>
function arm_REV(s: ArmDisasContext, f: Fields): void { genRev(s, REV_32, f.d, f.m); }
// REV16<c> <Rd>, <Rm>
function arm_REV16(s: ArmDisasContext, f: Fields): void { genRev(s, REV_16, f.d, f.m); }
// REVSH<c> <Rd>, <Rm>
function arm_REVSH(s: ArmDisasContext, f: Fields): void { genRev(s, REV_SH, f.d, f.m); }
// RBIT<c> <Rd>, <Rm>
function arm_RBIT(s: ArmDisasContext, f: Fields): void { genRev(s, REV_BIT, f.d, f.m); }
// CLZ<c> <Rd>, <Rm>
function arm_CLZ(s: ArmDisasContext, f: Fields): void { genClz(s, f.d, f.m); }
// SBFX<c> <Rd>, <Rn>, #<lsb>, #<width>
function arm_SBFX(s: ArmDisasContext, f: Fields): void { genBfx(s, f.d, f.n, f.b, f.w + 1, true); }
// UBFX<c> <Rd>, <Rn>, #<lsb>, #<width>
function arm_UBFX(s: ArmDisasContext, f: Fields): void { genBfx(s, f.d, f.n, f.b, f.w + 1, false); }
// BFI<c> <Rd>, <Rn>, #<lsb>, #<width>
function arm_BFI(s: ArmDisasContext, f: Fields): void { genBfi(s, f.d, f.n, f.b, f.w); }
// BFC<c> <Rd>, #<lsb>, #<width>
function arm_BFC(s: ArmDisasContext, f: Fields): void { genBfi(s, f.d, -1, f.b, f.w); }

export const A32_MEDIA: Record<string, T> = {
  arm_SADD16, arm_SASX, arm_SSAX, arm_SSUB16, arm_SADD8, arm_SSUB8,
  arm_QADD16, arm_QASX, arm_QSAX, arm_QSUB16, arm_QADD8, arm_QSUB8,
  arm_SHADD16, arm_SHASX, arm_SHSAX, arm_SHSUB16, arm_SHADD8, arm_SHSUB8,
  arm_UADD16, arm_UASX, arm_USAX, arm_USUB16, arm_UADD8, arm_USUB8,
  arm_UQADD16, arm_UQASX, arm_UQSAX, arm_UQSUB16, arm_UQADD8, arm_UQSUB8,
  arm_UHADD16, arm_UHASX, arm_UHSAX, arm_UHSUB16, arm_UHADD8, arm_UHSUB8,
  arm_QADD, arm_QSUB, arm_QDADD, arm_QDSUB, arm_SSAT, arm_USAT, arm_SSAT16, arm_USAT16, arm_SEL,
  arm_PKHBT, arm_PKHTB, arm_SXTB, arm_SXTAB, arm_SXTH, arm_SXTAH, arm_UXTB, arm_UXTAB, arm_UXTH, arm_UXTAH,
  arm_SXTB16, arm_SXTAB16, arm_UXTB16, arm_UXTAB16, arm_REV, arm_REV16, arm_REVSH, arm_RBIT, arm_CLZ,
  arm_SBFX, arm_UBFX, arm_BFI, arm_BFC,
};
