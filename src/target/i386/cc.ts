// Lazy condition codes for i386 — the one scheme the frontend, helpers and CPU state share
// (QEMU's CC_OP). An instruction that sets flags records *how* (cc_op) and its inputs/result
// (cc_dst, cc_src, cc_src2); flags are computed only when read, usually folded by the translator
// into a direct comparison (see translate/cond.ts).
//
//   cc_op family  cc_dst            cc_src                  cc_src2
//   EFLAGS        -                 the flags themselves    -
//   MUL           low result        high part (CF=OF=src!=0) -
//   ADD           result            second operand          -
//   ADC           result            second operand          carry in
//   SUB           result            second operand          -          (first = dst + src)
//   SBB           result            second operand          carry in   (first = dst + src + cin)
//   LOGIC         result            -                       -          (CF = OF = AF = 0)
//   INC / DEC     result            CF before (preserved)   -
//   SHL           result            value << (count - 1)    -          (CF = its top bit)
//   SAR (shr too) result            value >> (count - 1)    -          (CF = its bit 0)
//   CLR           -                 -                       -          (ZF = PF = 1, rest 0)
// Each sized family has B, W, L variants at consecutive numbers (size index 0, 1, 2).

export const CC_OP_DYNAMIC = 0; // translation-time only: the value is in the cc_op global
export const CC_OP_EFLAGS = 1;
export const CC_OP_MUL = 2;
export const CC_OP_ADD = 5;
export const CC_OP_ADC = 8;
export const CC_OP_SUB = 11;
export const CC_OP_SBB = 14;
export const CC_OP_LOGIC = 17;
export const CC_OP_INC = 20;
export const CC_OP_DEC = 23;
export const CC_OP_SHL = 26;
export const CC_OP_SAR = 29;
export const CC_OP_CLR = 32;
export const CC_OP_NB = 33;

export const CC_OP_NAMES: string[] = ["DYNAMIC", "EFLAGS"];
for (const f of ["MUL", "ADD", "ADC", "SUB", "SBB", "LOGIC", "INC", "DEC", "SHL", "SAR"]) {
  for (const s of "BWL") CC_OP_NAMES.push(f + s);
}
CC_OP_NAMES.push("CLR");

/** Which of cc_dst/cc_src/cc_src2 a cc_op reads (bit 0/1/2): lets dead inputs be discarded. */
export function ccLiveInputs(op: number): number {
  if (op === CC_OP_EFLAGS) return 2;
  if (op === CC_OP_CLR || op === CC_OP_DYNAMIC) return op === CC_OP_CLR ? 0 : 7;
  if (op >= CC_OP_LOGIC && op < CC_OP_LOGIC + 3) return 1;
  if ((op >= CC_OP_ADC && op < CC_OP_ADC + 3) || (op >= CC_OP_SBB && op < CC_OP_SBB + 3)) return 7;
  return 3;
}

const PARITY = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let b = i;
  b ^= b >> 4;
  b ^= b >> 2;
  b ^= b >> 1;
  PARITY[i] = b & 1 ? 0 : 0x4; // PF set for an even number of one bits
}
const BITS = [8, 16, 32];
const MASK = [0xff, 0xffff, 0xffffffff];

function szp(dst: number, size: number): number {
  const m = MASK[size];
  const v = (dst & m) >>> 0;
  return PARITY[v & 0xff] | (v === 0 ? 0x40 : 0) | ((v >>> (BITS[size] - 1)) & 1 ? 0x80 : 0);
}

/** The six arithmetic flags (CF PF AF ZF SF OF) for a lazy state. */
export function computeEflags(op: number, dst: number, src: number, src2: number): number {
  if (op === CC_OP_EFLAGS) return src & 0x8d5;
  if (op === CC_OP_CLR) return 0x44;
  const fam = ((op - 2) / 3) | 0;
  const size = (op - 2) % 3;
  const m = MASK[size];
  const sb = BITS[size] - 1;
  const d = (dst & m) >>> 0;
  const s = (src & m) >>> 0;
  let cf = 0, of = 0, af = 0;
  switch (fam) {
    case 0: // MUL
      cf = of = src !== 0 ? 1 : 0;
      break;
    case 1: { // ADD
      const a = ((dst - src) & m) >>> 0;
      cf = d < s ? 1 : 0;
      af = (d ^ s ^ a) & 0x10;
      of = ((((a ^ s ^ -1) & (a ^ d)) >>> sb) & 1);
      break;
    }
    case 2: { // ADC
      const a = ((dst - src - src2) & m) >>> 0;
      cf = src2 ? (d <= s ? 1 : 0) : d < s ? 1 : 0;
      af = (d ^ s ^ a) & 0x10;
      of = ((((a ^ s ^ -1) & (a ^ d)) >>> sb) & 1);
      break;
    }
    case 3: { // SUB
      const a = ((dst + src) & m) >>> 0;
      cf = a < s ? 1 : 0;
      af = (d ^ s ^ a) & 0x10;
      of = ((((a ^ s) & (a ^ d)) >>> sb) & 1);
      break;
    }
    case 4: { // SBB
      const a = ((dst + src + src2) & m) >>> 0;
      cf = src2 ? (a <= s ? 1 : 0) : a < s ? 1 : 0;
      af = (d ^ s ^ a) & 0x10;
      of = ((((a ^ s) & (a ^ d)) >>> sb) & 1);
      break;
    }
    case 5: // LOGIC
      break;
    case 6: // INC
      cf = src & 1;
      af = d & 0xf ? 0 : 0x10;
      of = d === 1 << sb >>> 0 ? 1 : 0;
      break;
    case 7: // DEC
      cf = src & 1;
      af = (d & 0xf) === 0xf ? 0x10 : 0;
      of = d === ((1 << sb) - 1) >>> 0 || (sb === 31 && d === 0x7fffffff) ? 1 : 0;
      break;
    case 8: // SHL
      cf = (s >>> sb) & 1;
      of = cf ^ ((d >>> sb) & 1);
      break;
    case 9: // SAR / SHR
      cf = src & 1;
      of = ((s ^ d) >>> sb) & 1;
      break;
  }
  return cf | szp(dst, size) | af | (of << 11);
}

/** Just CF (cheaper than computeEflags for adc/sbb/rcl and jb/jae on unknown state). */
export function computeCF(op: number, dst: number, src: number, src2: number): number {
  return computeEflags(op, dst, src, src2) & 1;
}
