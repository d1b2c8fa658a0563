// IR containers and the typed builder used by frontends (this project's TCGContext + tcg_gen_*).
//
// A translation block's IR is a flat list of instructions over numbered temps. Temps 0..G-1 are
// the frontend's globals (guest registers and lazy-flag state, each backed by a word of the CPU
// state); the rest are constants (deduplicated) and block-local temporaries.
import { Cond, OPS, OpName } from "./opcodes";

export const enum Ty {
  I32 = 0,
  I64 = 1,
}
export const enum TempKind {
  GLOBAL = 0,
  CONST = 1,
  /** an ordinary temporary: dead at labels and at block exits */
  TEMP = 2,
}

export interface Temp {
  readonly kind: TempKind;
  readonly type: Ty;
  /** globals: fixed name from the frontend's table (never guest text) */
  readonly name: string;
  /** globals: index of the backing i32 word in the CPU state */
  readonly env: number;
  /** constants: value (number for i32, bigint for i64) */
  readonly value: number | bigint;
}

export interface Insn {
  op: OpName;
  type: Ty;
  outs: number[];
  ins: number[];
  consts: number[];
}

/** Describes a frontend's globals: registered once, the first temps of every IR function. */
export interface GlobalDef {
  name: string;
  env: number;
}

/** A helper callable from generated code (QEMU's DEF_HELPER). */
export interface HelperDef {
  name: string;
  fn: (...args: any[]) => any;
  /** HELPER_* flags */
  flags: number;
  /** result type, or null for void */
  ret: Ty | null;
  /**
   * With READS/WRITES_GLOBALS: the globals (temp indices) it reads and writes, when not all of
   * them — the backend then syncs only these around the call.
   */
  globals?: { reads: readonly number[]; writes: readonly number[] };
}

/** Globals a helper call reads (must be in the CPU state before it) and writes (reload after). */
export function helperGlobals(h: HelperDef, nGlobals: number): { reads: readonly number[]; writes: readonly number[] } {
  const all = Array.from({ length: nGlobals }, (_, g) => g);
  const reads = h.flags & HELPER_READS_GLOBALS ? h.globals?.reads ?? all : [];
  const writes = h.flags & HELPER_WRITES_GLOBALS ? h.globals?.writes ?? all : [];
  return { reads, writes };
}
/** The helper reads guest registers from the CPU state: globals are written back before it. */
export const HELPER_READS_GLOBALS = 1;
/** The helper writes guest registers in the CPU state: globals are reloaded after it. */
export const HELPER_WRITES_GLOBALS = 2;
/** The helper never raises a guest exception. */
export const HELPER_NO_FAULT = 4;
/** The helper has no side effects (implies NO_FAULT): removable when its result is dead. */
export const HELPER_PURE = 8 | HELPER_NO_FAULT;

const helperTable: HelperDef[] = [];
const helperIndex = new Map<string, number>();
export function registerHelper(def: HelperDef): number {
  const known = helperIndex.get(def.name);
  if (known !== undefined) return known;
  helperTable.push(def);
  helperIndex.set(def.name, helperTable.length - 1);
  return helperTable.length - 1;
}
export function helpers(): readonly HelperDef[] {
  return helperTable;
}

/** The shared empty operand list: the passes replace operand arrays, never grow them. */
const NONE: number[] = [];

/** Temporaries differ only by index: they share one immutable descriptor per type. */
const TEMP_I32: Temp = Object.freeze({ kind: TempKind.TEMP, type: Ty.I32, name: "", env: -1, value: 0 });
const TEMP_I64: Temp = Object.freeze({ kind: TempKind.TEMP, type: Ty.I64, name: "", env: -1, value: 0 });

/** The temps describing a frontend's globals, shared (immutable) by all of its blocks. */
const globalTemps = new WeakMap<readonly GlobalDef[], Temp[]>();

export class IRFunc {
  readonly temps: Temp[] = [];
  readonly ops: Insn[] = [];
  nLabels = 0;
  private consts32 = new Map<number, number>();
  private consts64 = new Map<bigint, number>();

  constructor(readonly globals: readonly GlobalDef[], readonly pc: number) {
    let shared = globalTemps.get(globals);
    if (!shared) {
      shared = globals.map((g) => Object.freeze({ kind: TempKind.GLOBAL, type: Ty.I32, name: g.name, env: g.env, value: 0 }));
      globalTemps.set(globals, shared);
    }
    for (const t of shared) this.temps.push(t);
  }

  isConst(t: number): boolean {
    return this.temps[t].kind === TempKind.CONST;
  }
  constValue(t: number): number {
    return this.temps[t].value as number;
  }

  // ---- temps ---------------------------------------------------------------------------
  newTemp(type: Ty = Ty.I32): number {
    this.temps.push(type === Ty.I32 ? TEMP_I32 : TEMP_I64);
    return this.temps.length - 1;
  }
  const32(v: number): number {
    v |= 0;
    let t = this.consts32.get(v);
    if (t === undefined) {
      this.temps.push({ kind: TempKind.CONST, type: Ty.I32, name: "", env: -1, value: v });
      t = this.temps.length - 1;
      this.consts32.set(v, t);
    }
    return t;
  }
  const64(v: bigint): number {
    v = BigInt.asIntN(64, v);
    let t = this.consts64.get(v);
    if (t === undefined) {
      this.temps.push({ kind: TempKind.CONST, type: Ty.I64, name: "", env: -1, value: v });
      t = this.temps.length - 1;
      this.consts64.set(v, t);
    }
    return t;
  }
  newLabel(): number {
    return this.nLabels++;
  }

  // ---- generic emit ------------------------------------------------------------------------
  emit(op: OpName, type: Ty, outs: number[], ins: number[], consts: number[] = NONE): void {
    this.ops.push({ op, type, outs, ins, consts });
  }

  // ---- i32 builders (tcg_gen_*_i32) -----------------------------------------------------------
  mov(d: number, a: number): void {
    if (d !== a) this.emit("mov", this.temps[d].type, [d], [a]);
  }
  movi(d: number, v: number): void {
    this.emit("mov", Ty.I32, [d], [this.const32(v)]);
  }
  binop(op: OpName, d: number, a: number, b: number): void {
    this.emit(op, this.temps[d].type, [d], [a, b]);
  }
  binopi(op: OpName, d: number, a: number, imm: number): void {
    this.emit(op, Ty.I32, [d], [a, this.const32(imm)]);
  }
  unop(op: OpName, d: number, a: number): void {
    this.emit(op, this.temps[d].type, [d], [a]);
  }
  add(d: number, a: number, b: number): void { this.binop("add", d, a, b); }
  addi(d: number, a: number, imm: number): void {
    if (imm === 0) this.mov(d, a);
    else this.binopi("add", d, a, imm);
  }
  sub(d: number, a: number, b: number): void { this.binop("sub", d, a, b); }
  and(d: number, a: number, b: number): void { this.binop("and", d, a, b); }
  andi(d: number, a: number, imm: number): void { this.binopi("and", d, a, imm); }
  or(d: number, a: number, b: number): void { this.binop("or", d, a, b); }
  ori(d: number, a: number, imm: number): void { this.binopi("or", d, a, imm); }
  xor(d: number, a: number, b: number): void { this.binop("xor", d, a, b); }
  xori(d: number, a: number, imm: number): void { this.binopi("xor", d, a, imm); }
  shli(d: number, a: number, imm: number): void { this.binopi("shl", d, a, imm); }
  shri(d: number, a: number, imm: number): void { this.binopi("shr", d, a, imm); }
  sari(d: number, a: number, imm: number): void { this.binopi("sar", d, a, imm); }
  setcond(c: Cond, d: number, a: number, b: number): void {
    this.emit("setcond", this.temps[a].type, [d], [a, b], [c]);
  }
  movcond(c: Cond, d: number, c1: number, c2: number, v1: number, v2: number): void {
    this.emit("movcond", this.temps[d].type, [d], [c1, c2, v1, v2], [c]);
  }
  brcond(c: Cond, a: number, b: number, label: number): void {
    this.emit("brcond", this.temps[a].type, NONE, [a, b], [c, label]);
  }
  br(label: number): void { this.emit("br", Ty.I32, NONE, NONE, [label]); }
  setLabel(label: number): void { this.emit("set_label", Ty.I32, NONE, NONE, [label]); }
  ld(d: number, addr: number, memop: number): void {
    this.emit("qemu_ld", this.temps[d].type, [d], [addr], [memop]);
  }
  st(v: number, addr: number, memop: number): void {
    this.emit("qemu_st", this.temps[v].type, NONE, [v, addr], [memop]);
  }
  ldEnv(d: number, index: number): void { this.emit("ld_env", Ty.I32, [d], NONE, [index]); }
  stEnv(v: number, index: number): void { this.emit("st_env", Ty.I32, NONE, [v], [index]); }
  call(helper: number, outs: number[], ins: number[]): void {
    this.emit("call", Ty.I32, outs, ins, [helper]);
  }
  insnStart(pc: number): void { this.emit("insn_start", Ty.I32, NONE, NONE, [pc]); }
  gotoTb(n: number): void { this.emit("goto_tb", Ty.I32, NONE, NONE, [n]); }
  exitTb(code: number): void { this.emit("exit_tb", Ty.I32, NONE, NONE, [code]); }
  lookupAndGoto(): void { this.emit("lookup_and_goto_ptr", Ty.I32, NONE, NONE, NONE); }
  discard(t: number): void { this.emit("discard", this.temps[t].type, [t], NONE); }
}

/** Number of outputs / inputs of an instruction (calls are variable). */
export function opArity(i: Insn): [number, number] {
  const d = OPS[i.op];
  return [d.outs < 0 ? i.outs.length : d.outs, d.ins < 0 ? i.ins.length : d.ins];
}
