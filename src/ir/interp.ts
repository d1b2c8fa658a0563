// An interpreter for the IR: runs a translation block without compiling it. The exec loop runs new
// blocks here first and compiles only those that turn out to be executed often — most blocks of a
// short program (startup code, error paths) run a handful of times, and a V8 compile costs far
// more than interpreting them. It shares ir/eval.ts's definition of the pure ops, so the backend
// and the interpreter are two independent implementations checked against each other by tests.
import { IRFunc, Insn, TempKind, Ty, helpers, HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS } from "./ir";
import { MO_SIGN, MO_SIZE, EXIT_LOOKUP, Cond } from "./opcodes";
import { evalCond, evalPure, evalPair } from "./eval";
import type { AddressSpace } from "../memory/address-space";

/** A block prepared for interpretation: value slots and label positions resolved once. */
export interface PreparedBlock {
  f: IRFunc;
  ops: Insn[];
  /** label number -> op index */
  labels: Int32Array;
  /** value slots of all temps, constants filled in; reused by every run (no allocation) */
  vals: (number | bigint)[];
  /** env index of each global */
  env: Int32Array;
  /** for each op index: the pc of its guest instruction */
  pcs: Int32Array;
  /** for each op index: its dispatch code (C_*): a dense integer switch is a jump table even
   * in V8's bytecode interpreter, where a switch on op names would compare strings one by one */
  codes: Int32Array;
}

const C_NOP = 0, C_BR = 1, C_BRCOND = 2, C_LD = 3, C_ST = 4, C_LD_ENV = 5, C_ST_ENV = 6, C_PAIR = 7;
const C_CALL = 8, C_EXIT = 9, C_LOOKUP = 10, C_MOV = 11, C_ADD = 12, C_SUB = 13, C_AND = 14;
const C_OR = 15, C_XOR = 16, C_SHL = 17, C_SHR = 18, C_SAR = 19, C_EXT8U = 20, C_EXT16U = 21;
const C_SETCOND = 22, C_PURE = 23;
function codeOf(i: Insn): number {
  switch (i.op) {
    case "insn_start": case "discard": case "set_label": return C_NOP;
    case "br": return C_BR;
    case "brcond": return C_BRCOND;
    case "qemu_ld": return C_LD;
    case "qemu_st": return C_ST;
    case "ld_env": return C_LD_ENV;
    case "st_env": return C_ST_ENV;
    case "mulu2": case "muls2": case "add2": case "sub2": return C_PAIR;
    case "call": return C_CALL;
    case "goto_tb": case "exit_tb": return C_EXIT;
    case "lookup_and_goto_ptr": return C_LOOKUP;
    case "mov": return C_MOV;
  }
  if (i.type !== Ty.I32) return C_PURE;
  switch (i.op) {
    case "add": return C_ADD;
    case "sub": return C_SUB;
    case "and": return C_AND;
    case "or": return C_OR;
    case "xor": return C_XOR;
    case "shl": return C_SHL;
    case "shr": return C_SHR;
    case "sar": return C_SAR;
    case "ext8u": return C_EXT8U;
    case "ext16u": return C_EXT16U;
    case "setcond": return C_SETCOND;
  }
  return C_PURE;
}

export function prepare(f: IRFunc): PreparedBlock {
  const labels = new Int32Array(f.nLabels).fill(-1);
  const pcs = new Int32Array(f.ops.length);
  let pc = f.pc | 0;
  f.ops.forEach((i, k) => {
    if (i.op === "set_label") labels[i.consts[0]] = k;
    if (i.op === "insn_start") pc = i.consts[0] | 0;
    pcs[k] = pc;
  });
  const init = f.temps.map((t) => (t.kind === TempKind.CONST ? t.value : t.type === Ty.I64 ? 0n : 0));
  const env = Int32Array.from(f.globals.map((g) => g.env));
  return { f, ops: f.ops, labels, vals: init, env, pcs, codes: Int32Array.from(f.ops, codeOf) };
}

export interface InterpEnv {
  R: Int32Array;
  mem: AddressSpace;
  cpu: unknown;
  pcIndex: number;
  onFault(e: unknown): number;
}

const load = (mem: AddressSpace, memop: number, a: number): number | bigint => {
  const size = memop & MO_SIZE;
  const signed = (memop & MO_SIGN) !== 0;
  switch (size) {
    case 0: return signed ? mem.ld8s(a) : mem.ld8u(a);
    case 1: return signed ? mem.ld16s(a) : mem.ld16u(a);
    case 2: return mem.ld32(a);
    default: return mem.ld64(a);
  }
};
const store = (mem: AddressSpace, memop: number, a: number, v: number | bigint): void => {
  switch (memop & MO_SIZE) {
    case 0: mem.st8(a, v as number); break;
    case 1: mem.st16(a, v as number); break;
    case 2: mem.st32(a, v as number); break;
    default: mem.st64(a, v as bigint);
  }
};

const args: (number | bigint)[] = [0, 0, 0, 0];
/** A pure single-output op through the reference semantics, without allocating. */
function pure(i: Insn, V: (number | bigint)[]): void {
  const n = i.ins.length;
  args[0] = V[i.ins[0]];
  if (n > 1) args[1] = V[i.ins[1]];
  if (n > 2) {
    args[2] = V[i.ins[2]];
    args[3] = V[i.ins[3]];
  }
  args.length = n;
  const v = evalPure(i.op, i.type, args, i.consts);
  if (v === undefined) throw new Error(`interpreter: no semantics for ${i.op}`);
  V[i.outs[0]] = v;
}

/** Run a prepared block; returns its exit code like a compiled block. */
export function interpret(b: PreparedBlock, x: InterpEnv): number {
  const V = b.vals;
  const R = x.R;
  const nG = b.env.length;
  const env = b.env;
  for (let g = 0; g < nG; g++) V[g] = R[env[g]];
  const ops = b.ops;
  const codes = b.codes;
  let k = 0;
  try {
    for (; k < ops.length; k++) {
      const i = ops[k];
      switch (codes[k]) {
        case C_NOP:
          break;
        case C_BR:
          k = b.labels[i.consts[0]];
          break;
        case C_BRCOND:
          if (evalCond(i.consts[0] as Cond, i.type, V[i.ins[0]], V[i.ins[1]])) k = b.labels[i.consts[1]];
          break;
        case C_LD:
          V[i.outs[0]] = load(x.mem, i.consts[0], V[i.ins[0]] as number);
          break;
        case C_ST:
          store(x.mem, i.consts[0], V[i.ins[1]] as number, V[i.ins[0]]);
          break;
        case C_LD_ENV:
          V[i.outs[0]] = R[i.consts[0]];
          break;
        case C_ST_ENV:
          R[i.consts[0]] = V[i.ins[0]] as number;
          break;
        case C_PAIR: {
          const [lo, hi] = evalPair(i.op, i.ins.map((t) => V[t] as number));
          V[i.outs[0]] = lo;
          V[i.outs[1]] = hi;
          break;
        }
        case C_CALL: {
          const h = helpers()[i.consts[0]];
          if (h.flags & (HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS)) for (let g = 0; g < nG; g++) R[env[g]] = V[g] as number;
          const args: unknown[] = [x.cpu];
          for (const t of i.ins) args.push(V[t]);
          const r = h.fn(...args);
          if (h.flags & HELPER_WRITES_GLOBALS) for (let g = 0; g < nG; g++) V[g] = R[env[g]];
          if (i.outs.length) V[i.outs[0]] = r;
          break;
        }
        case C_EXIT:
          for (let g = 0; g < nG; g++) R[env[g]] = V[g] as number;
          return i.consts[0];
        case C_LOOKUP:
          for (let g = 0; g < nG; g++) R[env[g]] = V[g] as number;
          return EXIT_LOOKUP;
        case C_MOV:
          V[i.outs[0]] = V[i.ins[0]];
          break;
        case C_ADD:
          V[i.outs[0]] = ((V[i.ins[0]] as number) + (V[i.ins[1]] as number)) | 0;
          break;
        case C_SUB:
          V[i.outs[0]] = ((V[i.ins[0]] as number) - (V[i.ins[1]] as number)) | 0;
          break;
        case C_AND:
          V[i.outs[0]] = (V[i.ins[0]] as number) & (V[i.ins[1]] as number);
          break;
        case C_OR:
          V[i.outs[0]] = (V[i.ins[0]] as number) | (V[i.ins[1]] as number);
          break;
        case C_XOR:
          V[i.outs[0]] = (V[i.ins[0]] as number) ^ (V[i.ins[1]] as number);
          break;
        case C_SHL:
          V[i.outs[0]] = (V[i.ins[0]] as number) << (V[i.ins[1]] as number);
          break;
        case C_SHR:
          V[i.outs[0]] = ((V[i.ins[0]] as number) >>> (V[i.ins[1]] as number)) | 0;
          break;
        case C_SAR:
          V[i.outs[0]] = (V[i.ins[0]] as number) >> (V[i.ins[1]] as number);
          break;
        case C_EXT8U:
          V[i.outs[0]] = (V[i.ins[0]] as number) & 0xff;
          break;
        case C_EXT16U:
          V[i.outs[0]] = (V[i.ins[0]] as number) & 0xffff;
          break;
        case C_SETCOND:
          V[i.outs[0]] = evalCond(i.consts[0] as Cond, Ty.I32, V[i.ins[0]], V[i.ins[1]]) ? 1 : 0;
          break;
        default:
          pure(i, V);
      }
    }
  } catch (e) {
    for (let g = 0; g < nG; g++) R[env[g]] = V[g] as number;
    R[x.pcIndex] = b.pcs[Math.min(k, ops.length - 1)];
    return x.onFault(e);
  }
  for (let g = 0; g < nG; g++) R[env[g]] = V[g] as number;
  return EXIT_LOOKUP;
}
