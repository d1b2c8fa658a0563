// Multiplies and divides: MUL/MLA/MLS, the 64-bit UMULL/UMLAL/SMULL/SMLAL/UMAAL, the halfword
// and word-by-halfword DSP multiplies (SMULxy, SMLAxy, SMULWy, SMLAWy, SMLALxy), the dual
// multiplies (SMUAD/SMLAD/SMUSD/SMLSD/SMLALD/SMLSLD), most-significant-word SMMUL/SMMLA/SMMLS,
// SDIV/UDIV and USAD8/USADA8. Generators take register numbers so A32 and T32 share them.
import { Cond } from "../../../ir/opcodes";
import { HELPER_NO_FAULT, HELPER_PURE, Ty, registerHelper } from "../../../ir/ir";
import type { Fields } from "../bitstring";
import { CPUARMState, QF } from "../cpu";
import { ArmDisasContext, G_NF, G_ZF } from "./context";

type T = (s: ArmDisasContext, f: Fields) => void;


// ---- helpers that set the sticky Q flag -----------------------------------------------------------
/** a + b (signed), Q set if the sum overflows 32 bits */
const helper_add_setq = registerHelper({
  name: "arm_add_setq", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, a: number, b: number) => {
    const r = (a + b) | 0;
    if (r !== a + b) cpu.R[QF] = 1;
    return r;
  },
});
/** SMLAD/SMLSD family: n.lo*m'.lo +/- n.hi*m'.hi + a (m' = m with halves swapped if x), Q on overflow */
const helper_smlad = registerHelper({
  name: "arm_smlad", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: CPUARMState, n: number, m: number, a: number, sub: number, x: number) => {
    if (x) m = (m >>> 16) | (m << 16);
    const p1 = ((n << 16) >> 16) * ((m << 16) >> 16);
    const p2 = (n >> 16) * (m >> 16);
    const r = sub ? p1 - p2 + a : p1 + p2 + a;
    if ((r | 0) !== r) cpu.R[QF] = 1;
    return r | 0;
  },
});
/** USADA8: sum of absolute differences of the four byte pairs, plus a */
const helper_usad8 = registerHelper({
  name: "arm_usad8", flags: HELPER_PURE, ret: 0,
  fn: (_cpu: unknown, n: number, m: number, a: number) => {
    let sum = a;
    for (let i = 0; i < 32; i += 8) sum += Math.abs(((n >>> i) & 0xff) - ((m >>> i) & 0xff));
    return sum | 0;
  },
});

// ---- generators ----------------------------------------------------------------------------------
/** Rd = Rn * Rm (+ Ra | Ra - product), NZ if S */
export function genMul(s: ArmDisasContext, d: number, n: number, m: number, a: number, sub: boolean, S: boolean): void {
  const f = s.f;
  const r = s.tmp();
  f.binop("mul", r, s.reg(n), s.reg(m));
  if (a >= 0) {
    if (sub) f.sub(r, s.reg(a), r);
    else f.add(r, r, s.reg(a));
  }
  if (S) s.setNZ(r);
  s.setReg(d, r);
}
/** (RdHi:RdLo) = Rn * Rm (+ RdHi:RdLo if acc), NZ if S */
export function genMulLong(s: ArmDisasContext, lo: number, hi: number, n: number, m: number, signed: boolean, acc: boolean, S: boolean): void {
  const f = s.f;
  const rl = s.tmp(), rh = s.tmp();
  f.emit(signed ? "muls2" : "mulu2", Ty.I32, [rl, rh], [s.reg(n), s.reg(m)]);
  if (acc) f.emit("add2", Ty.I32, [rl, rh], [rl, rh, s.reg(lo), s.reg(hi)]);
  if (S) {
    f.mov(G_NF, rh);
    f.or(G_ZF, rl, rh);
  }
  s.setReg(lo, rl);
  s.setReg(hi, rh);
}
/** UMAAL: (RdHi:RdLo) = Rn * Rm + RdHi + RdLo */
export function genUmaal(s: ArmDisasContext, lo: number, hi: number, n: number, m: number): void {
  const f = s.f;
  const rl = s.tmp(), rh = s.tmp(), zero = s.c(0);
  f.emit("mulu2", Ty.I32, [rl, rh], [s.reg(n), s.reg(m)]);
  f.emit("add2", Ty.I32, [rl, rh], [rl, rh, s.reg(lo), zero]);
  f.emit("add2", Ty.I32, [rl, rh], [rl, rh, s.reg(hi), zero]);
  s.setReg(lo, rl);
  s.setReg(hi, rh);
}
/** a signed halfword of register r: the top one if `top` */
function half(s: ArmDisasContext, v: number, top: number): number {
  const t = s.tmp();
  if (top) s.f.sari(t, v, 16);
  else s.f.unop("ext16s", t, v);
  return t;
}
/** SMULxy / SMLAxy (a >= 0; Q on overflow of the accumulation) */
export function genMulHalf(s: ArmDisasContext, d: number, n: number, m: number, a: number, x: number, y: number): void {
  const f = s.f;
  const p = s.tmp();
  f.binop("mul", p, half(s, s.reg(n), x), half(s, s.reg(m), y));
  if (a >= 0) f.call(helper_add_setq, [p], [p, s.reg(a)]);
  s.setReg(d, p);
}
/** SMULWy / SMLAWy: (Rn * Rm.half) >> 16 (+ Ra, Q on overflow) */
export function genMulWordHalf(s: ArmDisasContext, d: number, n: number, m: number, a: number, y: number): void {
  const f = s.f;
  const lo = s.tmp(), hi = s.tmp(), r = s.tmp();
  f.emit("muls2", Ty.I32, [lo, hi], [s.reg(n), half(s, s.reg(m), y)]);
  f.shri(lo, lo, 16);
  f.shli(r, hi, 16);
  f.or(r, r, lo);
  if (a >= 0) f.call(helper_add_setq, [r], [r, s.reg(a)]);
  s.setReg(d, r);
}
/** SMLALxy: (RdHi:RdLo) += Rn.x * Rm.y */
export function genMulHalfLong(s: ArmDisasContext, lo: number, hi: number, n: number, m: number, x: number, y: number): void {
  const f = s.f;
  const p = s.tmp(), ph = s.tmp(), rl = s.tmp(), rh = s.tmp();
  f.binop("mul", p, half(s, s.reg(n), x), half(s, s.reg(m), y));
  f.sari(ph, p, 31);
  f.emit("add2", Ty.I32, [rl, rh], [s.reg(lo), s.reg(hi), p, ph]);
  s.setReg(lo, rl);
  s.setReg(hi, rh);
}
/** SMUAD/SMLAD/SMUSD/SMLSD (a < 0: no accumulator) */
export function genDualMul(s: ArmDisasContext, d: number, n: number, m: number, a: number, sub: boolean, x: number): void {
  const r = s.tmp();
  s.f.call(helper_smlad, [r], [s.reg(n), s.reg(m), a >= 0 ? s.reg(a) : s.c(0), s.c(sub ? 1 : 0), s.c(x)]);
  s.setReg(d, r);
}
/** SMLALD/SMLSLD: (RdHi:RdLo) += n.lo*m'.lo +/- n.hi*m'.hi, as 64-bit values */
export function genDualMulLong(s: ArmDisasContext, lo: number, hi: number, n: number, m: number, sub: boolean, x: number): void {
  const f = s.f;
  const vn = s.reg(n);
  let vm = s.reg(m);
  if (x) {
    const t = s.tmp();
    f.binopi("rotr", t, vm, 16);
    vm = t;
  }
  const p1 = s.tmp(), p2 = s.tmp(), h1 = s.tmp(), h2 = s.tmp(), rl = s.tmp(), rh = s.tmp();
  f.binop("mul", p1, half(s, vn, 0), half(s, vm, 0));
  f.binop("mul", p2, half(s, vn, 1), half(s, vm, 1));
  f.sari(h1, p1, 31);
  f.sari(h2, p2, 31);
  f.emit("add2", Ty.I32, [rl, rh], [s.reg(lo), s.reg(hi), p1, h1]);
  f.emit(sub ? "sub2" : "add2", Ty.I32, [rl, rh], [rl, rh, p2, h2]);
  s.setReg(lo, rl);
  s.setReg(hi, rh);
}
/** SMMUL/SMMLA/SMMLS: the top word of (Ra << 32) +/- Rn * Rm, rounded if `round` */
export function genMulMsw(s: ArmDisasContext, d: number, n: number, m: number, a: number, sub: boolean, round: boolean): void {
  const f = s.f;
  const pl = s.tmp(), ph = s.tmp(), zero = s.c(0);
  f.emit("muls2", Ty.I32, [pl, ph], [s.reg(n), s.reg(m)]);
  let rl = pl, rh = ph;
  if (a >= 0) {
    rl = s.tmp();
    rh = s.tmp();
    if (sub) f.emit("sub2", Ty.I32, [rl, rh], [zero, s.reg(a), pl, ph]);
    else f.emit("add2", Ty.I32, [rl, rh], [pl, ph, zero, s.reg(a)]);
  }
  if (round) f.emit("add2", Ty.I32, [rl, rh], [rl, rh, s.c(0x80000000), zero]);
  s.setReg(d, rh);
}
/** SDIV/UDIV: division by zero gives 0 (no trap in the A profile), INT_MIN / -1 gives INT_MIN */
export function genDiv(s: ArmDisasContext, d: number, n: number, m: number, signed: boolean): void {
  const f = s.f;
  const vn = s.reg(n), vm = s.reg(m), q = s.tmp(), zero = s.c(0);
  f.binop(signed ? "divs" : "divu", q, vn, vm);
  if (signed) {
    const neg = s.tmp();
    f.unop("neg", neg, vn);
    f.movcond(Cond.EQ, q, vm, s.c(-1), neg, q);
  }
  f.movcond(Cond.EQ, q, vm, zero, zero, q);
  s.setReg(d, q);
}
export function genUsad8(s: ArmDisasContext, d: number, n: number, m: number, a: number): void {
  const r = s.tmp();
  s.f.call(helper_usad8, [r], [s.reg(n), s.reg(m), a >= 0 ? s.reg(a) : s.c(0)]);
  s.setReg(d, r);
}

// ---- A32 translators ------------------------------------------------------------------------------
// MUL{S}<c> <Rd>, <Rn>, <Rm>
function arm_MUL(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, -1, false, f.S === 1); }
// MLA{S}<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_MLA(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, f.a, false, f.S === 1); }
// MLS<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_MLS(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, f.a, true, false); }
// UMAAL<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_UMAAL(s: ArmDisasContext, f: Fields): void { genUmaal(s, f.l, f.h, f.n, f.m); }
// UMULL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_UMULL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, false, false, f.S === 1); }
// UMLAL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_UMLAL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, false, true, f.S === 1); }
// SMULL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_SMULL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, true, false, f.S === 1); }
// SMLAL{S}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_SMLAL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, true, true, f.S === 1); }
// SMLA<x><y><c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMLAxy(s: ArmDisasContext, f: Fields): void { genMulHalf(s, f.d, f.n, f.m, f.a, f.x, f.y); }
// SMUL<x><y><c> <Rd>, <Rn>, <Rm>
function arm_SMULxy(s: ArmDisasContext, f: Fields): void { genMulHalf(s, f.d, f.n, f.m, -1, f.x, f.y); }
// SMLAW<y><c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMLAWy(s: ArmDisasContext, f: Fields): void { genMulWordHalf(s, f.d, f.n, f.m, f.a, f.y); }
// SMULW<y><c> <Rd>, <Rn>, <Rm>
function arm_SMULWy(s: ArmDisasContext, f: Fields): void { genMulWordHalf(s, f.d, f.n, f.m, -1, f.y); }
// SMLAL<x><y><c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_SMLALxy(s: ArmDisasContext, f: Fields): void { genMulHalfLong(s, f.l, f.h, f.n, f.m, f.x, f.y); }
// SMUAD{X}<c> <Rd>, <Rn>, <Rm>
function arm_SMUAD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, -1, false, f.M); }
// SMLAD{X}<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMLAD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, f.a, false, f.M); }
// SMUSD{X}<c> <Rd>, <Rn>, <Rm>
function arm_SMUSD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, -1, true, f.M); }
// SMLSD{X}<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMLSD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, f.a, true, f.M); }
// SMLALD{X}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_SMLALD(s: ArmDisasContext, f: Fields): void { genDualMulLong(s, f.l, f.h, f.n, f.m, false, f.M); }
// SMLSLD{X}<c> <RdLo>, <RdHi>, <Rn>, <Rm>
function arm_SMLSLD(s: ArmDisasContext, f: Fields): void { genDualMulLong(s, f.l, f.h, f.n, f.m, true, f.M); }
// SMMUL{R}<c> <Rd>, <Rn>, <Rm>
function arm_SMMUL(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, -1, false, f.M === 1); }
// SMMLA{R}<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMMLA(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, f.a, false, f.M === 1); }
// SMMLS{R}<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_SMMLS(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, f.a, true, f.M === 1); }
// SDIV<c> <Rd>, <Rn>, <Rm>
function arm_SDIV(s: ArmDisasContext, f: Fields): void { genDiv(s, f.d, f.n, f.m, true); }
// UDIV<c> <Rd>, <Rn>, <Rm>
function arm_UDIV(s: ArmDisasContext, f: Fields): void { genDiv(s, f.d, f.n, f.m, false); }
// USAD8<c> <Rd>, <Rn>, <Rm>
function arm_USAD8(s: ArmDisasContext, f: Fields): void { genUsad8(s, f.d, f.n, f.m, -1); }
// USADA8<c> <Rd>, <Rn>, <Rm>, <Ra>
function arm_USADA8(s: ArmDisasContext, f: Fields): void { genUsad8(s, f.d, f.n, f.m, f.a); }

export const A32_MUL: Record<string, T> = {
  arm_MUL, arm_MLA, arm_MLS, arm_UMAAL, arm_UMULL, arm_UMLAL, arm_SMULL, arm_SMLAL,
  arm_SMLAxy, arm_SMULxy, arm_SMLAWy, arm_SMULWy, arm_SMLALxy,
  arm_SMUAD, arm_SMLAD, arm_SMUSD, arm_SMLSD, arm_SMLALD, arm_SMLSLD, arm_SMMUL, arm_SMMLA, arm_SMMLS,
  arm_SDIV, arm_UDIV, arm_USAD8, arm_USADA8,
};
