// MMX/SSE2 packed-integer helpers: arithmetic with saturation, multiplies, averages, sums of
// absolute differences, compares, min/max, packs, unpacks, shifts and shuffles. The common moves
// and the bitwise ops are inline IR (translate/sse.ts); these cover the rest.
//
// Operands are byte offsets into the CPU state (XMM registers, the XMM scratch register for a
// memory source, or MMX registers) and a width n of 8 (MMX) or 16 (XMM) bytes. Results are built in
// a scratch buffer first because the destination may also be the source.
import { HELPER_NO_FAULT, registerHelper, Ty } from "../../../ir/ir";
import { CPUX86State } from "../cpu";

let vBuf: ArrayBuffer | null = null;
let U8 = new Uint8Array(0), I8 = new Int8Array(0), U16 = new Uint16Array(0), I16 = new Int16Array(0);
let I32 = new Int32Array(0);
function views(cpu: CPUX86State): void {
  if (cpu.buf === vBuf) return;
  vBuf = cpu.buf;
  U8 = new Uint8Array(vBuf);
  I8 = new Int8Array(vBuf);
  U16 = new Uint16Array(vBuf);
  I16 = new Int16Array(vBuf);
  I32 = new Int32Array(vBuf);
}
const tmp = new ArrayBuffer(16);
const T8 = new Uint8Array(tmp), T16 = new Uint16Array(tmp), T32 = new Int32Array(tmp);

const sat8s = (v: number): number => (v > 127 ? 127 : v < -128 ? -128 : v);
const sat8u = (v: number): number => (v > 255 ? 255 : v < 0 ? 0 : v);
const sat16s = (v: number): number => (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
const sat16u = (v: number): number => (v > 65535 ? 65535 : v < 0 ? 0 : v);

/** binary ops, in the order of PINT_NAMES */
export const PINT_NAMES = [
  "paddb", "paddw", "paddd", "paddq", "psubb", "psubw", "psubd", "psubq",
  "paddsb", "paddsw", "paddusb", "paddusw", "psubsb", "psubsw", "psubusb", "psubusw",
  "pmullw", "pmulhw", "pmulhuw", "pmuludq", "pmaddwd", "psadbw", "pavgb", "pavgw",
  "pminub", "pmaxub", "pminsw", "pmaxsw", "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb",
  "pcmpgtw", "pcmpgtd", "packsswb", "packssdw", "packuswb", "punpcklbw", "punpcklwd", "punpckldq",
  "punpcklqdq", "punpckhbw", "punpckhwd", "punpckhdq", "punpckhqdq", "pand", "pandn", "por",
  "pxor",
];
export const PINT: Record<string, number> = Object.fromEntries(PINT_NAMES.map((n, i) => [n, i]));

function pint(cpu: CPUX86State, op: number, d: number, s: number, n: number): void {
  views(cpu);
  const d2 = d >> 1, s2 = s >> 1, d4 = d >> 2, s4 = s >> 2;
  const h = n >> 1; // half width in bytes
  switch (op) {
    case 0: for (let i = 0; i < n; i++) T8[i] = U8[d + i] + U8[s + i]; break;
    case 1: for (let i = 0; i < h; i++) T16[i] = U16[d2 + i] + U16[s2 + i]; break;
    case 2: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] + I32[s4 + i]; break;
    case 3: case 7: for (let i = 0; i < n >> 2; i += 2) {
      const al = I32[d4 + i] >>> 0, bl = I32[s4 + i] >>> 0;
      const lo = op === 3 ? al + bl : al - bl;
      const carry = op === 3 ? (lo > 0xffffffff ? 1 : 0) : (lo < 0 ? -1 : 0);
      T32[i] = lo | 0;
      T32[i + 1] = (op === 3 ? I32[d4 + i + 1] + I32[s4 + i + 1] : I32[d4 + i + 1] - I32[s4 + i + 1]) + carry;
    } break;
    case 4: for (let i = 0; i < n; i++) T8[i] = U8[d + i] - U8[s + i]; break;
    case 5: for (let i = 0; i < h; i++) T16[i] = U16[d2 + i] - U16[s2 + i]; break;
    case 6: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] - I32[s4 + i]; break;
    case 8: for (let i = 0; i < n; i++) T8[i] = sat8s(I8[d + i] + I8[s + i]); break;
    case 9: for (let i = 0; i < h; i++) T16[i] = sat16s(I16[d2 + i] + I16[s2 + i]); break;
    case 10: for (let i = 0; i < n; i++) T8[i] = sat8u(U8[d + i] + U8[s + i]); break;
    case 11: for (let i = 0; i < h; i++) T16[i] = sat16u(U16[d2 + i] + U16[s2 + i]); break;
    case 12: for (let i = 0; i < n; i++) T8[i] = sat8s(I8[d + i] - I8[s + i]); break;
    case 13: for (let i = 0; i < h; i++) T16[i] = sat16s(I16[d2 + i] - I16[s2 + i]); break;
    case 14: for (let i = 0; i < n; i++) T8[i] = sat8u(U8[d + i] - U8[s + i]); break;
    case 15: for (let i = 0; i < h; i++) T16[i] = sat16u(U16[d2 + i] - U16[s2 + i]); break;
    case 16: for (let i = 0; i < h; i++) T16[i] = Math.imul(I16[d2 + i], I16[s2 + i]); break;
    case 17: for (let i = 0; i < h; i++) T16[i] = Math.imul(I16[d2 + i], I16[s2 + i]) >> 16; break;
    case 18: for (let i = 0; i < h; i++) T16[i] = (U16[d2 + i] * U16[s2 + i]) >>> 16; break;
    case 19: for (let i = 0; i < n >> 2; i += 2) {
      const p = BigInt(I32[d4 + i] >>> 0) * BigInt(I32[s4 + i] >>> 0);
      T32[i] = Number(BigInt.asIntN(32, p));
      T32[i + 1] = Number(BigInt.asIntN(32, p >> 32n));
    } break;
    case 20: for (let i = 0; i < n >> 2; i++) {
      T32[i] = Math.imul(I16[d2 + 2 * i], I16[s2 + 2 * i]) + Math.imul(I16[d2 + 2 * i + 1], I16[s2 + 2 * i + 1]);
    } break;
    case 21: for (let q = 0; q < n; q += 8) {
      let sum = 0;
      for (let i = q; i < q + 8; i++) sum += Math.abs(U8[d + i] - U8[s + i]);
      T32[q >> 2] = sum;
      T32[(q >> 2) + 1] = 0;
    } break;
    case 22: for (let i = 0; i < n; i++) T8[i] = (U8[d + i] + U8[s + i] + 1) >> 1; break;
    case 23: for (let i = 0; i < h; i++) T16[i] = (U16[d2 + i] + U16[s2 + i] + 1) >> 1; break;
    case 24: for (let i = 0; i < n; i++) T8[i] = Math.min(U8[d + i], U8[s + i]); break;
    case 25: for (let i = 0; i < n; i++) T8[i] = Math.max(U8[d + i], U8[s + i]); break;
    case 26: for (let i = 0; i < h; i++) T16[i] = Math.min(I16[d2 + i], I16[s2 + i]); break;
    case 27: for (let i = 0; i < h; i++) T16[i] = Math.max(I16[d2 + i], I16[s2 + i]); break;
    case 28: for (let i = 0; i < n; i++) T8[i] = U8[d + i] === U8[s + i] ? 0xff : 0; break;
    case 29: for (let i = 0; i < h; i++) T16[i] = U16[d2 + i] === U16[s2 + i] ? 0xffff : 0; break;
    case 30: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] === I32[s4 + i] ? -1 : 0; break;
    case 31: for (let i = 0; i < n; i++) T8[i] = I8[d + i] > I8[s + i] ? 0xff : 0; break;
    case 32: for (let i = 0; i < h; i++) T16[i] = I16[d2 + i] > I16[s2 + i] ? 0xffff : 0; break;
    case 33: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] > I32[s4 + i] ? -1 : 0; break;
    case 34: for (let i = 0; i < h; i++) {
      T8[i] = sat8s(I16[d2 + i]);
      T8[h + i] = sat8s(I16[s2 + i]);
    } break;
    case 35: for (let i = 0; i < n >> 2; i++) {
      T16[i] = sat16s(I32[d4 + i]);
      T16[(n >> 2) + i] = sat16s(I32[s4 + i]);
    } break;
    case 36: for (let i = 0; i < h; i++) {
      T8[i] = sat8u(I16[d2 + i]);
      T8[h + i] = sat8u(I16[s2 + i]);
    } break;
    // unpacks interleave the low (or high) halves of destination and source
    case 37: case 41: { const o = op === 41 ? h : 0; for (let i = 0; i < h; i++) { T8[2 * i] = U8[d + o + i]; T8[2 * i + 1] = U8[s + o + i]; } break; }
    case 38: case 42: { const o = op === 42 ? h >> 1 : 0; for (let i = 0; i < h >> 1; i++) { T16[2 * i] = U16[d2 + o + i]; T16[2 * i + 1] = U16[s2 + o + i]; } break; }
    case 39: case 43: { const o = op === 43 ? h >> 2 : 0; for (let i = 0; i < h >> 2; i++) { T32[2 * i] = I32[d4 + o + i]; T32[2 * i + 1] = I32[s4 + o + i]; } break; }
    case 40: case 44: { const o = op === 44 ? 2 : 0; T32[0] = I32[d4 + o]; T32[1] = I32[d4 + o + 1]; T32[2] = I32[s4 + o]; T32[3] = I32[s4 + o + 1]; break; }
    case 45: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] & I32[s4 + i]; break;
    case 46: for (let i = 0; i < n >> 2; i++) T32[i] = ~I32[d4 + i] & I32[s4 + i]; break;
    case 47: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] | I32[s4 + i]; break;
    default: for (let i = 0; i < n >> 2; i++) T32[i] = I32[d4 + i] ^ I32[s4 + i]; break;
  }
  for (let i = 0; i < n >> 2; i++) I32[d4 + i] = T32[i];
}
export const helper_pint = registerHelper({ name: "pint", flags: HELPER_NO_FAULT, ret: null, fn: pint });

/**
 * Shifts. kind: 0 psrlw 1 psrld 2 psrlq 3 psraw 4 psrad 5 psllw 6 pslld 7 psllq 8 psrldq 9 pslldq.
 * count: the unsigned shift count (huge counts arrive as 255: all bits out).
 */
export const SHIFT_NAMES = ["psrlw", "psrld", "psrlq", "psraw", "psrad", "psllw", "pslld", "psllq", "psrldq", "pslldq"];
function pshift(cpu: CPUX86State, kind: number, d: number, count: number, n: number): void {
  views(cpu);
  const d2 = d >> 1, d4 = d >> 2;
  count >>>= 0;
  switch (kind) {
    case 0: for (let i = 0; i < n >> 1; i++) U16[d2 + i] = count > 15 ? 0 : U16[d2 + i] >>> count; return;
    case 1: for (let i = 0; i < n >> 2; i++) I32[d4 + i] = count > 31 ? 0 : I32[d4 + i] >>> count; return;
    case 3: for (let i = 0; i < n >> 1; i++) I16[d2 + i] = I16[d2 + i] >> (count > 15 ? 15 : count); return;
    case 4: for (let i = 0; i < n >> 2; i++) I32[d4 + i] = I32[d4 + i] >> (count > 31 ? 31 : count); return;
    case 5: for (let i = 0; i < n >> 1; i++) U16[d2 + i] = count > 15 ? 0 : U16[d2 + i] << count; return;
    case 6: for (let i = 0; i < n >> 2; i++) I32[d4 + i] = count > 31 ? 0 : I32[d4 + i] << count; return;
    case 2: case 7:
      for (let i = 0; i < n >> 2; i += 2) {
        const lo = I32[d4 + i], hi = I32[d4 + i + 1];
        let nl = 0, nh = 0;
        if (count < 64) {
          if (kind === 2) {
            if (count >= 32) nl = hi >>> (count - 32);
            else if (count === 0) { nl = lo; nh = hi; }
            else { nl = (lo >>> count) | (hi << (32 - count)); nh = hi >>> count; }
          } else if (count >= 32) nh = lo << (count - 32);
          else if (count === 0) { nl = lo; nh = hi; }
          else { nh = (hi << count) | (lo >>> (32 - count)); nl = lo << count; }
        }
        I32[d4 + i] = nl;
        I32[d4 + i + 1] = nh;
      }
      return;
    case 8: case 9: {
      const c = count > 16 ? 16 : count;
      for (let i = 0; i < 16; i++) T8[i] = U8[d + i];
      for (let i = 0; i < 16; i++) {
        const j = kind === 8 ? i + c : i - c;
        U8[d + i] = j >= 0 && j < 16 ? T8[j] : 0;
      }
    }
  }
}
export const helper_pshift = registerHelper({ name: "pshift", flags: HELPER_NO_FAULT, ret: null, fn: pshift });

/** shuffles with an immediate. kind: 0 pshufd 1 pshufhw 2 pshuflw 3 pshufw 4 shufps 5 shufpd */
function pshuf(cpu: CPUX86State, kind: number, d: number, s: number, imm: number): void {
  views(cpu);
  const s2 = s >> 1, d4 = d >> 2, s4 = s >> 2;
  switch (kind) {
    case 0: for (let i = 0; i < 4; i++) T32[i] = I32[s4 + ((imm >> (2 * i)) & 3)]; break;
    case 1:
      T32[0] = I32[s4]; T32[1] = I32[s4 + 1];
      for (let i = 0; i < 4; i++) T16[4 + i] = U16[s2 + 4 + ((imm >> (2 * i)) & 3)];
      break;
    case 2:
      for (let i = 0; i < 4; i++) T16[i] = U16[s2 + ((imm >> (2 * i)) & 3)];
      T32[2] = I32[s4 + 2]; T32[3] = I32[s4 + 3];
      break;
    case 3:
      for (let i = 0; i < 4; i++) T16[i] = U16[s2 + ((imm >> (2 * i)) & 3)];
      I32[d4] = T32[0]; I32[d4 + 1] = T32[1];
      return;
    case 4:
      T32[0] = I32[d4 + (imm & 3)]; T32[1] = I32[d4 + ((imm >> 2) & 3)];
      T32[2] = I32[s4 + ((imm >> 4) & 3)]; T32[3] = I32[s4 + ((imm >> 6) & 3)];
      break;
    default: {
      const a = imm & 1 ? 2 : 0, b = imm & 2 ? 2 : 0;
      T32[0] = I32[d4 + a]; T32[1] = I32[d4 + a + 1]; T32[2] = I32[s4 + b]; T32[3] = I32[s4 + b + 1];
    }
  }
  I32[d4] = T32[0]; I32[d4 + 1] = T32[1]; I32[d4 + 2] = T32[2]; I32[d4 + 3] = T32[3];
}
export const helper_pshuf = registerHelper({ name: "pshuf", flags: HELPER_NO_FAULT, ret: null, fn: pshuf });

/** pmovmskb (kind 0), movmskps (1), movmskpd (2): the sign bits as an integer */
function movmsk(cpu: CPUX86State, kind: number, s: number, n: number): number {
  views(cpu);
  let m = 0;
  if (kind === 0) for (let i = 0; i < n; i++) m |= (U8[s + i] >> 7) << i;
  else if (kind === 1) for (let i = 0; i < 4; i++) m |= (I32[(s >> 2) + i] >>> 31) << i;
  else m = (I32[(s >> 2) + 1] >>> 31) | ((I32[(s >> 2) + 3] >>> 31) << 1);
  return m;
}
export const helper_movmsk = registerHelper({ name: "movmsk", flags: HELPER_NO_FAULT, ret: Ty.I32, fn: movmsk });

/** pextrw: word `imm` of the register */
export const helper_pextrw = registerHelper({
  name: "pextrw", flags: HELPER_NO_FAULT, ret: Ty.I32,
  fn: (cpu: CPUX86State, s: number, idx: number) => {
    views(cpu);
    return U16[(s >> 1) + idx];
  },
});
/** pinsrw: word `idx` of the register = v */
export const helper_pinsrw = registerHelper({
  name: "pinsrw", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: CPUX86State, d: number, v: number, idx: number) => {
    views(cpu);
    U16[(d >> 1) + idx] = v;
  },
});
/** maskmovq/maskmovdqu: store the bytes of d whose mask byte in s has its top bit, at addr */
export const helper_maskmov = registerHelper({
  name: "maskmov", flags: 0, ret: null,
  fn: (cpu: CPUX86State, d: number, s: number, n: number, addr: number) => {
    views(cpu);
    for (let i = 0; i < n; i++) if (U8[s + i] & 0x80) cpu.mem.st8((addr + i) | 0, U8[d + i]);
  },
});
