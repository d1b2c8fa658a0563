// futex for a guest with one thread: glibc still issues it (one-time initialisation, locks once
// a program has asked for threads, condition variables with timeouts). Nobody else can wake a
// waiter, so FUTEX_WAIT sleeps until its timeout or a signal; wakes find no waiters; FUTEX_WAKE_OP
// still performs its memory operation. Errors and restart codes follow kernel/futex.
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { EAGAIN, EFAULT, EINVAL, ENOSYS, ERESTARTSYS, ERESTART_RESTARTBLOCK, ETIMEDOUT } from "../errno";
import { monoNs, NSEC, waitEvent, WAIT_SIGNAL } from "../timers";
import { readTimespec } from "./signal";
import { HOST_NR as N } from "../host";
import { ptr, sys } from "./util";

const FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5;
const FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_CLOCK_REALTIME = 256, FUTEX_CMD_MASK = ~(128 | 256);

/** The 32-bit word a futex operation refers to; -EINVAL if misaligned, -EFAULT if unreadable. */
function word(t: Task, a: number): number | null {
  if (a & 3) return null;
  ptr(t, a, 4, false);
  return t.mem.dv.getInt32(a, true);
}

/** FUTEX_WAKE_OP's operation on *uaddr2; returns the old value */
function wakeOp(t: Task, a: number, encoded: number): number | null {
  if (a & 3 || !t.mem.check(a, 4, true)) return null;
  const op = (encoded >>> 28) & 7, shiftArg = (encoded >>> 31) & 1;
  let oparg = (encoded << 8) >> 20;
  if (shiftArg) oparg = 1 << (oparg & 31);
  const dv = t.mem.dv;
  const old = dv.getInt32(a, true);
  const nv = [oparg, old + oparg, old | oparg, old & ~oparg, old ^ oparg][op];
  if (nv === undefined) return null;
  t.mem.write(a, new Uint8Array(new Int32Array([nv]).buffer));
  return old;
}

function futex(t: Task, uaddr: number, op: number, val: number, utime: number, uaddr2: number, val3: number, time64: boolean): number {
  const cmd = op & FUTEX_CMD_MASK;
  switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      if (cmd === FUTEX_WAIT_BITSET && val3 === 0) return -EINVAL;
      let deadline = Infinity;
      if (utime) {
        const ns = readTimespec(t, utime, time64);
        if (ns < 0) return ns;
        if (cmd === FUTEX_WAIT) deadline = monoNs() + ns;
        else if (op & FUTEX_CLOCK_REALTIME) deadline = monoNs() + (ns - realtimeNs(t));
        else deadline = ns - monotonicNs(t) + monoNs();
      }
      return futexWait(t, uaddr, val, deadline);
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
      if (cmd === FUTEX_WAKE_BITSET && val3 === 0) return -EINVAL;
      return word(t, uaddr) === null ? -EINVAL : 0;
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      const cur = word(t, uaddr);
      if (cur === null || uaddr2 & 3) return -EINVAL;
      if (cmd === FUTEX_CMP_REQUEUE && cur !== (val3 | 0)) return -EAGAIN;
      return 0;
    }
    case FUTEX_WAKE_OP:
      if (word(t, uaddr) === null) return -EINVAL;
      return wakeOp(t, uaddr2, val3) === null ? -EFAULT : 0;
    default:
      return -ENOSYS;
  }
}

/** Wait on the futex word until `deadline` (monotonic ns) or a signal; restart_syscall waits on. */
function futexWait(t: Task, uaddr: number, val: number, deadline: number): number {
  const cur = word(t, uaddr);
  if (cur === null) return -EINVAL;
  if (cur !== (val | 0)) return -EAGAIN;
  if (waitEvent(t, 0, 0, deadline) !== WAIT_SIGNAL) return -ETIMEDOUT;
  if (deadline === Infinity) return -ERESTARTSYS;
  t.restartBlock = () => futexWait(t, uaddr, val, deadline);
  return -ERESTART_RESTARTBLOCK;
}

function clockNs(t: Task, clk: number): number {
  const h = t.scratchAlloc(16);
  sys(N.clock_gettime, clk, h.host);
  return Number(t.mem.dv.getBigInt64(h.addr, true)) * NSEC + Number(t.mem.dv.getBigInt64(h.addr + 8, true));
}
const realtimeNs = (t: Task) => clockNs(t, 0);
const monotonicNs = (t: Task) => clockNs(t, 1);

const futexFn: SyscallFn = (t, uaddr, op, val, utime, uaddr2, val3) => futex(t, uaddr, op, val, utime, uaddr2, val3, false);
const futex_time64: SyscallFn = (t, uaddr, op, val, utime, uaddr2, val3) => futex(t, uaddr, op, val, utime, uaddr2, val3, true);

export const FUTEX_SYSCALLS: Record<string, SyscallFn> = { futex: futexFn, futex_time64 };
