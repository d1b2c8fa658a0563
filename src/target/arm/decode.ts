// The ARM decoders: an instruction word to its table entry and fields. A32 words go to the VFP/
// SIMD table when they are in its spaces (coprocessors 10/11, cond = 1111 SIMD) and to the A32
// table otherwise. The compiled tables are built once, on first use.
import { BitEntry, BitTable, CompiledEntry, Fields } from "./bitstring";
import { A32_TABLE } from "./a32-table";
import { VFP_TABLE } from "./vfp-table";
import { T16_TABLE } from "./t16-table";
import { T32_TABLE } from "./t32-table";

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
  /** the condition it executes under (14: always; in an IT block, the block's) */
  cond: number;
  /** Thumb: inside an IT block (16-bit data processing does not set flags there) */
  inIT: boolean;
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
    return ((w >>> 25) & 7) === 1 || ((w >>> 20) & 0xf1) === 0x40;
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
  return { pc, word: w, size: 4, thumb: false, set, entry, fields, cond, inIT: false };
}

let t16: BitTable<BitEntry> | null = null;
let t32: BitTable<BitEntry> | null = null;
export function t16Table(): BitTable<BitEntry> {
  return (t16 ??= new BitTable(T16_TABLE, 16, [15, 14, 13, 12, 11, 10, 9, 8]));
}
export function t32Table(): BitTable<BitEntry> {
  return (t32 ??= new BitTable(T32_TABLE, 32, [31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 7, 6, 5, 4]));
}

/** Is this first halfword the start of a 32-bit Thumb instruction? */
export function isThumb32(hw1: number): boolean {
  return (hw1 & 0xf800) >= 0xe800;
}

/**
 * A T32 word in the coprocessor/SIMD spaces as the A32 word the VFP table decodes: VFP and
 * coprocessor encodings are A32's with cond = 1110; SIMD data processing 111U 1111 is A32
 * 1111 001U; SIMD element load/store 1111 1001 xxx0 is A32 1111 0100 xxx0. Else -1.
 */
export function t32ToVfpSpace(w: number): number {
  const hw1 = w >>> 16;
  if ((hw1 & 0xef00) === 0xef00) return ((w & 0x00ffffff) | 0xf2000000 | (((hw1 >>> 12) & 1) << 24)) | 0;
  if ((hw1 & 0xff10) === 0xf900) return ((w & 0x00ffffff) | 0xf4000000) | 0;
  if ((hw1 & 0xec00) === 0xec00 && (hw1 & 0xf000) === 0xe000 && ((w >>> 9) & 7) === 5) return w;
  return -1;
}

/** Decode a Thumb instruction: `word` is the halfword, or (hw1 << 16) | hw2 when size is 4. */
export function decodeThumb(pc: number, word: number, size: 2 | 4): ArmInsn {
  let set: InsnSet;
  let entry: CompiledEntry<BitEntry> | null;
  let fields: Fields = {};
  if (size === 2) {
    set = "t16";
    entry = t16Table().lookup(word);
    if (entry) fields = t16Table().fields(entry, word);
  } else {
    const v = t32ToVfpSpace(word);
    if (v !== -1 && isVfpSpaceA32(v)) {
      set = "vfp";
      entry = vfpTable().lookup(v);
      if (entry) fields = vfpTable().fields(entry, v);
    } else {
      set = "t32";
      entry = t32Table().lookup(word);
      if (entry) fields = t32Table().fields(entry, word);
    }
  }
  // only conditional branches carry a condition in Thumb code (IT blocks supply the others)
  const cond = entry && entry.e.name === "B_cond" && set !== "vfp" ? fields.c : 14;
  return { pc, word, size, thumb: true, set, entry, fields, cond, inIT: false };
}
