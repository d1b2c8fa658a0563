// The ARM decoders: an instruction word to its table entry and fields. A32 words go to the VFP/
// SIMD table when they are in its spaces (coprocessors 10/11, cond = 1111 SIMD) and to the A32
// table otherwise. The compiled tables are built once, on first use.
import { BitEntry, BitTable, CompiledEntry, Fields } from "./bitstring";
import { A32_TABLE } from "./a32-table";
import { VFP_TABLE } from "./vfp-table";

export type InsnSet = "a32" | "t16" | "t32" | "vfp";

export interface ArmInsn {
  pc: number;
  /** the encoding: an A32 word, a T16 halfword, or a T32 pair as (first << 16) | second */
  word: number;
  size: 2 | 4;
  thumb: boolean;
  set: InsnSet;
  /** null: an undefined encoding */
  entry: CompiledEntry<BitEntry> | null;
  fields: Fields;
  /** the condition it executes under (14: always) */
  cond: number;
}

let a32: BitTable<BitEntry> | null = null;
let vfp: BitTable<BitEntry> | null = null;
export function a32Table(): BitTable<BitEntry> {
  // bucket on bits 27..20 and 7..4, the manual's top-level decode
  return (a32 ??= new BitTable(A32_TABLE, 32, [31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 7, 6, 5, 4]));
}
export function vfpTable(): BitTable<BitEntry> {
  return (vfp ??= new BitTable(VFP_TABLE, 32, [31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 11, 10, 9, 8, 6, 4]));
}

/** Is this A32 word in the VFP/SIMD spaces? */
export function isVfpSpaceA32(w: number): boolean {
  const cond = w >>> 28;
  if (cond === 15) {
    return ((w >>> 25) & 7) === 1 || ((w >>> 24) & 0xf1) === 0x40;
  }
  const op = (w >>> 25) & 7;
  return (op === 6 || op === 7) && ((w >>> 9) & 7) === 5 && !(op === 7 && ((w >>> 24) & 1) === 1);
}

export function decodeA32(pc: number, w: number): ArmInsn {
  let set: InsnSet = "a32";
  let entry: CompiledEntry<BitEntry> | null = null;
  if (isVfpSpaceA32(w)) {
    set = "vfp";
    entry = vfpTable().lookup(w);
  } else entry = a32Table().lookup(w);
  const table = set === "vfp" ? vfpTable() : a32Table();
  const fields = entry ? table.fields(entry, w) : {};
  const cond = entry && fields.c !== undefined ? fields.c : 14;
  return { pc, word: w, size: 4, thumb: false, set, entry, fields, cond };
}
