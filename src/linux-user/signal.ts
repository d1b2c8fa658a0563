// Signal delivery shared by all architectures (QEMU's process_pending_signals): choose the next
// deliverable signal, apply a default action, or ask the architecture to build a handler frame.
import * as os from "os";
import type { Task } from "./task";
import type { PendingSignal } from "./signal-state";

export const SIG_DFL = 0, SIG_IGN = 1;
export const SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000, SA_RESTORER = 0x04000000;
export const SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;

const CORE = new Set([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
const IGNORE = new Set([17, 18, 23, 28]); // SIGCHLD SIGCONT SIGURG SIGWINCH
const STOP = new Set([19, 20, 21, 22]);
const SYNCHRONOUS = new Set([SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV]);

export interface SignalArch {
  /** Build the handler frame and point the CPU at the handler; false if the frame faulted. */
  setupFrame(t: Task, sig: PendingSignal, action: import("./signal-state").SigAction): boolean;
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

/** Terminate the guest as the kernel would for an unhandled fatal signal. */
export function dieBySignal(t: Task, sig: number, prog: string): void {
  if (CORE.has(sig)) process.stderr.write(`${prog}: uncaught target signal ${sig} (${signalName(sig)}) - core dumped\n`);
  t.exitStatus = 128 + sig;
  void os;
}

/** Deliver pending unblocked signals; returns once the CPU is ready to resume (or the task died). */
export function processPendingSignals(t: Task, arch: SignalArch, prog: string): void {
  const st = t.signals;
  for (;;) {
    if (t.exitStatus !== null) return;
    const i = st.pending.findIndex((p) => SYNCHRONOUS.has(p.sig) && p.code > 0 || !(st.blocked & (1n << BigInt(p.sig - 1))));
    if (i < 0) return;
    const ps = st.pending.splice(i, 1)[0];
    const sig = ps.sig;
    const action = st.actions[sig];
    const blocked = (st.blocked & (1n << BigInt(sig - 1))) !== 0n;
    // a fault the guest ignores or blocks cannot be survived: the kernel forces the default
    const forced = SYNCHRONOUS.has(sig) && ps.code > 0 && (blocked || action.handler === SIG_IGN);
    if (action.handler === SIG_IGN && !forced) continue;
    if (action.handler === SIG_DFL || forced) {
      if (!forced && (IGNORE.has(sig) || STOP.has(sig))) continue;
      dieBySignal(t, sig, prog);
      return;
    }
    const handlerAction = { ...action };
    if (action.flags & SA_RESETHAND) action.handler = SIG_DFL;
    if (!arch.setupFrame(t, ps, handlerAction)) {
      dieBySignal(t, SIGSEGV, prog);
      return;
    }
    st.blocked |= handlerAction.mask;
    if (!(handlerAction.flags & SA_NODEFER)) st.blocked |= 1n << BigInt(sig - 1);
    st.blocked &= ~((1n << 8n) | (1n << 18n));
  }
}
