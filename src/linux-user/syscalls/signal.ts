// Signal system calls: dispositions, masks, the alternate stack, signals sent to this process,
// and the calls that wait for a signal (pause, sigsuspend, rt_sigtimedwait). Frames and
// sigreturn are per-architecture (i386/signal.ts); delivery is in signal.ts. Argument checks
// and their order follow the kernel's compat (32-bit) entry points, so errno values match.
import { HOST_NR as N } from "../host";
import { EAGAIN, EFAULT, EINTR, EINVAL, EPERM, ERESTARTNOHAND, ESRCH } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import {
  NSIG, normalizeSiginfo, SIGINFO_SIZE, SIGKILL, SIGSTOP, SIG_DFL, SIG_IGN, SI_TKILL, SI_USER, defaultAction,
  UNBLOCKABLE, SS_AUTODISARM,
} from "../signal-state";
import { selfIdentity, sendUserSignal } from "../signal";
import { monoNs, waitEvent, WAIT_SIGNAL } from "../timers";
import { ptr, s32, sys } from "./util";

const SA_ONESHOT_NOMASK = 0x80000000 | 0x40000000;

/** do_sigaction: install `nw` (if given) for sig, returning the old action; -EINVAL for a bad signal. */
function doSigaction(t: Task, sig: number, nw: { handler: number; flags: number; restorer: number; mask: bigint } | null) {
  if (sig < 1 || sig > NSIG || (nw && (sig === SIGKILL || sig === SIGSTOP))) return null;
  const a = t.signals.actions[sig];
  const saFlags = t.abi.saFlags;
  const old = { ...a, flags: a.flags & saFlags };
  if (nw) {
    a.handler = nw.handler >>> 0;
    a.flags = (nw.flags & saFlags) >>> 0;
    a.restorer = nw.restorer >>> 0;
    a.mask = nw.mask & ~UNBLOCKABLE;
    // POSIX: setting a pending signal to be ignored discards it
    if (a.handler === SIG_IGN || (a.handler === SIG_DFL && defaultAction(sig) === "ign")) t.signals.flush(sig);
  }
  return old;
}

const rt_sigaction: SyscallFn = (t, sig, act, oact, size) => {
  if (size !== 8) return -EINVAL;
  const dv = t.mem.dv;
  let nw = null;
  if (act) {
    ptr(t, act, 20, false);
    nw = { handler: dv.getUint32(act, true), flags: dv.getUint32(act + 4, true), restorer: dv.getUint32(act + 8, true), mask: dv.getBigUint64(act + 12, true) };
  }
  const old = doSigaction(t, sig, nw);
  if (old === null) return -EINVAL;
  if (oact) {
    ptr(t, oact, 20, true);
    dv.setUint32(oact, old.handler, true);
    dv.setUint32(oact + 4, old.flags, true);
    dv.setUint32(oact + 8, old.restorer, true);
    dv.setBigUint64(oact + 12, old.mask, true);
  }
  return 0;
};
/** the pre-rt sigaction: handler, 32-bit mask, flags, restorer */
const sigaction: SyscallFn = (t, sig, act, oact) => {
  const dv = t.mem.dv;
  let nw = null;
  if (act) {
    ptr(t, act, 16, false);
    nw = { handler: dv.getUint32(act, true), mask: BigInt(dv.getUint32(act + 4, true)), flags: dv.getUint32(act + 8, true), restorer: dv.getUint32(act + 12, true) };
  }
  const old = doSigaction(t, sig, nw);
  if (old === null) return -EINVAL;
  if (oact) {
    ptr(t, oact, 16, true);
    dv.setUint32(oact, old.handler, true);
    dv.setUint32(oact + 4, Number(old.mask & 0xffffffffn), true);
    dv.setUint32(oact + 8, old.flags, true);
    dv.setUint32(oact + 12, old.restorer, true);
  }
  return 0;
};
/** signal(2) as a system call: a one-shot, non-deferring handler; returns the old handler */
const signal: SyscallFn = (t, sig, handler) => {
  const old = doSigaction(t, sig, { handler, flags: SA_ONESHOT_NOMASK, restorer: 0, mask: 0n });
  return old === null ? -EINVAL : old.handler | 0;
};

/** sigprocmask's SIG_BLOCK / SIG_UNBLOCK / SIG_SETMASK on the whole mask */
function changeMask(t: Task, how: number, set: bigint): number {
  const s = t.signals;
  if (how === 0) s.blocked |= set;
  else if (how === 1) s.blocked &= ~set;
  else if (how === 2) s.blocked = set;
  else return -EINVAL;
  s.blocked &= ~UNBLOCKABLE;
  return 0;
}
const rt_sigprocmask: SyscallFn = (t, how, set, oset, size) => {
  if (size !== 8) return -EINVAL;
  const dv = t.mem.dv;
  const old = t.signals.blocked;
  if (set) {
    ptr(t, set, 8, false);
    const r = changeMask(t, how, dv.getBigUint64(set, true));
    if (r < 0) return r;
  }
  if (oset) {
    ptr(t, oset, 8, true);
    dv.setBigUint64(oset, old, true);
  }
  return 0;
};
/** the old sigprocmask works on the first 32 signals only */
const sigprocmask: SyscallFn = (t, how, set, oset) => {
  const dv = t.mem.dv;
  const old = t.signals.blocked;
  if (set) {
    ptr(t, set, 4, false);
    const v = BigInt(dv.getUint32(set, true));
    const r = changeMask(t, how, how === 2 ? (old & ~0xffffffffn) | v : v);
    if (r < 0) return r;
  }
  if (oset) {
    ptr(t, oset, 4, true);
    dv.setUint32(oset, Number(old & 0xffffffffn), true);
  }
  return 0;
};
const sgetmask: SyscallFn = (t) => Number(t.signals.blocked & 0xffffffffn) | 0;
const ssetmask: SyscallFn = (t, m) => {
  const old = Number(t.signals.blocked & 0xffffffffn) | 0;
  t.signals.blocked = ((t.signals.blocked & ~0xffffffffn) | BigInt(m >>> 0)) & ~UNBLOCKABLE;
  return old;
};
const rt_sigpending: SyscallFn = (t, set, size) => {
  if (size > 8) return -EINVAL;
  const m = t.signals.pendingSet() & t.signals.blocked;
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, m, true);
  ptr(t, set, size, true);
  t.mem.write(set, b.subarray(0, size));
  return 0;
};
const sigpending: SyscallFn = (t, set) => {
  ptr(t, set, 4, true);
  t.mem.dv.setUint32(set, Number(t.signals.pendingSet() & t.signals.blocked & 0xffffffffn), true);
  return 0;
};

const sigaltstack: SyscallFn = (t, ss, oss) => {
  const dv = t.mem.dv;
  const st = t.signals;
  const sp = t.cpu.R[t.abi.spReg] >>> 0;
  const old = { ...st.altStack, flags: (st.altStackFlags(sp) | (st.altStack.flags & SS_AUTODISARM)) >>> 0 };
  if (ss) {
    ptr(t, ss, 12, false);
    const r = st.setAltStack({ sp: dv.getUint32(ss, true), flags: dv.getUint32(ss + 4, true), size: dv.getUint32(ss + 8, true) }, sp);
    if (r < 0) return r;
  }
  if (oss) {
    ptr(t, oss, 12, true);
    dv.setUint32(oss, old.sp, true);
    dv.setUint32(oss + 4, old.flags, true);
    dv.setUint32(oss + 8, old.size, true);
  }
  return 0;
};

// ---- sending ----------------------------------------------------------------------------------------
const validSig = (sig: number) => sig >= 0 && sig <= NSIG;

const kill: SyscallFn = (t, pid, sig) => {
  if (!validSig(sig)) return -EINVAL;
  const self = selfIdentity().pid;
  // to itself (or its process group, of which only this process is emulated)
  if (s32(pid) === self || s32(pid) === 0) {
    if (sig) sendUserSignal(t, sig, SI_USER, false);
    return 0;
  }
  return sys(N.kill, s32(pid), sig);
};
const tgkill: SyscallFn = (t, tgid, tid, sig) => {
  if (s32(tgid) <= 0 || s32(tid) <= 0) return -EINVAL;
  if (!validSig(sig)) return -EINVAL;
  const self = selfIdentity().pid;
  if (s32(tid) !== self) return sys(N.tgkill, s32(tgid), s32(tid), sig);
  if (s32(tgid) !== self) return -ESRCH;
  if (sig) sendUserSignal(t, sig, SI_TKILL, true);
  return 0;
};
const tkill: SyscallFn = (t, tid, sig) => {
  if (s32(tid) <= 0) return -EINVAL;
  if (!validSig(sig)) return -EINVAL;
  if (s32(tid) !== selfIdentity().pid) return sys(200 /* tkill */, s32(tid), sig);
  if (sig) sendUserSignal(t, sig, SI_TKILL, true);
  return 0;
};

/** rt_sigqueueinfo / rt_tgsigqueueinfo: the sender supplies the siginfo (to itself only, here) */
function sigqueue(t: Task, pid: number, sig: number, uinfo: number, thread: boolean): number {
  ptr(t, uinfo, SIGINFO_SIZE, false);
  const raw = t.mem.read(uinfo, SIGINFO_SIZE);
  const code = new DataView(raw.buffer).getInt32(8, true);
  const self = selfIdentity().pid;
  // only the kernel (or a process signalling itself) may claim a kernel or tkill si_code
  if ((code >= 0 || code === SI_TKILL) && s32(pid) !== self) return -EPERM;
  if (!validSig(sig)) return -EINVAL;
  if (s32(pid) !== self) return -ESRCH; // other processes: not supported by tsemu
  if (sig) t.signals.queue({ sig, info: normalizeSiginfo(sig, raw), thread, forced: false });
  return 0;
}
const rt_sigqueueinfo: SyscallFn = (t, pid, sig, uinfo) => sigqueue(t, pid, sig, uinfo, false);
const rt_tgsigqueueinfo: SyscallFn = (t, tgid, tid, sig, uinfo) => {
  if (s32(tgid) <= 0 || s32(tid) <= 0) return -EINVAL;
  if (s32(tgid) !== s32(tid)) return -ESRCH;
  return sigqueue(t, tid, sig, uinfo, true);
};

// ---- waiting for signals -----------------------------------------------------------------------
/** Wait, with `mask` as the blocked set until a handler frame has been set up (set_restore_sigmask). */
function suspend(t: Task, mask: bigint): number {
  const st = t.signals;
  st.savedMask = st.blocked;
  st.blocked = mask & ~UNBLOCKABLE;
  waitEvent(t, 0, 0, Infinity);
  return -ERESTARTNOHAND;
}
const rt_sigsuspend: SyscallFn = (t, set, size) => {
  if (size !== 8) return -EINVAL;
  ptr(t, set, 8, false);
  return suspend(t, t.mem.dv.getBigUint64(set, true));
};
/** the i386 sigsuspend(int, int, old_sigset_t): the whole mask becomes the 32-bit one */
const sigsuspend: SyscallFn = (t, _a, _b, mask) => suspend(t, BigInt(mask >>> 0));
const pause: SyscallFn = (t) => {
  waitEvent(t, 0, 0, Infinity);
  return -ERESTARTNOHAND;
};

/**
 * A guest timespec (32- or 64-bit time_t) as ns, or -EINVAL / -EFAULT for a bad one. In the
 * 64-bit layout the kernel ignores the upper half of tv_nsec for a 32-bit process (it is padding).
 */
export function readTimespec(t: Task, a: number, time64: boolean): number {
  const dv = t.mem.dv;
  ptr(t, a, time64 ? 16 : 8, false);
  const sec = time64 ? Number(dv.getBigInt64(a, true)) : dv.getInt32(a, true);
  const nsec = time64 ? dv.getUint32(a + 8, true) : dv.getInt32(a + 4, true);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -EINVAL;
  return sec * 1e9 + nsec;
}

function sigtimedwait(t: Task, uthese: number, uinfo: number, uts: number, size: number, time64: boolean): number {
  if (size !== 8) return -EINVAL;
  ptr(t, uthese, 8, false);
  const these = t.mem.dv.getBigUint64(uthese, true) & ~UNBLOCKABLE;
  let timeout = Infinity;
  if (uts) {
    timeout = readTimespec(t, uts, time64);
    if (timeout < 0) return timeout;
  }
  const st = t.signals;
  let ps = st.dequeue(~these);
  if (ps === null) {
    if (timeout === 0) return -EAGAIN;
    const deadline = monoNs() + timeout;
    st.realBlocked = st.blocked;
    st.blocked &= ~these;
    const r = waitEvent(t, 0, 0, deadline);
    st.blocked = st.realBlocked;
    st.realBlocked = 0n;
    ps = st.dequeue(~these);
    if (ps === null) return r === WAIT_SIGNAL ? -EINTR : -EAGAIN;
  }
  if (ps.timerId !== undefined) t.timers.fillOverrun(ps);
  if (uinfo) {
    if (!t.mem.check(uinfo, SIGINFO_SIZE, true)) return -EFAULT;
    t.mem.write(uinfo, ps.info);
  }
  return ps.sig;
}
const rt_sigtimedwait: SyscallFn = (t, set, info, ts, size) => sigtimedwait(t, set, info, ts, size, false);
const rt_sigtimedwait_time64: SyscallFn = (t, set, info, ts, size) => sigtimedwait(t, set, info, ts, size, true);

export const SIGNAL_SYSCALLS: Record<string, SyscallFn> = {
  rt_sigaction, sigaction, signal, rt_sigprocmask, sigprocmask, sgetmask, ssetmask, rt_sigpending, sigpending,
  sigaltstack, kill, tgkill, tkill, rt_sigqueueinfo, rt_tgsigqueueinfo, rt_sigsuspend, sigsuspend, pause,
  rt_sigtimedwait, rt_sigtimedwait_time64,
};
