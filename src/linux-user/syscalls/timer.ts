// Timer and sleep system calls: alarm, setitimer/getitimer, POSIX timers (timer_create ...),
// nanosleep and clock_nanosleep. The timers themselves live in timers.ts; sleeping goes through
// waitEvent so that a signal ends it with the kernel's restart codes. Structures are the i386
// ones (32-bit time_t and long) unless the call is a *_time64 one.
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { EFAULT, EINVAL, ENOTSUP, EPERM, ERESTARTNOHAND, ERESTART_RESTARTBLOCK } from "../errno";
import { HOST_NR as N } from "../host";
import {
  cpuNs, ITIMER_PROF, ITIMER_REAL, ITIMER_VIRTUAL, monoNs, NSEC, PosixTimer, remaining, SIGEV_NONE, SIGEV_SIGNAL,
  SIGEV_THREAD_ID, TimerClock, waitEvent, WAIT_SIGNAL,
} from "../timers";
import { NSIG, SIGALRM } from "../signal-state";
import { selfIdentity } from "../signal";
import { readTimespec } from "./signal";
import { ptr, s32, sys } from "./util";

const TIMER_ABSTIME = 1;
const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3;
const CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9, CLOCK_TAI = 11;
/** glibc's encodings of "this process's / this thread's CPU clock" (MAKE_*_CPUCLOCK(0, CPUCLOCK_SCHED)) */
const PROCESS_CPUCLOCK = -6, THREAD_CPUCLOCK = -2;

/** The current time of a clock in ns (host clock_gettime). */
function clockNow(t: Task, clk: number): number {
  if (clk === CLOCK_PROCESS_CPUTIME_ID || clk === CLOCK_THREAD_CPUTIME_ID || clk === PROCESS_CPUCLOCK || clk === THREAD_CPUCLOCK) return cpuNs(false);
  const h = t.scratchAlloc(16);
  if (sys(N.clock_gettime, clk, h.host) < 0) return monoNs();
  const dv = t.mem.dv;
  return Number(dv.getBigInt64(h.addr, true)) * NSEC + Number(dv.getBigInt64(h.addr + 8, true));
}

// ---- itimers --------------------------------------------------------------------------------------
/** struct itimerval (interval, then value; 32-bit timevals) as ns, or -EINVAL / -EFAULT */
function readItimerval(t: Task, a: number): { interval: number; value: number } | number {
  ptr(t, a, 16, false);
  const dv = t.mem.dv;
  const tv = (o: number) => {
    const sec = dv.getInt32(a + o, true), usec = dv.getInt32(a + o + 4, true);
    return sec < 0 || usec < 0 || usec >= 1000000 ? -1 : sec * NSEC + usec * 1000;
  };
  const interval = tv(0), value = tv(8);
  if (interval < 0 || value < 0) return -EINVAL;
  return { interval, value };
}
function writeItimerval(t: Task, a: number, interval: number, value: number): void {
  ptr(t, a, 16, true);
  const dv = t.mem.dv;
  const tv = (o: number, ns: number) => {
    dv.setInt32(a + o, Math.floor(ns / NSEC), true);
    dv.setInt32(a + o + 4, Math.floor((ns % NSEC) / 1000), true);
  };
  tv(0, interval);
  tv(8, value);
}
/** get_itimer: an armed real-time timer never reports less than 1 µs left */
function itimerNow(t: Task, which: number): { interval: number; value: number } {
  const tm = t.timers.itimers[which];
  const now = t.timers.now(tm.clock);
  return { interval: tm.deadline ? tm.interval : 0, value: remaining(tm, now, which === ITIMER_REAL ? 1000 : 1) };
}
function setItimer(t: Task, which: number, interval: number, value: number): void {
  const tm = t.timers.itimers[which];
  tm.deadline = value === 0 ? 0 : t.timers.now(tm.clock) + value;
  tm.interval = value === 0 ? 0 : interval;
  t.timers.update();
}

const setitimer: SyscallFn = (t, which, nv, ov) => {
  let v: { interval: number; value: number } = { interval: 0, value: 0 };
  if (nv) {
    const r = readItimerval(t, nv);
    if (typeof r === "number") return r;
    v = r;
  }
  if (which !== ITIMER_REAL && which !== ITIMER_VIRTUAL && which !== ITIMER_PROF) return -EINVAL;
  const old = itimerNow(t, which);
  setItimer(t, which, v.interval, v.value);
  if (ov) {
    if (!t.mem.check(ov, 16, true)) return -EFAULT;
    writeItimerval(t, ov, old.interval, old.value);
  }
  return 0;
};
const getitimer: SyscallFn = (t, which, v) => {
  if (which !== ITIMER_REAL && which !== ITIMER_VIRTUAL && which !== ITIMER_PROF) return -EINVAL;
  const cur = itimerNow(t, which);
  writeItimerval(t, v, cur.interval, cur.value);
  return 0;
};
/** alarm: the seconds left on the previous alarm, rounded to nearest and never 0 if one was set */
export function alarmSeconds(leftNs: number): number {
  if (leftNs <= 0) return 0;
  const sec = Math.floor(leftNs / NSEC), ns = leftNs % NSEC;
  return (sec === 0 && ns > 0) || ns >= NSEC / 2 ? sec + 1 : sec;
}
const alarm: SyscallFn = (t, seconds) => {
  const old = itimerNow(t, ITIMER_REAL);
  setItimer(t, ITIMER_REAL, 0, (seconds >>> 0) * NSEC);
  return alarmSeconds(old.value);
};

// ---- POSIX timers ----------------------------------------------------------------------------------
let nextTimerId = 0;
function timerClock(clk: number): TimerClock | number {
  switch (clk) {
    case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_BOOTTIME: case CLOCK_TAI:
      return "wall";
    case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: case PROCESS_CPUCLOCK: case THREAD_CPUCLOCK:
      return "cpu";
    case CLOCK_REALTIME_ALARM: case CLOCK_BOOTTIME_ALARM:
      return -EPERM; // needs CAP_WAKE_ALARM
    case 4: case 5: case 6:
      return -ENOTSUP; // raw and coarse clocks have no timers
    default:
      return -EINVAL;
  }
}

const timer_create: SyscallFn = (t, clk, sevp, idp) => {
  const c = timerClock(s32(clk));
  if (typeof c === "number") return c;
  let notify = SIGEV_SIGNAL, signo = SIGALRM, value: number | null = null;
  if (sevp) {
    ptr(t, sevp, 16, false);
    const dv = t.mem.dv;
    value = dv.getUint32(sevp, true);
    signo = dv.getInt32(sevp + 4, true);
    notify = dv.getInt32(sevp + 8, true);
    const tid = dv.getInt32(sevp + 12, true);
    if (notify === SIGEV_THREAD_ID && tid !== selfIdentity().pid) return -EINVAL;
    if (notify !== SIGEV_NONE && notify !== SIGEV_SIGNAL && notify !== 2 && notify !== SIGEV_THREAD_ID) return -EINVAL;
    if (notify !== SIGEV_NONE && (signo <= 0 || signo > NSIG)) return -EINVAL;
  }
  const id = nextTimerId;
  nextTimerId = (nextTimerId + 1) & 0x7fffffff;
  ptr(t, idp, 4, true);
  t.mem.dv.setInt32(idp, id, true);
  const tm: PosixTimer = {
    id, clockId: s32(clk), clock: c, deadline: 0, interval: 0, notify: notify === 2 ? SIGEV_SIGNAL : notify,
    signo, value: value ?? id, overrun: 0, lastOverrun: 0,
  };
  t.timers.posix.set(id, tm);
  return 0;
};

function getTimer(t: Task, id: number): PosixTimer | null {
  return t.timers.posix.get(s32(id)) ?? null;
}
/** common_timer_get: a periodic timer reports its next expiry; one that is due but not yet signalled, 1 ns */
function itimerspecNow(t: Task, tm: PosixTimer): [number, number] {
  if (tm.deadline === 0) return [0, 0];
  const now = t.timers.now(tm.clock);
  let next = tm.deadline;
  if (tm.interval > 0 && next <= now) next += Math.ceil((now - next) / tm.interval) * tm.interval;
  const rem = Math.ceil(next - now);
  return [tm.interval, rem > 0 ? rem : tm.notify === SIGEV_NONE ? 0 : 1];
}
function writeItimerspec(t: Task, a: number, interval: number, value: number, time64: boolean): void {
  const dv = t.mem.dv;
  ptr(t, a, time64 ? 32 : 16, true);
  const ts = (o: number, ns: number) => {
    if (time64) {
      dv.setBigInt64(a + o, BigInt(Math.floor(ns / NSEC)), true);
      dv.setBigInt64(a + o + 8, BigInt(ns % NSEC), true);
    } else {
      dv.setInt32(a + o, Math.floor(ns / NSEC), true);
      dv.setInt32(a + o + 4, ns % NSEC, true);
    }
  };
  ts(0, interval);
  ts(time64 ? 16 : 8, value);
}
function timerSettime(t: Task, id: number, flags: number, nv: number, ov: number, time64: boolean): number {
  if (!nv) return -EINVAL;
  const interval = readTimespec(t, nv, time64);
  if (interval < 0) return interval;
  let value = readTimespec(t, nv + (time64 ? 16 : 8), time64);
  if (value < 0) return value;
  const tm = getTimer(t, id);
  if (tm === null) return -EINVAL;
  const [oi, ovl] = itimerspecNow(t, tm);
  if (value !== 0 && flags & TIMER_ABSTIME) value = Math.max(value - clockNow(t, tm.clockId), 1);
  tm.deadline = value === 0 ? 0 : t.timers.now(tm.clock) + value;
  tm.interval = value === 0 ? 0 : interval;
  tm.overrun = 0;
  t.timers.update();
  if (ov) writeItimerspec(t, ov, oi, ovl, time64);
  return 0;
}
function timerGettime(t: Task, id: number, v: number, time64: boolean): number {
  const tm = getTimer(t, id);
  if (tm === null) return -EINVAL;
  const [i, val] = itimerspecNow(t, tm);
  writeItimerspec(t, v, i, val, time64);
  return 0;
}
const timer_settime: SyscallFn = (t, id, flags, nv, ov) => timerSettime(t, id, flags, nv, ov, false);
const timer_settime64: SyscallFn = (t, id, flags, nv, ov) => timerSettime(t, id, flags, nv, ov, true);
const timer_gettime: SyscallFn = (t, id, v) => timerGettime(t, id, v, false);
const timer_gettime64: SyscallFn = (t, id, v) => timerGettime(t, id, v, true);
const timer_getoverrun: SyscallFn = (t, id) => {
  const tm = getTimer(t, id);
  return tm === null ? -EINVAL : tm.lastOverrun;
};
const timer_delete: SyscallFn = (t, id) => {
  const tm = getTimer(t, id);
  if (tm === null) return -EINVAL;
  t.timers.posix.delete(tm.id);
  t.timers.update();
  return 0;
};

// ---- sleeping -------------------------------------------------------------------------------------
/**
 * Sleep until the monotonic `deadline`. Interrupted by a signal: store the time left at `rem`
 * (unless 0) and return -ERESTART_RESTARTBLOCK, restart_syscall sleeping on to the same deadline.
 */
function sleepUntil(t: Task, deadline: number, rem: number, time64: boolean): number {
  if (waitEvent(t, 0, 0, deadline) !== WAIT_SIGNAL) return 0;
  const left = deadline - monoNs();
  if (left <= 0) return 0;
  if (rem) {
    const ns = Math.ceil(left);
    const dv = t.mem.dv;
    if (!t.mem.check(rem, time64 ? 16 : 8, true)) return -EFAULT;
    if (time64) {
      dv.setBigInt64(rem, BigInt(Math.floor(ns / NSEC)), true);
      dv.setBigInt64(rem + 8, BigInt(ns % NSEC), true);
    } else {
      dv.setInt32(rem, Math.floor(ns / NSEC), true);
      dv.setInt32(rem + 4, ns % NSEC, true);
    }
  }
  t.restartBlock = () => sleepUntil(t, deadline, rem, time64);
  return -ERESTART_RESTARTBLOCK;
}
function nanosleepImpl(t: Task, req: number, rem: number, time64: boolean): number {
  const ns = readTimespec(t, req, time64);
  if (ns < 0) return ns;
  return sleepUntil(t, monoNs() + ns, rem, time64);
}
const nanosleep: SyscallFn = (t, req, rem) => nanosleepImpl(t, req, rem, false);
function clockNanosleep(t: Task, clk: number, flags: number, req: number, rem: number, time64: boolean): number {
  clk = s32(clk);
  const wall = clk === CLOCK_REALTIME || clk === CLOCK_MONOTONIC || clk === CLOCK_BOOTTIME || clk === CLOCK_TAI;
  if (clk === CLOCK_THREAD_CPUTIME_ID || clk === THREAD_CPUCLOCK) return -EINVAL;
  if (!wall && clk !== CLOCK_PROCESS_CPUTIME_ID && clk !== PROCESS_CPUCLOCK) return timerClock(clk) === "wall" ? -EINVAL : -ENOTSUP;
  const ns = readTimespec(t, req, time64);
  if (ns < 0) return ns;
  if (!wall) {
    // CPU time does not advance while the guest sleeps: block in the host, which burns none either
    const h = t.scratchAlloc(16);
    t.mem.dv.setBigInt64(h.addr, BigInt(Math.floor(ns / NSEC)), true);
    t.mem.dv.setBigInt64(h.addr + 8, BigInt(ns % NSEC), true);
    return sys(N.clock_nanosleep, clk, flags & TIMER_ABSTIME, h.host, 0);
  }
  if (flags & TIMER_ABSTIME) {
    const deadline = monoNs() + (ns - clockNow(t, clk));
    return waitEvent(t, 0, 0, deadline) === WAIT_SIGNAL && monoNs() < deadline ? -ERESTARTNOHAND : 0;
  }
  return sleepUntil(t, monoNs() + ns, rem, time64);
}
const clock_nanosleep: SyscallFn = (t, clk, flags, req, rem) => clockNanosleep(t, clk, flags, req, rem, false);
const clock_nanosleep_time64: SyscallFn = (t, clk, flags, req, rem) => clockNanosleep(t, clk, flags, req, rem, true);
/** restart_syscall: continue what the interrupted call left (only sleeps use it here) */
const restart_syscall: SyscallFn = (t) => {
  const f = t.restartBlock;
  t.restartBlock = null;
  return f ? f() : -4; // -EINTR, like do_no_restart_syscall
};

export const TIMER_SYSCALLS: Record<string, SyscallFn> = {
  alarm, setitimer, getitimer, timer_create, timer_settime, timer_settime64, timer_gettime, timer_gettime64,
  timer_getoverrun, timer_delete, nanosleep, clock_nanosleep, clock_nanosleep_time64, restart_syscall,
};
