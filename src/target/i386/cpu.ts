// CPUX86State: the i386 CPU state, kept in one ArrayBuffer with named word offsets so that
// generated code (R[...]), helpers, the gdbstub, `-d cpu`, plugins and signal frames all read the
// same storage (QEMU's offsetof(CPUX86State, ...)).
//
// EFLAGS is split as QEMU splits it: the arithmetic flags live lazily in cc_op/cc_dst/cc_src/
// cc_src2 (see cc.ts), DF as +1/-1 in `df`, and `eflags` holds the remaining bits.
import { CC_OP_EFLAGS, computeEflags } from "./cc";
import type { AddressSpace } from "../../memory/address-space";

export const R_EAX = 0, R_ECX = 1, R_EDX = 2, R_EBX = 3, R_ESP = 4, R_EBP = 5, R_ESI = 6, R_EDI = 7;
export const EIP = 8;
export const EFLAGS = 9;
export const CC_OP = 10;
export const CC_DST = 11;
export const CC_SRC = 12;
export const CC_SRC2 = 13;
export const DF = 14;
/** exception number (EXCP_* or an x86 vector) when a block exits with EXIT_EXCEPTION */
export const EXCP = 15;
/** extra exception info: the x86 error code, or the next pc for traps */
export const EXCP_INFO = 16;
export const R_ES = 0, R_CS = 1, R_SS = 2, R_DS = 3, R_FS = 4, R_GS = 5;
export const SEG_SEL = 17; // + R_ES..R_GS
export const SEG_BASE = 23;
export const SEG_LIMIT = 29;
export const SEG_FLAGS = 35;
// x87
export const FPSTT = 41; // top of stack
export const FPUS = 42; // status word (without TOP, which is FPSTT)
export const FPUC = 43; // control word
export const FPTAGS = 44; // 8 words: 1 = empty
export const MXCSR = 52;
export const FP_LAST_INSN = 53; // last x87 instruction pointer (fnstenv)
export const STATE_WORDS = 256;
/**
 * x87 physical registers R0..R7 (ST(i) is R[(FPSTT + i) & 7]) as 80-bit values, 16 bytes each laid
 * out as in an fxsave image: significand low word, significand high word (bit 31 = the explicit
 * integer bit), the sign/exponent word in the low 16 bits of the third word, then padding. MMX
 * register i is the 64-bit significand of R_i (fpSigLo(i), fpSigHi(i)); an MMX write also sets
 * R_i's sign/exponent word to 0xffff, as hardware does. Int32 word index of R0's low word:
 */
export const FPREGS = 128; // bytes 512..639
export const fpSigLo = (p: number): number => FPREGS + 4 * p;
export const fpSigHi = (p: number): number => FPREGS + 4 * p + 1;
export const fpSignExp = (p: number): number => FPREGS + 4 * p + 2;
/** XMM0..7, 16 bytes each, at this byte offset. */
export const XMM_BYTES = 640;

export const EFLAGS_CF = 0x1, EFLAGS_PF = 0x4, EFLAGS_AF = 0x10, EFLAGS_ZF = 0x40, EFLAGS_SF = 0x80;
export const EFLAGS_TF = 0x100, EFLAGS_IF = 0x200, EFLAGS_DF = 0x400, EFLAGS_OF = 0x800;
export const EFLAGS_AC = 0x40000, EFLAGS_ID = 0x200000;
export const CC_MASK = EFLAGS_CF | EFLAGS_PF | EFLAGS_AF | EFLAGS_ZF | EFLAGS_SF | EFLAGS_OF;

export const REG_NAMES = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];
export const SEG_NAMES = ["es", "cs", "ss", "ds", "fs", "gs"];

/** A GDT/LDT descriptor as user mode needs it (set_thread_area, modify_ldt). */
export interface SegDesc {
  base: number;
  limit: number;
  flags: number;
  present: boolean;
}

export class CPUX86State {
  readonly buf = new ArrayBuffer(STATE_WORDS * 4);
  readonly R = new Int32Array(this.buf);
  readonly F64 = new Float64Array(this.buf);
  readonly U8 = new Uint8Array(this.buf);
  /** user-mode descriptor tables (index = selector >> 3) */
  readonly gdt: SegDesc[] = [];
  readonly ldt: SegDesc[] = [];
  /** opaque slot for the OS layer (the linux-user task this CPU runs) */
  task: unknown = null;

  constructor(readonly mem: AddressSpace) {
    this.R[EFLAGS] = 0x202;
    this.R[CC_OP] = CC_OP_EFLAGS; // no flags set
    this.R[DF] = 1;
    this.R[FPUC] = 0x37f;
    for (let i = 0; i < 8; i++) this.R[FPTAGS + i] = 1;
    this.R[MXCSR] = 0x1f80;
    for (let s = 0; s < 6; s++) this.R[SEG_LIMIT + s] = -1;
  }

  get eip(): number {
    return this.R[EIP] >>> 0;
  }
  set eip(v: number) {
    this.R[EIP] = v;
  }
  reg(i: number): number {
    return this.R[i] >>> 0;
  }
  /** the six arithmetic flags (CF PF AF ZF SF OF), computed from the lazy state */
  ccFlags(): number {
    const R = this.R;
    return computeEflags(R[CC_OP], R[CC_DST], R[CC_SRC], R[CC_SRC2]);
  }
  /** make the arithmetic flags exactly `fl` (helpers that set flags bit by bit) */
  setCcFlags(fl: number): void {
    const R = this.R;
    R[CC_OP] = CC_OP_EFLAGS;
    R[CC_SRC] = fl & CC_MASK;
    R[CC_DST] = 0;
  }
  /** the architectural EFLAGS value, computing the lazy condition codes */
  getEflags(): number {
    const R = this.R;
    const cc = this.ccFlags();
    return ((R[EFLAGS] & ~(CC_MASK | EFLAGS_DF)) | cc | (R[DF] < 0 ? EFLAGS_DF : 0) | 2) >>> 0;
  }
  /** set EFLAGS; `mask` limits which bits change (popf in user mode cannot touch IOPL/IF...) */
  setEflags(v: number, mask = 0xffffffff): void {
    const R = this.R;
    const cur = this.getEflags();
    const nv = (cur & ~mask) | (v & mask);
    R[CC_OP] = CC_OP_EFLAGS;
    R[CC_SRC] = nv & CC_MASK;
    R[CC_DST] = 0;
    R[DF] = nv & EFLAGS_DF ? -1 : 1;
    R[EFLAGS] = (nv & ~(CC_MASK | EFLAGS_DF)) | 2;
  }
}
