// IR verifier: run after translation and after optimization (in tests and with TSEMU_VERIFY=1).
// Checks each op against the table: arity, the type rule, and that labels are defined once and
// only branched to forwards (the backend relies on that to emit structured JavaScript).
import { IRFunc, Ty } from "./ir";
import { OPS } from "./opcodes";

export function verify(f: IRFunc): void {
  const defined = new Set<number>();
  const pending = new Set<number>();
  f.ops.forEach((i, k) => {
    const d = OPS[i.op];
    const where = () => `IR verify: op ${k} (${i.op}) at pc 0x${(f.pc >>> 0).toString(16)}`;
    if (!d) throw new Error(`${where()}: unknown op`);
    if (d.outs >= 0 && i.outs.length !== d.outs) throw new Error(`${where()}: ${i.outs.length} outputs, want ${d.outs}`);
    if (d.ins >= 0 && i.ins.length !== d.ins) throw new Error(`${where()}: ${i.ins.length} inputs, want ${d.ins}`);
    if (i.consts.length !== d.consts) throw new Error(`${where()}: ${i.consts.length} constants, want ${d.consts}`);
    if (d.types === "i32" && i.type !== Ty.I32) throw new Error(`${where()}: must be i32`);
    if (d.types === "i64" && i.type !== Ty.I64) throw new Error(`${where()}: must be i64`);
    const checkType = (t: number, want: Ty) => {
      if (t < 0 || t >= f.temps.length) throw new Error(`${where()}: bad temp ${t}`);
      if (f.temps[t].type !== want) throw new Error(`${where()}: temp ${t} has the wrong type`);
    };
    if (d.types === "any") {
      const argTy = i.op === "ext32s" || i.op === "ext32u" ? Ty.I32 : i.type;
      i.ins.forEach((t, n) => checkType(t, (i.op === "qemu_st" && n === 1) || i.op === "qemu_ld" ? Ty.I32 : argTy));
      i.outs.forEach((t) => checkType(t, i.type));
    }
    if (i.op === "brcond" || i.op === "br") {
      const l = i.consts[i.op === "br" ? 0 : 1];
      if (defined.has(l)) throw new Error(`${where()}: backward branch to L${l}`);
      pending.add(l);
    }
    if (i.op === "set_label") {
      if (defined.has(i.consts[0])) throw new Error(`${where()}: label L${i.consts[0]} defined twice`);
      defined.add(i.consts[0]);
      pending.delete(i.consts[0]);
    }
  });
  if (pending.size) throw new Error(`IR verify: branch to undefined label L${[...pending][0]}`);
}
