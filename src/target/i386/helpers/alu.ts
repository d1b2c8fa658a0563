// Helpers for integer instructions too large or too rare for inline IR: division (raises #DE),
// rotates and double shifts (their flag rules depend on the count), segment register loads.
// They run with the CPU state in memory (flags READS/WRITES_GLOBALS) and raise guest
// exceptions by setting EXCP and throwing RAISED.
import { HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, registerHelper } from "../../../ir/ir";
import { RAISED } from "../../../exec/exceptions";
import { CC_OP_LOGIC, computeEflags } from "../cc";
import { CPUX86State, EXCP, EXCP_INFO, R_EAX, R_EDX, SEG_BASE, SEG_LIMIT, SEG_SEL } from "../cpu";

export const EXCP_DE = 0, EXCP_DB = 1, EXCP_BP = 3, EXCP_OF = 4, EXCP_UD = 6, EXCP_NM = 7;
export const EXCP_GP = 13, EXCP_MF = 16, EXCP_XM = 19;

export function raiseException(cpu: CPUX86State, vector: number, info = 0): never {
  cpu.R[EXCP] = vector;
  cpu.R[EXCP_INFO] = info;
  throw RAISED;
}

const RW = HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS;

function div(cpu: CPUX86State, size: number, divisor: number, signed: boolean): void {
  const R = cpu.R;
  if (size === 4) {
    const hi = R[R_EDX], lo = R[R_EAX];
    const dv = signed ? divisor | 0 : divisor >>> 0;
    if (dv === 0) raiseException(cpu, EXCP_DE);
    // dividends below 2^53 divide exactly in doubles; the rest (rare) use bigints
    const n = signed ? hi * 4294967296 + (lo >>> 0) : (hi >>> 0) * 4294967296 + (lo >>> 0);
    if (Math.abs(n) < 2 ** 53) {
      const q = Math.trunc(n / dv);
      const r = n - q * dv;
      if (signed ? q > 0x7fffffff || q < -0x80000000 : q > 0xffffffff) raiseException(cpu, EXCP_DE);
      R[R_EAX] = q | 0;
      R[R_EDX] = r | 0;
      return;
    }
    const d = BigInt(dv);
    const num = signed ? (BigInt(hi) << 32n) | BigInt(lo >>> 0) : (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    const q = num / d;
    if (signed ? q > 0x7fffffffn || q < -0x80000000n : q > 0xffffffffn) raiseException(cpu, EXCP_DE);
    R[R_EAX] = Number(BigInt.asIntN(32, q));
    R[R_EDX] = Number(BigInt.asIntN(32, num % d));
    return;
  }
  const bits = size * 8;
  const mask = (1 << bits) - 1;
  const dv = signed ? (size === 1 ? (divisor << 24) >> 24 : (divisor << 16) >> 16) : divisor & mask;
  if (dv === 0) raiseException(cpu, EXCP_DE);
  let num: number;
  if (size === 1) num = signed ? (R[R_EAX] << 16) >> 16 : R[R_EAX] & 0xffff;
  else {
    const u = ((R[R_EDX] & 0xffff) << 16) | (R[R_EAX] & 0xffff);
    num = signed ? u : u >>> 0;
  }
  const q = Math.trunc(num / dv);
  const rem = num % dv;
  const lim = 1 << (bits - 1);
  if (signed ? q >= lim || q < -lim : q > mask) raiseException(cpu, EXCP_DE);
  if (size === 1) R[R_EAX] = (R[R_EAX] & ~0xffff) | ((rem & 0xff) << 8) | (q & 0xff);
  else {
    R[R_EAX] = (R[R_EAX] & ~0xffff) | (q & 0xffff);
    R[R_EDX] = (R[R_EDX] & ~0xffff) | (rem & 0xffff);
  }
}

export const helper_div = registerHelper({
  name: "div", flags: RW, ret: null,
  fn: (cpu: CPUX86State, size: number, v: number) => div(cpu, size, v, false),
});
export const helper_idiv = registerHelper({
  name: "idiv", flags: RW, ret: null,
  fn: (cpu: CPUX86State, size: number, v: number) => div(cpu, size, v, true),
});

const sizeIdx = (size: number) => (size === 1 ? 0 : size === 2 ? 1 : 2);

/** ROL/ROR/RCL/RCR: kind 0..3; returns the result and sets CF/OF per the SDM. */
function rotate(cpu: CPUX86State, kind: number, size: number, value: number, count: number): number {
  const bits = size * 8;
  const mask = size === 4 ? 0xffffffff : (1 << bits) - 1;
  const masked = count & 31;
  const v = (value & mask) >>> 0;
  if (masked === 0) return value;
  let fl = cpu.ccFlags();
  let cf = fl & 1;
  let r: number;
  let of: number;
  const msb = (x: number) => (x >>> (bits - 1)) & 1;
  if (kind < 2) {
    const c = masked % bits;
    if (kind === 0) {
      r = c === 0 ? v : ((v << c) | (v >>> (bits - c))) & mask;
      r >>>= 0;
      cf = r & 1;
      of = msb(r) ^ cf;
    } else {
      r = c === 0 ? v : ((v >>> c) | (v << (bits - c))) & mask;
      r >>>= 0;
      cf = msb(r);
      of = msb(r) ^ ((r >>> (bits - 2)) & 1);
    }
  } else {
    const c = size === 4 ? masked : masked % (bits + 1);
    // rotate the (bits+1)-bit value CF:v
    let x = (BigInt(cf) << BigInt(bits)) | BigInt(v);
    const w = BigInt(bits + 1);
    const m = (1n << w) - 1n;
    const cb = BigInt(c);
    if (kind === 2) {
      x = ((x << cb) | (x >> (w - cb))) & m;
      r = Number(x & BigInt(mask));
      cf = Number(x >> BigInt(bits)) & 1;
      of = msb(r) ^ cf;
    } else {
      const before = msb(v) ^ cf;
      x = ((x >> cb) | (x << (w - cb))) & m;
      r = Number(x & BigInt(mask));
      cf = Number(x >> BigInt(bits)) & 1;
      of = before;
    }
  }
  fl = (fl & ~0x801) | cf | (of << 11);
  cpu.setCcFlags(fl);
  return r | 0;
}
export const helper_rotate = registerHelper({
  name: "rotate", flags: RW, ret: 0,
  fn: (cpu: CPUX86State, kind: number, size: number, v: number, c: number) => rotate(cpu, kind, size, v, c),
});

/** SHLD (kind 0) / SHRD (kind 1) of dest a with source b. */
function shiftd(cpu: CPUX86State, kind: number, size: number, a: number, b: number, count: number): number {
  const c = count & 31;
  if (c === 0) return a;
  const bits = size * 8;
  let r: bigint, cf: number;
  if (size === 4) {
    const A = BigInt(a >>> 0), B = BigInt(b >>> 0);
    if (kind === 0) {
      const x = (A << 32n) | B;
      r = (x << BigInt(c)) >> 32n;
      cf = Number((x >> BigInt(64 - c)) & 1n);
    } else {
      const x = (B << 32n) | A;
      r = x >> BigInt(c);
      cf = Number((x >> BigInt(c - 1)) & 1n);
    }
  } else {
    // 16-bit: the operands are treated as a 48-bit dest:src:dest (shld) / dest:src:dest (shrd)
    const A = BigInt(a & 0xffff), B = BigInt(b & 0xffff);
    if (kind === 0) {
      const x = (A << 32n) | (B << 16n) | A;
      r = (x << BigInt(c)) >> 32n;
      cf = Number((x >> BigInt(48 - c)) & 1n);
    } else {
      const x = (A << 32n) | (B << 16n) | A;
      r = x >> BigInt(c);
      cf = Number((x >> BigInt(c - 1)) & 1n);
    }
  }
  const res = Number(BigInt.asIntN(32, r));
  const szp = computeEflags(CC_OP_LOGIC + sizeIdx(size), res, 0, 0);
  const msb = (x: number) => (x >>> (bits - 1)) & 1;
  const of = msb(res) ^ msb(a);
  const fl = (cpu.ccFlags() & 0x10) | szp | cf | (of << 11);
  cpu.setCcFlags(fl & ~0x10);
  return res;
}
export const helper_shiftd = registerHelper({
  name: "shiftd", flags: RW, ret: 0,
  fn: (cpu: CPUX86State, kind: number, size: number, a: number, b: number, c: number) => shiftd(cpu, kind, size, a, b, c),
});

/** MOV Sreg / POP Sreg: user mode allows null selectors and present GDT/LDT entries. */
export function loadSeg(cpu: CPUX86State, seg: number, sel: number): void {
  sel &= 0xffff;
  if (seg === 1) raiseException(cpu, EXCP_UD);
  const R = cpu.R;
  if ((sel & ~3) === 0) {
    if (seg === 2) raiseException(cpu, EXCP_GP, 0);
    R[SEG_SEL + seg] = sel;
    R[SEG_BASE + seg] = 0;
    R[SEG_LIMIT + seg] = 0;
    return;
  }
  const table = sel & 4 ? cpu.ldt : cpu.gdt;
  const d = table[sel >> 3];
  if (!d || !d.present) raiseException(cpu, EXCP_GP, sel & ~3);
  R[SEG_SEL + seg] = sel;
  R[SEG_BASE + seg] = d.base;
  R[SEG_LIMIT + seg] = d.limit;
}
export const helper_load_seg = registerHelper({
  name: "load_seg", flags: 0, ret: null,
  fn: (cpu: CPUX86State, seg: number, sel: number) => loadSeg(cpu, seg, sel),
});
