// THE VFP and Advanced SIMD decode table (coprocessors 10 and 11, and the unconditional SIMD
// spaces), in A32 form: T32 words are mapped onto it by the decoder (VFP encodings are the A32
// ones with cond = 1110; T32 SIMD data processing 111U1111... is A32 1111001U...). Same format as
// a32-table.ts.
import type { BitEntry } from "./bitstring";

export const VFP_TABLE: readonly BitEntry[] = [];
