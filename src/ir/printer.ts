// Text form of the IR for `-d op` and `-d op_opt`, laid out like TCG's dump: one op per line,
// outputs first, then inputs, then constant arguments; " ---- <pc>" lines mark guest instructions.
import { IRFunc, Insn, TempKind, Ty, helpers } from "./ir";
import { COND_NAMES, memopName } from "./opcodes";

export function tempName(f: IRFunc, t: number): string {
  const temp = f.temps[t];
  switch (temp.kind) {
    case TempKind.GLOBAL:
      return temp.name;
    case TempKind.CONST: {
      const v = temp.value;
      if (typeof v === "bigint") return "$0x" + BigInt.asUintN(64, v).toString(16);
      return "$0x" + (v >>> 0).toString(16);
    }
    default:
      return "tmp" + (t - f.globals.length);
  }
}

export function formatInsn(f: IRFunc, i: Insn): string {
  if (i.op === "insn_start") return " ---- " + (i.consts[0] >>> 0).toString(16).padStart(8, "0");
  const name = typedName(i);
  const args: string[] = [];
  for (const o of i.outs) args.push(tempName(f, o));
  for (const a of i.ins) args.push(tempName(f, a));
  switch (i.op) {
    case "setcond":
    case "movcond":
      args.push(COND_NAMES[i.consts[0]]);
      break;
    case "brcond":
      args.push(COND_NAMES[i.consts[0]], "$L" + i.consts[1]);
      break;
    case "br":
    case "set_label":
      args.push("$L" + i.consts[0]);
      break;
    case "qemu_ld":
    case "qemu_st":
      args.push(memopName(i.consts[0]));
      break;
    case "call":
      args.unshift(helpers()[i.consts[0]].name);
      break;
    case "ld_env":
    case "st_env":
      args.push("env[" + i.consts[0] + "]");
      break;
    default:
      for (const c of i.consts) args.push("$" + c);
  }
  return " " + name + (args.length ? " " + args.join(",") : "");
}

function typedName(i: Insn): string {
  switch (i.op) {
    case "call":
    case "br":
    case "set_label":
    case "goto_tb":
    case "exit_tb":
    case "lookup_and_goto_ptr":
      return i.op;
    default:
      return i.op + (i.type === Ty.I64 ? "_i64" : "_i32");
  }
}

export function printIR(f: IRFunc): string {
  return f.ops.map((i) => formatInsn(f, i)).join("\n") + "\n";
}
