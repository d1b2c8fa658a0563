// i386 signal frames as an x86-64 kernel builds them for a 32-bit process
// (arch/x86/ia32/ia32_signal.c): struct sigframe_ia32 / rt_sigframe_ia32 with siginfo, ucontext,
// sigcontext and the FPU state below them, placed by get_sigframe (alternate stack, ABI
// alignment); and sigreturn / rt_sigreturn. Handlers return through the sa_restorer glibc
// installs or, without one, through the trampoline page tsemu maps in place of the vDSO.
import { PAGE_EXEC, PAGE_READ } from "../../memory/address-space";
import {
  CPUX86State, EIP, R_CS, R_DS, R_EAX, R_ECX, R_EDX, R_ES, R_ESP, R_FS, R_GS, R_SS, SEG_BASE, SEG_LIMIT, SEG_SEL,
} from "../../target/i386/cpu";
import { loadSeg } from "../../target/i386/helpers/alu";
import type { Task } from "../task";
import { PendingSignal, SigAction, SIGINFO_SIZE, SS_AUTODISARM, SS_DISABLE, UNBLOCKABLE } from "../signal-state";
import { SA_ONSTACK, SA_RESTORER, SA_SIGINFO, SignalArch } from "../signal";
import { FPSTATE_SIZE, FXSAVE_OFFSET, initFpu, restoreFpstate, saveFpstate } from "./fpstate";
import { VDSO_IMAGE, VDSO_SYMBOLS } from "./vdso-image";

/** Where the vDSO (vdso/vdso.S) is mapped: one page just below the emulator's own top pages. */
export const VDSO_BASE = 0xfffe0000;
const SIGRETURN = VDSO_BASE + VDSO_SYMBOLS.__kernel_sigreturn;
const RT_SIGRETURN = VDSO_BASE + VDSO_SYMBOLS.__kernel_rt_sigreturn;
/** The vDSO's auxiliary-vector entries (AT_SYSINFO_EHDR, AT_SYSINFO), for the ELF loader. */
export const I386_VDSO = { base: VDSO_BASE, sysinfo: VDSO_BASE + VDSO_SYMBOLS.__kernel_vsyscall };
/** Map the vDSO, which holds the signal-return trampolines handlers without sa_restorer return to. */
export function mapSigtramp(t: Task): void {
  t.mapAnon(VDSO_BASE, 4096, PAGE_READ | PAGE_EXEC);
  t.mem.poke(VDSO_BASE, VDSO_IMAGE);
}

const USER_CS = 0x23, USER_DS = 0x2b;
const UC_FP_XSTATE = 1;
export const SC_SIZE = 88; // struct sigcontext_32
export const UC_SIZE = 116; // struct ucontext_ia32: flags, link, stack_t, sigcontext, sigset
const UC_STACK = 8, UC_MCONTEXT = 20, UC_SIGMASK = 108;
/** struct sigframe_ia32: pretcode, sig, sigcontext, an unused _fpstate_32, extramask, retcode */
export const SIGFRAME_SIZE = 8 + SC_SIZE + FPSTATE_SIZE + 4 + 8;
const SF_SC = 8, SF_EXTRAMASK = 8 + SC_SIZE + FPSTATE_SIZE, SF_RETCODE = SF_EXTRAMASK + 4;
/** struct rt_sigframe_ia32: pretcode, sig, pinfo, puc, siginfo, ucontext, retcode */
export const RT_SIGFRAME_SIZE = 16 + SIGINFO_SIZE + UC_SIZE + 8;
const RT_INFO = 16, RT_UC = 16 + SIGINFO_SIZE, RT_RETCODE = RT_UC + UC_SIZE;
/** the fxsave image the kernel places below the frame (no XSAVE on the emulated CPU) */
const FXSAVE_SIZE = 512;
/** EFLAGS bits sigreturn takes from the sigcontext (FIX_EFLAGS without RF, which tsemu does not model) */
const FIX_EFLAGS = 0x40dd5;

function cpuOf(t: Task): CPUX86State {
  return t.cpu as CPUX86State;
}

/**
 * Where the frame goes (get_sigframe): the alternate stack when asked for and not already on it,
 * room for the FPU state (fxsave area 64-byte aligned, legacy header below it), then the frame
 * aligned so that the handler sees ((sp + 4) & 15) == 0. Null if it would overflow the
 * alternate stack (the kernel then forces SIGSEGV).
 */
export function frameLayout(
  sp: number, frameSize: number, onstack: boolean, alt: { onAltStack(sp: number): boolean; altStackFlags(sp: number): number; altStack: { sp: number; size: number } },
): { frame: number; fpstate: number } | null {
  sp >>>= 0;
  const nested = alt.onAltStack(sp);
  let entering = false;
  if (onstack && alt.altStackFlags(sp) === 0) {
    sp = (alt.altStack.sp + alt.altStack.size) >>> 0;
    entering = true;
  }
  const bufFx = Math.floor((sp - FXSAVE_SIZE) / 64) * 64;
  const fpstate = bufFx - FXSAVE_OFFSET;
  let frame = fpstate - frameSize;
  frame = (Math.floor((frame + 4) / 16) * 16 - 4) >>> 0;
  if ((nested || entering) && !alt.onAltStack(frame)) return null;
  return { frame, fpstate: fpstate >>> 0 };
}

/** Write struct sigcontext_32 at `a` (through the access layer: faults propagate). */
function putSigcontext(t: Task, a: number, mask: bigint, fpstate: number): void {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  const st = t.signals;
  const seg = (s: number) => R[SEG_SEL + s] & 0xffff;
  m.st32(a + 0, seg(R_GS));
  m.st32(a + 4, seg(R_FS));
  m.st32(a + 8, seg(R_ES));
  m.st32(a + 12, seg(R_DS));
  const order = [7, 6, 5, 4, 3, 2, 1, 0]; // edi esi ebp esp ebx edx ecx eax
  order.forEach((r, i) => m.st32(a + 16 + i * 4, R[r]));
  m.st32(a + 48, st.trapNr);
  m.st32(a + 52, st.errorCode);
  m.st32(a + 56, R[EIP]);
  m.st32(a + 60, seg(R_CS));
  m.st32(a + 64, cpu.getEflags());
  m.st32(a + 68, R[R_ESP]);
  m.st32(a + 72, seg(R_SS));
  m.st32(a + 76, fpstate);
  m.st32(a + 80, Number(mask & 0xffffffffn));
  m.st32(a + 84, st.cr2);
}

/** The registers a handler starts with: flat data segments, DF/TF clear. */
function enterHandler(cpu: CPUX86State, handler: number, frame: number): void {
  const R = cpu.R;
  R[R_ESP] = frame;
  R[EIP] = handler;
  for (const [s, sel] of [[R_DS, USER_DS], [R_ES, USER_DS], [R_SS, USER_DS], [R_CS, USER_CS]]) {
    if ((R[SEG_SEL + s] & 0xffff) === sel) continue;
    R[SEG_SEL + s] = sel;
    R[SEG_BASE + s] = 0;
    R[SEG_LIMIT + s] = -1;
  }
  cpu.setEflags(cpu.getEflags() & ~0x500);
}

export const I386_SIGNALS: SignalArch = {
  setupFrame(t: Task, s: PendingSignal, action: SigAction, mask: bigint): boolean {
    const cpu = cpuOf(t);
    const R = cpu.R;
    const st = t.signals;
    const m = t.mem;
    const rt = (action.flags & SA_SIGINFO) !== 0;
    const sp = R[R_ESP] >>> 0;
    const where = frameLayout(sp, rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE, (action.flags & SA_ONSTACK) !== 0, st);
    if (where === null) return false;
    const { frame, fpstate } = where;
    try {
      if (rt) {
        const info = frame + RT_INFO, uc = frame + RT_UC;
        m.st32(frame, action.flags & SA_RESTORER ? action.restorer : RT_SIGRETURN);
        m.st32(frame + 4, s.sig);
        m.st32(frame + 8, info);
        m.st32(frame + 12, uc);
        m.write(info, s.info);
        // uc_flags: UC_FP_XSTATE, as the x86-64 hosts tsemu runs on (and records tests on) report;
        // the fpstate itself carries no extended state (no FP_XSTATE_MAGIC1), which readers check
        m.st32(uc, UC_FP_XSTATE);
        m.st32(uc + 4, 0);
        const alt = st.altStack;
        m.st32(uc + UC_STACK, alt.sp);
        m.st32(uc + UC_STACK + 4, alt.flags);
        m.st32(uc + UC_STACK + 8, alt.size);
        putSigcontext(t, uc + UC_MCONTEXT, mask, fpstate);
        m.st32(uc + UC_SIGMASK, Number(mask & 0xffffffffn));
        m.st32(uc + UC_SIGMASK + 4, Number(mask >> 32n));
        m.write(frame + RT_RETCODE, Uint8Array.from([0xb8, 0xad, 0, 0, 0, 0xcd, 0x80, 0]));
      } else {
        m.st32(frame, action.flags & SA_RESTORER ? action.restorer : SIGRETURN);
        m.st32(frame + 4, s.sig);
        putSigcontext(t, frame + SF_SC, mask, fpstate);
        m.st32(frame + SF_EXTRAMASK, Number(mask >> 32n));
        m.write(frame + SF_RETCODE, Uint8Array.from([0x58, 0xb8, 0x77, 0, 0, 0, 0xcd, 0x80]));
      }
      saveFpstate(cpu, m, fpstate);
    } catch {
      return false;
    }
    if (rt && st.altStack.flags & SS_AUTODISARM) st.altStack = { sp: 0, size: 0, flags: SS_DISABLE };
    enterHandler(cpu, action.handler, frame);
    R[R_EAX] = s.sig;
    R[R_EDX] = rt ? frame + RT_INFO : 0;
    R[R_ECX] = rt ? frame + RT_UC : 0;
    return true;
  },
  setSyscallResult(t: Task, v: number): void {
    cpuOf(t).R[R_EAX] = v;
  },
  rewindSyscall(t: Task, nr: number): void {
    const R = cpuOf(t).R;
    R[R_EAX] = nr;
    R[EIP] = (R[EIP] - 2) | 0; // back over int $0x80
  },
};

/** Restore the CPU from a sigcontext at `a` (restore_sigcontext); false for a bad frame. */
function restoreSigcontext(t: Task, a: number): boolean {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  let regs: number[], eip: number, eflags: number, segs: number[], fp: number;
  try {
    const v = (o: number) => m.ld32(a + o);
    segs = [v(0), v(4), v(12), v(8)].map((x) => (x | 3) & 0xffff); // gs fs ds es, forced to RPL 3
    regs = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => v(16 + i * 4)); // edi esi ebp esp ebx edx ecx eax
    eip = v(56);
    eflags = v(64);
    fp = v(76) >>> 0;
    if (fp !== 0) restoreFpstate(cpu, m, fp);
    else initFpu(cpu);
  } catch {
    return false;
  }
  const order = [7, 6, 5, 4, 3, 2, 1, 0];
  order.forEach((r, i) => (R[r] = regs[i]));
  R[EIP] = eip;
  cpu.setEflags(eflags, FIX_EFLAGS);
  try {
    [R_GS, R_FS, R_DS, R_ES].forEach((seg, i) => {
      if ((R[SEG_SEL + seg] & 0xffff) !== segs[i]) loadSeg(cpu, seg, segs[i]);
    });
  } catch {
    return false; // a selector that cannot be loaded: the return to user mode would fault
  }
  // sigreturn disables system-call restarting, pending restart_syscall included
  t.restartBlock = null;
  return true;
}

function setBlocked(t: Task, lo: number, hi: number): void {
  t.signals.blocked = ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) & ~UNBLOCKABLE;
}

/** sigreturn (119): the frame is at esp - 8 after the trampoline's pop. False on a bad frame. */
export function doSigreturn(t: Task): boolean {
  const frame = ((cpuOf(t).R[R_ESP] >>> 0) - 8) >>> 0;
  try {
    setBlocked(t, t.mem.ld32(frame + SF_SC + 80), t.mem.ld32(frame + SF_EXTRAMASK));
  } catch {
    return false;
  }
  return restoreSigcontext(t, frame + SF_SC);
}

/** rt_sigreturn (173): the frame is at esp - 4 after the handler's ret popped pretcode. */
export function doRtSigreturn(t: Task): boolean {
  const frame = ((cpuOf(t).R[R_ESP] >>> 0) - 4) >>> 0;
  const uc = frame + RT_UC;
  let ss: { sp: number; flags: number; size: number };
  try {
    setBlocked(t, t.mem.ld32(uc + UC_SIGMASK), t.mem.ld32(uc + UC_SIGMASK + 4));
    ss = { sp: t.mem.ld32(uc + UC_STACK), flags: t.mem.ld32(uc + UC_STACK + 4), size: t.mem.ld32(uc + UC_STACK + 8) };
  } catch {
    return false;
  }
  if (!restoreSigcontext(t, uc + UC_MCONTEXT)) return false;
  // restore_altstack: errors other than EFAULT are ignored (it fails with EPERM on the alt stack)
  t.signals.setAltStack(ss, cpuOf(t).R[R_ESP]);
  return true;
}
