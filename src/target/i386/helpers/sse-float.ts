// SSE/SSE2 floating-point instructions: packed and scalar arithmetic, min/max, compares,
// comiss/ucomiss, conversions, rcp/rsqrt, and MXCSR. Called from translate/sse.ts with the word
// indices (into CPUX86State.R) of the destination and source registers; a memory source has been
// copied to the scratch register XMM_TMP first. The arithmetic itself is sse-fp.ts.
//
// Exceptions: all lanes are computed, then the flags decide. An unmasked IE/DE/ZE (detected before
// computing) or OE/UE/PE (after) leaves the destination unchanged and raises #XM, which linux-user
// turns into SIGFPE; masked flags are ORed into MXCSR.
import { HELPER_NO_FAULT, registerHelper, Ty } from "../../../ir/ir";
import { CPUX86State, MXCSR } from "../cpu";
import { EXCP_XM, raiseException } from "./alu";
import {
  add64, begin, bitsFromF32, bitsFromF64, div64, f32FromBits, f64FromBits, finish32, finish64, flags, hiWord,
  in32, in64, isDenormal32, isDenormal64, isNaN32, isNaN64, isSNaN32, isSNaN64, lastOutDir, mul64, MX_DE, MX_IE, MX_PE,
  MX_ZE, raise, rc, setFlags, RC_DOWN, RC_NEAR, RC_UP, sqrt64, zeroSum,
} from "./sse-fp";
import { RCP_TABLE, RSQRT_TABLE } from "./sse-rcp-table";

export const OP_ADD = 0, OP_SUB = 1, OP_MUL = 2, OP_DIV = 3, OP_MIN = 4, OP_MAX = 5, OP_SQRT = 6;
export const ARITH_NAMES = ["add", "sub", "mul", "div", "min", "max", "sqrt"];

const INDEF32 = 0xffc00000 | 0;
let mxIn = 0;
const dazOn = (): boolean => (mxIn & 0x40) !== 0;
const INDEF64_HI = 0xfff80000 | 0;

// results are staged here until the exception check has passed
const res = new Int32Array(4);

/** Merge the instruction's flags into MXCSR, or raise #XM for an unmasked one. true: write results. */
function commit(cpu: CPUX86State): void {
  const R = cpu.R;
  const mx = R[MXCSR];
  const unmasked = flags & ~(mx >> 7) & 0x3f;
  if (unmasked !== 0) {
    // pre-computation exceptions suppress the post-computation ones
    const pre = flags & (MX_IE | MX_DE | MX_ZE);
    R[MXCSR] = mx | (pre & ~(mx >> 7) & 0x3f ? pre : flags);
    raiseException(cpu, EXCP_XM);
  }
  R[MXCSR] = mx | flags;
}

// ---- binary32 ------------------------------------------------------------------------------------------------------
function dirOf(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}
/** One single-precision operation on bit patterns a (first source/destination) and b. */
function op32(op: number, a: number, b: number): number {
  if (op === OP_SQRT) {
    a = b;
    if (isNaN32(a)) {
      if (isSNaN32(a)) raise(MX_IE);
      return a | 0x400000;
    }
    if (a < 0 && isDenormal32(a) && !dazOn()) {
      raise(MX_IE); // invalid takes precedence over the denormal operand
      return INDEF32;
    }
    const x = in32(a);
    if (x === 0 || x === Infinity) return bitsFromF32(x);
    if (x < 0) {
      raise(MX_IE);
      return INDEF32;
    }
    const D = Math.sqrt(x);
    return finish32(D, D === Math.fround(D) ? dirOf(x - D * D) : 0);
  }
  if (isNaN32(a) || isNaN32(b)) {
    if (op === OP_MIN || op === OP_MAX) {
      raise(MX_IE);
      return isDenormal32(b) && dazOn() ? b & 0x80000000 : b; // the source, DAZ applied
    }
    if (isSNaN32(a) || isSNaN32(b)) raise(MX_IE);
    return (isNaN32(a) ? a : b) | 0x400000;
  }
  const f0 = flags;
  const x = in32(a), y = in32(b);
  switch (op) {
    case OP_ADD:
    case OP_SUB: {
      const yy = op === OP_SUB ? -y : y;
      if (x === Infinity || x === -Infinity || yy === Infinity || yy === -Infinity) {
        if (x + yy !== x + yy) {
          raise(MX_IE);
          return INDEF32;
        }
        return bitsFromF32(x + yy);
      }
      if (x === 0 && yy === 0) return bitsFromF32(zeroSum(x, yy));
      const D = add64(x, yy);
      return finish32(D, lastOutDir());
    }
    case OP_MUL: {
      const D = x * y;
      if (D !== D) {
        raise(MX_IE);
        return INDEF32;
      }
      if (D === Infinity || D === -Infinity || D === 0) return bitsFromF32(D);
      return finish32(D, 0);
    }
    case OP_DIV: {
      if (y === 0) {
        if (x === 0) {
          raise(MX_IE);
          return INDEF32;
        }
        if (x === Infinity || x === -Infinity) return bitsFromF32(x / y);
        setFlags(f0 | MX_ZE); // division by zero suppresses the denormal flag
        return bitsFromF32(x / y);
      }
      const D = x / y;
      if (D !== D) {
        raise(MX_IE);
        return INDEF32;
      }
      if (D === Infinity || D === -Infinity || D === 0 || x === Infinity || x === -Infinity) return bitsFromF32(D);
      if (y === Infinity || y === -Infinity) return bitsFromF32(D);
      return finish32(D, D === Math.fround(D) ? dirOf(x - D * y) * (y > 0 ? 1 : -1) : 0);
    }
    case OP_MIN:
      return x < y ? dazBits32(a, x) : dazBits32(b, y);
    default: // OP_MAX
      return x > y ? dazBits32(a, x) : dazBits32(b, y);
  }
}
/** the operand as min/max return it: a denormal flushed by DAZ comes back as zero */
function dazBits32(b: number, v: number): number {
  return v === 0 ? bitsFromF32(v) : b;
}

// ---- binary64 (values as lo, hi words) ------------------------------------------------------------------------------
let rHi = 0;
/** One double-precision operation; returns the low word, the high word in rHi. */
function op64(op: number, alo: number, ahi: number, blo: number, bhi: number): number {
  if (op === OP_SQRT) {
    alo = blo;
    ahi = bhi;
    if (isNaN64(alo, ahi)) {
      if (isSNaN64(alo, ahi)) raise(MX_IE);
      rHi = ahi | 0x80000;
      return alo;
    }
    if (ahi < 0 && isDenormal64(alo, ahi) && !dazOn()) return indef64();
    const x = in64(alo, ahi);
    if (x === 0 || x === Infinity) return out64(x);
    if (x < 0) {
      raise(MX_IE);
      rHi = INDEF64_HI;
      return 0;
    }
    return out64(finish64(sqrt64(x), lastOutDir()));
  }
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) {
    if (op === OP_MIN || op === OP_MAX) {
      raise(MX_IE);
      if (isDenormal64(blo, bhi) && dazOn()) {
        rHi = bhi & 0x80000000;
        return 0;
      }
      rHi = bhi;
      return blo;
    }
    if (isSNaN64(alo, ahi) || isSNaN64(blo, bhi)) raise(MX_IE);
    if (isNaN64(alo, ahi)) {
      rHi = ahi | 0x80000;
      return alo;
    }
    rHi = bhi | 0x80000;
    return blo;
  }
  const f0 = flags;
  const x = in64(alo, ahi), y = in64(blo, bhi);
  switch (op) {
    case OP_ADD:
    case OP_SUB: {
      const yy = op === OP_SUB ? -y : y;
      if (x === Infinity || x === -Infinity || yy === Infinity || yy === -Infinity) {
        if (x + yy !== x + yy) return indef64();
        return out64(x + yy);
      }
      if (x === 0 && yy === 0) return out64(zeroSum(x, yy));
      const q = add64(x, yy);
      return out64(finish64(q, lastOutDir()));
    }
    case OP_MUL: {
      const D = x * y;
      if (D !== D) return indef64();
      if (x === 0 || y === 0 || x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return out64(D);
      const q = mul64(x, y);
      return out64(finish64(q, lastOutDir()));
    }
    case OP_DIV: {
      if (y === 0) {
        if (x === 0) return indef64();
        if (x !== Infinity && x !== -Infinity) setFlags(f0 | MX_ZE);
        return out64(x / y);
      }
      const D = x / y;
      if (D !== D) return indef64();
      if (x === 0 || x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return out64(D);
      const q = div64(x, y);
      return out64(finish64(q, lastOutDir()));
    }
    case OP_MIN:
      return x < y ? dazBits64(alo, ahi, x) : dazBits64(blo, bhi, y);
    default:
      return x > y ? dazBits64(alo, ahi, x) : dazBits64(blo, bhi, y);
  }
}
function out64(x: number): number {
  const lo = bitsFromF64(x);
  rHi = hiWord;
  return lo;
}
function indef64(): number {
  raise(MX_IE);
  rHi = INDEF64_HI;
  return 0;
}
function dazBits64(lo: number, hi: number, v: number): number {
  if (v === 0) return out64(v);
  rHi = hi;
  return lo;
}

// ---- fast path -------------------------------------------------------------------------------------------------------
// With round-to-nearest, every exception masked, no DAZ/FTZ and PE already set (the state of
// almost all float code after its first inexact operation), an operation whose operands are
// neither NaN nor denormal and whose result is normal raises nothing new: JS's own correctly
// rounded double arithmetic (and Math.fround of it for singles) is then the whole answer.
const FAST_MXCSR_MASK = 0xffe0, FAST_MXCSR = 0x1fa0;
const MIN64 = 2.2250738585072014e-308, MAX64 = 1.7976931348623157e308;
const MIN32 = 1.1754943508222875e-38, MAX32 = 3.4028234663852886e38;
let fBuf: ArrayBuffer | null = null;
let F64 = new Float64Array(0), F32 = new Float32Array(0);
function fviews(cpu: CPUX86State): void {
  if (cpu.buf === fBuf) return;
  fBuf = cpu.buf;
  F64 = new Float64Array(fBuf);
  F32 = new Float32Array(fBuf);
}
const okIn64 = (x: number): boolean => Math.abs(x) >= MIN64 ? Math.abs(x) <= MAX64 : x === 0;
const okIn32 = (x: number): boolean => Math.abs(x) >= MIN32 ? Math.abs(x) <= MAX32 : x === 0;
function fast64(op: number, a: number, b: number): number {
  if (!okIn64(a) || !okIn64(b)) return NaN;
  let r: number;
  switch (op) {
    case OP_ADD: r = a + b; break;
    case OP_SUB: r = a - b; break;
    case OP_MUL: r = a * b; break;
    case OP_DIV: r = a / b; break;
    case OP_MIN: return a < b ? a : b === 0 && a === 0 ? NaN : b; // signed zeros: slow path
    case OP_MAX: return a > b ? a : b === 0 && a === 0 ? NaN : b;
    default: r = Math.sqrt(b);
  }
  const m = Math.abs(r);
  return m >= MIN64 && m <= MAX64 ? r : NaN;
}
function fast32(op: number, a: number, b: number): number {
  if (!okIn32(a) || !okIn32(b)) return NaN;
  let r: number;
  switch (op) {
    case OP_ADD: r = Math.fround(a + b); break;
    case OP_SUB: r = Math.fround(a - b); break;
    case OP_MUL: r = Math.fround(a * b); break;
    case OP_DIV: r = Math.fround(a / b); break;
    case OP_MIN: return a < b ? a : b === 0 && a === 0 ? NaN : b;
    case OP_MAX: return a > b ? a : b === 0 && a === 0 ? NaN : b;
    default: r = Math.fround(Math.sqrt(b));
  }
  const m = Math.abs(r);
  return m >= MIN32 && m <= MAX32 ? r : NaN;
}
/** true when done; false: take the exact path (nothing has been written) */
function fastArith(cpu: CPUX86State, kind: number, op: number, d: number, s: number): boolean {
  fviews(cpu);
  switch (kind) {
    case KIND_SD: {
      const r = fast64(op, F64[d >> 1], F64[s >> 1]);
      if (r !== r) return false;
      F64[d >> 1] = r;
      return true;
    }
    case KIND_SS: {
      const r = fast32(op, F32[d], F32[s]);
      if (r !== r) return false;
      F32[d] = r;
      return true;
    }
    case KIND_PD: {
      const r0 = fast64(op, F64[d >> 1], F64[s >> 1]);
      const r1 = fast64(op, F64[(d >> 1) + 1], F64[(s >> 1) + 1]);
      if (r0 !== r0 || r1 !== r1) return false;
      F64[d >> 1] = r0;
      F64[(d >> 1) + 1] = r1;
      return true;
    }
    default: {
      const r0 = fast32(op, F32[d], F32[s]), r1 = fast32(op, F32[d + 1], F32[s + 1]);
      const r2 = fast32(op, F32[d + 2], F32[s + 2]), r3 = fast32(op, F32[d + 3], F32[s + 3]);
      if (r0 !== r0 || r1 !== r1 || r2 !== r2 || r3 !== r3) return false;
      F32[d] = r0; F32[d + 1] = r1; F32[d + 2] = r2; F32[d + 3] = r3;
      return true;
    }
  }
}

// ---- arithmetic helpers ----------------------------------------------------------------------------------------------
function arith(cpu: CPUX86State, kind: number, op: number, d: number, s: number): void {
  const R = cpu.R;
  if ((R[MXCSR] & FAST_MXCSR_MASK) === FAST_MXCSR && fastArith(cpu, kind, op, d, s)) return;
  mxIn = R[MXCSR];
  begin(mxIn);
  switch (kind) {
    case KIND_PS:
      for (let i = 0; i < 4; i++) res[i] = op32(op, R[d + i], R[s + i]);
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1]; R[d + 2] = res[2]; R[d + 3] = res[3];
      return;
    case KIND_SS:
      res[0] = op32(op, R[d], R[s]);
      commit(cpu);
      R[d] = res[0];
      return;
    case KIND_PD:
      res[0] = op64(op, R[d], R[d + 1], R[s], R[s + 1]);
      res[1] = rHi;
      res[2] = op64(op, R[d + 2], R[d + 3], R[s + 2], R[s + 3]);
      res[3] = rHi;
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1]; R[d + 2] = res[2]; R[d + 3] = res[3];
      return;
    default: // KIND_SD
      res[0] = op64(op, R[d], R[d + 1], R[s], R[s + 1]);
      res[1] = rHi;
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1];
  }
}
export const KIND_PS = 0, KIND_PD = 1, KIND_SS = 2, KIND_SD = 3;
export const helper_sse_arith = registerHelper({ name: "sse_arith", flags: 0, ret: null, fn: arith });

// ---- compares --------------------------------------------------------------------------------------------------------
/** cmpps predicates 0-7: eq lt le unord neq nlt nle ord. lt/le/nlt/nle signal on QNaNs too. */
function cmpResult(pred: number, unordered: boolean, lt: boolean, eq: boolean): boolean {
  switch (pred) {
    case 0: return !unordered && eq;
    case 1: return !unordered && lt;
    case 2: return !unordered && (lt || eq);
    case 3: return unordered;
    case 4: return unordered || !eq;
    case 5: return unordered || !lt;
    case 6: return unordered || !(lt || eq);
    default: return !unordered;
  }
}
const SIGNALING_PRED = 0x66; // bits 1, 2, 5, 6
function cmp32(pred: number, a: number, b: number): number {
  if (isNaN32(a) || isNaN32(b)) {
    // a NaN operand suppresses the denormal flag of the other
    if ((SIGNALING_PRED >> pred) & 1 || isSNaN32(a) || isSNaN32(b)) raise(MX_IE);
    return cmpResult(pred, true, false, false) ? -1 : 0;
  }
  const x = in32(a), y = in32(b);
  return cmpResult(pred, false, x < y, x === y) ? -1 : 0;
}
function cmp64(pred: number, alo: number, ahi: number, blo: number, bhi: number): number {
  if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) {
    if ((SIGNALING_PRED >> pred) & 1 || isSNaN64(alo, ahi) || isSNaN64(blo, bhi)) raise(MX_IE);
    return cmpResult(pred, true, false, false) ? -1 : 0;
  }
  const x = in64(alo, ahi), y = in64(blo, bhi);
  return cmpResult(pred, false, x < y, x === y) ? -1 : 0;
}
function cmp(cpu: CPUX86State, kind: number, pred: number, d: number, s: number): void {
  const R = cpu.R;
  begin(R[MXCSR]);
  pred &= 7;
  switch (kind) {
    case KIND_PS:
      for (let i = 0; i < 4; i++) res[i] = cmp32(pred, R[d + i], R[s + i]);
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1]; R[d + 2] = res[2]; R[d + 3] = res[3];
      return;
    case KIND_SS:
      res[0] = cmp32(pred, R[d], R[s]);
      commit(cpu);
      R[d] = res[0];
      return;
    case KIND_PD:
      res[0] = res[1] = cmp64(pred, R[d], R[d + 1], R[s], R[s + 1]);
      res[2] = res[3] = cmp64(pred, R[d + 2], R[d + 3], R[s + 2], R[s + 3]);
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1]; R[d + 2] = res[2]; R[d + 3] = res[3];
      return;
    default:
      res[0] = res[1] = cmp64(pred, R[d], R[d + 1], R[s], R[s + 1]);
      commit(cpu);
      R[d] = res[0]; R[d + 1] = res[1];
  }
}
export const helper_sse_cmp = registerHelper({ name: "sse_cmp", flags: 0, ret: null, fn: cmp });

/** comiss/ucomiss/comisd/ucomisd: returns ZF PF CF as EFLAGS bits (OF SF AF cleared). */
function comi(cpu: CPUX86State, kind: number, signaling: number, d: number, s: number): number {
  const R = cpu.R;
  if (kind === KIND_SD) {
    // no NaN and no denormal: no flag can be raised
    fviews(cpu);
    const x = F64[d >> 1], y = F64[s >> 1];
    if (okIn64(x) || Math.abs(x) === Infinity) {
      if (okIn64(y) || Math.abs(y) === Infinity) return x < y ? 0x01 : x > y ? 0 : 0x40;
    }
  }
  begin(R[MXCSR]);
  let fl: number;
  if (kind === KIND_SS) {
    const a = R[d], b = R[s];
    if (isNaN32(a) || isNaN32(b)) {
      if (signaling || isSNaN32(a) || isSNaN32(b)) raise(MX_IE);
      fl = 0x45;
    } else {
      const x = in32(a), y = in32(b);
      fl = x < y ? 0x01 : x > y ? 0 : 0x40;
    }
  } else {
    const alo = R[d], ahi = R[d + 1], blo = R[s], bhi = R[s + 1];
    if (isNaN64(alo, ahi) || isNaN64(blo, bhi)) {
      if (signaling || isSNaN64(alo, ahi) || isSNaN64(blo, bhi)) raise(MX_IE);
      fl = 0x45;
    } else {
      const x = in64(alo, ahi), y = in64(blo, bhi);
      fl = x < y ? 0x01 : x > y ? 0 : 0x40;
    }
  }
  commit(cpu);
  return fl;
}
export const helper_sse_comi = registerHelper({ name: "sse_comi", flags: 0, ret: Ty.I32, fn: comi });

// ---- conversions -----------------------------------------------------------------------------------------------------
/** x rounded to an integer by the MXCSR mode (or truncated) */
function roundInt(x: number, trunc: boolean): number {
  if (trunc) return Math.trunc(x);
  switch (rc) {
    case RC_NEAR: {
      const f = Math.floor(x);
      const diff = x - f;
      return diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }
    case RC_DOWN: return Math.floor(x);
    case RC_UP: return Math.ceil(x);
    default: return Math.trunc(x);
  }
}
/** float (as a number, or NaN) to int32 with the integer indefinite 0x80000000 */
function toInt32(x: number, trunc: boolean): number {
  if (x !== x) {
    raise(MX_IE);
    return 0x80000000 | 0;
  }
  const r = roundInt(x, trunc);
  if (r < -2147483648 || r > 2147483647) {
    raise(MX_IE);
    return 0x80000000 | 0;
  }
  if (r !== x) raise(MX_PE);
  return r | 0;
}
/** the value of a single for integer conversion: NaN stays NaN, denormals are read as they are */
function cvtIn32(b: number): number {
  if (isNaN32(b)) return NaN;
  return isDenormal32(b) ? dazIn32(b) : f32FromBits(b);
}
function dazIn32(b: number): number {
  // DAZ applies to conversions too; no DE is raised by conversions to integers
  return daZero() ? (b < 0 ? -0 : 0) : f32FromBits(b);
}
function cvtIn64(lo: number, hi: number): number {
  if (isNaN64(lo, hi)) return NaN;
  if (isDenormal64(lo, hi) && daZero()) return 0;
  return f64FromBits(lo, hi);
}
let mxNow = 0;
const daZero = (): boolean => (mxNow & 0x40) !== 0;

export const CVT_SI2SS = 0, CVT_SI2SD = 1, CVT_SS2SD = 2, CVT_SD2SS = 3, CVT_DQ2PS = 4, CVT_PS2DQ = 5,
  CVT_TPS2DQ = 6, CVT_DQ2PD = 7, CVT_PD2DQ = 8, CVT_TPD2DQ = 9, CVT_PS2PD = 10, CVT_PD2PS = 11;
function ss2sd(b: number): number {
  if (isNaN32(b)) {
    if (isSNaN32(b)) raise(MX_IE);
    const m = b & 0x7fffff;
    rHi = (b & 0x80000000) | 0x7ff80000 | (m >>> 3);
    return m << 29;
  }
  return out64(in32(b));
}
function sd2ss(lo: number, hi: number): number {
  if (isNaN64(lo, hi)) {
    if (isSNaN64(lo, hi)) raise(MX_IE);
    return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29);
  }
  const x = in64(lo, hi);
  if (x === 0 || x === Infinity || x === -Infinity) return bitsFromF32(x);
  return finish32(x, 0);
}
/** conversions with an XMM (or scratch) source; CVT_SI2SS/SD take the integer in `s` instead */
function cvt(cpu: CPUX86State, op: number, d: number, s: number): void {
  const R = cpu.R;
  mxNow = R[MXCSR];
  begin(mxNow);
  let n = 4; // words written
  switch (op) {
    case CVT_SI2SS: res[0] = finish32(s, 0); n = 1; break;
    case CVT_SI2SD: res[0] = out64(s); res[1] = rHi; n = 2; break;
    case CVT_SS2SD: res[0] = ss2sd(R[s]); res[1] = rHi; n = 2; break;
    case CVT_SD2SS: res[0] = sd2ss(R[s], R[s + 1]); n = 1; break;
    case CVT_DQ2PS: for (let i = 0; i < 4; i++) res[i] = finish32(R[s + i], 0); break;
    case CVT_PS2DQ:
    case CVT_TPS2DQ:
      for (let i = 0; i < 4; i++) res[i] = toInt32(cvtIn32(R[s + i]), op === CVT_TPS2DQ);
      break;
    case CVT_DQ2PD: {
      const a = R[s], b = R[s + 1];
      res[0] = out64(a); res[1] = rHi; res[2] = out64(b); res[3] = rHi;
      break;
    }
    case CVT_PD2DQ:
    case CVT_TPD2DQ:
      res[0] = toInt32(cvtIn64(R[s], R[s + 1]), op === CVT_TPD2DQ);
      res[1] = toInt32(cvtIn64(R[s + 2], R[s + 3]), op === CVT_TPD2DQ);
      res[2] = res[3] = 0;
      break;
    case CVT_PS2PD: {
      const a = R[s], b = R[s + 1];
      res[0] = ss2sd(a); res[1] = rHi; res[2] = ss2sd(b); res[3] = rHi;
      break;
    }
    default: // CVT_PD2PS
      res[0] = sd2ss(R[s], R[s + 1]);
      res[1] = sd2ss(R[s + 2], R[s + 3]);
      res[2] = res[3] = 0;
  }
  commit(cpu);
  for (let i = 0; i < n; i++) R[d + i] = res[i];
}
export const helper_sse_cvt = registerHelper({ name: "sse_cvt", flags: 0, ret: null, fn: cvt });

/** cvt(t)ss2si / cvt(t)sd2si: the int32 result; `kind` KIND_SS or KIND_SD, `s` the source words */
function cvtToInt(cpu: CPUX86State, kind: number, trunc: number, s: number): number {
  const R = cpu.R;
  if (trunc && kind === KIND_SD) {
    // in range, and exact or PE already set: truncation raises nothing new
    fviews(cpu);
    const x = F64[s >> 1];
    const t = Math.trunc(x);
    if (t >= -2147483648 && t <= 2147483647 && (t === x || (R[MXCSR] & MX_PE) !== 0) && (x === 0 || Math.abs(x) >= MIN64)) return t | 0;
  }
  mxNow = R[MXCSR];
  begin(mxNow);
  const v = kind === KIND_SS ? toInt32(cvtIn32(R[s]), trunc !== 0) : toInt32(cvtIn64(R[s], R[s + 1]), trunc !== 0);
  commit(cpu);
  return v;
}
export const helper_sse_cvt2si = registerHelper({ name: "sse_cvt2si", flags: 0, ret: Ty.I32, fn: cvtToInt });

// ---- rcpps / rsqrtps: table lookups measured on the host CPU (sse-rcp-table.ts) ---------------------------------------
/**
 * rcpss/rsqrtss of one single: the tables give 12 result mantissa bits for the top 12 input
 * mantissa bits; denormal inputs count as zero and results below the normal range flush to zero.
 * tools/gen-sse-rcp-table.c --verify checks this model against the CPU on every input.
 */
function approx32(b: number, sqrt: boolean): number {
  const sign = b & 0x80000000;
  const e = (b >>> 23) & 0xff;
  const m = b & 0x7fffff;
  if (isNaN32(b)) return b | 0x400000;
  if (e === 0) return sign | 0x7f800000;
  if (sqrt) {
    if (sign) return INDEF32;
    if (e === 0xff) return 0;
    const u = e - 127;
    const odd = u & 1;
    return ((126 - (u - odd) / 2) << 23) | (RSQRT_TABLE[(odd << 12) | (m >>> 11)] << 11);
  }
  if (e === 0xff) return sign;
  const re = 253 - e;
  if (re <= 0) return sign;
  return sign | (re << 23) | (RCP_TABLE[m >>> 11] << 11);
}
function approx(cpu: CPUX86State, scalar: number, sqrt: number, d: number, s: number): void {
  const R = cpu.R;
  const n = scalar ? 1 : 4;
  for (let i = 0; i < n; i++) res[i] = approx32(R[s + i], sqrt !== 0);
  for (let i = 0; i < n; i++) R[d + i] = res[i];
}
export const helper_sse_approx = registerHelper({ name: "sse_approx", flags: HELPER_NO_FAULT, ret: null, fn: approx });

// ---- MXCSR ----------------------------------------------------------------------------------------------------------
/** ldmxcsr: reserved bits set raise #GP (SIGSEGV in user mode) */
export const MXCSR_MASK = 0xffff;
export const helper_ldmxcsr = registerHelper({
  name: "ldmxcsr", flags: 0, ret: null,
  fn: (cpu: CPUX86State, v: number) => {
    if (v & ~MXCSR_MASK) raiseException(cpu, 13);
    cpu.R[MXCSR] = v;
  },
});

// keep the imports used by tooling that checks them
void bitsFromF32;
void f32FromBits;
void MX_PE;
void flags;
