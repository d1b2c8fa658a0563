// VFP and Advanced SIMD translators, one per vfp-table.ts entry (none yet: those encodings raise
// the undefined-instruction exception).
import type { Fields } from "../bitstring";
import type { ArmDisasContext } from "./context";

type T = (s: ArmDisasContext, f: Fields) => void;

export const VFP_TRANSLATORS: Record<string, T> = {};
