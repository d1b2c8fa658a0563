// VFP arithmetic with the FPSCR's semantics, bit-exact with the ARM ARM's FPAdd, FPMul, FPDiv,
// FPSqrt, FPCompare and the conversions: the rounding mode (RN, RP, RM, RZ), flush-to-zero (FZ)
// of inputs and outputs, default-NaN mode (DN), NaN propagation (the first signalling NaN, else
// the first quiet NaN, quietened), and the cumulative exception flags IOC DZC OFC UFC IXC IDC
// (underflow detected before rounding, as ARM does).
//
// Values travel as raw bits (a single in one u32, a double as hi/lo u32) because a JS number
// cannot carry a signalling NaN through arithmetic. Finite arithmetic is done in doubles, which
// round to nearest; the exact result's position relative to that (the sign of the rounding error,
// from error-free transformations, or BigInt arithmetic at the edges of the exponent range) gives
// inexactness, tininess and the directed roundings. Singles are computed in double and rounded
// once more: for + - * / and sqrt that double rounding is innocuous (53 >= 2 * 24 + 2).
import {
  FPSCR_DZC, FPSCR_DN, FPSCR_FZ, FPSCR_IDC, FPSCR_IOC, FPSCR_IXC, FPSCR_OFC, FPSCR_RMODE_SHIFT, FPSCR_UFC,
} from "../cpu";

export const RN = 0, RP = 1, RM = 2, RZ = 3;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32s = new Uint32Array(f32.buffer);

export function bitsToF64(hi: number, lo: number): number {
  u32[0] = lo;
  u32[1] = hi;
  return f64[0];
}
/** the hi word of a double (call f64Lo right after for the low one) */
export function f64Hi(x: number): number {
  f64[0] = x;
  return u32[1] | 0;
}
export function f64Lo(): number {
  return u32[0] | 0;
}
export function bitsToF32(b: number): number {
  u32s[0] = b;
  return f32[0];
}
export function f32Bits(x: number): number {
  f32[0] = x;
  return u32s[0] | 0;
}

/** The outcome of an operation: value bits plus the flags it raised (the caller ORs them into FPSCR). */
export interface FpResult {
  hi: number;
  lo: number;
  flags: number;
}
const res: FpResult = { hi: 0, lo: 0, flags: 0 };

// ---- classification on bits ------------------------------------------------------------------------
export function isNaN64(hi: number, lo: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
}
export function isSNaN64(hi: number, lo: number): boolean {
  return isNaN64(hi, lo) && (hi & 0x80000) === 0;
}
export function isNaN32(b: number): boolean {
  return (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
}
export function isSNaN32(b: number): boolean {
  return isNaN32(b) && (b & 0x400000) === 0;
}
const DEFAULT_NAN64_HI = 0x7ff80000, DEFAULT_NAN32 = 0x7fc00000;

// ---- the rounding error's sign -----------------------------------------------------------------------
const SPLIT = 134217729; // 2^27 + 1
/** exact a*b - p for p = fl(a*b), valid away from overflow and underflow */
function mulError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
/** Safe range for the error-free transformations (no overflow in the splits, no subnormal errors). */
function safe(x: number): boolean {
  const a = Math.abs(x);
  return a === 0 || (a > 1e-280 && a < 1e280);
}

// exact rational comparison with BigInt, for the edges of the range
function decompose(x: number): [bigint, number] {
  // x = m * 2^e with m an integer
  const hi = f64Hi(x), lo = f64Lo() >>> 0;
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = exp - 1075;
  }
  return [hi < 0 ? -m : m, e];
}
/** sign of (a*b + c*d + f) for doubles, exactly */
function exactSign3(terms: [number, number][], add: number): number {
  // sum of products and one addend as integers scaled to the smallest exponent
  const parts: [bigint, number][] = [];
  for (const [x, y] of terms) {
    const [mx, ex] = decompose(x), [my, ey] = decompose(y);
    parts.push([mx * my, ex + ey]);
  }
  parts.push(decompose(add));
  const emin = Math.min(...parts.map((p) => p[1]));
  let sum = 0n;
  for (const [m, e] of parts) sum += m << BigInt(e - emin);
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}

/** Sign of (exact - r) where exact = a op b and r = fl(exact) (finite). */
export const OP_ADD = 0, OP_SUB = 1, OP_MUL = 2, OP_DIV = 3, OP_SQRT = 4;
export function errorSign(op: number, a: number, b: number, r: number): number {
  switch (op) {
    case OP_ADD:
    case OP_SUB: {
      if (op === OP_SUB) b = -b;
      if (safe(a) && safe(b) && safe(r)) {
        const bb = r - a;
        const e = (a - (r - bb)) + (b - bb);
        return e > 0 ? 1 : e < 0 ? -1 : 0;
      }
      return exactSign3([[a, 1], [b, 1]], -r);
    }
    case OP_MUL:
      if (safe(a) && safe(b) && safe(r)) {
        const e = mulError(a, b, r);
        return e > 0 ? 1 : e < 0 ? -1 : 0;
      }
      return exactSign3([[a, b]], -r);
    case OP_DIV: {
      // sign(a/b - r) = sign(a - r*b) * sign(b)
      let s: number;
      if (safe(a) && safe(b) && safe(r)) {
        const p = r * b;
        const e = mulError(r, b, p);
        const rem = (a - p) - e;
        s = rem > 0 ? 1 : rem < 0 ? -1 : 0;
      } else s = exactSign3([[r, -b]], a);
      return b < 0 ? -s : s;
    }
    default: {
      // sqrt: sign(a - r*r)
      if (safe(a) && safe(r)) {
        const p = r * r;
        const e = mulError(r, r, p);
        const rem = (a - p) - e;
        return rem > 0 ? 1 : rem < 0 ? -1 : 0;
      }
      return exactSign3([[r, -r]], a);
    }
  }
}

// ---- rounding to the target format under the FPSCR's mode ---------------------------------------------
const MAX64 = Number.MAX_VALUE, MIN_NORMAL64 = 2.2250738585072014e-308;
const MAX32 = 3.4028234663852886e38, MIN_NORMAL32 = 1.1754943508222875e-38;

function nextUp64(x: number): number {
  if (x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const hi = f64Hi(x), lo = f64Lo() >>> 0;
  let h = hi >>> 0, l = lo;
  if (x > 0) {
    l = (l + 1) >>> 0;
    if (l === 0) h++;
  } else {
    if (l === 0) h--;
    l = (l - 1) >>> 0;
  }
  return bitsToF64(h, l);
}
function nextDown64(x: number): number {
  return -nextUp64(-x);
}
function nextUp32(x: number): number {
  if (x === Infinity) return x;
  if (x === 0) return bitsToF32(1);
  const b = f32Bits(x);
  return bitsToF32(x > 0 ? b + 1 : b - 1);
}
function nextDown32(x: number): number {
  return -nextUp32(-x);
}

/**
 * Round an exact result, known as `r` (round-to-nearest in double; for singles rounded again) and
 * the sign of exact - r (`err`), to the target precision under `fpscr`; returns the value and
 * sets res.flags (OFC UFC IXC, and FZ's flush).
 */
function roundResult(r: number, err: number, sp: boolean, fpscr: number): number {
  const mode = (fpscr >>> FPSCR_RMODE_SHIFT) & 3;
  const max = sp ? MAX32 : MAX64;
  const minNormal = sp ? MIN_NORMAL32 : MIN_NORMAL64;
  // tiny before rounding: 0 < |exact| < minNormal (r is the exact result rounded to double)
  const ar = Math.abs(r);
  const tiny = (r !== 0 || err !== 0) && (ar < minNormal || (ar === minNormal && r * err < 0));
  if (tiny && fpscr & FPSCR_FZ) {
    // flush-to-zero of the result: underflow, not inexact
    res.flags |= FPSCR_UFC;
    return r < 0 || (r === 0 && err < 0) ? -0 : 0;
  }
  let v = r;
  let e = err;
  if (sp) {
    v = Math.fround(r);
    // the exact result relative to the single: the double's own error decides only when equal
    if (v !== r) e = r > v ? 1 : -1;
  }
  let flags = 0;
  if (!isFinite(v)) {
    // overflow (the operands were finite)
    flags |= FPSCR_OFC | FPSCR_IXC;
    const pos = v > 0;
    if (mode === RZ || (mode === RM && pos) || (mode === RP && !pos)) v = pos ? max : -max;
    res.flags |= flags;
    return v;
  }
  if (e !== 0) {
    flags |= FPSCR_IXC;
    if (tiny) flags |= FPSCR_UFC;
    if (mode === RP && e > 0) v = sp ? nextUp32(v) : nextUp64(v);
    else if (mode === RM && e < 0) v = sp ? nextDown32(v) : nextDown64(v);
    else if (mode === RZ && ((v > 0 && e < 0) || (v < 0 && e > 0))) v = sp ? (v > 0 ? nextDown32(v) : nextUp32(v)) : v > 0 ? nextDown64(v) : nextUp64(v);
    else if (mode === RZ && v === 0) v = e < 0 ? -0 : 0;
    if (Math.abs(v) > max) {
      v = v > 0 ? Infinity : -Infinity;
      flags |= FPSCR_OFC;
    }
  }
  res.flags |= flags;
  return v;
}

// ---- operands --------------------------------------------------------------------------------------------
/** an operand's value with FZ applied to denormal inputs (IDC) */
function in64(hi: number, lo: number, fpscr: number): number {
  if (fpscr & FPSCR_FZ && (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0) {
    res.flags |= FPSCR_IDC;
    return hi < 0 ? -0 : 0;
  }
  return bitsToF64(hi, lo);
}
function in32(b: number, fpscr: number): number {
  if (fpscr & FPSCR_FZ && (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0) {
    res.flags |= FPSCR_IDC;
    return b < 0 ? -0 : 0;
  }
  return bitsToF32(b);
}
function out64(v: number): FpResult {
  res.hi = f64Hi(v);
  res.lo = f64Lo();
  return res;
}
function out32(v: number): FpResult {
  res.hi = 0;
  res.lo = f32Bits(v);
  return res;
}
function defaultNaN(sp: boolean): FpResult {
  res.hi = sp ? 0 : DEFAULT_NAN64_HI;
  res.lo = sp ? DEFAULT_NAN32 : 0;
  return res;
}

/**
 * FPProcessNaNs: with NaN operands, the result is the first signalling NaN, else the first quiet
 * one, quietened (or the default NaN in DN mode); IOC if any is signalling. Returns null if none.
 */
function processNaNs(ops: number[], sp: boolean, fpscr: number): FpResult | null {
  // ops: for doubles [hi, lo, hi, lo, ...]; for singles [bits, bits, ...]
  const step = sp ? 1 : 2;
  let pick = -1, anySNaN = false;
  for (let k = 0; k < ops.length; k += step) {
    const sn = sp ? isSNaN32(ops[k]) : isSNaN64(ops[k], ops[k + 1]);
    if (sn) {
      if (!anySNaN) pick = k;
      anySNaN = true;
    } else if (pick < 0 && (sp ? isNaN32(ops[k]) : isNaN64(ops[k], ops[k + 1]))) pick = k;
  }
  if (pick < 0) return null;
  if (anySNaN) res.flags |= FPSCR_IOC;
  if (fpscr & FPSCR_DN) return defaultNaN(sp);
  if (sp) {
    res.hi = 0;
    res.lo = ops[pick] | 0x400000;
  } else {
    res.hi = ops[pick] | 0x80000;
    res.lo = ops[pick + 1];
  }
  return res;
}

// ---- the operations ------------------------------------------------------------------------------------------
/**
 * a op b (OP_ADD, OP_SUB, OP_MUL, OP_DIV) of two doubles (hi/lo) or singles (in the lo words):
 * the result in res, its flags in res.flags (reset first).
 */
export function fpBinop(op: number, ahi: number, alo: number, bhi: number, blo: number, sp: boolean, fpscr: number): FpResult {
  res.flags = 0;
  const nan = sp ? processNaNs([alo, blo], true, fpscr) : processNaNs([ahi, alo, bhi, blo], false, fpscr);
  if (nan) return nan;
  const a = sp ? in32(alo, fpscr) : in64(ahi, alo, fpscr);
  const b = sp ? in32(blo, fpscr) : in64(bhi, blo, fpscr);
  let r: number;
  switch (op) {
    case OP_ADD:
      r = a + b;
      break;
    case OP_SUB:
      r = a - b;
      break;
    case OP_MUL:
      r = a * b;
      break;
    default:
      r = a / b;
  }
  if (r !== r) {
    // Inf - Inf, 0 * Inf, 0 / 0, Inf / Inf
    res.flags |= FPSCR_IOC;
    return defaultNaN(sp);
  }
  if (!isFinite(r) && isFinite(a) && isFinite(b)) {
    if (op === OP_DIV && b === 0) {
      res.flags |= FPSCR_DZC;
      return sp ? out32(r) : out64(r);
    }
    const v = roundResult(r, 0, sp, fpscr);
    return sp ? out32(v) : out64(v);
  }
  if (!isFinite(r) || !isFinite(a) || !isFinite(b)) return sp ? out32(r) : out64(r); // exact infinities
  const err = errorSign(op, a, b, r);
  if (r === 0 && err === 0) {
    // an exact zero: JS gives the round-to-nearest sign; RM makes cancellation -0 and +0 + -0 = -0
    if (((fpscr >>> FPSCR_RMODE_SHIFT) & 3) === RM && (op === OP_ADD || op === OP_SUB)) {
      const bb = op === OP_SUB ? -b : b;
      const z = a === 0 && bb === 0 && 1 / a > 0 && 1 / bb > 0 ? 0 : -0;
      return sp ? out32(z) : out64(z);
    }
    return sp ? out32(r) : out64(r);
  }
  const v = roundResult(r, err, sp, fpscr);
  return sp ? out32(v) : out64(v);
}

export function fpSqrt(ahi: number, alo: number, sp: boolean, fpscr: number): FpResult {
  res.flags = 0;
  const nan = sp ? processNaNs([alo], true, fpscr) : processNaNs([ahi, alo], false, fpscr);
  if (nan) return nan;
  const a = sp ? in32(alo, fpscr) : in64(ahi, alo, fpscr);
  if (a < 0) {
    res.flags |= FPSCR_IOC;
    return defaultNaN(sp);
  }
  const r = Math.sqrt(a);
  if (r === 0 || !isFinite(r)) return sp ? out32(a) : out64(a); // +-0 and +Inf are exact
  const v = roundResult(r, errorSign(OP_SQRT, a, 0, r), sp, fpscr);
  return sp ? out32(v) : out64(v);
}

/** FPCompare: NZCV in bits 31:28 (equal 0110, less 1000, greater 0010, unordered 0011) */
export function fpCompare(ahi: number, alo: number, bhi: number, blo: number, sp: boolean, quietNaNsTrap: boolean, fpscr: number): number {
  res.flags = 0;
  const an = sp ? isNaN32(alo) : isNaN64(ahi, alo);
  const bn = sp ? isNaN32(blo) : isNaN64(bhi, blo);
  if (an || bn) {
    const sn = sp ? isSNaN32(alo) || isSNaN32(blo) : isSNaN64(ahi, alo) || isSNaN64(bhi, blo);
    if (sn || quietNaNsTrap) res.flags |= FPSCR_IOC;
    return 0x30000000;
  }
  const a = sp ? in32(alo, fpscr) : in64(ahi, alo, fpscr);
  const b = sp ? in32(blo, fpscr) : in64(bhi, blo, fpscr);
  if (a === b) return 0x60000000;
  return a < b ? 0x80000000 | 0 : 0x20000000;
}

/** VCVT between single and double (toSingle: the operand is a double) */
export function fpConvert(ahi: number, alo: number, toSingle: boolean, fpscr: number): FpResult {
  res.flags = 0;
  if (toSingle) {
    if (isNaN64(ahi, alo)) {
      if (isSNaN64(ahi, alo)) res.flags |= FPSCR_IOC;
      if (fpscr & FPSCR_DN) return defaultNaN(true);
      res.hi = 0;
      res.lo = (ahi & 0x80000000) | 0x7fc00000 | ((ahi & 0x7ffff) << 3) | (alo >>> 29);
      return res;
    }
    const a = in64(ahi, alo, fpscr);
    if (!isFinite(a) || a === 0) return out32(a);
    return out32(roundResult(a, 0, true, fpscr));
  }
  if (isNaN32(alo)) {
    if (isSNaN32(alo)) res.flags |= FPSCR_IOC;
    if (fpscr & FPSCR_DN) return defaultNaN(false);
    res.hi = (alo & 0x80000000) | 0x7ff80000 | ((alo & 0x3fffff) >>> 3);
    res.lo = (alo << 29) | 0;
    return res;
  }
  return out64(in32(alo, fpscr));
}

/** VCVT from a 32-bit integer (signed or not) to single or double, rounding per FPSCR */
export function fpFromInt(v: number, signed: boolean, sp: boolean, fpscr: number): FpResult {
  return fpFromExact(signed ? v | 0 : v >>> 0, sp, fpscr);
}
/** A value exact in double (an integer, a fixed-point number) rounded to the target per FPSCR. */
export function fpFromExact(x: number, sp: boolean, fpscr: number): FpResult {
  res.flags = 0;
  if (x === 0 || !sp) return sp ? out32(x) : out64(x);
  return out32(roundResult(x, 0, true, fpscr));
}

/**
 * VCVT to a 32-bit integer: round per `mode` (RZ for VCVT, the FPSCR's for VCVTR); NaN gives 0,
 * out-of-range values saturate, both with IOC; inexact results IXC.
 */
export function fpToInt(ahi: number, alo: number, sp: boolean, signed: boolean, mode: number, fpscr: number): number {
  res.flags = 0;
  if (sp ? isNaN32(alo) : isNaN64(ahi, alo)) {
    res.flags |= FPSCR_IOC;
    return 0;
  }
  const a = sp ? in32(alo, fpscr) : in64(ahi, alo, fpscr);
  let r: number;
  switch (mode) {
    case RN: {
      r = Math.round(a);
      // ties to even
      if (Math.abs(a - Math.trunc(a)) === 0.5) r = 2 * Math.round(a / 2);
      break;
    }
    case RP:
      r = Math.ceil(a);
      break;
    case RM:
      r = Math.floor(a);
      break;
    default:
      r = Math.trunc(a);
  }
  const lo = signed ? -2147483648 : 0, hi = signed ? 2147483647 : 4294967295;
  if (r < lo || r > hi) {
    res.flags |= FPSCR_IOC;
    return (r < lo ? lo : hi) | 0;
  }
  if (r !== a) res.flags |= FPSCR_IXC;
  return r | 0;
}

export function lastFlags(): number {
  return res.flags;
}
