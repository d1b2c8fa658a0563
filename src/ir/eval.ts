// Reference semantics of the pure IR ops on JavaScript values: i32 as signed numbers, i64 as
// signed bigints. The constant folder uses it, and the IR interpreter used by the backend tests
// runs whole blocks with it, so the JS backend is checked against one independent definition.
import { Cond } from "./opcodes";
import { Ty } from "./ir";

type V = number | bigint;
const M64 = (x: bigint) => BigInt.asIntN(64, x);
const U64 = (x: bigint) => BigInt.asUintN(64, x);

export function evalCond(c: Cond, type: Ty, a: V, b: V): boolean {
  if (type === Ty.I64) {
    const x = a as bigint, y = b as bigint;
    switch (c) {
      case Cond.EQ: return x === y;
      case Cond.NE: return x !== y;
      case Cond.LT: return x < y;
      case Cond.GE: return x >= y;
      case Cond.LE: return x <= y;
      case Cond.GT: return x > y;
      case Cond.LTU: return U64(x) < U64(y);
      case Cond.GEU: return U64(x) >= U64(y);
      case Cond.LEU: return U64(x) <= U64(y);
      case Cond.GTU: return U64(x) > U64(y);
      case Cond.TSTEQ: return (x & y) === 0n;
      case Cond.TSTNE: return (x & y) !== 0n;
    }
  }
  const x = a as number, y = b as number;
  switch (c) {
    case Cond.EQ: return x === y;
    case Cond.NE: return x !== y;
    case Cond.LT: return x < y;
    case Cond.GE: return x >= y;
    case Cond.LE: return x <= y;
    case Cond.GT: return x > y;
    case Cond.LTU: return x >>> 0 < y >>> 0;
    case Cond.GEU: return x >>> 0 >= y >>> 0;
    case Cond.LEU: return x >>> 0 <= y >>> 0;
    case Cond.GTU: return x >>> 0 > y >>> 0;
    case Cond.TSTEQ: return (x & y) === 0;
    case Cond.TSTNE: return (x & y) !== 0;
  }
  return false;
}

/** Value of a single-output pure op, or undefined if the op is not a pure single-output op. */
export function evalPure(op: string, type: Ty, ins: V[], consts: number[]): V | undefined {
  if (type === Ty.I64 && op !== "extrl" && op !== "extrh") return eval64(op, ins, consts);
  const [a, b] = ins as number[];
  switch (op) {
    case "mov": return a;
    case "add": return (a + b) | 0;
    case "sub": return (a - b) | 0;
    case "mul": return Math.imul(a, b);
    case "and": return a & b;
    case "or": return a | b;
    case "xor": return a ^ b;
    case "andc": return a & ~b;
    case "shl": return a << b;
    case "shr": return (a >>> b) | 0;
    case "sar": return a >> b;
    case "rotl": return ((a << (b & 31)) | (a >>> ((32 - b) & 31))) | 0;
    case "rotr": return ((a >>> (b & 31)) | (a << ((32 - b) & 31))) | 0;
    case "neg": return -a | 0;
    case "not": return ~a;
    case "divs": return b === 0 ? 0 : (a / b) | 0;
    case "divu": return b === 0 ? 0 : ((a >>> 0) / (b >>> 0)) | 0;
    case "rems": return b === 0 ? 0 : (a % b) | 0;
    case "remu": return b === 0 ? 0 : ((a >>> 0) % (b >>> 0)) | 0;
    case "ext8s": return (a << 24) >> 24;
    case "ext8u": return a & 0xff;
    case "ext16s": return (a << 16) >> 16;
    case "ext16u": return a & 0xffff;
    case "extrl": return Number(BigInt.asIntN(32, ins[0] as bigint));
    case "extrh": return Number(BigInt.asIntN(32, (ins[0] as bigint) >> 32n));
    case "clz": return a === 0 ? b : Math.clz32(a);
    case "ctz": return a === 0 ? b : 31 - Math.clz32(a & -a);
    case "bswap16": return ((a & 0xff) << 8) | ((a >>> 8) & 0xff);
    case "bswap32": return ((a << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24)) | 0;
    case "setcond": return evalCond(consts[0], type, a, b) ? 1 : 0;
    case "movcond": return evalCond(consts[0], type, ins[0], ins[1]) ? ins[2] : ins[3];
  }
  return undefined;
}

function eval64(op: string, ins: V[], consts: number[]): V | undefined {
  const a = ins[0] as bigint, b = ins[1] as bigint;
  switch (op) {
    case "mov": return a;
    case "add": return M64(a + b);
    case "sub": return M64(a - b);
    case "mul": return M64(a * b);
    case "and": return a & b;
    case "or": return a | b;
    case "xor": return a ^ b;
    case "andc": return a & ~b;
    case "shl": return M64(a << (b & 63n));
    case "shr": return M64(U64(a) >> (b & 63n));
    case "sar": return a >> (b & 63n);
    case "neg": return M64(-a);
    case "not": return ~a;
    case "divs": return b === 0n ? 0n : M64(a / b);
    case "divu": return b === 0n ? 0n : M64(U64(a) / U64(b));
    case "rems": return b === 0n ? 0n : a % b;
    case "remu": return b === 0n ? 0n : M64(U64(a) % U64(b));
    case "ext8s": return BigInt.asIntN(8, a);
    case "ext8u": return BigInt.asUintN(8, a);
    case "ext16s": return BigInt.asIntN(16, a);
    case "ext16u": return BigInt.asUintN(16, a);
    case "ext32s": return BigInt(ins[0] as number);
    case "ext32u": return BigInt((ins[0] as number) >>> 0);
    case "concat": return M64((BigInt(ins[1] as number) << 32n) | BigInt((ins[0] as number) >>> 0));
    case "setcond": return evalCond(consts[0], Ty.I64, a, b) ? 1n : 0n;
    case "movcond": return evalCond(consts[0], Ty.I64, ins[0], ins[1]) ? ins[2] : ins[3];
  }
  return undefined;
}

/** Two-output ops: [lo, hi]. */
export function evalPair(op: string, ins: number[]): [number, number] {
  let r: bigint;
  switch (op) {
    case "mulu2": r = BigInt(ins[0] >>> 0) * BigInt(ins[1] >>> 0); break;
    case "muls2": r = BigInt(ins[0]) * BigInt(ins[1]); break;
    case "add2": r = pair(ins[0], ins[1]) + pair(ins[2], ins[3]); break;
    case "sub2": r = pair(ins[0], ins[1]) - pair(ins[2], ins[3]); break;
    default: throw new Error("not a pair op: " + op);
  }
  return [Number(BigInt.asIntN(32, r)), Number(BigInt.asIntN(32, r >> 32n))];
}
function pair(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}
