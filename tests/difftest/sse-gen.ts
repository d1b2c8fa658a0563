// Generator for the SSE/SSE2 differential test: random straight-line sequences of SSE/SSE2
// instructions over XMM registers filled with edge values (±0, denormals, smallest/largest
// normals, infinities, NaNs with payloads, integer-conversion boundaries, values whose operations
// round at a tie), under random MXCSR settings (all four rounding modes, DAZ, FTZ, sticky flags;
// exceptions masked). sse-difftest.ts builds, runs and compares; sse-harness.c is the driver.
//
// Excluded: unmasked exceptions (SIGFPE is tested by a guest program instead), MMX forms (the
// MMX register file is shared with the x87), and instructions touching %esp/%ebp.

export interface SseCase {
  id: number;
  body: string[];
  /** 40 words: xmm0-7 lanes, mxcsr, eflags, eax ecx edx ebx esi edi */
  state: number[];
  mem: Uint8Array;
}

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const mix = (seed: number, i: number): number => (Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;

type R = () => number;
const pick = <T>(r: R, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const int = (r: R, n: number): number => Math.floor(r() * n);
const u32 = (r: R): number => Math.floor(r() * 4294967296) >>> 0;

/** a binary32 edge value */
function f32(r: R): number {
  const sign = r() < 0.5 ? 0x80000000 : 0;
  const mant = u32(r) & 0x7fffff;
  switch (int(r, 16)) {
    case 0: return sign;
    case 1: return sign | 1;
    case 2: return sign | (mant || 1); // denormal
    case 3: return sign | 0x00800000 | (r() < 0.5 ? 0 : mant & 0xff);
    case 4: return sign | 0x7f7fffff - int(r, 4);
    case 5: return sign | 0x7f800000;
    case 6: return sign | 0x7fc00000 | (r() < 0.5 ? 0 : mant); // QNaN
    case 7: return sign | 0x7f800000 | ((mant & 0x3fffff) || 1); // SNaN
    case 8: return pick(r, [0x3f800000, 0x40000000, 0x3f000000, 0x40200000, 0x40600000, 0x3fc00000, 0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001, 0x4b800001, 0x3f800001]);
    case 9: return sign | ((1 + int(r, 3)) << 23) | mant; // just above the underflow threshold
    case 10: return sign | ((252 + int(r, 3)) << 23) | mant; // near overflow
    case 11: return bitsOf32(int(r, 4000) - 2000 + pick(r, [0, 0.5, 0.25, 0.75])); // conversions round at ties
    case 12: return sign | ((100 + int(r, 56)) << 23) | (mant & ~0xfff); // few significant bits: exact products
    default: return sign | ((64 + int(r, 128)) << 23) | mant;
  }
}
const b32 = new Float32Array(1);
const i32v = new Int32Array(b32.buffer);
function bitsOf32(x: number): number {
  b32[0] = x;
  return i32v[0] >>> 0;
}
/** a binary64 edge value as [lo, hi] */
function f64(r: R): [number, number] {
  const sign = r() < 0.5 ? 0x80000000 : 0;
  const mh = u32(r) & 0xfffff, ml = u32(r);
  switch (int(r, 15)) {
    case 0: return [0, sign];
    case 1: return [1, sign];
    case 2: return [ml, sign | mh];
    case 3: return [0, sign | 0x00100000];
    case 4: return [0xffffffff - int(r, 3), sign | 0x7fefffff];
    case 5: return [0, sign | 0x7ff00000];
    case 6: return [r() < 0.5 ? 0 : ml, sign | 0x7ff80000 | (r() < 0.5 ? 0 : mh)];
    case 7: return [ml | 1, sign | 0x7ff00000 | (mh & 0x7ffff)];
    case 8: return pick(r, [[0, 0x3ff00000], [0, 0x40000000], [0, 0x3fe00000], [0, 0x41e00000], [0, 0xc1e00000], [0x200000, 0xc1e00000], [0xffc00000, 0x41dfffff], [1, 0x3ff00000], [0x20000000, 0x36a00000], [0xe0000000, 0x47efffff]] as [number, number][]);
    case 9: return [ml, sign | ((1 + int(r, 3)) << 20) | mh];
    case 10: return [ml, sign | ((2044 + int(r, 3)) << 20) | mh];
    case 11: { const v = int(r, 40000) - 20000 + pick(r, [0, 0.5, 0.25, 0.75]); const f = new Float64Array([v]); const w = new Uint32Array(f.buffer); return [w[0], w[1]]; }
    case 12: return [ml & 0xff000000, sign | ((900 + int(r, 250)) << 20) | mh];
    case 13: { const v = Math.fround((r() - 0.5) * 1e6); const f = new Float64Array([v]); const w = new Uint32Array(f.buffer); return [w[0], w[1]]; }
    default: return [ml, sign | ((512 + int(r, 1024)) << 20) | mh];
  }
}
function xmmValue(r: R): number[] {
  switch (int(r, 4)) {
    case 0: return [f32(r), f32(r), f32(r), f32(r)];
    case 1: return [...f64(r), ...f64(r)];
    case 2: return [u32(r), u32(r), u32(r), u32(r)];
    default: return [pick(r, [0, 0xffffffff, 0x80000000, 0x7fffffff, 0x80008000, 0x00ff00ff, 0x7f807f80]) >>> 0, u32(r), f32(r), u32(r)];
  }
}
function gprValue(r: R): number {
  return pick(r, [0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0x1000000, 0xff000001, u32(r), u32(r), u32(r), int(r, 200) - 100]) >>> 0;
}
function mxcsr(r: R): number {
  // PE is often already set, as in running float code (the emulator's fast path depends on it)
  const sticky = r() < 0.2 ? int(r, 64) : r() < 0.5 ? 0x20 : 0;
  const modes = r() < 0.3 ? 0 : (int(r, 4) << 13) | (r() < 0.3 ? 0x40 : 0) | (r() < 0.3 ? 0x8000 : 0);
  return (0x1f80 | modes | sticky) >>> 0;
}

const X = (r: R): string => `%xmm${int(r, 8)}`;
const GPRS = ["%eax", "%ecx", "%edx", "%ebx", "%esi", "%edi"];
const G = (r: R): string => pick(r, GPRS);
/** a memory operand in the 256-byte scratch buffer at %ebp, `size` bytes, aligned to `align` */
const M = (r: R, size: number, align = 1): string => `${Math.floor(int(r, 256 - size + 1) / align) * align}(%ebp)`;

const PACKED = [
  "addps", "addpd", "subps", "subpd", "mulps", "mulpd", "divps", "divpd", "minps", "minpd", "maxps", "maxpd",
  "sqrtps", "sqrtpd", "andps", "andpd", "andnps", "andnpd", "orps", "orpd", "xorps", "xorpd",
  "unpcklps", "unpckhps", "unpcklpd", "unpckhpd", "cvtdq2ps", "cvtps2dq", "cvttps2dq", "cvtpd2dq", "cvttpd2dq",
  "cvtpd2ps", "rcpps", "rsqrtps",
  "paddb", "paddw", "paddd", "paddq", "psubb", "psubw", "psubd", "psubq", "paddsb", "paddsw", "paddusb", "paddusw",
  "psubsb", "psubsw", "psubusb", "psubusw", "pmullw", "pmulhw", "pmulhuw", "pmuludq", "pmaddwd", "psadbw", "pavgb",
  "pavgw", "pminub", "pmaxub", "pminsw", "pmaxsw", "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd",
  "packsswb", "packssdw", "packuswb", "punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq", "punpckhbw", "punpckhwd",
  "punpckhdq", "punpckhqdq", "pand", "pandn", "por", "pxor",
];
const SCALAR_SS = ["addss", "subss", "mulss", "divss", "minss", "maxss", "sqrtss", "rcpss", "rsqrtss", "cvtss2sd", "comiss", "ucomiss", "movss"];
const SCALAR_SD = ["addsd", "subsd", "mulsd", "divsd", "minsd", "maxsd", "sqrtsd", "cvtsd2ss", "comisd", "ucomisd", "movsd", "cvtps2pd", "cvtdq2pd", "movq"];
const SHIFTS = ["psrlw", "psrld", "psrlq", "psraw", "psrad", "psllw", "pslld", "psllq"];

/** One unit: an instruction under test, with any set-up it needs. */
function unit(r: R): string[] {
  switch (int(r, 14)) {
    case 0: case 1: case 2: { // packed, register or aligned m128 source
      const m = pick(r, PACKED);
      return [`${m} ${r() < 0.7 ? X(r) : M(r, 16, 16)}, ${X(r)}`];
    }
    case 3: case 4: {
      const m = pick(r, SCALAR_SS);
      return [`${m} ${r() < 0.6 ? X(r) : M(r, 4)}, ${X(r)}`];
    }
    case 5: case 6: {
      const m = pick(r, SCALAR_SD);
      return [`${m} ${r() < 0.6 ? X(r) : M(r, 8)}, ${X(r)}`];
    }
    case 7: { // compares and shuffles with an immediate
      const k = int(r, 7);
      if (k === 0) return [`cmpps $${int(r, 8)}, ${r() < 0.7 ? X(r) : M(r, 16, 16)}, ${X(r)}`];
      if (k === 1) return [`cmppd $${int(r, 8)}, ${r() < 0.7 ? X(r) : M(r, 16, 16)}, ${X(r)}`];
      if (k === 2) return [`cmpss $${int(r, 8)}, ${r() < 0.7 ? X(r) : M(r, 4)}, ${X(r)}`];
      if (k === 3) return [`cmpsd $${int(r, 8)}, ${r() < 0.7 ? X(r) : M(r, 8)}, ${X(r)}`];
      const m = pick(r, ["shufps", "shufpd", "pshufd", "pshufhw", "pshuflw"]);
      return [`${m} $${int(r, 256)}, ${r() < 0.7 ? X(r) : M(r, 16, 16)}, ${X(r)}`];
    }
    case 8: { // shifts
      const k = int(r, 3);
      if (k === 0) return [`${pick(r, SHIFTS)} $${pick(r, [0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 200, int(r, 70)])}, ${X(r)}`];
      if (k === 1) return [`${pick(r, ["psrldq", "pslldq"])} $${int(r, 20)}, ${X(r)}`];
      const off = int(r, 15) * 16;
      return [`movl $${pick(r, [0, 1, 4, 15, 16, 17, 31, 32, 33, 63, 64, 100, int(r, 70)])}, ${off}(%ebp)`,
        `movl $${r() < 0.85 ? 0 : 1}, ${off + 4}(%ebp)`, `${pick(r, SHIFTS)} ${off}(%ebp), ${X(r)}`];
    }
    case 9: { // general-register forms
      const k = int(r, 9);
      if (k === 0) return [`${pick(r, ["cvtsi2ss", "cvtsi2sd"])} ${G(r)}, ${X(r)}`];
      if (k === 1) return [`${pick(r, ["cvtsi2ssl", "cvtsi2sdl"])} ${M(r, 4)}, ${X(r)}`];
      if (k === 2) return [`${pick(r, ["cvtss2si", "cvttss2si"])} ${r() < 0.7 ? X(r) : M(r, 4)}, ${G(r)}`];
      if (k === 3) return [`${pick(r, ["cvtsd2si", "cvttsd2si"])} ${r() < 0.7 ? X(r) : M(r, 8)}, ${G(r)}`];
      if (k === 4) return r() < 0.5 ? [`movd ${r() < 0.5 ? G(r) : M(r, 4)}, ${X(r)}`] : [`movd ${X(r)}, ${r() < 0.5 ? G(r) : M(r, 4)}`];
      if (k === 5) return [`pextrw $${int(r, 8)}, ${X(r)}, ${G(r)}`];
      if (k === 6) return [`pinsrw $${int(r, 8)}, ${r() < 0.5 ? G(r) : M(r, 2)}, ${X(r)}`];
      if (k === 7) return [`${pick(r, ["pmovmskb", "movmskps", "movmskpd"])} ${X(r)}, ${G(r)}`];
      return [`movnti ${G(r)}, ${M(r, 4)}`];
    }
    case 10: { // moves
      const k = int(r, 8);
      if (k === 0) return [`${pick(r, ["movaps", "movapd", "movdqa"])} ${r() < 0.6 ? X(r) : M(r, 16, 16)}, ${X(r)}`];
      if (k === 1) return [`${pick(r, ["movaps", "movapd", "movdqa", "movntps", "movntpd", "movntdq"])} ${X(r)}, ${M(r, 16, 16)}`];
      if (k === 2) return r() < 0.5 ? [`${pick(r, ["movups", "movupd", "movdqu"])} ${M(r, 16)}, ${X(r)}`] : [`${pick(r, ["movups", "movupd", "movdqu"])} ${X(r)}, ${M(r, 16)}`];
      if (k === 3) return [`movss ${X(r)}, ${M(r, 4)}`];
      if (k === 4) return [`${pick(r, ["movsd", "movq"])} ${X(r)}, ${M(r, 8)}`];
      if (k === 5) return r() < 0.5 ? [`${pick(r, ["movlps", "movhps", "movlpd", "movhpd"])} ${M(r, 8)}, ${X(r)}`] : [`${pick(r, ["movlps", "movhps", "movlpd", "movhpd"])} ${X(r)}, ${M(r, 8)}`];
      if (k === 6) return [`${pick(r, ["movhlps", "movlhps"])} ${X(r)}, ${X(r)}`];
      return [`leal ${int(r, 240)}(%ebp), %edi`, `maskmovdqu ${X(r)}, ${X(r)}`];
    }
    case 11: { // a new MXCSR mid-sequence, or reading it
      const off = int(r, 63) * 4;
      if (r() < 0.3) return [`stmxcsr ${off}(%ebp)`];
      return [`movl $${mxcsr(r)}, ${off}(%ebp)`, `ldmxcsr ${off}(%ebp)`];
    }
    default: { // the float arithmetic again, where the edge cases are
      const m = pick(r, ["addss", "subss", "mulss", "divss", "sqrtss", "addsd", "subsd", "mulsd", "divsd", "sqrtsd", "addps", "mulpd", "divps", "cvtsd2ss", "cvtps2dq", "cvtpd2dq", "cvtdq2ps", "minsd", "maxps"]);
      return [`${m} ${X(r)}, ${X(r)}`];
    }
  }
}

export function genCase(seed: number, index: number, maxUnits = 12): SseCase {
  const r = rng(mix(seed, index));
  const n = 1 + int(r, maxUnits);
  const body: string[] = [];
  for (let i = 0; i < n; i++) body.push(...unit(r));
  const state: number[] = [];
  for (let i = 0; i < 8; i++) state.push(...xmmValue(r));
  state.push(mxcsr(r));
  state.push((0x202 | (u32(r) & 0x8d5)) >>> 0); // random CF PF AF ZF SF OF, DF clear
  for (let i = 0; i < 6; i++) state.push(gprValue(r));
  const mem = new Uint8Array(256);
  for (let i = 0; i < 256; i += 4) {
    const v = r() < 0.5 ? f32(r) : u32(r);
    mem[i] = v & 0xff; mem[i + 1] = (v >>> 8) & 0xff; mem[i + 2] = (v >>> 16) & 0xff; mem[i + 3] = v >>> 24;
  }
  // some 64-bit edge values too
  for (let k = 0; k < 8; k++) {
    const [lo, hi] = f64(r);
    const at = int(r, 32) * 8;
    for (let j = 0; j < 4; j++) { mem[at + j] = (lo >>> (8 * j)) & 0xff; mem[at + 4 + j] = (hi >>> (8 * j)) & 0xff; }
  }
  return { id: index, body, state: state.map((v) => v >>> 0), mem };
}

export function emitAsm(cases: SseCase[]): string {
  const out: string[] = ["  .text"];
  for (const c of cases) {
    out.push(`seq_${c.id}:`, ...c.body.map((l) => "  " + l), "  ret");
  }
  out.push("  .section .rodata", "  .p2align 2");
  for (const c of cases) {
    out.push(`st_${c.id}: .long ${c.state.join(",")}`);
    out.push(`mem_${c.id}: .byte ${Array.from(c.mem).join(",")}`);
  }
  out.push("  .p2align 2", "  .globl dt_table", "dt_table:");
  for (const c of cases) out.push(`  .long seq_${c.id}, ${c.id}, st_${c.id}, mem_${c.id}`);
  out.push("  .globl dt_count", `dt_count: .long ${cases.length}`);
  return out.join("\n") + "\n";
}
