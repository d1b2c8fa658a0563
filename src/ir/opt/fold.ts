// Optimizer pass: constant folding, algebraic simplification and copy propagation, forward over
// each extended basic block (state is dropped at labels, where paths merge).
import { IRFunc, Insn, TempKind, Ty, helpers, helperGlobals } from "../ir";
import { Cond, OPS, OP_PURE } from "../opcodes";
import { evalCond, evalPure } from "../eval";

export function foldPass(f: IRFunc): void {
  // copyOf[t] = the temp (or constant) whose value t currently holds, or -1; deps[s] = the temps
  // recorded as copies of s (so that redefining s forgets them without a scan)
  const n = f.temps.length;
  const copyOf = new Int32Array(n + 64).fill(-1);
  const deps = new Map<number, number[]>();
  const nGlobals = f.globals.length;
  const out: Insn[] = [];

  const kill = (t: number) => {
    copyOf[t] = -1;
    const d = deps.get(t);
    if (d !== undefined) {
      for (const k of d) if (copyOf[k] === t) copyOf[k] = -1;
      deps.delete(t);
    }
  };
  const resolve = (t: number) => (t < copyOf.length && copyOf[t] >= 0 ? copyOf[t] : t);
  const isC = (t: number) => f.temps[t].kind === TempKind.CONST;
  const cv = (t: number) => f.temps[t].value;
  const setMov = (i: Insn, src: number) => {
    i.op = "mov";
    i.ins = [src];
    i.consts = [];
  };

  for (const i of f.ops) {
    if (i.op === "set_label") {
      copyOf.fill(-1);
      deps.clear();
    }
    // substitute known copies into inputs (never into a discard)
    for (let k = 0; k < i.ins.length; k++) i.ins[k] = resolve(i.ins[k]);

    const def = OPS[i.op];
    if (def.flags & OP_PURE && i.outs.length === 1) {
      if (i.ins.every(isC)) {
        const v = evalPure(i.op, i.type, i.ins.map(cv), i.consts);
        if (v !== undefined) setMov(i, typeof v === "bigint" ? f.const64(v) : f.const32(v));
      } else if (i.type === Ty.I32) simplify(f, i, setMov);
    } else if (i.op === "brcond" && isC(i.ins[0]) && isC(i.ins[1])) {
      if (evalCond(i.consts[0] as Cond, i.type, cv(i.ins[0]), cv(i.ins[1]))) {
        i.op = "br";
        i.ins = [];
        i.consts = [i.consts[1]];
      } else continue; // never taken: drop it
    }

    for (const o of i.outs) kill(o);
    if (i.op === "call") for (const g of helperGlobals(helpers()[i.consts[0]], nGlobals).writes) kill(g);
    if (i.op === "mov" && i.outs[0] !== i.ins[0]) {
      const src = i.ins[0];
      // a global may only copy a constant or another value that no later write can change
      // under it: recording globals as sources is safe because kill() drops dependants.
      const dst = i.outs[0];
      if (f.temps[src].type === f.temps[dst].type && dst < copyOf.length) {
        copyOf[dst] = src;
        const d = deps.get(src);
        if (d) d.push(dst);
        else deps.set(src, [dst]);
      }
    }
    if (i.op === "mov" && i.outs[0] === i.ins[0]) continue;
    out.push(i);
  }
  f.ops.length = 0;
  f.ops.push(...out);
}

/** x+0, x&-1, x*1, x^x ... on i32 ops with one constant operand or equal operands. */
function simplify(f: IRFunc, i: Insn, setMov: (i: Insn, src: number) => void): void {
  const [a, b] = i.ins;
  const bc = b !== undefined && f.temps[b].kind === TempKind.CONST ? (f.temps[b].value as number) : undefined;
  switch (i.op) {
    case "add":
    case "sub":
    case "or":
    case "xor":
    case "shl":
    case "shr":
    case "sar":
    case "rotl":
    case "rotr":
      if (bc === 0) return setMov(i, a);
      if (a === b && (i.op === "sub" || i.op === "xor")) return setMov(i, f.const32(0));
      if (a === b && i.op === "or") return setMov(i, a);
      break;
    case "and":
      if (bc === -1) return setMov(i, a);
      if (bc === 0) return setMov(i, f.const32(0));
      if (a === b) return setMov(i, a);
      break;
    case "mul":
      if (bc === 1) return setMov(i, a);
      if (bc === 0) return setMov(i, f.const32(0));
      break;
  }
}
