// Optimizer pass: liveness-based dead code elimination. Removes pure computations whose results
// are never read — which includes lazy condition-code values (cc_src/cc_dst/cc_op globals) that
// are overwritten before any use. Globals are live wherever the guest could observe them: at block
// exits, at ops that may fault (a signal handler sees the registers), at helpers that read the
// CPU state, and (conservatively) at labels and branches.
import { HELPER_NO_FAULT, HELPER_PURE, IRFunc, Insn, TempKind, helpers, helperGlobals } from "../ir";
import { OPS, OP_BB_END, OP_EXIT, OP_MAY_FAULT, OP_PURE } from "../opcodes";

export function dcePass(f: IRFunc): void {
  const n = f.temps.length;
  const nGlobals = f.globals.length;
  const live = new Uint8Array(n);
  const keep: boolean[] = new Array(f.ops.length);
  const allGlobalsLive = () => live.fill(1, 0, nGlobals);

  for (let k = f.ops.length - 1; k >= 0; k--) {
    const i = f.ops[k];
    const def = OPS[i.op];
    if (i.op === "discard") {
      live[i.outs[0]] = 0;
      keep[k] = false;
      continue;
    }
    if (def.flags & OP_EXIT) {
      live.fill(0);
      allGlobalsLive();
    } else if (def.flags & OP_BB_END) {
      // temps never cross labels; every global may be read on the other path
      if (i.op === "set_label") live.fill(0, nGlobals);
      allGlobalsLive();
    }
    const pureCall = i.op === "call" && (helpers()[i.consts[0]].flags & HELPER_PURE) === HELPER_PURE;
    const removable = (def.flags & OP_PURE || pureCall) && i.outs.every((o) => !live[o]);
    if (removable) {
      keep[k] = false;
      continue;
    }
    keep[k] = true;
    for (const o of i.outs) live[o] = 0;
    if (def.flags & OP_MAY_FAULT) {
      if (i.op !== "call" || !(helpers()[i.consts[0]].flags & HELPER_NO_FAULT)) allGlobalsLive();
    }
    if (i.op === "call") for (const g of helperGlobals(helpers()[i.consts[0]], nGlobals).reads) live[g] = 1;
    for (const a of i.ins) if (f.temps[a].kind !== TempKind.CONST) live[a] = 1;
  }
  const out: Insn[] = [];
  for (let k = 0; k < f.ops.length; k++) if (keep[k]) out.push(f.ops[k]);
  f.ops.length = 0;
  f.ops.push(...out);
}
