// Signal generation and delivery shared by all architectures (QEMU's queue_signal and
// process_pending_signals, the kernel's send_signal / get_signal / handle_signal): queue a
// signal, choose the next deliverable one, apply a default action, or have the architecture
// build a handler frame — after fixing up an interrupted system call (-EINTR or restart).
import type { Task } from "./task";
import {
  defaultAction, faultInfo, kernelInfo, PendingSignal, SigAction, SIGSEGV, SIG_DFL, SIG_IGN, sigbit, UNBLOCKABLE,
  userInfo,
} from "./signal-state";
import { EINTR, ERESTARTNOHAND, ERESTARTNOINTR, ERESTARTSYS, ERESTART_RESTARTBLOCK } from "./errno";
import { hostsys, HOST_NR } from "./host";

export { SIG_DFL, SIG_IGN };
export const SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000, SA_RESTORER = 0x04000000;
export { SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV } from "./signal-state";

export interface SignalArch {
  /**
   * Build the handler frame (saving `mask` as the mask to restore) and point the CPU at the
   * handler; false if the frame could not be written.
   */
  setupFrame(t: Task, sig: PendingSignal, action: SigAction, mask: bigint): boolean;
  /** Set the result register of the system call the CPU just returned from. */
  setSyscallResult(t: Task, v: number): void;
  /** Make the CPU execute system call `nr` again (back over the trap instruction). */
  rewindSyscall(t: Task, nr: number): void;
}

/** strsignal() text as qemu prints it for the uncaught-signal line. */
export function signalName(sig: number): string {
  const names: Record<number, string> = {
    1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap",
    6: "Aborted", 7: "Bus error", 8: "Floating point exception", 9: "Killed", 10: "User defined signal 1",
    11: "Segmentation fault", 12: "User defined signal 2", 13: "Broken pipe", 14: "Alarm clock",
    15: "Terminated", 16: "Stack fault", 24: "CPU time limit exceeded", 25: "File size limit exceeded",
    26: "Virtual timer expired", 27: "Profiling timer expired", 29: "I/O possible", 30: "Power failure",
    31: "Bad system call",
  };
  return names[sig] ?? `Real-time signal ${sig - 34}`;
}

// ---- generation -------------------------------------------------------------------------------------
let selfIds: { pid: number; uid: number } | null = null;
/** this process's pid and uid (the sender of signals it sends itself) */
export function selfIdentity(): { pid: number; uid: number } {
  if (selfIds === null) selfIds = { pid: hostsys().sys(HOST_NR.getpid), uid: hostsys().sys(HOST_NR.getuid) };
  return selfIds;
}

/** Queue a fully built signal; false if it was discarded (ignored, or a duplicate standard signal). */
export function queueSignal(t: Task, ps: PendingSignal): boolean {
  return t.signals.queue(ps);
}
/** A signal sent by this process to itself: kill (process-directed) or tgkill/raise (thread-directed). */
export function sendUserSignal(t: Task, sig: number, code: number, thread: boolean): boolean {
  const { pid, uid } = selfIdentity();
  return queueSignal(t, { sig, info: userInfo(sig, code, pid, uid), thread, forced: false });
}
/** A synchronous fault (force_sig_fault): cannot be blocked or ignored. */
export function forceFault(t: Task, sig: number, code: number, addr: number): void {
  queueSignal(t, { sig, info: faultInfo(sig, code, addr), thread: true, forced: true });
}
/** force_sig(sig): SI_KERNEL, e.g. int3, #GP, a bad sigreturn frame. */
export function forceKernelSignal(t: Task, sig: number): void {
  queueSignal(t, { sig, info: kernelInfo(sig), thread: true, forced: true });
}

// ---- delivery ----------------------------------------------------------------------------------------
/** Terminate the guest as the kernel would for an unhandled fatal signal. */
export function dieBySignal(t: Task, sig: number, prog: string): void {
  if (defaultAction(sig) === "core") {
    process.stderr.write(`${prog}: uncaught target signal ${sig} (${signalName(sig)}) - core dumped\n`);
  }
  t.exitStatus = 128 + sig;
  t.termSignal = sig;
}

/**
 * Deliver pending unblocked signals; returns once the CPU is ready to resume (or the task died).
 * Each handler frame goes on top of the previous one, so with several signals pending the last
 * one set up runs first, as on Linux. If the CPU just returned from a system call with a restart
 * code, the first handler decides between -EINTR and re-executing it; with no handler the call is
 * re-executed (and a temporary sigsuspend-style mask is put back).
 */
export function processPendingSignals(t: Task, arch: SignalArch, prog: string): void {
  const st = t.signals;
  let handled = false;
  while (t.exitStatus === null) {
    const queued = st.dequeue(st.blocked);
    if (queued === null) break;
    // an attached gdb sees every signal first and may replace or discard it
    const ps = t.debugger === null ? queued : t.debugger.signal(t, queued);
    if (ps === null) continue;
    if (ps.timerId !== undefined) t.timers.fillOverrun(ps);
    const sig = ps.sig;
    const action = st.actions[sig];
    if (action.handler === SIG_IGN) continue;
    if (action.handler === SIG_DFL) {
      const d = defaultAction(sig);
      // stopping is not emulated: a stop signal is ignored like SIGCONT
      if (d === "ign" || d === "cont" || d === "stop") continue;
      dieBySignal(t, sig, prog);
      return;
    }
    const handlerAction = { ...action };
    if (action.flags & SA_RESETHAND) action.handler = SIG_DFL;
    interruptSyscall(t, arch, handlerAction.flags);
    const mask = st.savedMask ?? st.blocked;
    if (!arch.setupFrame(t, ps, handlerAction, mask)) {
      // force_sigsegv: a SIGSEGV whose own frame cannot be built is fatal
      if (sig === SIGSEGV) {
        dieBySignal(t, SIGSEGV, prog);
        return;
      }
      forceKernelSignal(t, SIGSEGV);
      continue;
    }
    handled = true;
    st.savedMask = null;
    st.blocked |= handlerAction.mask;
    if (!(handlerAction.flags & SA_NODEFER)) st.blocked |= sigbit(sig);
    st.blocked &= ~UNBLOCKABLE;
  }
  if (t.exitStatus !== null) return;
  if (!handled) {
    restartWithoutHandler(t, arch);
    if (st.savedMask !== null) {
      st.blocked = st.savedMask;
      st.savedMask = null;
    }
  }
}

/** handle_signal's fix-up of a system call interrupted by a signal that gets a handler. */
function interruptSyscall(t: Task, arch: SignalArch, flags: number): void {
  const r = t.syscallRestart;
  if (r === null) return;
  t.syscallRestart = null;
  switch (r.ret) {
    case -ERESTART_RESTARTBLOCK:
    case -ERESTARTNOHAND:
      arch.setSyscallResult(t, -EINTR);
      break;
    case -ERESTARTSYS:
      if (!(flags & SA_RESTART)) {
        arch.setSyscallResult(t, -EINTR);
        break;
      }
      arch.rewindSyscall(t, r.nr);
      break;
    case -ERESTARTNOINTR:
      arch.rewindSyscall(t, r.nr);
      break;
  }
}
/** No handler ran: an interrupted system call simply runs again. */
function restartWithoutHandler(t: Task, arch: SignalArch): void {
  const r = t.syscallRestart;
  if (r === null) return;
  t.syscallRestart = null;
  if (r.ret === -ERESTART_RESTARTBLOCK) arch.rewindSyscall(t, 0); // restart_syscall
  else arch.rewindSyscall(t, r.nr);
}
