// ARM signal frames as a 32-bit ARM kernel builds them (arch/arm/kernel/signal.c): struct sigframe
// (a ucontext and two words of return code) and struct rt_sigframe (siginfo first), with the
// sigcontext registers and, in uc_regspace, the VFP record (magic, size, d0-d31, fpscr, fpexc...)
// closed by a zero word. Handlers start in ARM or Thumb state by bit 0 of their address and
// return through sa_restorer (glibc always sets one) or else through the sigpage, the page of
// return trampolines the kernel maps for the process; sigreturn / rt_sigreturn undo the frame.
import { PAGE_EXEC, PAGE_READ } from "../../memory/address-space";
import {
  CONDEXEC, CPSR_EXEC, CPSR_USER, CPUARMState, FPEXC, FPSCR_LEN, FPSCR_STRIDE, LR, PC, SP, VFP_W,
} from "../../target/arm/cpu";
import type { Task } from "../task";
import { PendingSignal, SigAction, SIGINFO_SIZE, SS_AUTODISARM, SS_DISABLE, UNBLOCKABLE } from "../signal-state";
import { SA_ONSTACK, SA_RESTORER, SA_SIGINFO, SignalArch } from "../signal";

/** struct sigcontext: trap_no, error_code, oldmask, r0-r10, fp, ip, sp, lr, pc, cpsr, fault_address */
export const SC = { trapNo: 0, errorCode: 4, oldmask: 8, r0: 12, sp: 64, lr: 68, pc: 72, cpsr: 76, faultAddress: 80 } as const;
export const SC_SIZE = 84;
/** struct ucontext: flags, link, stack_t, sigcontext, sigset_t (room for 1024 bits), regspace (8-aligned) */
export const UC = { flags: 0, link: 4, stack: 8, mcontext: 20, sigmask: 104, regspace: 232 } as const;
export const UC_SIZE = 744;
/** struct sigframe: ucontext, retcode[2] */
export const SIGFRAME_SIZE = UC_SIZE + 8;
export const SF_RETCODE = UC_SIZE;
/** struct rt_sigframe: siginfo, then a struct sigframe */
export const RT_SIGFRAME_SIZE = SIGINFO_SIZE + SIGFRAME_SIZE;
export const RT_SIG = SIGINFO_SIZE;
/** the VFP record in uc_regspace (struct vfp_sigframe) */
export const VFP_MAGIC = 0x56465001;
export const VFP_STORAGE_SIZE = 288;
export const VFP = { magic: 0, size: 4, fpregs: 8, fpscr: 264, fpexc: 272, fpinst: 276, fpinst2: 280 } as const;
/** uc_flags of a non-rt frame: a value trap_no never has, so debuggers can tell the two apart */
const UC_FLAGS_SIGFRAME = 0x5ac3c35a;

/**
 * The return trampolines (mov r7, #__NR_[rt_]sigreturn; svc #0) in ARM and Thumb code, as the
 * kernel's sigpage holds them and as it also stores them in the frame's retcode words.
 */
const MOV_R7_SIGRETURN = 0xe3a07077, MOV_R7_RT_SIGRETURN = 0xe3a070ad, SVC_0 = 0xef000000;
const THUMB_SIGRETURN = 0xdf002777, THUMB_RT_SIGRETURN = 0xdf0027ad; // movs r7, #n; svc #0
/** [offset in the sigpage, the two retcode words] by (rt, thumb) */
const TRAMPOLINES: [number, number, number][] = [
  [0, MOV_R7_SIGRETURN, SVC_0], // ARM sigreturn
  [8, THUMB_SIGRETURN, 0], // Thumb sigreturn
  [16, MOV_R7_RT_SIGRETURN, SVC_0], // ARM rt_sigreturn
  [24, THUMB_RT_SIGRETURN, 0], // Thumb rt_sigreturn
];
/** Where tsemu maps the sigpage (the kernel picks a random address; any free page will do). */
export const SIGPAGE = 0xfffe0000;

/** Map the sigpage with the four trampolines. */
export function mapSigpage(t: Task): void {
  t.mapAnon(SIGPAGE, 4096, PAGE_READ | PAGE_EXEC);
  const dv = t.mem.dv;
  for (const [off, w0, w1] of TRAMPOLINES) {
    dv.setUint32(SIGPAGE + off, w0, true);
    dv.setUint32(SIGPAGE + off + 4, w1, true);
  }
}

function cpuOf(t: Task): CPUARMState {
  return t.cpu as CPUARMState;
}

/**
 * Where a frame of `size` bytes goes (get_sigframe): below sp, or at the top of the alternate
 * stack when the action asks for it and the thread is not on it already, 8-byte aligned (AAPCS).
 * Null if it would overflow the alternate stack (the kernel then forces SIGSEGV).
 */
export function frameAddress(
  sp: number, size: number, onstack: boolean,
  alt: { onAltStack(sp: number): boolean; altStackFlags(sp: number): number; altStack: { sp: number; size: number } },
): number | null {
  sp >>>= 0;
  const nested = alt.onAltStack(sp);
  let entering = false;
  if (onstack && alt.altStackFlags(sp) === 0) {
    sp = (alt.altStack.sp + alt.altStack.size) >>> 0;
    entering = true;
  }
  const frame = ((sp - size) & ~7) >>> 0;
  if ((nested || entering) && !alt.onAltStack(frame)) return null;
  return frame;
}

/** setup_sigframe: the sigcontext, the saved mask and the VFP record of the ucontext at `uc`. */
function putUcontextState(t: Task, uc: number, mask: bigint): void {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  const st = t.signals;
  const sc = uc + UC.mcontext;
  m.st32(sc + SC.trapNo, st.trapNr);
  m.st32(sc + SC.errorCode, st.errorCode);
  m.st32(sc + SC.oldmask, Number(mask & 0xffffffffn));
  for (let i = 0; i < 15; i++) m.st32(sc + SC.r0 + 4 * i, R[i]);
  m.st32(sc + SC.pc, cpu.pc);
  m.st32(sc + SC.cpsr, cpu.getCpsr());
  m.st32(sc + SC.faultAddress, st.cr2);
  m.st32(uc + UC.sigmask, Number(mask & 0xffffffffn));
  m.st32(uc + UC.sigmask + 4, Number(mask >> 32n));
  const vfp = uc + UC.regspace;
  m.st32(vfp + VFP.magic, VFP_MAGIC);
  m.st32(vfp + VFP.size, VFP_STORAGE_SIZE);
  for (let i = 0; i < 64; i++) m.st32(vfp + VFP.fpregs + 4 * i, R[VFP_W + i]);
  m.st32(vfp + VFP.fpscr, cpu.getFpscr());
  m.st32(vfp + VFP.fpexc, R[FPEXC]);
  m.st32(vfp + VFP.fpinst, 0);
  m.st32(vfp + VFP.fpinst2, 0);
  m.st32(vfp + VFP_STORAGE_SIZE, 0); // end of the aux records
}

export const ARM_SIGNALS: SignalArch = {
  setupFrame(t: Task, s: PendingSignal, action: SigAction, mask: bigint): boolean {
    const cpu = cpuOf(t);
    const R = cpu.R;
    const st = t.signals;
    const m = t.mem;
    const rt = (action.flags & SA_SIGINFO) !== 0;
    const frame = frameAddress(R[SP], rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE, (action.flags & SA_ONSTACK) !== 0, st);
    if (frame === null) return false;
    const handler = action.handler >>> 0;
    const thumb = handler & 1;
    const sf = rt ? frame + RT_SIG : frame;
    const uc = sf;
    const [off, w0, w1] = TRAMPOLINES[(rt ? 2 : 0) + thumb];
    try {
      if (rt) {
        m.write(frame, s.info);
        m.st32(uc + UC.flags, 0);
        m.st32(uc + UC.link, 0);
        const alt = st.altStack;
        m.st32(uc + UC.stack, alt.sp);
        m.st32(uc + UC.stack + 4, alt.flags);
        m.st32(uc + UC.stack + 8, alt.size);
      } else {
        m.st32(uc + UC.flags, UC_FLAGS_SIGFRAME);
      }
      putUcontextState(t, uc, mask);
      m.st32(sf + SF_RETCODE, w0);
      m.st32(sf + SF_RETCODE + 4, w1);
    } catch {
      return false;
    }
    if (rt && st.altStack.flags & SS_AUTODISARM) st.altStack = { sp: 0, size: 0, flags: SS_DISABLE };
    // the handler runs with the LEN and STRIDE fields of FPSCR cleared, as vfp_preserve_user_clear_hwstate leaves them
    cpu.setFpscr(cpu.getFpscr() & ~(FPSCR_LEN | FPSCR_STRIDE));
    R[0] = s.sig;
    if (rt) {
      R[1] = frame;
      R[2] = uc;
    }
    R[SP] = frame;
    R[LR] = action.flags & SA_RESTORER ? action.restorer : SIGPAGE + off + thumb;
    R[CONDEXEC] = 0; // no IT block in the handler
    cpu.setPcInterworking(handler); // bit 0 selects Thumb state
    return true;
  },
  setSyscallResult(t: Task, v: number): void {
    cpuOf(t).R[0] = v;
  },
  rewindSyscall(t: Task, nr: number): void {
    const cpu = cpuOf(t);
    // back over the SVC (2 bytes in Thumb state, 4 in ARM state); r0 was overwritten by the result
    cpu.pc = cpu.pc - (cpu.thumb ? 2 : 4);
    cpu.R[0] = ORIG_R0.get(t) ?? cpu.R[0];
    cpu.R[7] = nr;
  },
};

/**
 * r0 as the last system call received it (the kernel's ORIG_r0), recorded by the cpu loop: the
 * result overwrites r0, and a restarted call needs its first argument back.
 */
export const ORIG_R0 = new WeakMap<Task, number>();

/** restore_sigframe: registers, mask and VFP state from the ucontext at `uc`; false for a bad frame. */
function restoreUcontext(t: Task, uc: number): boolean {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  const sc = uc + UC.mcontext;
  const regs = new Array<number>(16);
  let cpsr: number, lo: number, hi: number, fpscr: number;
  const vfp = uc + UC.regspace;
  const d = new Array<number>(64);
  try {
    lo = m.ld32(uc + UC.sigmask);
    hi = m.ld32(uc + UC.sigmask + 4);
    for (let i = 0; i < 16; i++) regs[i] = m.ld32(sc + SC.r0 + 4 * i);
    cpsr = m.ld32(sc + SC.cpsr);
    if (m.ld32(vfp + VFP.magic) >>> 0 !== VFP_MAGIC || m.ld32(vfp + VFP.size) >>> 0 !== VFP_STORAGE_SIZE) return false;
    for (let i = 0; i < 64; i++) d[i] = m.ld32(vfp + VFP.fpregs + 4 * i);
    fpscr = m.ld32(vfp + VFP.fpscr);
  } catch {
    return false;
  }
  t.signals.blocked = ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) & ~UNBLOCKABLE;
  for (let i = 0; i < 15; i++) R[i] = regs[i];
  R[PC] = regs[15] & ~1;
  // user mode stays user mode (valid_user_regs): only the flags and the execution state come back
  cpu.setCpsr(cpsr, CPSR_USER | CPSR_EXEC);
  for (let i = 0; i < 64; i++) R[VFP_W + i] = d[i];
  cpu.setFpscr(fpscr);
  // sigreturn disables system-call restarting, pending restart_syscall included
  t.restartBlock = null;
  return true;
}

/** sigreturn (119): the struct sigframe is at sp (the handler returned with sp where it started). */
export function doSigreturn(t: Task): boolean {
  const sp = cpuOf(t).R[SP] >>> 0;
  if (sp & 7) return false; // frames are 8-byte aligned: anything else is a forged frame
  return restoreUcontext(t, sp);
}

/** rt_sigreturn (173): the struct rt_sigframe is at sp. */
export function doRtSigreturn(t: Task): boolean {
  const cpu = cpuOf(t);
  const frame = cpu.R[SP] >>> 0;
  if (frame & 7) return false;
  const uc = frame + RT_SIG;
  let ss: { sp: number; flags: number; size: number };
  try {
    ss = { sp: t.mem.ld32(uc + UC.stack), flags: t.mem.ld32(uc + UC.stack + 4), size: t.mem.ld32(uc + UC.stack + 8) };
  } catch {
    return false;
  }
  if (!restoreUcontext(t, uc)) return false;
  // restore_altstack: errors other than EFAULT are ignored
  t.signals.setAltStack(ss, cpu.R[SP]);
  return true;
}
