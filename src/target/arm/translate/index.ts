// The ARM frontend's entry point (QEMU's gen_intermediate_code for A32/T32): decode guest
// instructions from the interworking pc (bit 0: Thumb) until one ends the block, translating each
// with the function named after its table entry (`arm_ADD_imm` for A32 entry ADD_imm, `t16_`,
// `t32_` and `vfp_` for the other tables). Thumb IT blocks are followed statically: the IT
// state is part of the translation, kept in CONDEXEC at every exit.
// A conditional instruction's body is skipped by a branch on its condition (ArmDisasContext).
import type { GuestBlock } from "../../../exec/frontend";
import { registerHelper } from "../../../ir/ir";
import { AddressSpace, PAGE_BITS, PAGE_EXEC } from "../../../memory/address-space";
import type { Fields } from "../bitstring";
import { ARM_EXCP_UDEF, CONDEXEC, CPUARMState, EXCP } from "../cpu";
import { ArmInsn, decodeA32, decodeThumb, isThumb32 } from "../decode";
import { Cond, EXIT_EXCEPTION } from "../../../ir/opcodes";
import { EXCP_SMC } from "../../../exec/exceptions";
import { formatInsnLine } from "../disas";
import { ArmDisasContext } from "./context";
import { A32_DP } from "./dp";
import { A32_LDST } from "./ldst";
import { A32_BRANCH } from "./branch";
import { A32_MISC } from "./misc";
import { A32_MUL } from "./mul";
import { A32_MEDIA } from "./media";
import { T16_TRANSLATORS } from "./thumb16";
import { T32_TRANSLATORS } from "./thumb32";
import { VFP_TRANSLATORS } from "./vfp";

export { ARM_GLOBALS, G_PC, G_NF, G_ZF, G_CF, G_VF } from "./context";

export type Translator = (s: ArmDisasContext, f: Fields) => void;
export { T16_TRANSLATORS, T32_TRANSLATORS, VFP_TRANSLATORS };

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

/** An instruction-fetch word (A32) or halfword (Thumb), or -1 when not executable. */
function fetch32(mem: AddressSpace, a: number): number {
  if ((mem.pages[a >>> PAGE_BITS] & PAGE_EXEC) === 0) return -1;
  return mem.dv.getUint32(a >>> 0, true);
}
function fetch16(mem: AddressSpace, a: number): number {
  if ((mem.pages[a >>> PAGE_BITS] & PAGE_EXEC) === 0) return -1;
  return mem.dv.getUint16(a >>> 0, true);
}

/** ITSTATE after an instruction: the mask shifts up; an empty mask ends the block */
export function itAdvance(it: number): number {
  return (it & 7) === 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
}

/** The translator of a decoded instruction (undefined: an undefined encoding). */
function translatorOf(insn: ArmInsn): Translator | undefined {
  if (!insn.entry) return undefined;
  const name = insn.entry.e.name;
  switch (insn.set) {
    case "a32":
      return A32_TRANSLATORS["arm_" + name];
    case "t16":
      return T16_TRANSLATORS["t16_" + name];
    case "t32":
      return T32_TRANSLATORS["t32_" + name];
    default:
      return VFP_TRANSLATORS["vfp_" + name];
  }
}

/**
 * Translate the block at interworking pc `pc`. Thumb blocks start in the IT state the CPU holds
 * now and check it on entry: a block entered in another IT state (a signal handler returning
 * into an IT block) leaves with EXCP_SMC, which makes the exec loop run one instruction at a
 * time, translated afresh for the state at hand, until the states agree again.
 */
export function translateBlock(cpu: CPUARMState, pc: number, maxInsns: number): GuestBlock {
  const mem = cpu.mem;
  const thumb = (pc & 1) !== 0;
  const start = pc & ~1;
  const s = new ArmDisasContext(pc, thumb);
  const f = s.f;
  const insns: ArmInsn[] = [];
  const firstPage = start >>> PAGE_BITS;
  let cur = start;
  let extra = 0;
  let it = thumb ? cpu.R[CONDEXEC] & 0xff : 0;
  if (thumb) {
    const t = s.tmp(), ok = f.newLabel();
    f.ldEnv(t, CONDEXEC);
    f.brcond(Cond.EQ, t, s.c(it), ok);
    f.stEnv(s.c(EXCP_SMC), EXCP);
    f.exitTb(EXIT_EXCEPTION);
    f.setLabel(ok);
  }
  s.itStored = it;
  for (;;) {
    s.pc = cur;
    s.itCur = it;
    s.itNext = itAdvance(it);
    let insn: ArmInsn | null = null;
    let faultAt = -1;
    if (!thumb) {
      const w = cur & 3 ? -2 : fetch32(mem, cur);
      if (w === -1) faultAt = cur;
      else if (w !== -2) insn = decodeA32(cur, w | 0);
    } else {
      const h1 = fetch16(mem, cur);
      if (h1 === -1) faultAt = cur;
      else if (isThumb32(h1)) {
        const h2 = fetch16(mem, (cur + 2) | 0);
        if (h2 === -1) faultAt = (cur + 2) | 0;
        else insn = decodeThumb(cur, ((h1 << 16) | h2) | 0, 4);
      } else insn = decodeThumb(cur, h1, 2);
    }
    if (faultAt >= 0) {
      if (insns.length > 0) {
        // stop before an instruction we cannot fetch yet: it faults only if it is reached
        s.itNext = it;
        s.gotoTb(0, cur);
        break;
      }
      f.insnStart(thumb ? cur | 1 : cur);
      f.call(helper_fetch_fault, [], [s.c(faultAt)]);
      s.itNext = it;
      s.gotoTb(0, cur);
      extra = 1;
      break;
    }
    if (!insn) {
      // ARM code at an address that is not word aligned
      f.insnStart(cur);
      s.genException(ARM_EXCP_UDEF, cur, 0);
      extra = 1;
      break;
    }
    if (it) {
      insn.inIT = true;
      insn.cond = it >> 4;
    }
    insns.push(insn);
    s.word = insn.word;
    s.nextPc = (cur + insn.size) | 0;
    f.insnStart(thumb ? cur | 1 : cur);
    if (it !== s.itStored) {
      f.stEnv(s.c(it), CONDEXEC);
      s.itStored = it;
    }
    const tr = translatorOf(insn);
    if (!tr) {
      s.genException(ARM_EXCP_UDEF, cur, insn.word);
    } else {
      s.startCond(insn.cond);
      tr(s, insn.fields);
      s.endCond();
    }
    cur = s.nextPc;
    it = s.itNext;
    if (s.isJmp) break;
    // a block ends outside IT blocks unless single-stepping or at a page end
    if ((insns.length >= maxInsns && (it === 0 || maxInsns === 1)) || cur >>> PAGE_BITS !== firstPage) {
      s.itNext = it;
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
