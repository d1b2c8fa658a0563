// System-level instructions as user mode sees them: SVC (the linux-user cpu loop's system call),
// BKPT, permanently undefined encodings, MRS/MSR on the APSR, the cp15 registers user code may
// touch (the TLS registers and the ARMv6 barrier operations), barriers, hints and SETEND.
import { EXCP_SYSCALL } from "../../../exec/exceptions";
import { HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, registerHelper } from "../../../ir/ir";
import type { Fields } from "../bitstring";
import { ARM_EXCP_BKPT, ARM_EXCP_UDEF, CPSR_EXEC, CPUARMState, TPIDRURO, TPIDRURW } from "../cpu";
import { ArmDisasContext, G_CF, G_NF, G_VF, G_ZF } from "./context";

type T = (s: ArmDisasContext, f: Fields) => void;
const FLAGS = [G_NF, G_ZF, G_CF, G_VF];

const helper_mrs_cpsr = registerHelper({
  name: "arm_mrs_cpsr", flags: HELPER_READS_GLOBALS, ret: 0, globals: { reads: FLAGS, writes: [] },
  // the execution-state bits (T, IT, J) read as zero, as QEMU's cpsr_read for MRS
  fn: (cpu: CPUARMState) => cpu.getCpsr() & ~CPSR_EXEC,
});
const helper_msr_cpsr = registerHelper({
  name: "arm_msr_cpsr", flags: HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS, ret: null, globals: { reads: FLAGS, writes: FLAGS },
  fn: (cpu: CPUARMState, v: number, mask: number) => cpu.setCpsr(v, mask),
});

/** The CPSR bits an MSR with field mask `k` (c x s f) may change in user mode: NZCVQ and GE. */
export function msrUserMask(k: number): number {
  return ((k & 8 ? 0xf8000000 : 0) | (k & 4 ? 0x000f0000 : 0)) | 0;
}

export function genSvc(s: ArmDisasContext, imm: number): void {
  s.genException(EXCP_SYSCALL, s.nextPc, imm);
}
export function genUndefined(s: ArmDisasContext): void {
  s.genException(ARM_EXCP_UDEF, s.pc, s.word);
}
export function genMrs(s: ArmDisasContext, d: number, spsr: boolean): void {
  if (spsr) return genUndefined(s); // no SPSR in user mode
  const t = s.tmp();
  s.f.call(helper_mrs_cpsr, [t], []);
  s.setReg(d, t);
}
export function genMsr(s: ArmDisasContext, v: number, k: number, spsr: boolean): void {
  if (spsr) return genUndefined(s);
  const mask = msrUserMask(k);
  if (mask !== 0) s.f.call(helper_msr_cpsr, [], [v, s.c(mask)]);
}

/**
 * MRC/MCR p15 (and nothing else outside the VFP): the thread ID registers and the CP15 barrier
 * operations are all user mode may use; the rest is undefined there.
 */
export function genCoproc(s: ArmDisasContext, read: boolean, cp: number, opc1: number, crn: number, crm: number, opc2: number, t: number): void {
  if (cp === 15 && opc1 === 0 && t !== 15) {
    const key = (crn << 8) | (crm << 4) | opc2;
    if (key === 0xd02 || (key === 0xd03 && read)) {
      const idx = opc2 === 2 ? TPIDRURW : TPIDRURO;
      if (read) {
        const v = s.tmp();
        s.f.ldEnv(v, idx);
        s.setReg(t, v);
      } else s.f.stEnv(s.reg(t), idx);
      return;
    }
    // CP15DMB, CP15DSB, CP15ISB: barriers, nothing to do for a single guest thread
    if (!read && (key === 0x7a5 || key === 0x7a4 || key === 0x754)) return;
  }
  genUndefined(s);
}

// SVC<c> #<imm24>
function arm_SVC(s: ArmDisasContext, f: Fields): void { genSvc(s, f.i); }
// BKPT #<imm16>
function arm_BKPT(s: ArmDisasContext, _f: Fields): void { s.genException(ARM_EXCP_BKPT, s.pc, s.word); }
// UDF #<imm16>
function arm_UDF(s: ArmDisasContext, _f: Fields): void { genUndefined(s); }
// (any other encoding with cond = 1111)
function arm_UDF_uncond(s: ArmDisasContext, _f: Fields): void { genUndefined(s); }
// MRS<c> <Rd>, <spec_reg>
function arm_MRS(s: ArmDisasContext, f: Fields): void { genMrs(s, f.d, f.R === 1); }
// MSR<c> <spec_reg>, <Rn>
function arm_MSR_reg(s: ArmDisasContext, f: Fields): void { genMsr(s, s.reg(f.n), f.k, f.R === 1); }
// MSR<c> <spec_reg>, #<const>
function arm_MSR_imm(s: ArmDisasContext, f: Fields): void {
  const rot = (f.i >>> 8) * 2, i8 = f.i & 0xff;
  const v = rot === 0 ? i8 : (i8 >>> rot) | (i8 << (32 - rot));
  genMsr(s, s.c(v), f.k, f.R === 1);
}
// MRC<c> <coproc>, <opc1>, <Rt>, <CRn>, <CRm>{, <opc2>}
function arm_MRC(s: ArmDisasContext, f: Fields): void { genCoproc(s, true, f.p, f.o, f.n, f.m, f.q, f.t); }
// MCR<c> <coproc>, <opc1>, <Rt>, <CRn>, <CRm>{, <opc2>}
function arm_MCR(s: ArmDisasContext, f: Fields): void { genCoproc(s, false, f.p, f.o, f.n, f.m, f.q, f.t); }
// DMB #<option>
function arm_DMB(_s: ArmDisasContext, _f: Fields): void {}
// DSB #<option>
function arm_DSB(_s: ArmDisasContext, _f: Fields): void {}
// ISB #<option>
function arm_ISB(_s: ArmDisasContext, _f: Fields): void {}
// NOP<c>
function arm_NOP(_s: ArmDisasContext, _f: Fields): void {}
// YIELD<c>
function arm_YIELD(_s: ArmDisasContext, _f: Fields): void {}
// WFE<c>
function arm_WFE(_s: ArmDisasContext, _f: Fields): void {}
// WFI<c>
function arm_WFI(_s: ArmDisasContext, _f: Fields): void {}
// SEV<c>
function arm_SEV(_s: ArmDisasContext, _f: Fields): void {}
// DBG<c> #<option>
function arm_DBG(_s: ArmDisasContext, _f: Fields): void {}
// (other hint numbers execute as NOP)
function arm_HINT(_s: ArmDisasContext, _f: Fields): void {}
// SETEND <endian_specifier>   (little-endian only: SETEND BE is undefined here)
function arm_SETEND(s: ArmDisasContext, f: Fields): void {
  if (f.E) genUndefined(s);
}

export const A32_MISC: Record<string, T> = {
  arm_SVC, arm_BKPT, arm_UDF, arm_UDF_uncond, arm_MRS, arm_MSR_reg, arm_MSR_imm, arm_MRC, arm_MCR,
  arm_DMB, arm_DSB, arm_ISB, arm_NOP, arm_YIELD, arm_WFE, arm_WFI, arm_SEV, arm_DBG, arm_HINT, arm_SETEND,
};
