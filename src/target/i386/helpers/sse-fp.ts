// IEEE 754 arithmetic for SSE/SSE2 in JavaScript doubles, exact in every MXCSR rounding mode with
// the x86 flags (IE DE ZE OE UE PE), DAZ and FTZ. sse-float.ts builds the instructions on top.
//
// How results stay exact without a software float library:
// - binary64 + - * / sqrt: JS computes the round-to-nearest result q; an error-free transform
//   (TwoSum, Dekker's TwoProduct, the division and square-root residuals) gives the sign of the
//   exact value minus q. Operands are first scaled by powers of two so those transforms cannot
//   overflow or underflow; results that land in the subnormal range are rounded to that grid here.
// - binary32: the double result of single operands rounds correctly to single with Math.fround
//   (53 >= 2*24+2 makes double rounding innocuous for + - * / sqrt); the direction of the error
//   comes from the double result, or from the double's own error when it is already a single.
// The direction then steps the nearest result to the next float for the directed rounding modes.
//
// Values travel as bit patterns (Int32 words) wherever NaNs may appear, because converting a
// signaling NaN to a JS number can quiet it.

export const MX_IE = 1, MX_DE = 2, MX_ZE = 4, MX_OE = 8, MX_UE = 16, MX_PE = 32;
export const MX_DAZ = 0x40, MX_FZ = 0x8000;
export const RC_NEAR = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3;

/** The rounding state of the instruction being executed (set by `begin`). */
export let rc = 0;
let daz = false;
let ftz = false;
/** exception flags raised so far by the instruction */
export let flags = 0;
/** Underflow unmasked: tininess alone raises UE (no result is delivered). */
let ueUnmasked = false;
/** Overflow unmasked: PE then reflects the rounding at an unbounded exponent only. */
let oeUnmasked = false;

export function begin(mxcsr: number): void {
  rc = (mxcsr >> 13) & 3;
  daz = (mxcsr & MX_DAZ) !== 0;
  ftz = (mxcsr & MX_FZ) !== 0 && (mxcsr & (MX_UE << 7)) !== 0;
  ueUnmasked = (mxcsr & (MX_UE << 7)) === 0;
  oeUnmasked = (mxcsr & (MX_OE << 7)) === 0;
  flags = 0;
}
export function raise(f: number): void {
  flags |= f;
}
export function setFlags(f: number): void {
  flags = f;
}

// scratch conversions between numbers and bits
const cvBuf = new ArrayBuffer(8);
const cvF64 = new Float64Array(cvBuf);
const cvF32 = new Float32Array(cvBuf);
const cvI32 = new Int32Array(cvBuf);

export function f32FromBits(b: number): number {
  cvI32[0] = b;
  return cvF32[0];
}
export function bitsFromF32(x: number): number {
  cvF32[0] = x;
  return cvI32[0];
}
export function f64FromBits(lo: number, hi: number): number {
  cvI32[0] = lo;
  cvI32[1] = hi;
  return cvF64[0];
}
/** the low word of x's bits; the high word is then in `hiWord` */
export let hiWord = 0;
export function bitsFromF64(x: number): number {
  cvF64[0] = x;
  hiWord = cvI32[1];
  return cvI32[0];
}

// ---- classification on bits ----------------------------------------------------------------------------------------
export const isNaN32 = (b: number): boolean => (b & 0x7fffffff) > 0x7f800000;
export const isSNaN32 = (b: number): boolean => isNaN32(b) && (b & 0x400000) === 0;
export const isDenormal32 = (b: number): boolean => (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0;
export const isNaN64 = (lo: number, hi: number): boolean => (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
export const isSNaN64 = (lo: number, hi: number): boolean => isNaN64(lo, hi) && (hi & 0x80000) === 0;
export const isDenormal64 = (lo: number, hi: number): boolean => (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0;

/**
 * A single operand as a number: denormals raise DE, or become zero under DAZ. NaNs must have been
 * handled by the caller.
 */
export function in32(b: number): number {
  if (isDenormal32(b)) {
    if (daz) return b < 0 ? -0 : 0;
    flags |= MX_DE;
  }
  return f32FromBits(b);
}
export function in64(lo: number, hi: number): number {
  if (isDenormal64(lo, hi)) {
    if (daz) return hi < 0 ? -0 : 0;
    flags |= MX_DE;
  }
  return f64FromBits(lo, hi);
}
/** DE/DAZ check only (for operations that read the value some other way) */
export function denormCheck32(b: number): void {
  if (isDenormal32(b) && !daz) flags |= MX_DE;
}

// ---- next float up/down ---------------------------------------------------------------------------------------------
function nextUp32(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return 1.401298464324817e-45;
  cvF32[0] = x;
  cvI32[0] += x > 0 ? 1 : -1;
  return cvF32[0];
}
function nextDown32(x: number): number {
  return -nextUp32(-x);
}
function nextUp64(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return 5e-324;
  cvF64[0] = x;
  // 64-bit increment of the magnitude, toward +inf
  if (x > 0) {
    cvI32[0] = (cvI32[0] + 1) | 0;
    if (cvI32[0] === 0) cvI32[1]++;
  } else {
    if (cvI32[0] === 0) cvI32[1]--;
    cvI32[0] = (cvI32[0] - 1) | 0;
  }
  return cvF64[0];
}
function nextDown64(x: number): number {
  return -nextUp64(-x);
}

/**
 * Rounding-mode adjustment of a round-to-nearest result r whose exact value lies on side `dir`
 * (sign of exact - r; 0 when exact). Returns the result and sets `lastDir` to sign(exact - result).
 */
let lastDir = 0;
function directed(r: number, dir: number, up: (x: number) => number, down: (x: number) => number): number {
  lastDir = dir;
  if (dir === 0 || rc === RC_NEAR) return r;
  let move = 0;
  if (rc === RC_UP) move = dir > 0 ? 1 : 0;
  else if (rc === RC_DOWN) move = dir < 0 ? -1 : 0;
  else if (r > 0) move = dir < 0 ? -1 : 0; // toward zero: only a magnitude rounded up moves
  else if (r < 0) move = dir > 0 ? 1 : 0;
  if (move > 0) {
    lastDir = -1;
    return up(r);
  }
  if (move < 0) {
    lastDir = 1;
    return down(r);
  }
  return r;
}

const MIN_NORMAL32 = 1.1754943508222875e-38;
const MIN_NORMAL64 = 2.2250738585072014e-308;

/**
 * Finish a single-precision result from D, a double close to the exact value, and dirD =
 * sign(exact - D). Applies the rounding mode, overflow, underflow, FTZ and PE. Returns the bits.
 */
export function finish32(D: number, dirD: number): number {
  const neg = 1 / D < 0 || D < 0;
  let r = Math.fround(D);
  const dir = D !== r ? (D > r ? 1 : -1) : dirD;
  const rnInf = r === Infinity || r === -Infinity;
  r = directed(r, dir, nextUp32, nextDown32);
  if (dir !== 0) {
    if (rnInf || r === Infinity || r === -Infinity) {
      flags |= MX_OE;
      // unmasked, the handler would get the result with a biased exponent: inexact or not
      if (!oeUnmasked || inexact32(D * 2 ** -192, dirD)) flags |= MX_PE;
    } else {
      // underflow: tiny after rounding (as if the exponent range were unbounded), as this CPU does
      const a = Math.abs(r);
      if (a < MIN_NORMAL32 || (a === MIN_NORMAL32 && tinyAfter32(D, dirD))) {
        flags |= MX_UE;
        if (ueUnmasked) {
          if (inexact32(D * TWO64, dirD)) flags |= MX_PE;
        } else {
          flags |= MX_PE;
          if (ftz) r = neg ? -0 : 0;
        }
      } else flags |= MX_PE;
    }
  } else if (Math.abs(r) < MIN_NORMAL32 && r !== 0) {
    // exact tiny result: no underflow when masked, but FTZ flushes it
    if (ueUnmasked) flags |= MX_UE;
    else if (ftz) {
      flags |= MX_UE | MX_PE;
      r = neg ? -0 : 0;
    }
  }
  return bitsFromF32(r);
}
/** whether the scaled value S (exact up to dirD) has more than 24 significant bits */
function inexact32(S: number, dirD: number): boolean {
  return Math.fround(S) !== S || dirD !== 0;
}
const TWO64 = 18446744073709551616;
/** Whether D (with dirD = sign(exact - D)) rounds below the smallest normal at 24-bit precision. */
function tinyAfter32(D: number, dirD: number): boolean {
  const S = D * TWO64; // exact: the scaled value is normal in single precision
  const r1 = Math.fround(S);
  const d1 = S !== r1 ? (S > r1 ? 1 : -1) : dirD;
  const rr = directed(r1, d1, nextUp32, nextDown32);
  return Math.abs(rr) < MIN_NORMAL32 * TWO64;
}

/** Round a double result: q = RN(exact) with dir = sign(exact - q). Returns the result. */
export function finish64(q: number, dir: number): number {
  const neg = q < 0 || 1 / q < 0;
  const rnInf = q === Infinity || q === -Infinity;
  let r = directed(q, dir, nextUp64, nextDown64);
  if (dir !== 0) {
    if (rnInf || r === Infinity || r === -Infinity) {
      flags |= MX_OE;
      if (!oeUnmasked || unbInexact) flags |= MX_PE;
    } else {
      const a = Math.abs(r);
      if (a < MIN_NORMAL64 || (a === MIN_NORMAL64 && unbTiny)) {
        flags |= MX_UE;
        if (ueUnmasked) {
          if (unbInexact) flags |= MX_PE;
        } else {
          flags |= MX_PE;
          if (ftz) r = neg ? -0 : 0;
        }
      } else flags |= MX_PE;
    }
  } else if (Math.abs(r) < MIN_NORMAL64 && r !== 0) {
    if (ueUnmasked) flags |= MX_UE;
    else if (ftz) {
      flags |= MX_UE | MX_PE;
      r = neg ? -0 : 0;
    }
  }
  return r;
}

// ---- error-free transforms ------------------------------------------------------------------------------------------
const SPLIT = 134217729; // 2^27 + 1
/** sign(a*b - p) for p = RN(a*b); a, b, p must be in the safe range (no overflow/underflow). */
function mulErrSign(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  return e > 0 ? 1 : e < 0 ? -1 : 0;
}
/** sign(a - p*b), exactly, for p*b close to a (safe range) */
function residualSign(a: number, b: number, p: number): number {
  let t = SPLIT * p;
  const ph = t - (t - p), pl = p - ph;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const hi = p * b;
  const lo = ((ph * bh - hi) + ph * bl + pl * bh) + pl * bl;
  // a - (hi + lo): a - hi is exact (Sterbenz) as hi is within a factor 2 of a
  const d = (a - hi) - lo;
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/** exponent e with x = m * 2^e, 1 <= |m| < 2 (x finite, nonzero) */
function ilogb(x: number): number {
  cvF64[0] = x;
  let e = (cvI32[1] >>> 20) & 0x7ff;
  if (e === 0) {
    cvF64[0] = x * 18014398509481984; // 2^54
    e = ((cvI32[1] >>> 20) & 0x7ff) - 54;
  }
  return e - 1023;
}
/** x * 2^n, exact when the result is normal (done in steps so no intermediate overflows) */
function ldexp(x: number, n: number): number {
  while (n > 1000) { x *= 2 ** 1000; n -= 1000; }
  while (n < -1000) { x *= 2 ** -1000; n += 1000; }
  return x * 2 ** n;
}

/**
 * The exact value (q' + dir') * 2^k, where q' = RN(exact * 2^-k) is normal, rounded to double:
 * exact scaling when the result is normal, else rounding to the subnormal grid here.
 * Returns q = RN(exact) and sets outDir = sign(exact - q).
 */
let outDir = 0;
/** set by unscale: the result rounded with an unbounded exponent is below the normal range */
let unbTiny = false;
/** set by unscale/add64: rounding to 53 bits with an unbounded exponent is inexact */
let unbInexact = false;
function unscale(qs: number, dirS: number, k: number): number {
  // tininess after rounding: qs is the result at 53 bits with an unbounded exponent (RN)
  const saved = lastDir;
  const rq = directed(qs, dirS, nextUp64, nextDown64);
  lastDir = saved;
  unbTiny = rq !== 0 && ilogb(rq) + k < -1022;
  unbInexact = dirS !== 0;
  if (qs === 0 || ilogb(qs) + k >= -1022) {
    const q = ldexp(qs, k);
    // overflow: the exact value is finite, below the infinity RN gave
    outDir = q === Infinity ? -1 : q === -Infinity ? 1 : dirS;
    return q;
  }
  // subnormal: grid spacing g = 2^-1074 becomes 2^(-1074-k) in the scaled domain
  const neg = qs < 0;
  const a = Math.abs(qs);
  const d = neg ? -dirS : dirS;
  const units = ldexp(a, k + 1074); // exact: below 2^52, and a is in [0.5, 4)
  let n = Math.floor(units);
  let frac = units - n;
  // value in grid units = n + frac + (tiny of sign d)
  let pick: number;
  let dirU: number; // sign(exact - pick) in magnitude
  if (frac === 0 && d === 0) { pick = n; dirU = 0; }
  else {
    if (frac === 0 && d < 0) { n -= 1; frac = 1; } // just below n+1 (frac = 1 marks "1 - tiny")
    const above = frac > 0.5 || (frac === 0.5 && d > 0);
    const tie = frac === 0.5 && d === 0;
    if (above || (tie && (n & 1) === 1)) { pick = n + 1; dirU = -1; } else { pick = n; dirU = 1; }
  }
  const res = pick * 5e-324;
  outDir = neg ? -dirU : dirU;
  return neg ? -res : res;
}

// ---- binary64 operations on finite, non-NaN operands ---------------------------------------------------------------
/** sets outDir; returns RN(a + b) */
export function add64(a: number, b: number): number {
  unbTiny = false;
  const s = a + b;
  if (s === Infinity || s === -Infinity) {
    outDir = s > 0 ? -1 : 1;
    // inexactness at an unbounded exponent: the halves add without overflow
    const ha = a / 2, hb = b / 2, hs = ha + hb, hbb = hs - ha;
    unbInexact = (ha - (hs - hbb)) + (hb - hbb) !== 0;
    return s;
  }
  const bb = s - a;
  const err = (a - (s - bb)) + (b - bb);
  outDir = err > 0 ? 1 : err < 0 ? -1 : 0;
  if (s === 0) return a === 0 && b === 0 ? zeroSum(a, b) : rc === RC_DOWN ? -0 : 0;
  return s;
}
export function mul64(a: number, b: number): number {
  if (a === 0 || b === 0) {
    outDir = 0;
    return a * b;
  }
  const ka = ilogb(a), kb = ilogb(b);
  const as = ldexp(a, -ka), bs = ldexp(b, -kb);
  const p = as * bs;
  return unscale(p, mulErrSign(as, bs, p), ka + kb);
}
export function div64(a: number, b: number): number {
  if (a === 0) {
    outDir = 0;
    return a / b;
  }
  const ka = ilogb(a), kb = ilogb(b);
  const as = ldexp(a, -ka), bs = ldexp(b, -kb);
  const q = as / bs;
  const s = residualSign(as, bs, q) * (bs > 0 ? 1 : -1);
  return unscale(q, s, ka - kb);
}
/** a > 0 finite */
export function sqrt64(a: number): number {
  let k = ilogb(a);
  if (k & 1) k -= 1;
  const as = ldexp(a, -k);
  const q = Math.sqrt(as);
  const s = residualSign(as, q, q);
  outDir = s;
  return ldexp(q, k / 2);
}
export function lastOutDir(): number {
  return outDir;
}

/** The sum of zeros follows the rounding mode: -0 only when rounding down (or both are -0). */
export function zeroSum(a: number, b: number): number {
  const na = 1 / a < 0, nb = 1 / b < 0;
  if (na && nb) return -0;
  if (!na && !nb) return 0;
  return rc === RC_DOWN ? -0 : 0;
}
