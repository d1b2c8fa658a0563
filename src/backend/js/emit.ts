// The backend: IR → JavaScript source → one V8-compiled function per translation block.
//
// Shape of the generated code (`-d out_asm` prints it):
//   factory(R, P, U, M, MEM, H, RT, CPU) { const h3 = H[3]; return function tb() {   // h3(CPU, ...args)
//     let eax = R[0] ...;          // the globals the block uses, loaded once into locals
//     let t0 = 0 ...;              // temporaries
//     let rc = 2;                  // the exit code
//     try { X: { L1: { L0: { ...ops...; break L0; ... rc = 0; break X; ... } ... } } }
//     catch (e) { ...write back...; R[pc] = ip; return RT.onFault(e); }
//     ...write back...; return rc;
//   } }
// Forward labels are labeled blocks. Every exit sets `rc` (EXIT_*) and breaks to the one tail that
// writes back the globals the block assigned (`rc` is only assigned just before such a break, so
// an exit with EXIT_LOOKUP, its initial value, is a bare `break X`). One tail instead of a copy per
// exit keeps the code small (TurboFan's compile time grows with it) and gives V8 type feedback
// for the write-back as soon as any exit has run: an exit first taken after the function was
// optimized no longer deoptimizes it.
// The catch is how a faulting load/store or helper leaves the block with precise state: the
// frontend updates guest registers only after an instruction's last memory access, so the locals
// hold the state before the faulting instruction, whose pc is kept in `ip`.
//
// The source is assembled from fixed templates, numbers, and names from the frontend's global
// table and the helper table (checked to be plain identifiers): never from guest-controlled text.
import { GUEST_FAULT, memAccessTemplates } from "../../memory/address-space";
import { EXCP_FAULT, EXCP_SMC, RAISED, SMC_RESTART } from "../../exec/exceptions";
import {
  HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, IRFunc, Insn, TempKind, Ty, helpers, helperGlobals,
} from "../../ir/ir";
import { Cond, EXIT_EXCEPTION, EXIT_LOOKUP, MO_SIGN, MO_SIZE, OPS, OP_MAY_FAULT, OpName } from "../../ir/opcodes";
import type { AddressSpace } from "../../memory/address-space";

/** What the backend must know about the frontend's CPU state. */
export interface BackendTarget {
  /** env index of the guest pc */
  pcIndex: number;
  /** env index of the exception number (EXCP_*) */
  excIndex: number;
}

export interface CompileOptions {
  /** route every access through the AddressSpace methods (plugins, watchpoints active) */
  slowMemory?: boolean;
}

export type TBFunction = () => number;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Exact high word of unsigned 32x32 products (a double cannot hold the 64-bit product). */
function umulh(a: number, b: number): number {
  a >>>= 0;
  b >>>= 0;
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  const lh = al * bh, hl = ah * bl;
  const mid = ((al * bl) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (ah * bh + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) | 0;
}
function smulh(a: number, b: number): number {
  let h = umulh(a, b);
  if (a < 0) h = (h - b) | 0;
  if (b < 0) h = (h - a) | 0;
  return h;
}

/** Runtime support the generated code calls; one object, bound into every block. */
export function makeRuntime(R: Int32Array, target: BackendTarget) {
  return {
    umulh,
    smulh,
    /**
     * Blocks the exec loop may still start before it stops with EXCP_INTERRUPT; jumps inside a
     * region count too, so a guest spinning in a compiled loop still reaches the exec loop.
     */
    budget: 0x3fffffff,
    onFault(e: unknown): number {
      if (e === GUEST_FAULT) R[target.excIndex] = EXCP_FAULT;
      else if (e === SMC_RESTART) R[target.excIndex] = EXCP_SMC;
      else if (e !== RAISED) throw e; // an emulator bug, not a guest event
      return EXIT_EXCEPTION;
    },
  };
}
export type Runtime = ReturnType<typeof makeRuntime>;

export function generateSource(f: IRFunc, target: BackendTarget, opts: CompileOptions = {}): string {
  return generateRegionSource([f], target, opts, false);
}

/**
 * Source of one function for several blocks (a region): the blocks' bodies become cases of a
 * `switch` on the pc inside a loop, so jumps between them — loops, calls and returns among hot
 * blocks — stay inside one V8 function with the guest registers in locals. Exits to blocks outside
 * the region write the globals back and return EXIT_LOOKUP. With `region` false and one block,
 * this is the plain per-TB function.
 */
export function generateRegionSource(fs: IRFunc[], target: BackendTarget, opts: CompileOptions, region: boolean): string {
  const first = fs[0];
  const temps0 = first.temps;
  const nGlobals = first.globals.length;
  const hs = helpers();
  const pcGlobal = first.globals.findIndex((g) => g.env === target.pcIndex);
  const regionPcs = region ? new Set(fs.map((f) => f.pc | 0)) : null;

  // which globals are read/written, which helpers are called
  const usedGlobals = new Set<number>();
  const assigned = new Set<number>();
  const usedHelpers = new Set<number>();
  const tempDecls = new Map<string, string>();
  for (const f of fs) {
    for (const i of f.ops) {
      for (const t of [...i.ins, ...i.outs]) {
        const tp = f.temps[t];
        if (tp.kind === TempKind.GLOBAL) usedGlobals.add(t);
        else if (tp.kind === TempKind.TEMP) tempDecls.set(tempName(f, t), tp.type === Ty.I64 ? "0n" : "0");
      }
      for (const o of i.outs) if (f.temps[o].kind === TempKind.GLOBAL && i.op !== "discard") assigned.add(o);
      if (i.op === "call") {
        usedHelpers.add(i.consts[0]);
        const hf = hs[i.consts[0]].flags;
        if (hf & (HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS)) {
          const hg = helperGlobals(hs[i.consts[0]], nGlobals);
          for (const g of [...hg.reads, ...hg.writes]) usedGlobals.add(g);
          for (const g of hg.writes) assigned.add(g);
        }
      }
    }
  }
  if (region) usedGlobals.add(pcGlobal);
  for (const g of usedGlobals) if (!IDENT.test(temps0[g].name)) throw new Error("bad global name");
  for (const h of usedHelpers) if (!IDENT.test(hs[h].name)) throw new Error("bad helper name");

  const globalsList = [...usedGlobals].sort((a, b) => a - b);
  const assignedList = [...assigned].sort((a, b) => a - b);
  const writeback = assignedList.map((g) => `R[${temps0[g].env}] = ${temps0[g].name};`).join(" ");

  const ind = region ? "        " : "    ";
  const out: string[] = [];
  fs.forEach((f, fi) => {
    const name = (t: number) => tempName(f, t);
    const lp = region ? `L${fi}_` : "L";
    // instructions containing an op that can fault need `ip` kept current
    const faultingInsn = new Set<number>();
    let cur = -1;
    const labelOrder: number[] = [];
    f.ops.forEach((i, k) => {
      if (i.op === "insn_start") cur = k;
      else if (OPS[i.op].flags & OP_MAY_FAULT && cur >= 0) faultingInsn.add(cur);
      if (i.op === "set_label") labelOrder.push(i.consts[0]);
    });
    if (region) out.push(`      case ${f.pc | 0}: {`);
    // one labeled block per label, outermost = last defined, all opening at the block start
    const opens = labelOrder.slice().reverse().map((l) => `${lp}${l}: {`).join(" ");
    if (opens) out.push(ind + opens);
    const line = (s: string) => out.push(ind + s);
    const cx: EmitCtx = { target, opts, f, lp, regionPcs, pcGlobal, assigned };
    for (let k = 0; k < f.ops.length; k++) {
      const i = f.ops[k];
      if (i.op === "insn_start") {
        out.push(`${ind}// ---- 0x${(i.consts[0] >>> 0).toString(16).padStart(8, "0")}`);
        if (faultingInsn.has(k)) line(`ip = ${i.consts[0] | 0};`);
        continue;
      }
      cx.prev = f.ops[k - 1];
      emitOp(i, name, line, cx);
    }
    if (region) out.push(`        break X;`, `      }`);
  });

  const hdr: string[] = [`"use strict";`];
  for (const h of [...usedHelpers].sort((a, b) => a - b)) hdr.push(`const ${hs[h].name} = H[${h}];`);
  hdr.push(`return function ${region ? "region" : "tb"}_${(first.pc >>> 0).toString(16)}() {`);
  if (globalsList.length) hdr.push(`  let ${globalsList.map((g) => `${temps0[g].name} = R[${temps0[g].env}]`).join(", ")};`);
  if (tempDecls.size) hdr.push(`  let ${[...tempDecls].map(([n, v]) => `${n} = ${v}`).join(", ")};`);
  hdr.push(`  let ip = ${first.pc | 0}, rc = ${EXIT_LOOKUP};`);
  hdr.push(`  try { X: {`);
  if (region) hdr.push(`    D: for (;;) {`, `      switch (${temps0[pcGlobal].name}) {`);
  // a region entered at a pc it does not hold leaves at once
  const tail = region ? [`      }`, `      break X;`, `    }`] : [];
  tail.push(
    `  } } catch (e) {`,
    `    ${writeback} R[${target.pcIndex}] = ip;`,
    `    return RT.onFault(e);`,
    `  }`,
    `  ${writeback} return rc;`,
    `};`,
  );
  return [...hdr, ...out, ...tail].join("\n") + "\n";
}

function tempName(f: IRFunc, t: number): string {
  const tp = f.temps[t];
  if (tp.kind === TempKind.GLOBAL) return tp.name;
  if (tp.kind === TempKind.CONST) {
    const v = tp.value;
    if (typeof v === "bigint") return v < 0n ? `(${v}n)` : `${v}n`;
    return v < 0 ? `(${v})` : `${v}`;
  }
  return (tp.type === Ty.I64 ? "q" : "t") + (t - f.globals.length);
}

interface EmitCtx {
  target: BackendTarget;
  opts: CompileOptions;
  f: IRFunc;
  /** label name prefix (unique per block in a region) */
  lp: string;
  /** globals the block (or region) assigns: only those can differ from the CPU state */
  assigned: Set<number>;
  /** in a region: the pcs of its blocks, reachable by `continue D` */
  regionPcs: Set<number> | null;
  pcGlobal: number;
  prev?: Insn;
}

const CMP32: Record<number, (a: string, b: string) => string> = {
  [Cond.EQ]: (a, b) => `${a} === ${b}`,
  [Cond.NE]: (a, b) => `${a} !== ${b}`,
  [Cond.LT]: (a, b) => `${a} < ${b}`,
  [Cond.GE]: (a, b) => `${a} >= ${b}`,
  [Cond.LE]: (a, b) => `${a} <= ${b}`,
  [Cond.GT]: (a, b) => `${a} > ${b}`,
  [Cond.LTU]: (a, b) => `(${a} >>> 0) < (${b} >>> 0)`,
  [Cond.GEU]: (a, b) => `(${a} >>> 0) >= (${b} >>> 0)`,
  [Cond.LEU]: (a, b) => `(${a} >>> 0) <= (${b} >>> 0)`,
  [Cond.GTU]: (a, b) => `(${a} >>> 0) > (${b} >>> 0)`,
  [Cond.TSTEQ]: (a, b) => `(${a} & ${b}) === 0`,
  [Cond.TSTNE]: (a, b) => `(${a} & ${b}) !== 0`,
};
const CMP64: Record<number, (a: string, b: string) => string> = {
  ...CMP32,
  [Cond.LTU]: (a, b) => `BigInt.asUintN(64, ${a}) < BigInt.asUintN(64, ${b})`,
  [Cond.GEU]: (a, b) => `BigInt.asUintN(64, ${a}) >= BigInt.asUintN(64, ${b})`,
  [Cond.LEU]: (a, b) => `BigInt.asUintN(64, ${a}) <= BigInt.asUintN(64, ${b})`,
  [Cond.GTU]: (a, b) => `BigInt.asUintN(64, ${a}) > BigInt.asUintN(64, ${b})`,
  [Cond.TSTEQ]: (a, b) => `(${a} & ${b}) === 0n`,
  [Cond.TSTNE]: (a, b) => `(${a} & ${b}) !== 0n`,
};
export function condExpr(c: Cond, ty: Ty, a: string, b: string): string {
  return (ty === Ty.I64 ? CMP64 : CMP32)[c](a, b);
}

/** i32 expression templates of the pure single-output ops. */
const EXPR32: Partial<Record<OpName, (a: string, b: string) => string>> = {
  mov: (a) => a,
  add: (a, b) => `(${a} + ${b}) | 0`,
  sub: (a, b) => `(${a} - ${b}) | 0`,
  mul: (a, b) => `Math.imul(${a}, ${b})`,
  and: (a, b) => `${a} & ${b}`,
  or: (a, b) => `${a} | ${b}`,
  xor: (a, b) => `${a} ^ ${b}`,
  andc: (a, b) => `${a} & ~${b}`,
  shl: (a, b) => `${a} << ${b}`,
  shr: (a, b) => `(${a} >>> ${b}) | 0`,
  sar: (a, b) => `${a} >> ${b}`,
  rotl: (a, b) => `(${a} << (${b} & 31)) | (${a} >>> ((32 - ${b}) & 31))`,
  rotr: (a, b) => `(${a} >>> (${b} & 31)) | (${a} << ((32 - ${b}) & 31))`,
  neg: (a) => `-${a} | 0`,
  not: (a) => `~${a}`,
  divs: (a, b) => `(${a} / ${b}) | 0`,
  divu: (a, b) => `((${a} >>> 0) / (${b} >>> 0)) | 0`,
  rems: (a, b) => `(${a} % ${b}) | 0`,
  remu: (a, b) => `((${a} >>> 0) % (${b} >>> 0)) | 0`,
  ext8s: (a) => `(${a} << 24) >> 24`,
  ext8u: (a) => `${a} & 255`,
  ext16s: (a) => `(${a} << 16) >> 16`,
  ext16u: (a) => `${a} & 65535`,
  extrl: (a) => `Number(BigInt.asIntN(32, ${a}))`,
  extrh: (a) => `Number(BigInt.asIntN(32, ${a} >> 32n))`,
  clz: (a, b) => `${a} === 0 ? ${b} : Math.clz32(${a})`,
  ctz: (a, b) => `${a} === 0 ? ${b} : 31 - Math.clz32(${a} & -${a})`,
  bswap16: (a) => `((${a} & 255) << 8) | ((${a} >>> 8) & 255)`,
  bswap32: (a) => `(${a} << 24) | ((${a} & 0xff00) << 8) | ((${a} >>> 8) & 0xff00) | (${a} >>> 24)`,
};
const W64 = (e: string) => `BigInt.asIntN(64, ${e})`;
const EXPR64: Partial<Record<OpName, (a: string, b: string) => string>> = {
  mov: (a) => a,
  add: (a, b) => W64(`${a} + ${b}`),
  sub: (a, b) => W64(`${a} - ${b}`),
  mul: (a, b) => W64(`${a} * ${b}`),
  and: (a, b) => `${a} & ${b}`,
  or: (a, b) => `${a} | ${b}`,
  xor: (a, b) => `${a} ^ ${b}`,
  andc: (a, b) => `${a} & ~${b}`,
  shl: (a, b) => W64(`${a} << (${b} & 63n)`),
  shr: (a, b) => W64(`BigInt.asUintN(64, ${a}) >> (${b} & 63n)`),
  sar: (a, b) => `${a} >> (${b} & 63n)`,
  neg: (a) => W64(`-${a}`),
  not: (a) => `~${a}`,
  divs: (a, b) => W64(`${a} / ${b}`),
  divu: (a, b) => W64(`BigInt.asUintN(64, ${a}) / BigInt.asUintN(64, ${b})`),
  rems: (a, b) => `${a} % ${b}`,
  remu: (a, b) => W64(`BigInt.asUintN(64, ${a}) % BigInt.asUintN(64, ${b})`),
  ext8s: (a) => `BigInt.asIntN(8, ${a})`,
  ext8u: (a) => `BigInt.asUintN(8, ${a})`,
  ext16s: (a) => `BigInt.asIntN(16, ${a})`,
  ext16u: (a) => `BigInt.asUintN(16, ${a})`,
  ext32s: (a) => `BigInt(${a})`,
  ext32u: (a) => `BigInt(${a} >>> 0)`,
  concat: (a, b) => W64(`(BigInt(${b}) << 32n) | BigInt(${a} >>> 0)`),
};

/** Ops with bespoke emitters below; with EXPR32/EXPR64 they must cover the whole table. */
export const SPECIAL_EMITTERS: readonly OpName[] = [
  "setcond", "movcond", "brcond", "br", "set_label", "mulu2", "muls2", "add2", "sub2",
  "qemu_ld", "qemu_st", "ld_env", "st_env", "call", "insn_start", "goto_tb", "exit_tb",
  "lookup_and_goto_ptr", "discard",
];
export function emitterCoverage(): { i32: readonly OpName[]; i64: readonly OpName[] } {
  return { i32: Object.keys(EXPR32) as OpName[], i64: Object.keys(EXPR64) as OpName[] };
}

function emitOp(i: Insn, n: (t: number) => string, line: (s: string) => void, cx: EmitCtx): void {
  const o = i.outs.map(n);
  const a = i.ins.map(n);
  switch (i.op) {
    case "setcond":
      line(`${o[0]} = (${condExpr(i.consts[0], i.type, a[0], a[1])}) ? ${i.type === Ty.I64 ? "1n : 0n" : "1 : 0"};`);
      return;
    case "movcond":
      line(`${o[0]} = (${condExpr(i.consts[0], i.type, a[0], a[1])}) ? ${a[2]} : ${a[3]};`);
      return;
    case "brcond":
      line(`if (${condExpr(i.consts[0], i.type, a[0], a[1])}) break ${cx.lp}${i.consts[1]};`);
      return;
    case "br":
      line(`break ${cx.lp}${i.consts[0]};`);
      return;
    case "set_label":
      line(`} // ${cx.lp}${i.consts[0]}:`);
      return;
    case "mulu2":
    case "muls2":
      line(`{ const x = ${a[0]}, y = ${a[1]}; ${o[0]} = Math.imul(x, y); ${o[1]} = RT.${i.op === "mulu2" ? "umulh" : "smulh"}(x, y); }`);
      return;
    case "add2":
      line(`{ const al = ${a[0]}, ah = ${a[1]}, bl = ${a[2]}, bh = ${a[3]}; const lo = (al + bl) | 0; ${o[1]} = (ah + bh + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0; ${o[0]} = lo; }`);
      return;
    case "sub2":
      line(`{ const al = ${a[0]}, ah = ${a[1]}, bl = ${a[2]}, bh = ${a[3]}; ${o[1]} = (ah - bh - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; ${o[0]} = (al - bl) | 0; }`);
      return;
    case "qemu_ld": {
      const size = i.consts[0] & MO_SIZE;
      const signed = (i.consts[0] & MO_SIGN) !== 0;
      if (size === 3) line(`${o[0]} = MEM.ld64(${a[0]});`);
      else if (cx.opts.slowMemory) line(`${o[0]} = MEM.${["ld8", "ld16", "ld32"][size]}${size < 2 ? (signed ? "s" : "u") : ""}(${a[0]});`);
      else line(`${o[0]} = ${memAccessTemplates.load((1 << size) as 1 | 2 | 4, signed, a[0])};`);
      return;
    }
    case "qemu_st": {
      const size = i.consts[0] & MO_SIZE;
      if (size === 3) line(`MEM.st64(${a[1]}, ${a[0]});`);
      else if (cx.opts.slowMemory) line(`MEM.${["st8", "st16", "st32"][size]}(${a[1]}, ${a[0]});`);
      else line(memAccessTemplates.store((1 << size) as 1 | 2 | 4, a[1], a[0]));
      return;
    }
    case "ld_env":
      line(`${o[0]} = R[${i.consts[0]}];`);
      return;
    case "st_env":
      line(`R[${i.consts[0]}] = ${a[0]};`);
      return;
    case "call": {
      const h = helpers()[i.consts[0]];
      const hg = helperGlobals(h, cx.f.globals.length);
      const sync = [...new Set([...hg.reads, ...hg.writes])].filter((g) => cx.assigned.has(g)).sort((x, y) => x - y);
      if (sync.length) line(sync.map((g) => `R[${cx.f.temps[g].env}] = ${cx.f.temps[g].name};`).join(" "));
      const callExpr = `${h.name}(${["CPU", ...a].join(", ")})`;
      line(o.length ? `${o[0]} = ${callExpr};` : `${callExpr};`);
      if (hg.writes.length) line(hg.writes.map((g) => `${cx.f.temps[g].name} = R[${cx.f.temps[g].env}];`).join(" "));
      return;
    }
    case "goto_tb": {
      if (cx.regionPcs) {
        // the frontend sets the pc global to a constant just before goto_tb
        const p = cx.prev;
        const target = p && p.op === "mov" && p.outs[0] === cx.pcGlobal && cx.f.isConst(p.ins[0]) ? cx.f.constValue(p.ins[0]) : null;
        // every cycle has an edge to a lower or equal pc: counting those bounds any loop
        if (target !== null && cx.regionPcs.has(target)) {
          if ((target >>> 0) > (cx.f.pc >>> 0)) line(`continue D;`);
          else line(`if (--RT.budget >= 0) continue D; break X;`);
        }
        else line(`break X;`);
        return;
      }
      line(`rc = ${i.consts[0]}; break X;`);
      return;
    }
    case "exit_tb":
      line(`rc = ${i.consts[0]}; break X;`);
      return;
    case "lookup_and_goto_ptr":
      line(cx.regionPcs ? `if (--RT.budget >= 0) continue D; break X;` : `break X;`);
      return;
    case "discard":
    case "insn_start":
      return;
    default: {
      const t = (i.type === Ty.I64 ? EXPR64 : EXPR32)[i.op];
      if (!t) throw new Error(`backend: no emitter for ${i.op} (${i.type === Ty.I64 ? "i64" : "i32"})`);
      line(`${o[0]} = ${t(a[0], a[1])};`);
    }
  }
}

/** Compile generated source into the block's function, bound to this CPU and address space. */
export function instantiate(source: string, cpu: { R: Int32Array }, mem: AddressSpace, rt: Runtime): TBFunction {
  const factory = new Function("R", "P", "U", "M", "MEM", "H", "RT", "CPU", source) as (...args: unknown[]) => TBFunction;
  return factory(cpu.R, mem.pages, mem.u8, mem.dv, mem, helpers().map((h) => h.fn), rt, cpu);
}
