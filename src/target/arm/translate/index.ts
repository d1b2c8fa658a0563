// The ARM frontend's entry point (QEMU's gen_intermediate_code for A32/T32). This first step is
// the skeleton the linux-user side builds on: every instruction raises the undefined-instruction
// exception (ARM_EXCP_UDEF, R[15] at the instruction, its encoding in EXCP_INFO).
import type { GuestBlock } from "../../../exec/frontend";
import { GlobalDef, IRFunc } from "../../../ir/ir";
import { EXIT_EXCEPTION } from "../../../ir/opcodes";
import type { AddressSpace } from "../../../memory/address-space";
import { ARM_EXCP_UDEF, CF, EXCP, EXCP_INFO, NF, PC, REG_NAMES, VF, ZF } from "../cpu";

/** The ARM frontend's globals: temps 0..19 of every block (r0-r14, the interworking pc, NZCV). */
export const G_PC = 15, G_NF = 16, G_ZF = 17, G_CF = 18, G_VF = 19;
export const ARM_GLOBALS: GlobalDef[] = [
  ...REG_NAMES.map((name, env) => ({ name, env })),
  { name: "nf", env: NF },
  { name: "zf", env: ZF },
  { name: "cf", env: CF },
  { name: "vf", env: VF },
];
if (ARM_GLOBALS[G_PC].env !== PC) throw new Error("ARM_GLOBALS: pc slot");

export function translateBlock(_mem: AddressSpace, pc: number, _maxInsns: number): GuestBlock {
  const f = new IRFunc(ARM_GLOBALS, pc);
  f.insnStart(pc & ~1);
  f.movi(G_PC, pc);
  f.stEnv(f.const32(ARM_EXCP_UDEF), EXCP);
  f.stEnv(f.const32(0), EXCP_INFO);
  f.exitTb(EXIT_EXCEPTION);
  const size = pc & 1 ? 2 : 4;
  return { ir: f, end: (pc & ~1) + size, insnCount: 1, returnPc: -1, disassembly: () => "" };
}
