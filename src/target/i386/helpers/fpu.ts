// x87 FPU helpers (QEMU's fpu_helper.c): the register stack, the status and control words, and
// every x87 operation, called from translate/x87.ts. Only this file touches the FPU part of the
// CPU state (the translator inlines nothing but fldcw/fnstcw), so generated code needs no FPU
// globals and most helpers can promise the IR optimizer that they neither fault nor read guest
// registers.
//
// Values are JavaScript doubles for now: each ST register is one float64 in the CPU state. Every
// question about a value goes through the "value layer" below (memory format conversions,
// arithmetic under the control word's rounding mode, NaN rules, exception flags), which is the
// part an exact 80-bit implementation replaces; the stack, tags, status word, environment layouts
// and the helpers' interface stay as they are.
//
// Exceptions are always handled as the masked response (the default control word masks them all):
// flags accumulate in the status word, ES/B are derived when the status word is read, and #MF is
// never raised.
import { HELPER_NO_FAULT, registerHelper, Ty } from "../../../ir/ir";
import { AddressSpace, accessHookActive } from "../../../memory/address-space";
import { CPUX86State, FPREGS, FPSTT, FPTAGS, FPUC, FPUS, FP_LAST_INSN, R_CS, SEG_SEL } from "../cpu";

// ---- status word bits -----------------------------------------------------------------------------
export const FPUS_IE = 0x01, FPUS_DE = 0x02, FPUS_ZE = 0x04, FPUS_OE = 0x08, FPUS_UE = 0x10, FPUS_PE = 0x20;
export const FPUS_SF = 0x40, FPUS_ES = 0x80, FPUS_C0 = 0x100, FPUS_C1 = 0x200, FPUS_C2 = 0x400;
export const FPUS_C3 = 0x4000, FPUS_B = 0x8000;
const IE = FPUS_IE, DE = FPUS_DE, ZE = FPUS_ZE, OE = FPUS_OE, UE = FPUS_UE, PE = FPUS_PE, SF = FPUS_SF;
const C0 = FPUS_C0, C1 = FPUS_C1, C2 = FPUS_C2, C3 = FPUS_C3;
const CC_ALL = C0 | C1 | C2 | C3;
/** the bits FPUS stores: TOP lives in FPSTT, and ES/B are recomputed from the masks when read */
const FPUS_STORED = 0x477f;
/** Control word bits a load can set, and the reserved bit 6 that always reads as one. */
export const FPUC_WRITABLE = 0x1f3f, FPUC_FIXED = 0x40;

// Scratch views for bit-level access. NaN payloads and the sign of NaNs are only manipulated
// through these: JS arithmetic on NaN (even negation) may hand back a canonical NaN, while
// moving a NaN through variables and typed-array stores keeps its bits.
const scratch = new ArrayBuffer(8);
const sF64 = new Float64Array(scratch);
const sU32 = new Uint32Array(scratch);
const sF32 = new Float32Array(scratch, 0, 1);
const HOST_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = HOST_LE ? 0 : 1, HI = HOST_LE ? 1 : 0;
/** Int32 index in cpu.R of physical register p's words: +0 significand low, +1 high, +2 sign/exponent */
const reg = (p: number): number => FPREGS + 4 * p;
function getReg(cpu: CPUX86State, p: number): number {
  const R = cpu.R, o = reg(p);
  return f80ToDouble(R[o + 2], R[o + 1], R[o]);
}
function setReg(cpu: CPUX86State, p: number, v: number): void {
  const R = cpu.R, o = reg(p);
  encodeF80(v);
  R[o] = xLo;
  R[o + 1] = xHi;
  R[o + 2] = xSe;
}

function fromBits(hi: number, lo: number): number {
  sU32[HI] = hi;
  sU32[LO] = lo;
  return sF64[0];
}
function hiBits(x: number): number {
  sF64[0] = x;
  return sU32[HI];
}

/** The x87 default NaN ("real indefinite"): negative, quiet, zero payload. */
export const INDEFINITE = fromBits(0xfff80000, 0);
const DBL_MIN = 2 ** -1022;
const FLT_MAX = 3.4028234663852886e38;
const P32 = 4294967296;

// =================================================================================================
// The value layer
// =================================================================================================

const isSNaN = (x: number): boolean => x !== x && (hiBits(x) & 0x80000) === 0;

function quiet(x: number): number {
  sF64[0] = x;
  if (sU32[HI] & 0x80000) return x;
  sU32[HI] |= 0x80000;
  return sF64[0];
}

/** Unbiased binary exponent of a finite non-zero double (subnormals included). */
function exponentOf(x: number): number {
  const e = (hiBits(x) >>> 20) & 0x7ff;
  return e ? e - 1023 : exponentOf(x * 18446744073709551616) - 64;
}

/** x * 2^k, exact whenever the result is representable (the steps never round twice then). */
function ldexpExact(x: number, k: number): number {
  while (k > 1023) {
    x *= 2 ** 1023;
    k -= 1023;
    if (x === Infinity || x === -Infinity) return x;
  }
  while (k < -1022) {
    x *= 2 ** -1022;
    k += 1022;
    if (x === 0) return x;
  }
  return x * 2 ** k;
}

function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  sF64[0] = x;
  let lo = sU32[LO], hi = sU32[HI];
  if (x > 0) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi++;
  } else {
    if (lo === 0) hi--;
    lo = (lo - 1) >>> 0;
  }
  return fromBits(hi, lo);
}
const nextDown = (x: number): number => -nextUp(-x);

/**
 * Round-to-nearest result r moved to the result of rounding mode `mode` (1 down, 2 up, 3 toward
 * zero), given err = the sign of (exact - r).
 */
function directed(r: number, err: number, mode: number): number {
  if (mode === 1) return err < 0 ? nextDown(r) : r;
  if (mode === 2) return err > 0 ? nextUp(r) : r;
  if (mode === 3) {
    if (r > 0 && err < 0) return nextDown(r);
    if (r < 0 && err > 0) return nextUp(r);
  }
  return r;
}

/**
 * The integer nearest, under rounding mode `mode` (x87 RC: 0 nearest-even, 1 down, 2 up, 3
 * toward zero), to the exact value s + ε·sign(err), ε infinitesimal: err lets callers round a
 * value that was itself already rounded to a double, without rounding twice. Zero results keep
 * the sign of the exact value.
 */
export function roundInt(s: number, err: number, mode: number): number {
  if (s - s !== 0) return s;
  let lo = Math.floor(s);
  let d = s - lo;
  if (d === 0) {
    if (err === 0) return s;
    if (err < 0) {
      lo -= 1;
      d = 1;
    }
  }
  // the exact value lies strictly between lo and lo + 1, at distance d (refined by err) from lo
  const neg = lo < 0;
  let r: number;
  if (mode === 0) {
    const c = d < 0.5 ? -1 : d > 0.5 ? 1 : err > 0 ? 1 : err < 0 ? -1 : 0;
    r = c < 0 ? lo : c > 0 ? lo + 1 : lo % 2 === 0 ? lo : lo + 1;
  } else if (mode === 1) r = lo;
  else if (mode === 2) r = lo + 1;
  else r = neg ? lo + 1 : lo;
  return r === 0 && neg ? -0 : r;
}

/**
 * x + ε·sign(err) rounded to p significant bits (fewer below 2^emin, as gradual underflow does),
 * under rounding mode `mode`. Used for precision control, float32 stores and fscale.
 */
function roundToPrecision(x: number, err: number, mode: number, p: number, emin: number): number {
  if (x - x !== 0) return x;
  if (x === 0) return err === 0 || mode === 0 ? x : directed(x, err, mode);
  let e = exponentOf(x);
  // x a power of two and the exact value just inside it: the exact value is in the binade below
  if (err !== 0 && x > 0 !== err > 0) {
    sF64[0] = x;
    if ((sU32[HI] & 0xfffff) === 0 && sU32[LO] === 0 && (sU32[HI] & 0x7ff00000) !== 0) e--;
  }
  const q = Math.max(e, emin) - (p - 1);
  const s = ldexpExact(x, -q);
  const n = roundInt(s, err, mode);
  return n === s ? x : ldexpExact(n, q);
}

/** Result of an overflow under rounding mode `mode`: infinity or the largest finite `max`. */
function overflowValue(mode: number, neg: boolean, max: number): number {
  const toInf = mode === 0 || (mode === 1 && neg) || (mode === 2 && !neg);
  const v = toInf ? Infinity : max;
  return neg ? -v : v;
}

// ---- exact error terms (sign of exact - rounded) ---------------------------------------------------
let tpLo = 0;
/** Dekker's product: returns fl(a*b) and leaves the exact a*b - fl(a*b) in tpLo (no over/underflow). */
function twoProd(a: number, b: number): number {
  const p = a * b;
  const ca = 134217729 * a, cb = 134217729 * b;
  const ah = ca - (ca - a), al = a - ah;
  const bh = cb - (cb - b), bl = b - bh;
  tpLo = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}
const SPLIT_MAX = 2 ** 995, SPLIT_MIN = 2 ** -1021, PROD_MIN = 2 ** -960, PROD_MAX = 2 ** 1020;
/** |p| is a product magnitude for which Dekker's partial products neither overflow nor underflow */
const productSafe = (p: number): boolean => {
  const a = Math.abs(p);
  return a >= PROD_MIN && a <= PROD_MAX;
};
const splittable = (x: number): boolean => {
  const a = Math.abs(x);
  return a <= SPLIT_MAX && a >= SPLIT_MIN;
};

function decompose(x: number): [bigint, number] {
  sF64[0] = x;
  const hi = sU32[HI], lo = sU32[LO];
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e) m |= 1n << 52n;
  return [hi >>> 31 ? -m : m, e ? e - 1075 : -1074];
}
/** sign(x - y*z) computed exactly, for the ranges where Dekker's product does not apply */
function exactSign(x: number, y: number, z: number): number {
  const [mx, ex] = decompose(x), [my, ey] = decompose(y), [mz, ez] = decompose(z);
  const ep = ey + ez;
  const e0 = Math.min(ex, ep);
  const d = (mx << BigInt(ex - e0)) - ((my * mz) << BigInt(ep - e0));
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

// ---- arithmetic -----------------------------------------------------------------------------------
const rcOf = (cpu: CPUX86State): number => (cpu.R[FPUC] >> 10) & 3;

function invalid(cpu: CPUX86State): number {
  cpu.R[FPUS] |= IE;
  return INDEFINITE;
}

/** The NaN an operation with NaN operand(s) delivers (SDM table 4-7, x87 column). */
function nanResult(cpu: CPUX86State, a: number, b: number): number {
  const an = a !== a, bn = b !== b;
  const as = an && isSNaN(a), bs = bn && isSNaN(b);
  if (as || bs) cpu.R[FPUS] |= IE;
  let r: number;
  if (an && bn) {
    if (as !== bs) r = as ? b : a;
    else {
      sF64[0] = a;
      const ah = sU32[HI] & 0xfffff, al = sU32[LO];
      sF64[0] = b;
      const bh = sU32[HI] & 0xfffff, bl = sU32[LO];
      // equal significands: the positive one
      r = ah !== bh ? (ah > bh ? a : b) : al !== bl ? (al > bl ? a : b) : hiBits(a) >>> 31 ? b : a;
    }
  } else r = an ? a : b;
  return quiet(r);
}

function overflowResult(cpu: CPUX86State, neg: boolean): number {
  const v = overflowValue(rcOf(cpu), neg, Number.MAX_VALUE);
  const R = cpu.R;
  R[FPUS] = (R[FPUS] & ~C1) | OE | PE | (v === Infinity || v === -Infinity ? C1 : 0);
  return v;
}

/**
 * Deliver an inexact result: r is the round-to-nearest double and err the sign of (exact - r).
 * Applies the rounding mode and precision control (single precision keeps the exponent range),
 * and sets PE/UE/OE and C1 (set when the significand was rounded up: |result| > |exact|).
 */
function finish(cpu: CPUX86State, r: number, err: number): number {
  const R = cpu.R;
  const cw = R[FPUC];
  const mode = (cw >> 10) & 3;
  let v = r;
  if ((cw & 0x300) === 0) v = roundToPrecision(r, err, mode, 24, -100000);
  else if (err !== 0 && mode !== 0) v = directed(r, err, mode);
  if (err === 0 && v === r) {
    R[FPUS] &= ~C1;
    return r;
  }
  let fl = PE;
  const av = Math.abs(v);
  if (av === Infinity) fl |= OE;
  else if (av < DBL_MIN) fl |= UE;
  const up = v !== r ? av > Math.abs(r) : r > 0 ? err < 0 : r < 0 ? err > 0 : false;
  R[FPUS] = (R[FPUS] & ~C1) | fl | (up ? C1 : 0);
  return v;
}
/** An exact result (clears C1, and precision control may still round it). */
function exact(cpu: CPUX86State, r: number): number {
  if ((cpu.R[FPUC] & 0x300) === 0) return finish(cpu, r, 0);
  cpu.R[FPUS] &= ~C1;
  return r;
}

function fpAdd(cpu: CPUX86State, a: number, b: number): number {
  const s = a + b;
  if (s - s !== 0) {
    if (a !== a || b !== b) return nanResult(cpu, a, b);
    if (s !== s) return invalid(cpu);
    if (a - a === 0 && b - b === 0) return overflowResult(cpu, s < 0);
    return exact(cpu, s);
  }
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  if (err !== 0) return finish(cpu, s, err);
  // an exact zero sum of opposite-signed operands is -0 when rounding down
  if (s === 0 && rcOf(cpu) === 1 && !(Object.is(a, 0) && Object.is(b, 0))) return exact(cpu, -0);
  return exact(cpu, s);
}
function fpSub(cpu: CPUX86State, a: number, b: number): number {
  if (b !== b) return nanResult(cpu, a, b);
  return fpAdd(cpu, a, -b);
}

function fpMul(cpu: CPUX86State, a: number, b: number): number {
  const p = a * b;
  if (p - p !== 0) {
    if (a !== a || b !== b) return nanResult(cpu, a, b);
    if (p !== p) return invalid(cpu);
    if (a - a === 0 && b - b === 0) return overflowResult(cpu, p < 0);
    return exact(cpu, p);
  }
  if (p === 0) return a === 0 || b === 0 ? exact(cpu, p) : finish(cpu, p, (a < 0) !== (b < 0) ? -1 : 1);
  let err: number;
  if (productSafe(p) && splittable(a) && splittable(b)) {
    twoProd(a, b);
    err = tpLo;
  } else err = -exactSign(p, a, b);
  return err === 0 ? exact(cpu, p) : finish(cpu, p, err);
}

function fpDiv(cpu: CPUX86State, a: number, b: number): number {
  const q = a / b;
  if (q - q !== 0 || q === 0) {
    if (a !== a || b !== b) return nanResult(cpu, a, b);
    if (q !== q) return invalid(cpu);
    if (b === 0) {
      cpu.R[FPUS] |= a - a === 0 ? ZE : 0;
      return exact(cpu, q);
    }
    if (q !== 0) return a - a === 0 && b - b === 0 ? overflowResult(cpu, q < 0) : exact(cpu, q);
    if (a === 0 || b - b !== 0) return exact(cpu, q);
    return finish(cpu, q, (a < 0) !== (b < 0) ? -1 : 1);
  }
  // sign(a/b - q) = sign(a - q*b) * sign(b); the remainder a - q*b is exact
  let rs: number;
  if (productSafe(a) && splittable(q) && splittable(b)) {
    const ph = twoProd(q, b);
    rs = a - ph - tpLo;
  } else rs = exactSign(a, q, b);
  const err = b > 0 ? rs : -rs;
  return err === 0 ? exact(cpu, q) : finish(cpu, q, err);
}

function fpSqrt(cpu: CPUX86State, a: number): number {
  if (a !== a) return nanResult(cpu, a, a);
  if (a < 0) return invalid(cpu);
  const s = Math.sqrt(a);
  if (a === 0 || a === Infinity) return exact(cpu, a);
  let rs: number;
  if (productSafe(a) && splittable(s)) {
    const ph = twoProd(s, s);
    rs = a - ph - tpLo;
  } else rs = exactSign(a, s, s);
  return rs === 0 ? exact(cpu, s) : finish(cpu, s, rs);
}

/** Arithmetic by ModRM reg field: 0 add, 1 mul, 4 sub (a-b), 5 subr (b-a), 6 div (a/b), 7 divr. */
function arith(cpu: CPUX86State, op: number, a: number, b: number): number {
  switch (op) {
    case 0: return fpAdd(cpu, a, b);
    case 1: return fpMul(cpu, a, b);
    case 4: return fpSub(cpu, a, b);
    case 5: return fpSub(cpu, b, a);
    case 6: return fpDiv(cpu, a, b);
    default: return fpDiv(cpu, b, a);
  }
}

// ---- comparisons ----------------------------------------------------------------------------------
const CMP_GT = 0, CMP_LT = 1, CMP_EQ = 2, CMP_UN = 3;
/** Compare; quiet (fucom*) raises IE only for signaling NaNs, the others for any NaN. */
function compare(cpu: CPUX86State, a: number, b: number, quietCmp: boolean): number {
  if (a !== a || b !== b) {
    if (!quietCmp || isSNaN(a) || isSNaN(b)) cpu.R[FPUS] |= IE;
    return CMP_UN;
  }
  return a < b ? CMP_LT : a > b ? CMP_GT : CMP_EQ;
}
const CMP_TO_CC = [0, C0, C3, C3 | C2 | C0];
/** EFLAGS CF/PF/ZF of fcomi */
const CMP_TO_EFLAGS = [0, 0x01, 0x40, 0x45];

// ---- memory formats ------------------------------------------------------------------------------
/** A float32 bit pattern as a double (exact); SNaNs are quieted and flagged as fld m32 does. */
function f32ToDouble(cpu: CPUX86State, bits: number): number {
  const e = (bits >>> 23) & 0xff, f = bits & 0x7fffff;
  if (e === 0xff && f !== 0) {
    if (!(f & 0x400000)) cpu.R[FPUS] |= IE;
    return fromBits((bits & 0x80000000) | 0x7ff80000 | (f >>> 3), (f << 29) >>> 0);
  }
  if (e === 0 && f !== 0) cpu.R[FPUS] |= DE;
  sU32[0] = bits;
  return sF32[0];
}
/** A float64 given as two words; SNaNs are quieted and flagged. */
function f64ToDouble(cpu: CPUX86State, hi: number, lo: number): number {
  const e = (hi >>> 20) & 0x7ff;
  if (e === 0x7ff && ((hi & 0xfffff) | lo) !== 0) {
    if (!(hi & 0x80000)) {
      cpu.R[FPUS] |= IE;
      hi |= 0x80000;
    }
  } else if (e === 0 && ((hi & 0xfffff) | lo) !== 0) cpu.R[FPUS] |= DE;
  return fromBits(hi, lo);
}

/** The float32 bit pattern of x rounded by the control word (sets PE/UE/OE, C1). */
function doubleToF32Bits(cpu: CPUX86State, x: number): number {
  const R = cpu.R;
  if (x !== x) {
    sF64[0] = x;
    const hi = sU32[HI], lo = sU32[LO];
    if (!(hi & 0x80000)) R[FPUS] |= IE;
    return ((hi & 0x80000000) | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29)) | 0;
  }
  R[FPUS] &= ~C1;
  let r = x;
  if (x !== 0 && x - x === 0) {
    const mode = rcOf(cpu);
    r = roundToPrecision(x, 0, mode, 24, -126);
    if (r !== x) {
      let fl = PE;
      const neg = r < 0;
      if (Math.abs(r) > FLT_MAX) {
        r = overflowValue(mode, neg, FLT_MAX);
        fl |= OE;
      } else if (Math.abs(r) < 2 ** -126) fl |= UE;
      R[FPUS] |= fl | (Math.abs(r) > Math.abs(x) ? C1 : 0);
    }
  }
  sF32[0] = r;
  return sU32[0] | 0;
}

/**
 * Correctly rounded double of (-1)^neg · m · 2^exp under rounding mode `mode`: for significands
 * wider than a double's (BCD, and the 80-bit format where the fast path does not apply).
 */
function bigToDouble(neg: boolean, m: bigint, exp: number, mode: number): number {
  if (m === 0n) return neg ? -0 : 0;
  const n = m.toString(2).length;
  const e = exp + n - 1;
  if (e > 1023) return overflowValue(mode, neg, Number.MAX_VALUE);
  const p = e >= -1022 ? 53 : 53 - (-1022 - e);
  if (p < 0) {
    // below half the smallest subnormal: zero, or the smallest subnormal when rounding outwards
    const v = (mode === 2 && !neg) || (mode === 1 && neg) ? Number.MIN_VALUE : 0;
    return neg ? -v : v;
  }
  const sh = n - p;
  let q = m;
  if (sh > 0) {
    q = m >> BigInt(sh);
    const rem = m - (q << BigInt(sh));
    if (rem !== 0n) {
      const half = 1n << BigInt(sh - 1);
      let inc: boolean;
      if (mode === 0) inc = rem > half || (rem === half && (q & 1n) === 1n);
      else if (mode === 1) inc = neg;
      else if (mode === 2) inc = !neg;
      else inc = false;
      if (inc) q += 1n;
    }
  }
  const v = ldexpExact(Number(q), exp + Math.max(sh, 0));
  if (v === Infinity) return overflowValue(mode, neg, Number.MAX_VALUE);
  return neg ? -v : v;
}

/**
 * The double nearest to an 80-bit extended value given as its sign/exponent word and the two
 * halves of its 64-bit significand. Unsupported encodings (pseudo-NaN, pseudo-infinity, unnormal)
 * give the indefinite NaN; NaN payloads keep their top 51 bits. Finite values outside the double
 * range saturate to ±DBL_MAX and non-zero ones too small for a double to ± the smallest
 * subnormal, instead of becoming infinities and zeros: libc classifies long doubles by comparing
 * with LDBL_MAX/LDBL_MIN loaded from memory (isinf(x) is |x| > LDBL_MAX), and those idioms only
 * keep working if finite stays finite and non-zero stays non-zero.
 */
export function f80ToDouble(se: number, hi: number, lo: number): number {
  hi >>>= 0;
  lo >>>= 0;
  const neg = (se & 0x8000) !== 0;
  const e = se & 0x7fff;
  if (e === 0x7fff) {
    if (!(hi & 0x80000000)) return INDEFINITE;
    if ((hi & 0x7fffffff) === 0 && lo === 0) return neg ? -Infinity : Infinity;
    const dhi = (hi >>> 11) & 0xfffff;
    let dlo = ((hi << 21) | (lo >>> 11)) >>> 0;
    if (dhi === 0 && dlo === 0) dlo = 1; // the payload was all in dropped bits: stay a NaN
    return fromBits((neg ? 0x80000000 : 0) | 0x7ff00000 | dhi, dlo);
  }
  if (hi === 0 && lo === 0) return neg ? -0 : 0;
  if (e !== 0 && !(hi & 0x80000000)) return INDEFINITE;
  // value = significand · 2^(max(e,1) - 16383 - 63); denormals and pseudo-denormals use e = 1
  const exp = (e === 0 ? 1 : e) - 16446;
  const bits = hi ? 64 - Math.clz32(hi) : 32 - Math.clz32(lo);
  const top = exp + bits - 1;
  if (top >= -1022 && top <= 1023) {
    // one rounding to 53 bits (the sum is rounded once), then an exact scaling
    const v = ldexpExact(hi * P32 + lo, exp);
    return neg ? -v : v;
  }
  if (top > 1023) return neg ? -Number.MAX_VALUE : Number.MAX_VALUE;
  const v = bigToDouble(neg, (BigInt(hi) << 32n) | BigInt(lo), exp, 0);
  return v !== 0 ? v : neg ? -Number.MIN_VALUE : Number.MIN_VALUE;
}

let xSe = 0, xHi = 0, xLo = 0;
/** Encode a double as 80-bit extended into xSe/xHi/xLo (exact: extended holds every double). */
function encodeF80(x: number): void {
  sF64[0] = x;
  const dhi = sU32[HI], dlo = sU32[LO];
  const sign = dhi >>> 31 ? 0x8000 : 0;
  const e = (dhi >>> 20) & 0x7ff;
  const fhi = dhi & 0xfffff;
  if (e === 0x7ff) {
    xSe = sign | 0x7fff;
    xHi = (0x80000000 | (fhi << 11) | (dlo >>> 21)) >>> 0;
    xLo = (dlo << 11) >>> 0;
  } else if (e === 0) {
    if (fhi === 0 && dlo === 0) {
      xSe = sign;
      xHi = xLo = 0;
      return;
    }
    // a double denormal is a normal number in the extended format
    const nbits = fhi ? 32 + 32 - Math.clz32(fhi) : 32 - Math.clz32(dlo);
    let h = fhi, l = dlo, s = 64 - nbits;
    if (s >= 32) {
      h = l;
      l = 0;
      s -= 32;
    }
    if (s) {
      h = (h << s) | (l >>> (32 - s));
      l = l << s;
    }
    xSe = sign | (-1074 + nbits - 1 + 16383);
    xHi = h >>> 0;
    xLo = l >>> 0;
  } else {
    xSe = sign | (e - 1023 + 16383);
    xHi = (0x80000000 | (fhi << 11) | (dlo >>> 21)) >>> 0;
    xLo = (dlo << 11) >>> 0;
  }
}
/** [sign/exponent word, significand high 32 bits, low 32 bits] of x in the 80-bit format. */
export function doubleToF80(x: number): [number, number, number] {
  encodeF80(x);
  return [xSe, xHi, xLo];
}

/** Packed BCD (10 bytes, least significant first) as sign and magnitude; digits taken at face value. */
export function bcdDecode(b: ArrayLike<number>): { neg: boolean; mag: bigint } {
  let mag = 0n;
  for (let i = 8; i >= 0; i--) mag = mag * 100n + BigInt((b[i] >> 4) * 10 + (b[i] & 15));
  return { neg: (b[9] & 0x80) !== 0, mag };
}
/** The 10 bytes of packed BCD for sign and a magnitude below 10^18. */
export function bcdEncode(neg: boolean, mag: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 9; i++) {
    const two = Number(mag % 100n);
    mag /= 100n;
    out.push((((two / 10) | 0) << 4) | two % 10);
  }
  out.push(neg ? 0x80 : 0);
  return out;
}

// ---- constants ------------------------------------------------------------------------------------
// [nearest double, sign of (true value - double)] so that other rounding modes give the
// correctly directed double, as the x87 rounds its internal constants by RC.
const CONSTS: [number, number][] = [
  [1, 0], // fld1
  [3.321928094887362, 1], // fldl2t
  [1.4426950408889634, 1], // fldl2e
  [3.141592653589793, 1], // fldpi
  [0.3010299956639812, -1], // fldlg2
  [0.6931471805599453, 1], // fldln2
  [0, 0], // fldz
];

// =================================================================================================
// Register stack
// =================================================================================================

const phys = (cpu: CPUX86State, i: number): number => (cpu.R[FPSTT] + i) & 7;

function underflow(cpu: CPUX86State): void {
  const R = cpu.R;
  R[FPUS] = (R[FPUS] & ~C1) | IE | SF;
}

/** ST(i); an empty register is a stack underflow and reads as the indefinite NaN. */
function read(cpu: CPUX86State, i: number): number {
  const p = (cpu.R[FPSTT] + i) & 7;
  if (cpu.R[FPTAGS + p]) {
    underflow(cpu);
    return INDEFINITE;
  }
  return getReg(cpu, p);
}
function write(cpu: CPUX86State, i: number, v: number): void {
  const p = (cpu.R[FPSTT] + i) & 7;
  setReg(cpu, p, v);
  cpu.R[FPTAGS + p] = 0;
}
/** Copy a physical register's bits (moves never go through a JS value). */
function copyRaw(cpu: CPUX86State, from: number, to: number): void {
  const R = cpu.R;
  const f = reg(from), t = reg(to);
  R[t] = R[f];
  R[t + 1] = R[f + 1];
  R[t + 2] = R[f + 2];
  R[FPTAGS + to] = 0;
}

/** Push; a full stack (the new top's register in use) overflows and loads the indefinite NaN. */
function push(cpu: CPUX86State, v: number): void {
  const R = cpu.R;
  const t = (R[FPSTT] - 1) & 7;
  R[FPSTT] = t;
  if (R[FPTAGS + t] === 0) {
    R[FPUS] |= IE | SF | C1;
    v = INDEFINITE;
  } else R[FPUS] &= ~C1;
  R[FPTAGS + t] = 0;
  setReg(cpu, t, v);
}
function pop(cpu: CPUX86State): void {
  const R = cpu.R;
  R[FPTAGS + R[FPSTT]] = 1;
  R[FPSTT] = (R[FPSTT] + 1) & 7;
}

function setCC(cpu: CPUX86State, cc: number): void {
  const R = cpu.R;
  R[FPUS] = (R[FPUS] & ~CC_ALL) | cc;
}

/** The architectural status word: TOP inserted, ES and B set while an unmasked exception is pending. */
function statusWord(cpu: CPUX86State): number {
  const R = cpu.R;
  const us = R[FPUS] & FPUS_STORED;
  const pending = us & ~R[FPUC] & 0x3f;
  return us | ((R[FPSTT] & 7) << 11) | (pending ? 0x8080 : 0);
}
/** The full tag word: 00 valid, 01 zero, 10 special, 11 empty per physical register. */
function tagWord(cpu: CPUX86State): number {
  const R = cpu.R;
  let tw = 0;
  for (let p = 0; p < 8; p++) {
    let t: number;
    if (R[FPTAGS + p]) t = 3;
    else t = fpTagOf(cpu, p);
    tw |= t << (2 * p);
  }
  return tw;
}
/** The full tag of non-empty physical register p from its bits: 0 valid, 1 zero, 2 special. */
export function fpTagOf(cpu: CPUX86State, p: number): number {
  const R = cpu.R, o = reg(p);
  const e = R[o + 2] & 0x7fff;
  if (e === 0x7fff) return 2;
  if (e === 0) return (R[o] | R[o + 1]) === 0 ? 1 : 2;
  return R[o + 1] < 0 ? 0 : 2;
}

function fninit(cpu: CPUX86State): void {
  const R = cpu.R;
  R[FPUC] = 0x37f;
  R[FPUS] = 0;
  R[FPSTT] = 0;
  for (let p = 0; p < 8; p++) R[FPTAGS + p] = 1;
  R[FP_LAST_INSN] = 0;
}

// =================================================================================================
// Guest memory (always through the access layer)
// =================================================================================================

/**
 * Fault now if a multi-byte store crossing a page boundary would fault part-way, so that no
 * byte is written by a store that faults (the instruction restarts after the signal handler).
 */
function probeWrite(mem: AddressSpace, a: number, len: number): void {
  a >>>= 0;
  const first = 0x1000 - (a & 0xfff);
  if (first >= len) return;
  if (!mem.check(a, first, true)) mem.fault(a, true);
  const b = (a + first) >>> 0;
  if (!mem.check(b, len - first, true)) mem.fault(b, true);
}

let qLo = 0, qHi = 0;
/** 8 bytes into qLo/qHi: two word loads, unless an access hook wants to see one 8-byte access. */
function loadQ(mem: AddressSpace, a: number): void {
  if (accessHookActive()) {
    const v = mem.ld64(a);
    qLo = Number(BigInt.asIntN(32, v));
    qHi = Number(BigInt.asIntN(32, v >> 32n));
  } else {
    qLo = mem.ld32(a);
    qHi = mem.ld32(a + 4);
  }
}
function storeQ(mem: AddressSpace, a: number, lo: number, hi: number): void {
  if (accessHookActive() || (a & 0xfff) > 0xff8) mem.st64(a, (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0));
  else {
    mem.st32(a, lo);
    mem.st32(a + 4, hi);
  }
}
function loadT(mem: AddressSpace, a: number): void {
  loadQ(mem, a);
  xSe = mem.ld16u(a + 8);
  xHi = qHi >>> 0;
  xLo = qLo >>> 0;
}
/** Store xSe/xHi/xLo (80-bit) at a. */
function storeT(mem: AddressSpace, a: number): void {
  probeWrite(mem, a, 10);
  storeQ(mem, a, xLo, xHi);
  mem.st16(a + 8, xSe);
}
const unsupportedF80 = (se: number, hi: number): boolean => (se & 0x7fff) !== 0 && (hi & 0x80000000) === 0;

/** Read a 10-byte operand as bytes (BCD). */
function loadBytes10(mem: AddressSpace, a: number): number[] {
  loadT(mem, a);
  const b: number[] = [];
  for (let i = 0; i < 4; i++) b.push((xLo >>> (8 * i)) & 0xff);
  for (let i = 0; i < 4; i++) b.push((xHi >>> (8 * i)) & 0xff);
  b.push(xSe & 0xff, xSe >>> 8);
  return b;
}
function storeBytes10(mem: AddressSpace, a: number, b: number[]): void {
  xLo = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
  xHi = b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24);
  xSe = b[8] | (b[9] << 8);
  storeT(mem, a);
}

/** Load a memory operand of the arithmetic forms: kind 0 m32fp, 1 m64fp, 2 m32int, 3 m16int. */
function loadOperand(cpu: CPUX86State, kind: number, a: number): number {
  const mem = cpu.mem;
  switch (kind) {
    case 0: return f32ToDouble(cpu, mem.ld32(a));
    case 1:
      loadQ(mem, a);
      return f64ToDouble(cpu, qHi, qLo);
    case 2: return mem.ld32(a);
    default: return mem.ld16s(a);
  }
}

// ---- integer stores ------------------------------------------------------------------------------
const INT_MIN = [-32768, -2147483648, -9223372036854775808];
const INT_LIMIT = [32768, 2147483648, 9223372036854775808]; // exclusive upper bounds

/** ST(0) rounded for an integer store (size index 0/1/2 = 16/32/64 bits); NaN when invalid. */
function intForStore(cpu: CPUX86State, size: number, truncate: boolean): number {
  const v = read(cpu, 0);
  const r = roundInt(v, 0, truncate ? 3 : rcOf(cpu));
  const R = cpu.R;
  R[FPUS] &= ~C1;
  if (r !== r || r < INT_MIN[size] || r >= INT_LIMIT[size]) {
    R[FPUS] |= IE;
    return NaN;
  }
  if (r !== v) R[FPUS] |= PE | (Math.abs(r) > Math.abs(v) ? C1 : 0);
  return r;
}

// =================================================================================================
// Helpers
// =================================================================================================

/** Register-only helpers cannot fault: they let the optimizer keep guest registers in temps. */
const REG = HELPER_NO_FAULT;
const def = (name: string, flags: number, fn: (cpu: CPUX86State, ...args: number[]) => number | void, ret: Ty | null = null): number =>
  registerHelper({ name, flags, ret, fn });

// ---- loads ------------------------------------------------------------------------------------
export const helper_fld_f32 = def("fpu_ld_f32", 0, (cpu, a) => push(cpu, f32ToDouble(cpu, cpu.mem.ld32(a))));
export const helper_fld_f64 = def("fpu_ld_f64", 0, (cpu, a) => {
  loadQ(cpu.mem, a);
  push(cpu, f64ToDouble(cpu, qHi, qLo));
});
export const helper_fld_f80 = def("fpu_ld_f80", 0, (cpu, a) => {
  loadT(cpu.mem, a);
  if (unsupportedF80(xSe, xHi)) cpu.R[FPUS] |= IE;
  push(cpu, f80ToDouble(xSe, xHi, xLo));
});
export const helper_fild_i16 = def("fpu_ld_i16", 0, (cpu, a) => push(cpu, cpu.mem.ld16s(a)));
export const helper_fild_i32 = def("fpu_ld_i32", 0, (cpu, a) => push(cpu, cpu.mem.ld32(a)));
export const helper_fild_i64 = def("fpu_ld_i64", 0, (cpu, a) => {
  loadQ(cpu.mem, a);
  // exact in the extended format; here the one rounding to double follows RC
  const h = qHi * P32, l = qLo >>> 0;
  const s = h + l;
  const err = l - (s - h);
  const mode = rcOf(cpu);
  push(cpu, err !== 0 && mode !== 0 ? directed(s, err, mode) : s);
});
export const helper_fbld = def("fpu_ld_bcd", 0, (cpu, a) => {
  const { neg, mag } = bcdDecode(loadBytes10(cpu.mem, a));
  push(cpu, bigToDouble(neg, mag, 0, rcOf(cpu)));
});
export const helper_fld_st = def("fpu_ld_st", REG, (cpu, i) => {
  const R = cpu.R;
  const src = phys(cpu, i);
  const t = (R[FPSTT] - 1) & 7;
  if (R[FPTAGS + src]) {
    underflow(cpu);
    push(cpu, INDEFINITE);
  } else if (R[FPTAGS + t] === 0) push(cpu, 0); // overflow: push delivers the indefinite NaN
  else {
    R[FPSTT] = t;
    R[FPUS] &= ~C1;
    copyRaw(cpu, src, t);
  }
});
export const helper_fld_const = def("fpu_ld_const", REG, (cpu, k) => {
  const [v, err] = CONSTS[k];
  const mode = rcOf(cpu);
  push(cpu, mode === 0 || err === 0 ? v : directed(v, err, mode));
});

// ---- stores -----------------------------------------------------------------------------------
/**
 * Stores set status flags (rounding, underflow of an empty ST(0)) before writing memory; if the
 * write faults, the instruction has not happened, so the flags are put back.
 */
function storing(fn: (cpu: CPUX86State, a: number, x: number) => void) {
  return (cpu: CPUX86State, a: number, x: number): void => {
    const saved = cpu.R[FPUS];
    try {
      fn(cpu, a, x);
    } catch (e) {
      cpu.R[FPUS] = saved;
      throw e;
    }
  };
}
export const helper_fst_f32 = def("fpu_st_f32", 0, storing((cpu, a, doPop) => {
  cpu.mem.st32(a, doubleToF32Bits(cpu, read(cpu, 0)));
  if (doPop) pop(cpu);
}));
export const helper_fst_f64 = def("fpu_st_f64", 0, storing((cpu, a, doPop) => {
  const R = cpu.R;
  const p = phys(cpu, 0);
  if (R[FPTAGS + p]) {
    underflow(cpu);
    storeQ(cpu.mem, a, 0, 0xfff80000);
  } else {
    sF64[0] = getReg(cpu, p);
    const lo = sU32[LO], hi = sU32[HI];
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0 && !(hi & 0x80000)) {
      R[FPUS] |= IE; // storing a signaling NaN delivers it quieted
      storeQ(cpu.mem, a, lo, hi | 0x80000);
    } else storeQ(cpu.mem, a, lo, hi);
    R[FPUS] &= ~C1;
  }
  if (doPop) pop(cpu);
}));
export const helper_fstp_f80 = def("fpu_st_f80", 0, storing((cpu, a) => {
  encodeF80(read(cpu, 0));
  storeT(cpu.mem, a);
  pop(cpu);
}));
/** how: 0 fist, 1 fistp, 2 fisttp (truncating, then pop) */
function fistHelper(size: number) {
  return storing((cpu: CPUX86State, a: number, how: number): void => {
    const r = intForStore(cpu, size, how === 2);
    const mem = cpu.mem;
    if (size === 0) mem.st16(a, r !== r ? 0x8000 : r);
    else if (size === 1) mem.st32(a, r !== r ? 0x80000000 : r);
    else if (r !== r) storeQ(mem, a, 0, 0x80000000);
    else {
      const hi = Math.floor(r / P32);
      storeQ(mem, a, r - hi * P32, hi);
    }
    if (how) pop(cpu);
  });
}
export const helper_fist_i16 = def("fpu_st_i16", 0, fistHelper(0));
export const helper_fist_i32 = def("fpu_st_i32", 0, fistHelper(1));
export const helper_fist_i64 = def("fpu_st_i64", 0, fistHelper(2));
export const helper_fbstp = def("fpu_st_bcd", 0, storing((cpu, a) => {
  const R = cpu.R;
  const v = read(cpu, 0);
  const r = roundInt(v, 0, rcOf(cpu));
  let bytes: number[];
  R[FPUS] &= ~C1;
  if (r !== r || Math.abs(r) >= 1e18) {
    R[FPUS] |= IE;
    bytes = [0, 0, 0, 0, 0, 0, 0, 0xc0, 0xff, 0xff]; // the packed BCD indefinite
  } else {
    if (r !== v) R[FPUS] |= PE;
    bytes = bcdEncode(r < 0 || Object.is(r, -0), BigInt(Math.abs(r)));
  }
  storeBytes10(cpu.mem, a, bytes);
  pop(cpu);
}));
export const helper_fst_st = def("fpu_st_st", REG, (cpu, i, doPop) => {
  const R = cpu.R;
  const src = phys(cpu, 0);
  if (R[FPTAGS + src]) {
    underflow(cpu);
    write(cpu, i, INDEFINITE);
  } else {
    R[FPUS] &= ~C1;
    copyRaw(cpu, src, phys(cpu, i));
  }
  if (doPop) pop(cpu);
});

// ---- arithmetic ----------------------------------------------------------------------------------
/** Memory forms (D8, DA, DC, DE): op = ModRM reg (add mul com comp sub subr div divr). */
function memArith(kind: number) {
  return (cpu: CPUX86State, op: number, a: number): void => {
    const m = loadOperand(cpu, kind, a);
    const st0 = read(cpu, 0);
    if (op === 2 || op === 3) {
      setCC(cpu, CMP_TO_CC[compare(cpu, st0, m, false)]);
      if (op === 3) pop(cpu);
      return;
    }
    cpu.R[FPUS] &= ~C1;
    write(cpu, 0, arith(cpu, op, st0, m));
  };
}
export const helper_farith_f32 = def("fpu_arith_f32", 0, memArith(0));
export const helper_farith_f64 = def("fpu_arith_f64", 0, memArith(1));
export const helper_farith_i32 = def("fpu_arith_i32", 0, memArith(2));
export const helper_farith_i16 = def("fpu_arith_i16", 0, memArith(3));
/** Register forms: ST(dst) = ST(dst) op ST(src), op as for memory forms; pop afterwards for -p. */
export const helper_farith_st = def("fpu_arith_st", REG, (cpu, op, dst, src, doPop) => {
  const a = read(cpu, dst), b = read(cpu, src);
  cpu.R[FPUS] &= ~C1;
  write(cpu, dst, arith(cpu, op, a, b));
  if (doPop) pop(cpu);
});

// ---- compares ---------------------------------------------------------------------------------------
/** fcom/fcomp/fcompp/fucom/fucomp/fucompp ST(i): C3 C2 C0; pops = 0, 1 or 2 */
export const helper_fcom_st = def("fpu_com_st", REG, (cpu, i, pops, quietCmp) => {
  setCC(cpu, CMP_TO_CC[compare(cpu, read(cpu, 0), read(cpu, i), quietCmp !== 0)]);
  for (let k = 0; k < pops; k++) pop(cpu);
});
/** fcomi/fcomip/fucomi/fucomip: returns ZF PF CF as EFLAGS bits (OF SF AF cleared). */
export const helper_fcomi = def("fpu_comi", REG, (cpu, i, doPop, quietCmp) => {
  const r = compare(cpu, read(cpu, 0), read(cpu, i), quietCmp !== 0);
  cpu.R[FPUS] &= ~C1;
  if (doPop) pop(cpu);
  return CMP_TO_EFLAGS[r];
}, Ty.I32);
export const helper_fcmov = def("fpu_fcmov", REG, (cpu, cond, i) => {
  if (!cond) return;
  const src = phys(cpu, i);
  if (cpu.R[FPTAGS + src]) {
    underflow(cpu);
    write(cpu, 0, INDEFINITE);
  } else copyRaw(cpu, src, phys(cpu, 0));
});
export const helper_fxch = def("fpu_fxch", REG, (cpu, i) => {
  const R = cpu.R;
  const p0 = phys(cpu, 0), pi = phys(cpu, i);
  R[FPUS] &= ~C1;
  if (R[FPTAGS + p0] || R[FPTAGS + pi]) {
    underflow(cpu);
    for (const p of [p0, pi]) {
      if (R[FPTAGS + p]) {
        setReg(cpu, p, INDEFINITE);
        R[FPTAGS + p] = 0;
      }
    }
  }
  const a = reg(p0), b = reg(pi);
  for (let k = 0; k < 3; k++) {
    const t = R[a + k];
    R[a + k] = R[b + k];
    R[b + k] = t;
  }
});
export const helper_ffree = def("fpu_ffree", REG, (cpu, i, doPop) => {
  cpu.R[FPTAGS + phys(cpu, i)] = 1;
  if (doPop) pop(cpu);
});
export const helper_fnstsw = def("fpu_fnstsw", REG, (cpu) => statusWord(cpu), Ty.I32);

// ---- instructions without operands -------------------------------------------------------------------
/** Replace ST(0) by f(ST(0)); an empty ST(0) gives the indefinite NaN. */
function unary(cpu: CPUX86State, f: (cpu: CPUX86State, x: number) => number): void {
  const x = read(cpu, 0);
  cpu.R[FPUS] &= ~C1;
  write(cpu, 0, x !== x ? nanResult(cpu, x, x) : f(cpu, x));
}
/**
 * fsin/fcos/fptan/fsincos: the argument, or null when the instruction is done. Out of range
 * (|x| >= 2^63) sets C2 and leaves ST(0) alone; a NaN or infinite operand gives NaN results, and
 * fptan/fsincos (`pushes`) push a second copy, as hardware does.
 */
function trigArg(cpu: CPUX86State, pushes: boolean): number | null {
  const x = read(cpu, 0);
  const R = cpu.R;
  R[FPUS] &= ~(C1 | C2);
  if (x - x !== 0) {
    const r = x !== x ? nanResult(cpu, x, x) : invalid(cpu);
    write(cpu, 0, r);
    if (pushes) push(cpu, r);
    return null;
  }
  if (Math.abs(x) >= 9223372036854775808) {
    R[FPUS] |= C2;
    return null;
  }
  if (x !== 0) R[FPUS] |= PE;
  return x;
}
/** π/2 as the x87 knows it: the 66-bit π 0.C90FDAA22168C234C·2^2, i.e. PI66 / 2^67. */
const PI66 = 0xc90fdaa22168c234cn;
let reducedQuadrant = 0;
/**
 * x reduced to [-π/4, π/4] modulo the x87's π/2, quadrant in reducedQuadrant. Large arguments are
 * reduced exactly against the 66-bit π, so results for them match hardware (which differs from
 * the true sin/cos there); below 2^15 the two reductions agree to within rounding.
 */
function trigReduce(x: number): number {
  if (Math.abs(x) < 32768) {
    reducedQuadrant = 0;
    return x;
  }
  const [m, e] = decompose(x); // |x| >= 2^15: e + 67 > 0
  const num = m << BigInt(e + 67);
  let k = num / PI66;
  let r = num - k * PI66;
  // round the quotient to nearest
  if (2n * (r < 0n ? -r : r) > PI66) {
    const d = r < 0n ? -1n : 1n;
    k += d;
    r -= d * PI66;
  }
  reducedQuadrant = Number(BigInt.asUintN(2, k));
  return Number(r) / 2 ** 67;
}
function x87Sin(x: number): number {
  const r = trigReduce(x);
  return [Math.sin(r), Math.cos(r), -Math.sin(r), -Math.cos(r)][reducedQuadrant];
}
function x87Cos(x: number): number {
  const r = trigReduce(x);
  return [Math.cos(r), -Math.sin(r), -Math.cos(r), Math.sin(r)][reducedQuadrant];
}
function x87Tan(x: number): number {
  const r = trigReduce(x);
  return reducedQuadrant & 1 ? -1 / Math.tan(r) : Math.tan(r);
}

/** fprem (truncating quotient) and fprem1 (IEEE, quotient rounded to nearest even). */
function fprem(cpu: CPUX86State, ieee: boolean): void {
  const a = read(cpu, 0), b = read(cpu, 1);
  const R = cpu.R;
  R[FPUS] &= ~CC_ALL;
  if (a !== a || b !== b) return write(cpu, 0, nanResult(cpu, a, b));
  if (a - a !== 0 || b === 0) return write(cpu, 0, invalid(cpu));
  if (b - b !== 0 || a === 0) return write(cpu, 0, a);
  const d = exponentOf(a) - exponentOf(b);
  if (d >= 64) {
    // partial remainder, truncating for fprem1 too; the guest loops while C2 is set. Reducing by
    // N = 32 + d mod 32 bits per step is what Intel hardware does (and AMD documents).
    write(cpu, 0, a % ldexpExact(Math.abs(b), d - (32 + (d % 32))));
    R[FPUS] |= C2;
    return;
  }
  let r = a % b; // exact
  const b8 = b * 8;
  let q = b8 - b8 === 0 ? Math.abs(Math.round(((a % b8) - r) / b)) : Math.abs(Math.round((a - r) / b));
  if (ieee) {
    const tr = 2 * Math.abs(r), ab = Math.abs(b);
    if (tr > ab || (tr === ab && q & 1)) {
      r = r > 0 ? r - ab : r + ab;
      q++;
    }
  }
  q &= 7;
  write(cpu, 0, r);
  R[FPUS] |= (q & 4 ? C0 : 0) | (q & 2 ? C3 : 0) | (q & 1 ? C1 : 0);
}

const SIMPLE: Record<string, (cpu: CPUX86State) => void> = {
  fchs: (cpu) => {
    const R = cpu.R;
    const p = phys(cpu, 0);
    if (R[FPTAGS + p]) return (underflow(cpu), write(cpu, 0, INDEFINITE));
    R[FPUS] &= ~C1;
    R[reg(p) + 2] ^= 0x8000;
  },
  fabs: (cpu) => {
    const R = cpu.R;
    const p = phys(cpu, 0);
    if (R[FPTAGS + p]) return (underflow(cpu), write(cpu, 0, INDEFINITE));
    R[FPUS] &= ~C1;
    R[reg(p) + 2] &= 0x7fff;
  },
  ftst: (cpu) => setCC(cpu, CMP_TO_CC[compare(cpu, read(cpu, 0), 0, false)]),
  fxam: (cpu) => {
    const R = cpu.R;
    const p = phys(cpu, 0);
    const sign = R[reg(p) + 2] & 0x8000 ? C1 : 0;
    let cls: number;
    if (R[FPTAGS + p]) cls = C3 | C0;
    else {
      const v = getReg(cpu, p);
      // double subnormals are normal numbers in the extended format
      cls = v !== v ? C0 : v - v !== 0 ? C2 | C0 : v === 0 ? C3 : C2;
    }
    setCC(cpu, cls | sign);
  },
  fsqrt: (cpu) => unary(cpu, fpSqrt),
  frndint: (cpu) =>
    unary(cpu, (c, x) => {
      const r = roundInt(x, 0, rcOf(c));
      if (r !== x) c.R[FPUS] |= PE | (Math.abs(r) > Math.abs(x) ? C1 : 0);
      return r;
    }),
  fscale: (cpu) => {
    const a = read(cpu, 0), b = read(cpu, 1);
    cpu.R[FPUS] &= ~C1;
    let r: number;
    if (a !== a || b !== b) r = nanResult(cpu, a, b);
    else if (b - b !== 0) {
      // ×2^±∞: 0·2^+∞ and ∞·2^-∞ are invalid
      if ((b > 0 && a === 0) || (b < 0 && a - a !== 0)) r = invalid(cpu);
      else r = b > 0 ? (a === 0 ? a : a * Infinity) : a - a === 0 ? a * 0 : a;
    } else if (a === 0 || a - a !== 0) r = a;
    else {
      const k = Math.max(-100000, Math.min(100000, Math.trunc(b)));
      const mode = rcOf(cpu);
      const rounded = roundToPrecision(a, 0, mode, 53, -1022 - k);
      r = ldexpExact(rounded, k);
      if (r - r !== 0) r = overflowResult(cpu, a < 0);
      else if (rounded !== a) {
        cpu.R[FPUS] |= PE | UE | (Math.abs(rounded) > Math.abs(a) ? C1 : 0);
      }
    }
    write(cpu, 0, r);
  },
  fxtract: (cpu) => {
    const x = read(cpu, 0);
    cpu.R[FPUS] &= ~C1;
    let e: number, sig: number;
    if (x !== x) e = sig = nanResult(cpu, x, x);
    else if (x === 0) {
      cpu.R[FPUS] |= ZE;
      e = -Infinity;
      sig = x;
    } else if (x - x !== 0) {
      e = Infinity;
      sig = x;
    } else {
      e = exponentOf(x);
      sig = ldexpExact(x, -e);
    }
    write(cpu, 0, e);
    push(cpu, sig);
  },
  fprem: (cpu) => fprem(cpu, false),
  fprem1: (cpu) => fprem(cpu, true),
  fsin: (cpu) => {
    const x = trigArg(cpu, false);
    if (x !== null) write(cpu, 0, x87Sin(x));
  },
  fcos: (cpu) => {
    const x = trigArg(cpu, false);
    if (x !== null) write(cpu, 0, x87Cos(x));
  },
  fptan: (cpu) => {
    const x = trigArg(cpu, true);
    if (x === null) return;
    write(cpu, 0, x87Tan(x));
    push(cpu, 1);
  },
  fsincos: (cpu) => {
    const x = trigArg(cpu, true);
    if (x === null) return;
    write(cpu, 0, x87Sin(x));
    push(cpu, x87Cos(x));
  },
  fpatan: (cpu) => {
    const x = read(cpu, 0), y = read(cpu, 1);
    cpu.R[FPUS] &= ~C1;
    let r: number;
    if (x !== x || y !== y) r = nanResult(cpu, y, x);
    else {
      r = Math.atan2(y, x);
      if (y !== 0) cpu.R[FPUS] |= PE;
    }
    write(cpu, 1, r);
    pop(cpu);
  },
  f2xm1: (cpu) =>
    unary(cpu, (c, x) => {
      if (x === 0 || x - x !== 0) return x === -Infinity ? -1 : x;
      c.R[FPUS] |= PE;
      return Math.expm1(x * Math.LN2);
    }),
  fyl2x: (cpu) => {
    const x = read(cpu, 0), y = read(cpu, 1);
    cpu.R[FPUS] &= ~C1;
    let r: number;
    if (x !== x || y !== y) r = nanResult(cpu, x, y);
    else if (x < 0) r = invalid(cpu);
    else {
      r = y * Math.log2(x);
      if (r !== r) r = invalid(cpu);
      else if (x === 0 && y !== 0 && y - y === 0) cpu.R[FPUS] |= ZE;
      else if (r - r !== 0 && x - x === 0 && y - y === 0) r = overflowResult(cpu, r < 0);
      else if (r - r === 0 && x !== 1) cpu.R[FPUS] |= PE;
    }
    write(cpu, 1, r);
    pop(cpu);
  },
  fyl2xp1: (cpu) => {
    const x = read(cpu, 0), y = read(cpu, 1);
    cpu.R[FPUS] &= ~C1;
    let r: number;
    if (x !== x || y !== y) r = nanResult(cpu, x, y);
    else {
      r = y * (Math.log1p(x) / Math.LN2);
      if (r !== r) r = invalid(cpu);
      else if (r - r !== 0 && x - x === 0 && y - y === 0 && x !== -1) r = overflowResult(cpu, r < 0);
      else if (x !== 0) cpu.R[FPUS] |= PE;
    }
    write(cpu, 1, r);
    pop(cpu);
  },
  fincstp: (cpu) => {
    cpu.R[FPSTT] = (cpu.R[FPSTT] + 1) & 7;
    cpu.R[FPUS] &= ~C1;
  },
  fdecstp: (cpu) => {
    cpu.R[FPSTT] = (cpu.R[FPSTT] - 1) & 7;
    cpu.R[FPUS] &= ~C1;
  },
  fnclex: (cpu) => {
    cpu.R[FPUS] &= 0x7f00;
  },
  fninit,
};
/** Helpers of the operand-less instructions, by mnemonic. */
export const FPU_SIMPLE_HELPERS: Record<string, number> = {};
for (const [name, fn] of Object.entries(SIMPLE)) FPU_SIMPLE_HELPERS[name] = def("fpu_" + name, REG, fn);

// ---- environment -------------------------------------------------------------------------------------
/** Write the 28-byte protected-mode environment (the caller has probed the whole area). */
function storeEnv(cpu: CPUX86State, a: number): void {
  const R = cpu.R, mem = cpu.mem;
  // the reserved upper halves read back as ones on hardware
  mem.st32(a, (R[FPUC] & 0xffff) | 0xffff0000);
  mem.st32(a + 4, statusWord(cpu) | 0xffff0000);
  mem.st32(a + 8, tagWord(cpu) | 0xffff0000);
  mem.st32(a + 12, R[FP_LAST_INSN]);
  mem.st32(a + 16, R[SEG_SEL + R_CS] & 0xffff);
  mem.st32(a + 20, 0);
  mem.st32(a + 24, 0xffff0000);
}
let envCw = 0, envSw = 0, envTw = 0, envIp = 0;
function loadEnv(cpu: CPUX86State, a: number): void {
  const mem = cpu.mem;
  envCw = mem.ld16u(a);
  envSw = mem.ld16u(a + 4);
  envTw = mem.ld16u(a + 8);
  envIp = mem.ld32(a + 12);
}
function applyEnv(cpu: CPUX86State): void {
  const R = cpu.R;
  R[FPUC] = (envCw & FPUC_WRITABLE) | FPUC_FIXED;
  R[FPUS] = envSw & FPUS_STORED;
  R[FPSTT] = (envSw >> 11) & 7;
  for (let p = 0; p < 8; p++) R[FPTAGS + p] = ((envTw >> (2 * p)) & 3) === 3 ? 1 : 0;
  R[FP_LAST_INSN] = envIp;
}

export const helper_fnstenv = def("fpu_fnstenv", 0, (cpu, a) => {
  probeWrite(cpu.mem, a, 28);
  storeEnv(cpu, a);
  cpu.R[FPUC] |= 0x3f; // fnstenv masks all exceptions afterwards
});
export const helper_fldenv = def("fpu_fldenv", 0, (cpu, a) => {
  loadEnv(cpu, a);
  applyEnv(cpu);
});
export const helper_fnsave = def("fpu_fnsave", 0, (cpu, a) => {
  const mem = cpu.mem;
  probeWrite(mem, a, 108);
  storeEnv(cpu, a);
  for (let i = 0; i < 8; i++) {
    const o = reg(phys(cpu, i));
    xLo = cpu.R[o] >>> 0;
    xHi = cpu.R[o + 1] >>> 0;
    xSe = cpu.R[o + 2] & 0xffff;
    storeT(mem, a + 28 + 10 * i);
  }
  fninit(cpu);
});
export const helper_frstor = def("fpu_frstor", 0, (cpu, a) => {
  const mem = cpu.mem;
  loadEnv(cpu, a);
  // every load before the first state write: a fault leaves the FPU untouched
  const vals: number[] = [];
  for (let i = 0; i < 8; i++) {
    loadT(mem, a + 28 + 10 * i);
    vals.push(xLo, xHi, xSe);
  }
  applyEnv(cpu);
  for (let i = 0; i < 8; i++) {
    const o = reg(phys(cpu, i));
    cpu.R[o] = vals[3 * i];
    cpu.R[o + 1] = vals[3 * i + 1];
    cpu.R[o + 2] = vals[3 * i + 2];
  }
});
