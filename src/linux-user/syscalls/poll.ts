// Waiting for file descriptors: poll, ppoll, select, _newselect, pselect6 (and their time64
// versions), and the helper that lets a blocking read or write be interrupted by a guest timer.
// All of them wait through waitLoop (timers.ts), which bounds each host wait by the next timer
// expiry. fd_sets are copied through the scratch area because the guest's are made of 32-bit
// words and the host kernel reads and writes 64-bit ones. Results, timeout write-back and
// restart codes follow fs/select.c.
import { HOST_NR as N, hostsys } from "../host";
import { EFAULT, EINTR, EINVAL, ERESTARTNOHAND, ERESTARTSYS, ERESTART_RESTARTBLOCK } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { UNBLOCKABLE } from "../signal-state";
import { monoNs, NSEC, waitEvent, waitLoop, WAIT_SIGNAL } from "../timers";
import { fd, ptr, s32, sys } from "./util";

const O_NONBLOCK = 0o4000, F_GETFL = 3;
export const POLLIN = 1, POLLOUT = 4;

/**
 * Run a read- or write-like call on `f` so that a guest timer can interrupt it: while a timer
 * is armed, wait for the fd to be ready first (a blocking fd only) and give up with
 * -ERESTARTSYS if a signal arrives meanwhile. Without a timer the host call blocks directly.
 */
export function blockingIo(t: Task, f: number, events: number, call: () => number): number {
  if (!t.timers.armed) return call();
  const fl = sys(N.fcntl, fd(f), F_GETFL);
  if (fl < 0 || fl & O_NONBLOCK) return call();
  const p = t.scratchAlloc(8);
  t.mem.dv.setInt32(p.addr, fd(f), true);
  t.mem.dv.setInt16(p.addr + 4, events, true);
  if (waitEvent(t, p.host, 1, Infinity) === WAIT_SIGNAL) return -ERESTARTSYS;
  return call();
}

// ---- poll ---------------------------------------------------------------------------------------------
/** struct pollfd is the same on i386 and x86-64: the host polls the guest's array in place. */
function doPoll(t: Task, fds: number, n: number, deadline: number): number {
  const p = n ? ptr(t, fds, n * 8, true) : 0;
  const h = hostsys();
  return waitLoop(t, deadline, (ts) => h.sys(N.ppoll, p, n, ts, 0, 8));
}
const poll: SyscallFn = (t, fds, n, timeout) => {
  const ms = s32(timeout);
  const deadline = ms < 0 ? Infinity : monoNs() + ms * 1e6;
  const r = doPoll(t, fds, n, deadline);
  if (r !== WAIT_SIGNAL) return r;
  // do_restart_poll: restart_syscall continues with the time that is left
  const again = (): number => {
    const r2 = doPoll(t, fds, n, deadline);
    if (r2 !== WAIT_SIGNAL) return r2;
    t.restartBlock = again;
    return -ERESTART_RESTARTBLOCK;
  };
  t.restartBlock = again;
  return -ERESTART_RESTARTBLOCK;
};

/** A guest timeout as ns: timespec (32- or 64-bit) or timeval; -EINVAL if invalid. */
function readTimeout(t: Task, a: number, kind: "tv" | "ts32" | "ts64"): number {
  const dv = t.mem.dv;
  ptr(t, a, kind === "ts64" ? 16 : 8, false);
  const sec = kind === "ts64" ? Number(dv.getBigInt64(a, true)) : dv.getInt32(a, true);
  const frac = kind === "ts64" ? dv.getUint32(a + 8, true) : dv.getInt32(a + 4, true);
  const ns = kind === "tv" ? frac * 1000 : frac;
  if (sec < 0 || ns < 0 || ns >= NSEC) return -EINVAL;
  return sec * NSEC + ns;
}
/**
 * poll_select_finish: write the time left back (Linux does, for select, pselect6 and ppoll);
 * if it cannot be written an interrupted call is not restarted but fails with EINTR.
 */
function finishTimeout(t: Task, a: number, kind: "tv" | "ts32" | "ts64", deadline: number, timeout: number, ret: number): number {
  if (!a || timeout === 0) return ret;
  const left = Math.max(0, Math.ceil(deadline - monoNs()));
  const dv = t.mem.dv;
  if (!t.mem.check(a, kind === "ts64" ? 16 : 8, true)) return ret === -ERESTARTNOHAND ? -EINTR : ret;
  const sec = Math.floor(left / NSEC), ns = left % NSEC;
  if (kind === "ts64") {
    dv.setBigInt64(a, BigInt(sec), true);
    dv.setBigInt64(a + 8, BigInt(ns), true);
  } else {
    dv.setInt32(a, sec, true);
    dv.setInt32(a + 4, kind === "tv" ? Math.floor(ns / 1000) : ns, true);
  }
  return ret;
}

/** The temporary signal mask of pselect6/ppoll (set_user_sigmask); false: EFAULT. */
function setTempMask(t: Task, sigmask: number, size: number): number {
  if (!sigmask) return 0;
  if (size !== 8) return -EINVAL;
  ptr(t, sigmask, 8, false);
  const st = t.signals;
  st.savedMask = st.blocked;
  st.blocked = t.mem.dv.getBigUint64(sigmask, true) & ~UNBLOCKABLE;
  return 0;
}
/** restore_saved_sigmask_unless(interrupted): an interrupted call keeps it for the handler frame. */
function endTempMask(t: Task, ret: number): void {
  const st = t.signals;
  if (st.savedMask !== null && ret !== -ERESTARTNOHAND) {
    st.blocked = st.savedMask;
    st.savedMask = null;
  }
}

function ppollImpl(t: Task, fds: number, n: number, tsp: number, sigmask: number, size: number, time64: boolean): number {
  const kind = time64 ? "ts64" : "ts32";
  let timeout = Infinity;
  if (tsp) {
    timeout = readTimeout(t, tsp, kind);
    if (timeout < 0) return timeout;
  }
  const deadline = monoNs() + timeout;
  const m = setTempMask(t, sigmask, size);
  if (m < 0) return m;
  let r = doPoll(t, fds, n, deadline);
  if (r === WAIT_SIGNAL) r = -ERESTARTNOHAND;
  r = finishTimeout(t, tsp, kind, deadline, timeout, r);
  endTempMask(t, r);
  return r;
}
const ppoll: SyscallFn = (t, fds, n, tsp, sigmask, size) => ppollImpl(t, fds, n, tsp, sigmask, size, false);
const ppoll_time64: SyscallFn = (t, fds, n, tsp, sigmask, size) => ppollImpl(t, fds, n, tsp, sigmask, size, true);

// ---- select -------------------------------------------------------------------------------------------
/**
 * select on the host with the guest's fd_sets (32-bit words) copied to and from 64-bit aligned
 * host ones; waits until `deadline`. Returns the count, 0 (sets cleared) or -errno / WAIT_SIGNAL.
 */
function doSelect(t: Task, n: number, sets: number[], deadline: number): number {
  if (s32(n) < 0) return -EINVAL;
  const guestBytes = Math.ceil(n / 32) * 4;
  const hostBytes = Math.ceil(n / 64) * 8;
  const saved: (Uint8Array | null)[] = sets.map((a) => {
    if (!a || !n) return null;
    ptr(t, a, guestBytes, true);
    return t.mem.read(a, guestBytes);
  });
  const host = saved.map((s) => (s ? t.scratchAlloc(hostBytes) : null));
  const h = hostsys();
  const r = waitLoop(t, deadline, (ts) => {
    saved.forEach((s, i) => {
      if (s) {
        t.mem.u8.fill(0, host[i]!.addr, host[i]!.addr + hostBytes);
        t.mem.u8.set(s, host[i]!.addr);
      }
    });
    return h.sys(N.pselect6, n, host[0]?.host ?? 0, host[1]?.host ?? 0, host[2]?.host ?? 0, ts, 0);
  });
  if (r >= 0) {
    // results, or all sets cleared on timeout
    saved.forEach((s, i) => {
      if (s) t.mem.write(sets[i], r > 0 ? t.mem.u8.slice(host[i]!.addr, host[i]!.addr + guestBytes) : new Uint8Array(guestBytes));
    });
  }
  return r;
}
function selectImpl(t: Task, n: number, inp: number, outp: number, exp: number, tp: number, kind: "tv" | "ts32" | "ts64", sigmask = 0, size = 0): number {
  let timeout = Infinity;
  if (tp) {
    timeout = readTimeout(t, tp, kind);
    if (timeout < 0) return timeout;
  }
  const deadline = monoNs() + timeout;
  const m = setTempMask(t, sigmask, size);
  if (m < 0) return m;
  let r = doSelect(t, n, [inp, outp, exp], deadline);
  if (r === WAIT_SIGNAL) r = -ERESTARTNOHAND;
  r = finishTimeout(t, tp, kind, deadline, timeout, r);
  endTempMask(t, r);
  return r;
}
const _newselect: SyscallFn = (t, n, inp, outp, exp, tvp) => selectImpl(t, n, inp, outp, exp, tvp, "tv");
/** the i386 old select: one pointer to {n, inp, outp, exp, tvp} */
const select: SyscallFn = (t, args) => {
  ptr(t, args, 20, false);
  const dv = t.mem.dv;
  const a = (i: number) => dv.getUint32(args + 4 * i, true);
  return selectImpl(t, a(0), a(1), a(2), a(3), a(4), "tv");
};
/** pselect6's sixth argument points to {const sigset_t *ss; size_t ss_len} */
function pselect(t: Task, n: number, inp: number, outp: number, exp: number, tsp: number, sig: number, time64: boolean): number {
  let mask = 0, size = 0;
  if (sig) {
    if (!t.mem.check(sig, 8, false)) return -EFAULT;
    mask = t.mem.dv.getUint32(sig, true);
    size = t.mem.dv.getUint32(sig + 4, true);
  }
  return selectImpl(t, n, inp, outp, exp, tsp, time64 ? "ts64" : "ts32", mask, size);
}
const pselect6: SyscallFn = (t, n, inp, outp, exp, tsp, sig) => pselect(t, n, inp, outp, exp, tsp, sig, false);
const pselect6_time64: SyscallFn = (t, n, inp, outp, exp, tsp, sig) => pselect(t, n, inp, outp, exp, tsp, sig, true);

export const POLL_SYSCALLS: Record<string, SyscallFn> = {
  poll, ppoll, ppoll_time64, select, _newselect, pselect6, pselect6_time64,
};
