// THE table of IR operations (this project's TCG ops). Everything that knows about ops — the
// builder's typing, the printer (-d op / op_opt), the optimizer's folding rules, the JavaScript
// backend's emitters (checked complete against this table by a unit test) and docs/ir.md — reads
// this one table.
//
// Conventions, as in TCG:
//  * values are typed i32 or i64; the width is in the instruction's type, not in the op name;
//  * i32 values are kept as signed 32-bit numbers, i64 values as signed 64-bit;
//  * an op writes `outs`, reads `ins`, and takes `consts` compile-time immediates (conditions,
//    memory-op descriptors, labels, env offsets, helper numbers) after them;
//  * "undefined" below means the result is arbitrary (but no trap); frontends must not rely on it.

export type OpName =
  | "mov" | "add" | "sub" | "mul" | "and" | "or" | "xor" | "andc" | "shl" | "shr" | "sar"
  | "rotl" | "rotr" | "neg" | "not" | "divs" | "divu" | "rems" | "remu"
  | "ext8s" | "ext8u" | "ext16s" | "ext16u" | "ext32s" | "ext32u" | "extrl" | "extrh" | "concat"
  | "clz" | "ctz" | "bswap16" | "bswap32"
  | "setcond" | "movcond" | "brcond" | "br" | "set_label"
  | "mulu2" | "muls2" | "add2" | "sub2"
  | "qemu_ld" | "qemu_st" | "ld_env" | "st_env" | "call"
  | "insn_start" | "goto_tb" | "exit_tb" | "lookup_and_goto_ptr" | "discard";

/** Which value types an op accepts: the instruction's type field must be one of these. */
export type TypeRule = "i32" | "i64" | "any" | "none";

export const OP_PURE = 1; // no side effects: removable when outputs are dead, foldable
export const OP_BB_END = 2; // ends a basic block (branches, labels, exits)
export const OP_EXIT = 4; // leaves the translation block: all globals must be in env
export const OP_MAY_FAULT = 8; // can raise a guest exception: globals are observable here
export const OP_SIDE_EFFECTS = 16; // must be kept even with dead outputs

export interface OpDef {
  readonly outs: number; // -1: variable (call)
  readonly ins: number; // -1: variable (call)
  readonly consts: number;
  readonly types: TypeRule;
  readonly flags: number;
  readonly doc: string;
}

const P = OP_PURE;
export const OPS: { readonly [K in OpName]: OpDef } = {
  mov: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = a" },
  add: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a + b (wrapping)" },
  sub: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a - b (wrapping)" },
  mul: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = low bits of a * b" },
  and: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a & b" },
  or: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a | b" },
  xor: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a ^ b" },
  andc: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a & ~b" },
  shl: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a << b; undefined unless 0 <= b < width" },
  shr: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a >>> b (logical); undefined unless 0 <= b < width" },
  sar: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a >> b (arithmetic); undefined unless 0 <= b < width" },
  rotl: { outs: 1, ins: 2, consts: 0, types: "i32", flags: P, doc: "d = a rotated left by b mod 32" },
  rotr: { outs: 1, ins: 2, consts: 0, types: "i32", flags: P, doc: "d = a rotated right by b mod 32" },
  neg: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = -a (wrapping)" },
  not: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = ~a" },
  divs: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a / b signed, truncating; undefined if b == 0 or overflow" },
  divu: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a / b unsigned; undefined if b == 0" },
  rems: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a % b signed (sign of a); undefined if b == 0" },
  remu: { outs: 1, ins: 2, consts: 0, types: "any", flags: P, doc: "d = a % b unsigned; undefined if b == 0" },
  ext8s: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = sign-extended low 8 bits of a" },
  ext8u: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = zero-extended low 8 bits of a" },
  ext16s: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = sign-extended low 16 bits of a" },
  ext16u: { outs: 1, ins: 1, consts: 0, types: "any", flags: P, doc: "d = zero-extended low 16 bits of a" },
  ext32s: { outs: 1, ins: 1, consts: 0, types: "i64", flags: P, doc: "i64 d = sign-extended i32 a" },
  ext32u: { outs: 1, ins: 1, consts: 0, types: "i64", flags: P, doc: "i64 d = zero-extended i32 a" },
  extrl: { outs: 1, ins: 1, consts: 0, types: "i32", flags: P, doc: "i32 d = low half of i64 a" },
  extrh: { outs: 1, ins: 1, consts: 0, types: "i32", flags: P, doc: "i32 d = high half of i64 a" },
  concat: { outs: 1, ins: 2, consts: 0, types: "i64", flags: P, doc: "i64 d = (i32 b << 32) | zero-extended i32 a" },
  clz: { outs: 1, ins: 2, consts: 0, types: "i32", flags: P, doc: "d = count of leading zeros of a, or b if a == 0" },
  ctz: { outs: 1, ins: 2, consts: 0, types: "i32", flags: P, doc: "d = count of trailing zeros of a, or b if a == 0" },
  bswap16: { outs: 1, ins: 1, consts: 0, types: "i32", flags: P, doc: "d = the two low bytes of a swapped, zero-extended" },
  bswap32: { outs: 1, ins: 1, consts: 0, types: "i32", flags: P, doc: "d = the four bytes of a reversed" },
  setcond: { outs: 1, ins: 2, consts: 1, types: "any", flags: P, doc: "d = (a cond b) ? 1 : 0" },
  movcond: { outs: 1, ins: 4, consts: 1, types: "any", flags: P, doc: "d = (c1 cond c2) ? v1 : v2; all four ins share the type" },
  brcond: { outs: 0, ins: 2, consts: 2, types: "any", flags: OP_BB_END, doc: "if (a cond b) goto label; labels are only jumped to forwards" },
  br: { outs: 0, ins: 0, consts: 1, types: "none", flags: OP_BB_END, doc: "goto label (forwards)" },
  set_label: { outs: 0, ins: 0, consts: 1, types: "none", flags: OP_BB_END, doc: "defines label; temps do not survive it, globals do" },
  mulu2: { outs: 2, ins: 2, consts: 0, types: "i32", flags: P, doc: "(hi:lo) = unsigned a * b, 64-bit product" },
  muls2: { outs: 2, ins: 2, consts: 0, types: "i32", flags: P, doc: "(hi:lo) = signed a * b, 64-bit product" },
  add2: { outs: 2, ins: 4, consts: 0, types: "i32", flags: P, doc: "(dhi:dlo) = (ahi:alo) + (bhi:blo)" },
  sub2: { outs: 2, ins: 4, consts: 0, types: "i32", flags: P, doc: "(dhi:dlo) = (ahi:alo) - (bhi:blo)" },
  qemu_ld: { outs: 1, ins: 1, consts: 1, types: "any", flags: OP_MAY_FAULT | OP_SIDE_EFFECTS, doc: "d = guest memory at address a; const: MemOp (size, sign)" },
  qemu_st: { outs: 0, ins: 2, consts: 1, types: "any", flags: OP_MAY_FAULT | OP_SIDE_EFFECTS, doc: "guest memory at address b = a; const: MemOp" },
  ld_env: { outs: 1, ins: 0, consts: 1, types: "i32", flags: OP_SIDE_EFFECTS, doc: "d = CPU state word at const index (not a global's slot)" },
  st_env: { outs: 0, ins: 1, consts: 1, types: "i32", flags: OP_SIDE_EFFECTS, doc: "CPU state word at const index = a (not a global's slot)" },
  call: { outs: -1, ins: -1, consts: 1, types: "none", flags: OP_MAY_FAULT | OP_SIDE_EFFECTS, doc: "outs = helper[const](ins); the helper's flags say which globals it reads/writes" },
  insn_start: { outs: 0, ins: 0, consts: 1, types: "none", flags: OP_SIDE_EFFECTS, doc: "marks the start of the guest instruction at const pc" },
  goto_tb: { outs: 0, ins: 0, consts: 1, types: "none", flags: OP_EXIT | OP_BB_END, doc: "leave through chain slot const (0 or 1); the pc global holds the target" },
  exit_tb: { outs: 0, ins: 0, consts: 1, types: "none", flags: OP_EXIT | OP_BB_END, doc: "leave to the exec loop with exit code const" },
  lookup_and_goto_ptr: { outs: 0, ins: 0, consts: 0, types: "none", flags: OP_EXIT | OP_BB_END, doc: "leave, continuing at the TB for the pc global (indirect jumps)" },
  discard: { outs: 1, ins: 0, consts: 0, types: "any", flags: 0, doc: "d's value is dead from here (lets the optimizer drop its computation)" },
};

export const OP_NAMES = Object.keys(OPS) as OpName[];

/** Conditions of setcond/movcond/brcond. */
export const enum Cond {
  EQ, NE, LT, GE, LE, GT, LTU, GEU, LEU, GTU, TSTEQ, TSTNE,
}
export const COND_NAMES = ["eq", "ne", "lt", "ge", "le", "gt", "ltu", "geu", "leu", "gtu", "tsteq", "tstne"];
export function invertCond(c: Cond): Cond {
  return (c ^ 1) as Cond; // pairs are adjacent: eq/ne, lt/ge, le/gt, ltu/geu, leu/gtu, tsteq/tstne
}

/** MemOp: size as log2 bytes in the low 2 bits, MO_SIGN for sign extension. Little-endian. */
export const MO_8 = 0, MO_16 = 1, MO_32 = 2, MO_64 = 3, MO_SIZE = 3, MO_SIGN = 4;
export function memopName(m: number): string {
  return (m & MO_SIGN ? "s" : "u") + (8 << (m & MO_SIZE));
}

/** Exit codes returned by a translation block's function to the exec loop. */
export const EXIT_CHAIN0 = 0; // goto_tb 0
export const EXIT_CHAIN1 = 1; // goto_tb 1
export const EXIT_LOOKUP = 2; // continue at the pc in env (lookup_and_goto_ptr, or goto_tb not yet chained)
export const EXIT_EXCEPTION = 3; // the exception index in the CPU state says why (syscall, fault...)
