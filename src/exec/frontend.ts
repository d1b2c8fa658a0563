// What the exec loop needs from a guest architecture (implemented by target/<arch>/frontend.ts).
import type { BackendTarget } from "../backend/js/emit";
import type { IRFunc } from "../ir/ir";

export interface GuestBlock {
  ir: IRFunc;
  /** guest bytes covered: [pc, end) */
  end: number;
  insnCount: number;
  /** when the block ends with a call: the pc it returns to (-1 otherwise) */
  returnPc: number;
  /** `-d in_asm` text: one line per instruction (address, bytes, disassembly) */
  disassembly(): string;
}

export interface Frontend {
  readonly arch: string;
  readonly target: BackendTarget;
  /** the CPU state words (one Int32Array shared with generated code) */
  readonly R: Int32Array;
  translate(pc: number, maxInsns: number): GuestBlock;
  /** `-d cpu` register dump */
  dumpState(): string;
}
