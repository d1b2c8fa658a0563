// The ARM frontend's entry point (QEMU's gen_intermediate_code for A32/T32): decode guest
// instructions from the interworking pc (bit 0: Thumb) until one ends the block, translating each
// with the function named after its table entry (`arm_ADD_imm` for A32 entry ADD_imm ...).
// A conditional instruction's body is skipped by a branch on its condition (ArmDisasContext).
import type { GuestBlock } from "../../../exec/frontend";
import { registerHelper } from "../../../ir/ir";
import { AddressSpace, PAGE_BITS, PAGE_EXEC } from "../../../memory/address-space";
import type { Fields } from "../bitstring";
import { ARM_EXCP_UDEF, CPUARMState } from "../cpu";
import { ArmInsn, decodeA32 } from "../decode";
import { formatInsnLine } from "../disas";
import { ArmDisasContext } from "./context";
import { A32_DP } from "./dp";
import { A32_LDST } from "./ldst";
import { A32_BRANCH } from "./branch";
import { A32_MISC } from "./misc";
import { A32_MUL } from "./mul";
import { A32_MEDIA } from "./media";

export { ARM_GLOBALS, G_PC, G_NF, G_ZF, G_CF, G_VF } from "./context";

export type Translator = (s: ArmDisasContext, f: Fields) => void;

/** Every A32 translator, by function name (`arm_<entry name>`). */
export const A32_TRANSLATORS: Record<string, Translator> = {
  ...A32_DP,
  ...A32_LDST,
  ...A32_BRANCH,
  ...A32_MISC,
  ...A32_MUL,
  ...A32_MEDIA,
};

const helper_fetch_fault = registerHelper({
  name: "arm_fetch_fault",
  flags: 0,
  ret: null,
  fn: (cpu: CPUARMState, addr: number) => cpu.mem.fault(addr, false),
});

/** An instruction-fetch word, or -1 when the address is not executable. */
function fetch32(mem: AddressSpace, a: number): number {
  if ((mem.pages[a >>> PAGE_BITS] & PAGE_EXEC) === 0) return -1;
  return mem.dv.getUint32(a, true);
}

export function translateBlock(mem: AddressSpace, pc: number, maxInsns: number): GuestBlock {
  const thumb = (pc & 1) !== 0;
  const start = pc & ~1;
  const s = new ArmDisasContext(pc, thumb);
  const f = s.f;
  const insns: ArmInsn[] = [];
  const firstPage = start >>> PAGE_BITS;
  let cur = start;
  let extra = 0;
  for (;;) {
    s.pc = cur;
    const w = thumb || cur & 3 ? -2 : fetch32(mem, cur);
    if (w === -1) {
      if (insns.length > 0) {
        // stop before an instruction we cannot fetch yet: it faults only if it is reached
        s.gotoTb(0, cur);
        break;
      }
      f.insnStart(thumb ? cur | 1 : cur);
      f.call(helper_fetch_fault, [], [s.c(cur)]);
      s.gotoTb(0, cur);
      extra = 1;
      break;
    }
    if (w === -2) {
      // Thumb is not translated yet (and ARM code must be word aligned)
      f.insnStart(thumb ? cur | 1 : cur);
      s.genException(ARM_EXCP_UDEF, cur, 0);
      extra = 1;
      break;
    }
    const insn = decodeA32(cur, w | 0);
    insns.push(insn);
    s.word = insn.word;
    s.nextPc = (cur + insn.size) | 0;
    f.insnStart(cur);
    const tr = insn.entry ? A32_TRANSLATORS["arm_" + insn.entry.e.name] : undefined;
    if (!tr) {
      s.genException(ARM_EXCP_UDEF, cur, insn.word);
    } else {
      s.startCond(insn.cond);
      tr(s, insn.fields);
      s.endCond();
    }
    cur = s.nextPc;
    if (s.isJmp) break;
    if (insns.length >= maxInsns || cur >>> PAGE_BITS !== firstPage) {
      s.gotoTb(0, cur);
      break;
    }
  }
  return {
    ir: f,
    end: Math.max(cur, start + 1),
    insnCount: insns.length + extra,
    returnPc: s.returnPc,
    disassembly: () => insns.map(formatInsnLine).join("\n"),
  };
}
