// Per-process signal state: the guest's dispositions, blocked mask, pending queues, alternate
// stack and the trap information the kernel copies into every sigcontext (QEMU's sigact_table /
// TaskState signal fields, the kernel's sighand/signal/thread fields). Delivery lives in
// signal.ts. Everything here is plain data and pure logic, so it is unit-tested directly.
export const NSIG = 64;
export const SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8;
export const SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15;
export const SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23;
export const SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29, SIGSYS = 31;
export const SIGRTMIN = 32;

export const SIG_DFL = 0, SIG_IGN = 1;

// si_code values
export const SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_MESGQ = -3, SI_ASYNCIO = -4;
export const SI_SIGIO = -5, SI_TKILL = -6;
export const ILL_ILLOPN = 2, FPE_INTDIV = 1, SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRERR = 2, TRAP_BRKPT = 1;

export const SIGINFO_SIZE = 128;

/** bit of `sig` in a sigset */
export const sigbit = (sig: number): bigint => 1n << BigInt(sig - 1);
/** SIGKILL and SIGSTOP can be neither blocked nor caught */
export const UNBLOCKABLE = sigbit(SIGKILL) | sigbit(SIGSTOP);
/** delivered before any other pending signal (the kernel's SYNCHRONOUS_MASK) */
export const SYNCHRONOUS_MASK = sigbit(SIGSEGV) | sigbit(SIGBUS) | sigbit(SIGILL) | sigbit(SIGTRAP) | sigbit(SIGFPE) | sigbit(SIGSYS);

export type DefaultAction = "term" | "core" | "ign" | "stop" | "cont";
/** What SIG_DFL does for `sig` (signal(7)); real-time signals terminate. */
export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE: case SIGSEGV:
    case SIGXCPU: case SIGXFSZ: case SIGSYS:
      return "core";
    case SIGCHLD: case SIGURG: case SIGWINCH:
      return "ign";
    case SIGCONT:
      return "cont";
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
      return "stop";
    default:
      return "term";
  }
}

export interface SigAction {
  handler: number; // guest address, or SIG_DFL (0) / SIG_IGN (1)
  flags: number;
  restorer: number;
  mask: bigint; // blocked during the handler
}

/** A generated signal waiting for delivery. */
export interface PendingSignal {
  sig: number;
  /** the i386 siginfo_t the guest will see (128 bytes; si_signo, si_errno, si_code, union) */
  info: Uint8Array;
  /** sent to the thread (tgkill, faults, SIGPIPE) rather than to the process (kill, timers) */
  thread: boolean;
  /** a synchronous fault: delivered even if blocked or ignored (the kernel's force_sig) */
  forced: boolean;
  /** the POSIX timer that queued it: si_overrun is filled in when it is dequeued */
  timerId?: number;
}

// ---- siginfo_t (compat, 32-bit) -------------------------------------------------------------------
function blankInfo(sig: number, code: number, errno = 0): Uint8Array {
  const b = new Uint8Array(SIGINFO_SIZE);
  const dv = new DataView(b.buffer);
  dv.setInt32(0, sig, true);
  dv.setInt32(4, errno, true);
  dv.setInt32(8, code, true);
  return b;
}
function words(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
/** SEND_SIG_PRIV: the kernel itself sends it (SI_KERNEL, no sender) */
export function kernelInfo(sig: number): Uint8Array {
  return blankInfo(sig, SI_KERNEL);
}
/** kill/tgkill/send_sig: the sender's pid and uid */
export function userInfo(sig: number, code: number, pid: number, uid: number): Uint8Array {
  const b = blankInfo(sig, code);
  words(b).setInt32(12, pid, true);
  words(b).setUint32(16, uid, true);
  return b;
}
/** a fault: si_addr */
export function faultInfo(sig: number, code: number, addr: number): Uint8Array {
  const b = blankInfo(sig, code);
  words(b).setUint32(12, addr >>> 0, true);
  return b;
}
/** a POSIX timer expiry: si_tid, si_overrun, si_value */
export function timerInfo(sig: number, timerId: number, overrun: number, value: number): Uint8Array {
  const b = blankInfo(sig, SI_TIMER);
  const dv = words(b);
  dv.setInt32(12, timerId, true);
  dv.setInt32(16, overrun, true);
  dv.setUint32(20, value >>> 0, true);
  return b;
}

/**
 * Which union member a siginfo carries, as the kernel's siginfo_layout(): it decides which
 * fields survive the trip from a sender (rt_sigqueueinfo) through the kernel to the receiver.
 * Returns the number of 32-bit words after si_code that are kept.
 */
export function siginfoWords(sig: number, code: number): number {
  if (code > SI_USER && code < SI_KERNEL) {
    // signal-specific codes (with the kernel's per-signal limits)
    const limits: Record<number, [number, number]> = {
      [SIGILL]: [11, 1], [SIGFPE]: [15, 1], [SIGSEGV]: [9, 1], [SIGBUS]: [5, 1], [SIGTRAP]: [6, 1],
      [SIGCHLD]: [6, 5], [SIGIO]: [6, 2], [SIGSYS]: [1, 3],
    };
    const l = limits[sig];
    if (l && code <= l[0]) return l[1];
    if (code <= 6) return 2; // SIL_POLL
    return 2; // SIL_KILL
  }
  if (code === SI_TIMER) return 3;
  if (code === SI_SIGIO) return 2;
  if (code < 0) return 3; // SIL_RT: pid, uid, value
  return 2; // SIL_KILL: pid, uid
}

/** A siginfo supplied by the guest (rt_sigqueueinfo) as the receiver gets it. */
export function normalizeSiginfo(sig: number, raw: Uint8Array): Uint8Array {
  const src = words(raw);
  const code = src.getInt32(8, true);
  const b = blankInfo(sig, code, src.getInt32(4, true));
  const n = siginfoWords(sig, code);
  b.set(raw.subarray(12, 12 + 4 * n), 12);
  return b;
}

// ---- the state --------------------------------------------------------------------------------------
export const SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 0x80000000;
/** the smallest alternate stack the kernel accepts from a 32-bit process */
export const MINSIGSTKSZ = 2048;

export class SignalState {
  readonly actions: SigAction[] = [];
  blocked = 0n;
  /** while rt_sigtimedwait temporarily unblocks the signals it waits for: the real mask */
  realBlocked = 0n;
  /** pending signals in arrival order, thread-directed and process-directed together */
  pending: PendingSignal[] = [];
  /** sigaltstack as the kernel keeps it: sas_ss_sp, sas_ss_size and the raw flags last set */
  altStack = { sp: 0, size: 0, flags: 0 };
  /**
   * The mask to put back once a handler frame has been set up (or, if none is, when the system
   * call returns): sigsuspend, pselect6 and ppoll wait under a temporary mask (TIF_RESTORE_SIGMASK).
   */
  savedMask: bigint | null = null;
  /** the last hardware trap (thread.trap_nr, error_code, cr2): every sigcontext reports them */
  trapNr = 0;
  errorCode = 0;
  cr2 = 0;

  constructor() {
    for (let i = 0; i <= NSIG; i++) this.actions.push({ handler: SIG_DFL, flags: 0, restorer: 0, mask: 0n });
  }

  /** on_sig_stack(sp): is sp inside the alternate stack (the kernel's test, stack growing down) */
  onAltStack(sp: number): boolean {
    const a = this.altStack;
    sp >>>= 0;
    return sp > a.sp && sp - a.sp <= a.size;
  }
  /** sas_ss_flags(sp): SS_DISABLE without a stack, SS_ONSTACK while running on it */
  altStackFlags(sp: number): number {
    if (this.altStack.size === 0) return SS_DISABLE;
    return this.onAltStack(sp) ? SS_ONSTACK : 0;
  }

  /**
   * do_sigaltstack with a new stack `ss` while the stack pointer is `sp`: 0 or -errno (EPERM
   * while running on the current alternate stack, EINVAL for bad flags, ENOMEM below
   * MINSIGSTKSZ). The flags are kept as given, as the kernel keeps them.
   */
  setAltStack(ss: { sp: number; flags: number; size: number }, sp: number): number {
    if (this.onAltStack(sp)) return -1; // EPERM
    const mode = (ss.flags & ~SS_AUTODISARM) >>> 0;
    if (mode !== SS_DISABLE && mode !== SS_ONSTACK && mode !== 0) return -22; // EINVAL
    const a = this.altStack;
    if (a.sp === ss.sp >>> 0 && a.size === ss.size >>> 0 && a.flags === ss.flags >>> 0) return 0;
    let nsp = ss.sp >>> 0, size = ss.size >>> 0;
    if (mode === SS_DISABLE) nsp = size = 0;
    else if (size < MINSIGSTKSZ) return -12; // ENOMEM
    this.altStack = { sp: nsp, size, flags: ss.flags >>> 0 };
    return 0;
  }

  /** Signals pending in either queue. */
  pendingSet(): bigint {
    let m = 0n;
    for (const p of this.pending) m |= sigbit(p.sig);
    return m;
  }
  /** Is some pending signal deliverable under the current mask? */
  hasDeliverable(): boolean {
    for (const p of this.pending) if (!(this.blocked & sigbit(p.sig))) return true;
    return false;
  }
  /** Is a signal from `set` pending? */
  hasPendingIn(set: bigint): boolean {
    for (const p of this.pending) if (set & sigbit(p.sig)) return true;
    return false;
  }

  /**
   * Add a generated signal (the kernel's prepare_signal + __send_signal): dropped if it is
   * ignored and not blocked, and a standard signal already pending in the same queue is not
   * queued again. A forced fault that is blocked or ignored resets the handler and unblocks it
   * (force_sig_info). Returns false if dropped.
   */
  queue(ps: PendingSignal): boolean {
    const sig = ps.sig;
    const bit = sigbit(sig);
    const act = this.actions[sig];
    if (ps.forced && ((this.blocked & bit) !== 0n || act.handler === SIG_IGN)) {
      act.handler = SIG_DFL;
      this.blocked &= ~bit;
    }
    if (this.ignored(sig)) return false;
    if (sig < SIGRTMIN && this.pending.some((p) => p.sig === sig && p.thread === ps.thread)) return false;
    this.pending.push(ps);
    return true;
  }

  /** Would `sig` be discarded at generation (ignored and not blocked)? */
  ignored(sig: number): boolean {
    if ((this.blocked | this.realBlocked) & sigbit(sig) || sig === SIGKILL) return false;
    const act = this.actions[sig];
    return act.handler === SIG_IGN || (act.handler === SIG_DFL && defaultAction(sig) === "ign");
  }

  /**
   * Take the next signal to deliver among those not in `mask` (the kernel's dequeue_signal):
   * thread-directed before process-directed; within a queue the synchronous faults first, then
   * the lowest signal number; queued instances of one real-time signal in order.
   */
  dequeue(mask: bigint): PendingSignal | null {
    for (const thread of [true, false]) {
      let avail = 0n;
      for (const p of this.pending) if (p.thread === thread && !(mask & sigbit(p.sig))) avail |= sigbit(p.sig);
      if (avail === 0n) continue;
      if (avail & SYNCHRONOUS_MASK) avail &= SYNCHRONOUS_MASK;
      let sig = 1;
      while (!(avail & sigbit(sig))) sig++;
      const i = this.pending.findIndex((p) => p.thread === thread && p.sig === sig);
      return this.pending.splice(i, 1)[0];
    }
    return null;
  }

  /** Discard pending instances of `sig` (it became ignored: sigaction to SIG_IGN or a default-ignore). */
  flush(sig: number): void {
    this.pending = this.pending.filter((p) => p.sig !== sig);
  }
}
