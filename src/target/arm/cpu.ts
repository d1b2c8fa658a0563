// CPUARMState: the 32-bit ARM CPU state in one ArrayBuffer with named word offsets, so that
// generated code (R[...]), helpers, `-d cpu`, signal frames, the gdbstub and plugins all read the
// same storage (QEMU's offsetof(CPUARMState, ...)).
//
// Representation choices (read these before touching the state from outside the frontend):
//  * R[15] is the *interworking* pc: the address of the next instruction to execute, with bit 0
//    set in Thumb state (what BX takes). It is the exec loop's lookup key, so ARM and Thumb code
//    at one address are different blocks, and a signal handler address with bit 0 set starts in
//    Thumb state just by being stored there. Use `pc`/`thumb`/`setPc` rather than R[15].
//  * The CPSR is split as QEMU splits it: NZCV live in four words for cheap flag setting
//    (N = bit 31 of NF, Z = (ZF == 0), C = CF (0 or 1), V = bit 31 of VF), Q in QF (0/1), GE[3:0]
//    in GE, IT[7:0] in CONDEXEC, T in bit 0 of R[15], and every other bit (mode, E, A, I, F) in
//    UNCACHED_CPSR. getCpsr/setCpsr assemble and scatter the architectural value.
//  * VFP/NEON: D0-D31 at byte VFP_BYTES (little-endian host: S(2n) is the low half of D(n), and
//    Q(n) is D(2n):D(2n+1)); FPSCR holds the whole architectural register.
//  * Banked registers, SPSRs and the cp15 system registers are here for system mode; user mode
//    uses only the TLS registers (TPIDRURO, read by `mrc p15, 0, rX, c13, c0, 3`, set by the
//    set_tls syscall; TPIDRURW is writable from user mode).
import type { AddressSpace } from "../../memory/address-space";

export const PC = 15, SP = 13, LR = 14;
/** NZCV, QEMU style (see above) */
export const NF = 16, ZF = 17, CF = 18, VF = 19;
/** the sticky saturation flag, 0 or 1 */
export const QF = 20;
/** GE[3:0] of the parallel add/subtract instructions, in bits 3:0 */
export const GE = 21;
/** ITSTATE[7:0]: IT[7:5] base condition, IT[4:0] mask (0: not in an IT block) */
export const CONDEXEC = 22;
/** CPSR bits not cached elsewhere: M[4:0], F, I, A, E, J (and the IT/T/flag bits always 0) */
export const UNCACHED_CPSR = 23;
/** exception number (EXCP_* or an ARM_EXCP_*) when a block exits with EXIT_EXCEPTION */
export const EXCP = 24;
/** extra exception info: the SVC immediate, or the undefined instruction's encoding */
export const EXCP_INFO = 25;
/** cp15 thread ID registers (c13, c0, 2/3/4) */
export const TPIDRURW = 26, TPIDRURO = 27, TPIDRPRW = 28;
export const FPSCR = 29;
export const FPEXC = 30;
/** Exclusive monitor: address of the last LDREX* (-1: open), the value(s) it loaded, its size. */
export const EXCL_ADDR = 32, EXCL_VAL = 33, EXCL_VAL_HI = 34, EXCL_SIZE = 35;
/** SPSR of the current (privileged) mode */
export const SPSR = 36;
/** banked r13/r14/SPSR per mode, index = BANK_* (system mode) */
export const BANKED_R13 = 40, BANKED_R14 = 48, BANKED_SPSR = 56;
export const BANK_USRSYS = 0, BANK_SVC = 1, BANK_ABT = 2, BANK_UND = 3, BANK_IRQ = 4, BANK_FIQ = 5, BANK_HYP = 6, BANK_MON = 7;
/** r8-r12 of the non-FIQ modes while in FIQ mode, and FIQ's own while not (system mode) */
export const USR_R8 = 64, FIQ_R8 = 69;
/** cp15 (system mode): control, translation table, fault status/address, vectors, context */
export const CP15_SCTLR = 80, CP15_CPACR = 81, CP15_TTBR0 = 82, CP15_TTBR1 = 83, CP15_TTBCR = 84, CP15_DACR = 85;
export const CP15_DFSR = 86, CP15_IFSR = 87, CP15_DFAR = 88, CP15_IFAR = 89, CP15_VBAR = 90, CP15_CONTEXTIDR = 91;
/** scratch words helpers may use to return a second result */
export const SCRATCH = 96;
export const STATE_WORDS = 256;
/** D0-D31, 8 bytes each, at this byte offset (Float64 index VFP_F64 + n, Float32 index VFP_F32 + n) */
export const VFP_BYTES = 512;
export const VFP_F64 = VFP_BYTES / 8;
export const VFP_F32 = VFP_BYTES / 4;
/** word index of D0's low half */
export const VFP_W = VFP_BYTES / 4;

export const CPSR_M = 0x1f, CPSR_T = 1 << 5, CPSR_F = 1 << 6, CPSR_I = 1 << 7, CPSR_A = 1 << 8, CPSR_E = 1 << 9;
export const CPSR_IT_2_7 = 0xfc00, CPSR_GE = 0xf0000, CPSR_J = 1 << 24, CPSR_IT_0_1 = 0x06000000;
export const CPSR_Q = 1 << 27, CPSR_V = 1 << 28, CPSR_C = 1 << 29, CPSR_Z = 1 << 30, CPSR_N = 1 << 31;
export const CPSR_NZCV = 0xf0000000 | 0;
/** the bits user mode may change with MSR APSR / sigreturn: NZCVQ and GE (plus E, ignored) */
export const CPSR_USER = CPSR_NZCV | CPSR_Q | CPSR_GE;
/** the bits a signal return restores (the kernel's valid_user_regs keeps mode USR) */
export const CPSR_EXEC = CPSR_T | CPSR_IT_2_7 | CPSR_IT_0_1;

export const ARM_CPU_MODE_USR = 0x10, ARM_CPU_MODE_FIQ = 0x11, ARM_CPU_MODE_IRQ = 0x12, ARM_CPU_MODE_SVC = 0x13;
export const ARM_CPU_MODE_MON = 0x16, ARM_CPU_MODE_ABT = 0x17, ARM_CPU_MODE_HYP = 0x1a, ARM_CPU_MODE_UND = 0x1b, ARM_CPU_MODE_SYS = 0x1f;
const MODE_NAMES: Record<number, string> = {
  0x10: "usr", 0x11: "fiq", 0x12: "irq", 0x13: "svc", 0x16: "mon", 0x17: "abt", 0x1a: "hyp", 0x1b: "und", 0x1f: "sys",
};

/** FPSCR fields */
export const FPSCR_IOC = 1, FPSCR_DZC = 2, FPSCR_OFC = 4, FPSCR_UFC = 8, FPSCR_IXC = 0x10, FPSCR_IDC = 0x80;
export const FPSCR_LEN = 0x70000, FPSCR_STRIDE = 0x300000;
export const FPSCR_RMODE_SHIFT = 22, FPSCR_FZ = 1 << 24, FPSCR_DN = 1 << 25, FPSCR_AHP = 1 << 26, FPSCR_QC = 1 << 27;
/** FPSCR bits that exist on a VFPv3 without trapping: everything but the trap enables */
export const FPSCR_MASK = 0xffc8009f | 0;

/** Identification registers of the modelled CPU (a Cortex-A9-like ARMv7-A with VFPv3-D32 and NEON). */
export const FPSID_VALUE = 0x41033094;
export const MVFR0_VALUE = 0x10110222;
export const MVFR1_VALUE = 0x01111111;
export const MIDR_VALUE = 0x410fc090;

/**
 * ARM exception numbers for EXIT_EXCEPTION (QEMU's EXCP_UDEF...); an SVC exits with the shared
 * EXCP_SYSCALL instead, R[15] past the SVC and its immediate in EXCP_INFO. UDEF and BKPT leave
 * R[15] at the instruction, as the kernel reports it (SIGILL / SIGTRAP with si_addr = pc).
 */
export const ARM_EXCP_UDEF = 1, ARM_EXCP_PREFETCH_ABORT = 3, ARM_EXCP_DATA_ABORT = 4, ARM_EXCP_BKPT = 7;
/**
 * A misaligned LDREX/STREX-family (or other alignment-checked) access: SIGBUS with BUS_ADRALN in
 * user mode; EXCP_INFO holds the address, R[15] the instruction.
 */
export const ARM_EXCP_ALIGNMENT = 0x20;

export const REG_NAMES = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"];

export class CPUARMState {
  readonly buf = new ArrayBuffer(STATE_WORDS * 4);
  readonly R = new Int32Array(this.buf);
  readonly F64 = new Float64Array(this.buf);
  readonly F32 = new Float32Array(this.buf);
  readonly U8 = new Uint8Array(this.buf);
  /** opaque slot for the OS layer (the linux-user task this CPU runs) */
  task: unknown = null;

  constructor(readonly mem: AddressSpace) {
    const R = this.R;
    R[UNCACHED_CPSR] = ARM_CPU_MODE_USR;
    R[ZF] = 1; // Z clear
    R[EXCL_ADDR] = -1;
    R[FPEXC] = 1 << 30; // EN: Linux enables the VFP for user space
    R[CP15_SCTLR] = 0x00c50078;
  }

  /** address of the next instruction (without the Thumb bit) */
  get pc(): number {
    return (this.R[PC] & ~1) >>> 0;
  }
  /** set the pc, staying in the current instruction set */
  set pc(v: number) {
    this.R[PC] = (v & ~1) | (this.R[PC] & 1);
  }
  /** in Thumb state? */
  get thumb(): boolean {
    return (this.R[PC] & 1) !== 0;
  }
  /** BX-style jump: bit 0 of `addr` selects Thumb state */
  setPcInterworking(addr: number): void {
    this.R[PC] = addr;
  }
  reg(i: number): number {
    return i === PC ? this.pc : this.R[i] >>> 0;
  }

  /** NZCV in bits 31:28 */
  getNzcv(): number {
    const R = this.R;
    return ((R[NF] & CPSR_N) | (R[ZF] === 0 ? CPSR_Z : 0) | (R[CF] ? CPSR_C : 0) | ((R[VF] >>> 31) << 28)) >>> 0;
  }
  setNzcv(v: number): void {
    const R = this.R;
    R[NF] = v & CPSR_N;
    R[ZF] = v & CPSR_Z ? 0 : 1;
    R[CF] = (v >>> 29) & 1;
    R[VF] = (v << 3) & CPSR_N;
  }

  /** the architectural CPSR value */
  getCpsr(): number {
    const R = this.R;
    const it = R[CONDEXEC] & 0xff;
    return (
      (this.getNzcv() |
        (R[QF] ? CPSR_Q : 0) |
        ((R[GE] & 0xf) << 16) |
        ((it & 3) << 25) |
        ((it >>> 2) << 10) |
        (R[PC] & 1 ? CPSR_T : 0) |
        (R[UNCACHED_CPSR] & ~(CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_IT_0_1 | CPSR_IT_2_7 | CPSR_T))) >>>
      0
    );
  }

  /** Write the CPSR bits selected by `mask` (a mode change does not bank registers here). */
  setCpsr(v: number, mask = 0xffffffff): void {
    const R = this.R;
    const nv = ((this.getCpsr() & ~mask) | (v & mask)) >>> 0;
    this.setNzcv(nv);
    R[QF] = nv & CPSR_Q ? 1 : 0;
    R[GE] = (nv >>> 16) & 0xf;
    R[CONDEXEC] = ((nv >>> 25) & 3) | (((nv >>> 10) & 0x3f) << 2);
    R[PC] = nv & CPSR_T ? R[PC] | 1 : R[PC] & ~1;
    R[UNCACHED_CPSR] = nv & ~(CPSR_NZCV | CPSR_Q | CPSR_GE | CPSR_IT_0_1 | CPSR_IT_2_7 | CPSR_T);
  }

  /** FPSCR as VMRS reads it */
  getFpscr(): number {
    return this.R[FPSCR] >>> 0;
  }
  setFpscr(v: number): void {
    this.R[FPSCR] = v & FPSCR_MASK;
  }

  /** D register n as two 32-bit halves */
  dregLo(n: number): number {
    return this.R[VFP_W + 2 * n] >>> 0;
  }
  dregHi(n: number): number {
    return this.R[VFP_W + 2 * n + 1] >>> 0;
  }

  /** `-d cpu` text, laid out like qemu-arm's (with `fpu`: the VFP registers and FPSCR too). */
  dump(fpu = false): string {
    const R = this.R;
    let s = "";
    for (let i = 0; i < 16; i++) {
      const v = i === PC ? this.pc : R[i] >>> 0;
      s += `R${String(i).padStart(2, "0")}=${hex8(v)}${i % 4 === 3 ? "\n" : " "}`;
    }
    const psr = this.getCpsr();
    const fl = (bit: number, ch: string) => (psr & bit ? ch : "-");
    const mode = psr & 0xf;
    s += `PSR=${hex8(psr)} ${fl(CPSR_N, "N")}${fl(CPSR_Z, "Z")}${fl(CPSR_C, "C")}${fl(CPSR_V, "V")} ${psr & CPSR_T ? "T" : "A"} `;
    s += `${MODE_NAMES[mode | 0x10] ?? "???"}${psr & 0x10 ? 32 : 26}\n`;
    if (fpu) {
      for (let i = 0; i < 32; i++) {
        const lo = this.dregLo(i), hi = this.dregHi(i);
        s += `s${String(2 * i).padStart(2, "0")}=${hex8(lo)} s${String(2 * i + 1).padStart(2, "0")}=${hex8(hi)} d${String(i).padStart(2, "0")}=${hex8(hi)}${hex8(lo)}\n`;
      }
      s += `FPSCR: ${hex8(this.getFpscr())}\n`;
    }
    return s;
  }
}

function hex8(v: number): string {
  return (v >>> 0).toString(16).padStart(8, "0");
}
