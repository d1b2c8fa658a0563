// Guest timers (setitimer/alarm and POSIX timer_create) and the one place where the guest
// blocks. JavaScript cannot take a host signal in the middle of synchronous code, so nothing here
// uses host timers: expiry is found by polling the host clock — at every system call, every few
// thousand translated blocks while a timer is armed (ExecEngine.budget), and inside blocking
// calls, which wait in host ppoll() with a timeout that ends at the next expiry. An expired timer
// queues its signal like the kernel's timer callbacks, and a deliverable signal ends the wait so
// the system call can return a restart code.
import type { Task } from "./task";
import { PendingSignal, SIGALRM, SIGPROF, SIGVTALRM, kernelInfo, timerInfo } from "./signal-state";
import { hostsys, HOST_NR } from "./host";
import { EINTR } from "./errno";

/** Translated blocks between two looks at the clock while a guest timer is armed (cpu loops). */
export const TIMER_POLL_BLOCKS = 4096;
/** ... and when none is: effectively never. */
export const IDLE_BUDGET = 0x3fffffff;
/** ... and while gdb is attached, between two looks for its Ctrl-C. */
export const DEBUG_POLL_BLOCKS = 1 << 20;

export const ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;
export const SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD_ID = 4;
export const NSEC = 1e9;

/** the host monotonic clock in ns (the time base of every deadline here) */
export const monoNs = (): number => performance.now() * 1e6;
/** this process's CPU time in ns: user only (ITIMER_VIRTUAL) or user + system */
export function cpuNs(userOnly: boolean): number {
  const u = process.cpuUsage();
  return (userOnly ? u.user : u.user + u.system) * 1000;
}

/** Which clock a timer counts: wall time advances while the guest sleeps, CPU time does not. */
export type TimerClock = "wall" | "cpu" | "user";

interface Armed {
  clock: TimerClock;
  /** expiry on its clock in ns; 0 when disarmed */
  deadline: number;
  interval: number;
}

export interface PosixTimer extends Armed {
  id: number;
  clockId: number;
  notify: number;
  signo: number;
  value: number;
  /** expirations not signalled since its signal was queued, and as reported at the last delivery */
  overrun: number;
  lastOverrun: number;
}

/**
 * Expirations of a timer at `now`: 0 if not due; otherwise the count (periodic timers catch up
 * on missed periods) and the timer is advanced or disarmed.
 */
export function expire(tm: Armed, now: number): number {
  if (tm.deadline === 0 || now < tm.deadline) return 0;
  if (tm.interval <= 0) {
    tm.deadline = 0;
    return 1;
  }
  const n = Math.floor((now - tm.deadline) / tm.interval) + 1;
  tm.deadline += n * tm.interval;
  return n;
}

/** Time left before a timer expires, as getitimer reports it (an armed timer never shows 0). */
export function remaining(tm: Armed, now: number, minNs = 0): number {
  if (tm.deadline === 0) return 0;
  return Math.max(Math.ceil(tm.deadline - now), minNs);
}

export class Timers {
  readonly itimers: Armed[] = [
    { clock: "wall", deadline: 0, interval: 0 },
    { clock: "user", deadline: 0, interval: 0 },
    { clock: "cpu", deadline: 0, interval: 0 },
  ];
  readonly posix = new Map<number, PosixTimer>();
  /** some timer is armed: the CPU loop must keep polling */
  armed = false;
  private nextWall = Infinity;
  private cpuArmed = false;

  now(clock: TimerClock): number {
    return clock === "wall" ? monoNs() : cpuNs(clock === "user");
  }

  /** Recompute the summary fields after a timer changed. */
  update(): void {
    let wall = Infinity;
    let cpu = false;
    const all: Armed[] = [...this.itimers, ...this.posix.values()];
    for (const tm of all) {
      if (tm.deadline === 0) continue;
      if (tm.clock === "wall") wall = Math.min(wall, tm.deadline);
      else cpu = true;
    }
    this.nextWall = wall;
    this.cpuArmed = cpu;
    this.armed = wall !== Infinity || cpu;
  }

  /** The earliest expiry that passes while the guest sleeps (monotonic ns), or Infinity. */
  nextWake(): number {
    return this.nextWall;
  }

  /** Fire every expired timer (queue its signal). Cheap when nothing is armed or due. */
  check(t: Task): void {
    if (!this.armed) return;
    const wallNow = monoNs();
    if (wallNow < this.nextWall && !this.cpuArmed) return;
    const sigs = [SIGALRM, SIGVTALRM, SIGPROF];
    for (let i = 0; i < 3; i++) {
      const tm = this.itimers[i];
      if (tm.deadline === 0) continue;
      if (expire(tm, tm.clock === "wall" ? wallNow : this.now(tm.clock)) > 0) {
        // it_real_fn / check_cpu_itimer: a process-directed SEND_SIG_PRIV
        t.signals.queue({ sig: sigs[i], info: kernelInfo(sigs[i]), thread: false, forced: false });
      }
    }
    for (const tm of this.posix.values()) {
      if (tm.deadline === 0) continue;
      const n = expire(tm, tm.clock === "wall" ? wallNow : this.now(tm.clock));
      if (n > 0) this.fire(t, tm, n);
    }
    this.update();
  }

  /** posix_timer_fn + send_sigqueue: one queued signal per timer; later expirations are overruns. */
  private fire(t: Task, tm: PosixTimer, n: number): void {
    if (tm.notify === SIGEV_NONE) return;
    const st = t.signals;
    if (st.pending.some((p) => p.timerId === tm.id)) {
      tm.overrun += n;
      return;
    }
    if (st.ignored(tm.signo)) return;
    tm.overrun = n - 1;
    st.pending.push({
      sig: tm.signo,
      info: timerInfo(tm.signo, tm.id, 0, tm.value),
      thread: tm.notify === SIGEV_THREAD_ID,
      forced: false,
      timerId: tm.id,
    });
  }

  /** A timer's signal is being delivered: report and reset the overrun count. */
  fillOverrun(ps: PendingSignal): void {
    const tm = ps.timerId === undefined ? undefined : this.posix.get(ps.timerId);
    if (!tm) return;
    tm.lastOverrun = Math.min(tm.overrun, 0x7fffffff);
    tm.overrun = 0;
    new DataView(ps.info.buffer, ps.info.byteOffset).setInt32(16, tm.lastOverrun, true);
  }
}

// ---- blocking ----------------------------------------------------------------------------------------
/** waitLoop's result when a signal became deliverable */
export const WAIT_SIGNAL = -EINTR;

/**
 * Block the guest in `attempt` — a host call given a host struct timespec pointer (0: no limit)
 * to wait at most that long, returning > 0 or -errno when it is done and 0 when the time ran
 * out — until it is done, the monotonic `deadlineNs` passes (Infinity: never; the result is then
 * 0), or a signal is deliverable under the current mask (WAIT_SIGNAL). The host call never
 * outlasts the next timer expiry, so timers fire on time. A call that is done wins over a pending
 * signal, as a ready fd means the call does not block.
 */
export function waitLoop(t: Task, deadlineNs: number, attempt: (hostTs: number) => number): number {
  const ts = t.scratchAlloc(16);
  const dv = t.mem.dv;
  // first without waiting and before looking at the timers: a call that need not block is not
  // a point where a timer signal is more likely to arrive than anywhere else
  dv.setBigInt64(ts.addr, 0n, true);
  dv.setBigInt64(ts.addr + 8, 0n, true);
  const r0 = attempt(ts.host);
  if (r0 > 0 || (r0 < 0 && r0 !== -EINTR)) return r0;
  for (;;) {
    t.timers.check(t);
    const sig = t.signals.hasDeliverable();
    const now = monoNs();
    const wake = sig ? now : Math.min(deadlineNs, t.timers.nextWake());
    let tsp = 0;
    if (wake !== Infinity) {
      const ns = Math.max(0, Math.ceil(wake - now));
      dv.setBigInt64(ts.addr, BigInt(Math.floor(ns / NSEC)), true);
      dv.setBigInt64(ts.addr + 8, BigInt(ns % NSEC), true);
      tsp = ts.host;
    }
    const r = attempt(tsp);
    if (r > 0) return r;
    if (r < 0 && r !== -EINTR) return r;
    t.timers.check(t);
    if (sig || t.signals.hasDeliverable()) return WAIT_SIGNAL;
    if (monoNs() >= deadlineNs) return 0;
  }
}

/**
 * Wait until a signal is deliverable, the monotonic `deadlineNs` passes, or one of the `nfds`
 * host pollfds at host address `pfds` is ready: ppoll's count, 0, WAIT_SIGNAL or -errno.
 */
export function waitEvent(t: Task, pfds: number, nfds: number, deadlineNs: number): number {
  const h = hostsys();
  return waitLoop(t, deadlineNs, (ts) => h.sys(HOST_NR.ppoll, nfds ? pfds : 0, nfds, ts, 0, 8));
}
