// Advanced SIMD (NEON) helpers: element loads/stores between guest memory and the D registers,
// and element-wise integer operations. Registers are addressed as D register numbers; a Q
// register n is D(2n):D(2n+1). Elements are little-endian in the register file, as in memory.
import type { CPUARMState } from "../cpu";
import { QF, VFP_BYTES } from "../cpu";

/** byte offset of D register n in the CPU state */
const dOff = (n: number) => VFP_BYTES + 8 * n;

function getElem(u8: Uint8Array, off: number, size: number, signed: boolean): number {
  switch (size) {
    case 0:
      return signed ? (u8[off] << 24) >> 24 : u8[off];
    case 1: {
      const v = u8[off] | (u8[off + 1] << 8);
      return signed ? (v << 16) >> 16 : v;
    }
    default: {
      const v = u8[off] | (u8[off + 1] << 8) | (u8[off + 2] << 16) | (u8[off + 3] << 24);
      return signed ? v : v >>> 0;
    }
  }
}
function setElem(u8: Uint8Array, off: number, size: number, v: number): void {
  u8[off] = v;
  if (size >= 1) u8[off + 1] = v >>> 8;
  if (size >= 2) {
    u8[off + 2] = v >>> 16;
    u8[off + 3] = v >>> 24;
  }
}
function get64(u8: Uint8Array, off: number): bigint {
  let v = 0n;
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(u8[off + k]);
  return v;
}
function set64(u8: Uint8Array, off: number, v: bigint): void {
  for (let k = 0; k < 8; k++) u8[off + k] = Number((v >> BigInt(8 * k)) & 0xffn);
}

// ---- loads and stores ------------------------------------------------------------------------------
/**
 * VLDn/VSTn (multiple structures): `regs` registers from D `d` (every `inc`-th), `n`-element
 * structures of `size`; returns the bytes transferred.
 */
export function neonLdStMulti(cpu: CPUARMState, load: number, addr: number, d: number, nregs: number, nstruct: number, inc: number, size: number): number {
  const mem = cpu.mem, u8 = cpu.U8;
  const esize = 1 << size;
  const elems = 8 / esize; // per register
  // each member of the structures fills `groups` consecutive registers (VLD1: all of them)
  const groups = nregs / nstruct;
  let a = addr >>> 0;
  const bytes = 8 * nregs;
  if (load) {
    const buf = new Uint8Array(bytes);
    for (let k = 0; k < bytes; k++) buf[k] = mem.ld8u((a + k) >>> 0);
    let p = 0;
    for (let g = 0; g < groups; g++) {
      for (let e = 0; e < elems; e++) {
        for (let r = 0; r < nstruct; r++) {
          const off = dOff(d + g + r * inc) + e * esize;
          for (let b = 0; b < esize; b++) u8[off + b] = buf[p++];
        }
      }
    }
  } else {
    for (let g = 0; g < groups; g++) {
      for (let e = 0; e < elems; e++) {
        for (let r = 0; r < nstruct; r++) {
          const off = dOff(d + g + r * inc) + e * esize;
          for (let b = 0; b < esize; b++) {
            mem.st8(a, u8[off + b]);
            a = (a + 1) >>> 0;
          }
        }
      }
    }
  }
  return bytes;
}

/** VLDn/VSTn single structure to/from one lane (all = -1: load to all lanes); returns bytes. */
export function neonLdStLane(cpu: CPUARMState, load: number, addr: number, d: number, nstruct: number, inc: number, size: number, lane: number, nregsAll: number): number {
  const mem = cpu.mem, u8 = cpu.U8;
  const esize = 1 << size;
  let a = addr >>> 0;
  const vals: number[] = [];
  if (load) {
    for (let r = 0; r < nstruct; r++) {
      vals.push(getElemMem(mem, a, size));
      a = (a + esize) >>> 0;
    }
    for (let r = 0; r < nstruct; r++) {
      const reg = d + r * inc;
      if (lane >= 0) setElem(u8, dOff(reg) + lane * esize, size, vals[r]);
      else {
        // to all lanes: every element of the register(s)
        for (let q = 0; q < nregsAll; q++) for (let e = 0; e < 8 / esize; e++) setElem(u8, dOff(reg + q) + e * esize, size, vals[r]);
      }
    }
  } else {
    for (let r = 0; r < nstruct; r++) {
      const v = getElem(u8, dOff(d + r * inc) + lane * esize, size, false);
      if (size === 0) mem.st8(a, v);
      else if (size === 1) mem.st16(a, v);
      else mem.st32(a, v);
      a = (a + esize) >>> 0;
    }
  }
  return nstruct * esize;
}
function getElemMem(mem: CPUARMState["mem"], a: number, size: number): number {
  return size === 0 ? mem.ld8u(a) : size === 1 ? mem.ld16u(a) : mem.ld32(a);
}

/** VDUP from a core register: every `size` element of D d (and d+1 for Q) */
export function neonDup(cpu: CPUARMState, d: number, regs: number, size: number, v: number): void {
  const u8 = cpu.U8, esize = 1 << size;
  for (let q = 0; q < regs; q++) for (let e = 0; e < 8 / esize; e++) setElem(u8, dOff(d + q) + e * esize, size, v);
}

// ---- element-wise integer operations ------------------------------------------------------------------
export const N3_ADD = 0, N3_SUB = 1, N3_AND = 2, N3_BIC = 3, N3_ORR = 4, N3_ORN = 5, N3_EOR = 6, N3_BSL = 7, N3_BIT = 8, N3_BIF = 9;
export const N3_CEQ = 10, N3_TST = 11, N3_CGT = 12, N3_CGE = 13, N3_MAX = 14, N3_MIN = 15, N3_HADD = 16, N3_HSUB = 17, N3_RHADD = 18;
export const N3_QADD = 19, N3_QSUB = 20, N3_ABD = 21, N3_ABA = 22, N3_MUL = 23, N3_MLA = 24, N3_MLS = 25, N3_PMAX = 26, N3_PMIN = 27;
export const N3_PADD = 28, N3_SHL = 29, N3_RSHL = 30, N3_QSHL = 31, N3_QRSHL = 32;

const tmpA = new Uint8Array(16), tmpB = new Uint8Array(16), tmpD = new Uint8Array(16);

/** One three-register same-length operation on `regs` (1 or 2) D registers of `size` elements. */
export function neon3(cpu: CPUARMState, op: number, size: number, unsigned: number, d: number, n: number, m: number, regs: number): void {
  const u8 = cpu.U8;
  const bytes = 8 * regs;
  tmpA.set(u8.subarray(dOff(n), dOff(n) + bytes));
  tmpB.set(u8.subarray(dOff(m), dOff(m) + bytes));
  tmpD.set(u8.subarray(dOff(d), dOff(d) + bytes));
  if (op >= N3_AND && op <= N3_BIF) {
    for (let k = 0; k < bytes; k++) {
      const a = tmpA[k], b = tmpB[k], c = tmpD[k];
      let r: number;
      switch (op) {
        case N3_AND: r = a & b; break;
        case N3_BIC: r = a & ~b; break;
        case N3_ORR: r = a | b; break;
        case N3_ORN: r = a | ~b; break;
        case N3_EOR: r = a ^ b; break;
        case N3_BSL: r = (a & c) | (b & ~c); break;
        case N3_BIT: r = (a & b) | (c & ~b); break;
        default: r = (c & b) | (a & ~b);
      }
      u8[dOff(d) + k] = r;
    }
    return;
  }
  if (size === 3) return neon3x64(cpu, op, unsigned, d, bytes);
  const esize = 1 << size;
  const bits = 8 * esize;
  const signed = !unsigned;
  const min = signed ? -(2 ** (bits - 1)) : 0, max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const sat = (v: number) => {
    if (v > max || v < min) {
      cpu.R[QF] = 1;
      return v > max ? max : min;
    }
    return v;
  };
  const count = bytes / esize;
  const out: number[] = [];
  for (let e = 0; e < count; e++) {
    let a: number, b: number;
    if (op === N3_PMAX || op === N3_PMIN || op === N3_PADD) {
      // pairwise: the low half of the result from n's pairs, the high half from m's
      const half = count / 2;
      const src = e < half ? tmpA : tmpB;
      const i = (e % half) * 2;
      a = getElem(src, i * esize, size, signed);
      b = getElem(src, (i + 1) * esize, size, signed);
    } else {
      a = getElem(tmpA, e * esize, size, signed);
      b = getElem(tmpB, e * esize, size, signed);
    }
    const c = getElem(tmpD, e * esize, size, signed);
    let r: number;
    switch (op) {
      case N3_ADD: case N3_PADD: r = a + b; break;
      case N3_SUB: r = a - b; break;
      case N3_CEQ: r = a === b ? -1 : 0; break;
      case N3_TST: r = (a & b) !== 0 ? -1 : 0; break;
      case N3_CGT: r = a > b ? -1 : 0; break;
      case N3_CGE: r = a >= b ? -1 : 0; break;
      case N3_MAX: case N3_PMAX: r = a > b ? a : b; break;
      case N3_MIN: case N3_PMIN: r = a < b ? a : b; break;
      case N3_HADD: r = Math.floor((a + b) / 2); break;
      case N3_RHADD: r = Math.floor((a + b + 1) / 2); break;
      case N3_HSUB: r = Math.floor((a - b) / 2); break;
      case N3_QADD: r = sat(a + b); break;
      case N3_QSUB: r = sat(a - b); break;
      case N3_ABD: r = Math.abs(a - b); break;
      case N3_ABA: r = c + Math.abs(a - b); break;
      case N3_MUL: r = Math.imul(a, b); break;
      case N3_MLA: r = c + Math.imul(a, b); break;
      case N3_MLS: r = c - Math.imul(a, b); break;
      default: {
        // shifts by the signed low byte of b (VSHL/VRSHL/VQSHL/VQRSHL register)
        const sh = (b << 24) >> 24;
        const round = op === N3_RSHL || op === N3_QRSHL;
        const saturate = op === N3_QSHL || op === N3_QRSHL;
        let v: number;
        if (sh >= 0) v = sh >= 64 ? (a === 0 ? 0 : a * 2 ** 64) : a * 2 ** sh;
        else {
          const s = -sh;
          v = s >= 64 ? (round ? 0 : a < 0 ? -1 : 0) : Math.floor((a + (round ? 2 ** (s - 1) : 0)) / 2 ** s);
        }
        r = saturate ? sat(v) : v;
      }
    }
    out.push(r);
  }
  for (let e = 0; e < count; e++) setElem(u8, dOff(d) + e * esize, size, out[e]);
}
function neon3x64(cpu: CPUARMState, op: number, unsigned: number, d: number, bytes: number): void {
  const u8 = cpu.U8;
  for (let k = 0; k < bytes; k += 8) {
    const a = get64(tmpA, k), b = get64(tmpB, k);
    let r: bigint;
    switch (op) {
      case N3_ADD: r = a + b; break;
      case N3_SUB: r = a - b; break;
      case N3_QADD:
      case N3_QSUB: {
        const sa = unsigned ? a : BigInt.asIntN(64, a), sb = unsigned ? b : BigInt.asIntN(64, b);
        let v = op === N3_QADD ? sa + sb : sa - sb;
        const max = unsigned ? (1n << 64n) - 1n : (1n << 63n) - 1n, min = unsigned ? 0n : -(1n << 63n);
        if (v > max || v < min) {
          cpu.R[QF] = 1;
          v = v > max ? max : min;
        }
        r = v;
        break;
      }
      case N3_SHL: {
        const sh = Number(BigInt.asIntN(8, b));
        const sa = unsigned ? a : BigInt.asIntN(64, a);
        r = sh >= 0 ? (sh >= 64 ? 0n : sa << BigInt(sh)) : sh <= -64 ? (sa < 0n ? -1n : 0n) : sa >> BigInt(-sh);
        break;
      }
      default:
        r = 0n;
    }
    set64(u8, dOff(d) + k, BigInt.asUintN(64, r));
  }
}

/** VSHR/VSRA/VSHL by immediate on `regs` D registers (accumulate for VSRA) */
export function neonShiftImm(cpu: CPUARMState, kind: number, size: number, unsigned: number, d: number, m: number, regs: number, shift: number): void {
  const u8 = cpu.U8;
  const bytes = 8 * regs;
  tmpB.set(u8.subarray(dOff(m), dOff(m) + bytes));
  if (size === 3) {
    for (let k = 0; k < bytes; k += 8) {
      const a = unsigned ? get64(tmpB, k) : BigInt.asIntN(64, get64(tmpB, k));
      let r: bigint;
      if (kind === 2) r = a << BigInt(shift);
      else {
        r = shift >= 64 ? (unsigned || a >= 0n ? 0n : -1n) : a >> BigInt(shift);
        if (kind === 1) r += get64(u8, dOff(d) + k);
      }
      set64(u8, dOff(d) + k, BigInt.asUintN(64, r));
    }
    return;
  }
  const esize = 1 << size;
  for (let k = 0; k < bytes; k += esize) {
    const a = getElem(tmpB, k, size, !unsigned);
    let r: number;
    if (kind === 2) r = a * 2 ** shift;
    else {
      r = Math.floor(a / 2 ** shift);
      if (kind === 1) r += getElem(u8, dOff(d) + k, size, false);
    }
    setElem(u8, dOff(d) + k, size, r);
  }
}
