// The ARM frontend as the exec loop sees it: translation of A32/T32 blocks, `-d in_asm` text and
// the `-d cpu` dump. Construct it on a CPUARMState; the linux-user layer runs it with ExecEngine.
import type { Frontend, GuestBlock } from "../../exec/frontend";
import type { BackendTarget } from "../../backend/js/emit";
import { CPUARMState, EXCP, PC } from "./cpu";
import { translateBlock } from "./translate";

export const ARM_TARGET: BackendTarget = { pcIndex: PC, excIndex: EXCP };

export class ArmFrontend implements Frontend {
  readonly arch = "arm";
  readonly target = ARM_TARGET;
  readonly R: Int32Array;
  /** `-d cpu` also dumps the VFP registers (qemu's CPU_DUMP_FPU) */
  dumpFpu = false;
  constructor(readonly cpu: CPUARMState) {
    this.R = cpu.R;
  }

  /** `pc` is R[15]'s interworking value: bit 0 set means Thumb code. */
  translate(pc: number, maxInsns: number): GuestBlock {
    return translateBlock(this.cpu, pc, maxInsns);
  }

  dumpState(): string {
    return this.cpu.dump(this.dumpFpu);
  }
}
