// The i386 frontend as the exec loop sees it: translation, in_asm text and the -d cpu dump.
import type { Frontend, GuestBlock } from "../../exec/frontend";
import type { BackendTarget } from "../../backend/js/emit";
import { PAGE_EXEC } from "../../memory/address-space";
import { CPUX86State, EIP, EXCP, REG_NAMES, SEG_BASE, SEG_LIMIT, SEG_NAMES, SEG_SEL, FPSTT, FPUC, FPUS, FPTAGS, CC_OP, CC_SRC, CC_DST } from "./cpu";
import { translateBlock } from "./translate";
import { formatInsn } from "./disas";
import { CC_OP_NAMES } from "./cc";

export const I386_TARGET: BackendTarget = { pcIndex: EIP, excIndex: EXCP };

const hex8 = (v: number) => (v >>> 0).toString(16).padStart(8, "0");

export class I386Frontend implements Frontend {
  readonly arch = "i386";
  readonly target = I386_TARGET;
  readonly R: Int32Array;
  constructor(readonly cpu: CPUX86State) {
    this.R = cpu.R;
  }

  /** Instruction fetch: a byte of an executable page, or -1. */
  fetch = (a: number): number => {
    const mem = this.cpu.mem;
    return mem.pages[a >>> 12] & PAGE_EXEC ? mem.u8[a] : -1;
  };

  translate(pc: number, maxInsns: number): GuestBlock {
    const t = translateBlock(pc, this.fetch, { maxInsns });
    return {
      ir: t.ctx.f,
      end: t.end,
      insnCount: t.insnCount,
      returnPc: t.ctx.returnPc,
      disassembly: () =>
        t.insns
          .map((d) => {
            const bytes: string[] = [];
            for (let i = 0; i < d.len; i++) bytes.push(this.fetch((d.pc + i) >>> 0).toString(16).padStart(2, "0"));
            return `0x${hex8(d.pc)}:  ${bytes.join(" ").padEnd(24)} ${formatInsn(d)}`;
          })
          .join("\n"),
    };
  }

  dumpState(): string {
    const c = this.cpu;
    const R = c.R;
    const fl = c.getEflags();
    const f = (bit: number, ch: string) => (fl & bit ? ch : "-");
    const flagStr = f(0x800, "O") + f(0x400, "D") + f(0x80, "S") + f(0x40, "Z") + f(0x10, "A") + f(0x4, "P") + f(0x1, "C");
    const r = (i: number) => `${REG_NAMES[i].toUpperCase()}=${hex8(R[i])}`;
    let s = `${r(0)} ${r(3)} ${r(1)} ${r(2)}\n${r(6)} ${r(7)} ${r(5)} ${r(4)}\n`;
    s += `EIP=${hex8(R[EIP])} EFL=${hex8(fl)} [${flagStr}] CPL=3 II=0 A20=1 SMM=0 HLT=0\n`;
    for (let i = 0; i < 6; i++) {
      // user mode has flat 32-bit segments: code (CS) and data descriptors as Linux sets them
      const attrs = i === 1 ? "00cffb00 DPL=3 CS32 [-RA]" : "00cff300 DPL=3 DS   [-WA]";
      s += `${SEG_NAMES[i].toUpperCase().padEnd(3)}=${(R[SEG_SEL + i] & 0xffff).toString(16).padStart(4, "0")} ${hex8(R[SEG_BASE + i])} ${hex8(R[SEG_LIMIT + i])} ${attrs}\n`;
    }
    s += `CCS=${hex8(R[CC_SRC])} CCD=${hex8(R[CC_DST])} CCO=${CC_OP_NAMES[R[CC_OP]] ?? R[CC_OP]}\n`;
    s += `FCW=${(R[FPUC] & 0xffff).toString(16).padStart(4, "0")} FSW=${((R[FPUS] & ~0x3800) | ((R[FPSTT] & 7) << 11)).toString(16).padStart(4, "0")} FTW=${R.slice(FPTAGS, FPTAGS + 8).join("")}\n`;
    return s;
  }
}
