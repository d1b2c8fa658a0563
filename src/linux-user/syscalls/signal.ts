// Signal system calls that only touch the signal state: dispositions, masks, alternate stack,
// and signals sent to this process. Frames and sigreturn are per-architecture (i386/signal.ts).
import { HOST_NR as N } from "../host";
import { EINVAL, EPERM } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { NSIG } from "../signal-state";
import { ptr, s32, sys } from "./util";

export const SIGKILL = 9, SIGSTOP = 19;
export const SI_USER = 0, SI_TKILL = -6;
const unblockable = (1n << BigInt(SIGKILL - 1)) | (1n << BigInt(SIGSTOP - 1));

/** Queue a signal for this process (the cpu loop delivers it). */
export function queueSignal(t: Task, sig: number, code: number, addr = 0, trapno = 0): void {
  const p = t.signals.pending;
  // standard signals are not queued twice
  if (sig < 32 && p.some((s) => s.sig === sig)) return;
  p.push({ sig, code, addr, pid: code === SI_USER || code === SI_TKILL ? sys(N.getpid) : 0, uid: code === SI_USER || code === SI_TKILL ? sys(N.getuid) : 0, errno: 0, trapno });
}

const rt_sigaction: SyscallFn = (t, sig, act, oact, size) => {
  if (sig < 1 || sig > NSIG || size !== 8) return -EINVAL;
  const dv = t.mem.dv;
  const a = t.signals.actions[sig];
  if (act && (sig === SIGKILL || sig === SIGSTOP)) return -EINVAL;
  let nw: [number, number, number, bigint] | null = null;
  if (act) {
    ptr(t, act, 20, false);
    nw = [dv.getUint32(act, true), dv.getUint32(act + 4, true), dv.getUint32(act + 8, true), dv.getBigUint64(act + 12, true)];
  }
  if (oact) {
    ptr(t, oact, 20, true);
    dv.setUint32(oact, a.handler, true);
    dv.setUint32(oact + 4, a.flags, true);
    dv.setUint32(oact + 8, a.restorer, true);
    dv.setBigUint64(oact + 12, a.mask, true);
  }
  if (nw) [a.handler, a.flags, a.restorer, a.mask] = [nw[0], nw[1], nw[2], nw[3] & ~unblockable];
  return 0;
};
/** the pre-rt sigaction: handler, 32-bit mask, flags, restorer */
const sigaction: SyscallFn = (t, sig, act, oact) => {
  if (sig < 1 || sig > 32) return -EINVAL;
  const dv = t.mem.dv;
  const a = t.signals.actions[sig];
  let nw: [number, number, number, bigint] | null = null;
  if (act) {
    ptr(t, act, 16, false);
    nw = [dv.getUint32(act, true), dv.getUint32(act + 8, true), dv.getUint32(act + 12, true), BigInt(dv.getUint32(act + 4, true))];
  }
  if (oact) {
    ptr(t, oact, 16, true);
    dv.setUint32(oact, a.handler, true);
    dv.setUint32(oact + 4, Number(a.mask & 0xffffffffn), true);
    dv.setUint32(oact + 8, a.flags, true);
    dv.setUint32(oact + 12, a.restorer, true);
  }
  if (nw) [a.handler, a.flags, a.restorer, a.mask] = [nw[0], nw[1], nw[2], nw[3] & ~unblockable];
  return 0;
};
function changeMask(t: Task, how: number, set: bigint | null): number {
  const s = t.signals;
  if (set === null) return 0;
  if (how === 0) s.blocked |= set;
  else if (how === 1) s.blocked &= ~set;
  else if (how === 2) s.blocked = set;
  else return -EINVAL;
  s.blocked &= ~unblockable;
  return 0;
}
const rt_sigprocmask: SyscallFn = (t, how, set, oset, size) => {
  if (size !== 8) return -EINVAL;
  const dv = t.mem.dv;
  const old = t.signals.blocked;
  let nw: bigint | null = null;
  if (set) {
    ptr(t, set, 8, false);
    nw = dv.getBigUint64(set, true);
    if (how > 2) return -EINVAL;
  }
  if (oset) {
    ptr(t, oset, 8, true);
    dv.setBigUint64(oset, old, true);
  }
  return changeMask(t, how, nw);
};
const sigprocmask: SyscallFn = (t, how, set, oset) => {
  const dv = t.mem.dv;
  const old = t.signals.blocked;
  let nw: bigint | null = null;
  if (set) {
    ptr(t, set, 4, false);
    nw = BigInt(dv.getUint32(set, true)) | (how === 2 ? old & ~0xffffffffn : 0n);
  }
  if (oset) {
    ptr(t, oset, 4, true);
    dv.setUint32(oset, Number(old & 0xffffffffn), true);
  }
  return changeMask(t, how, nw);
};
const rt_sigpending: SyscallFn = (t, set, size) => {
  if (size > 8) return -EINVAL;
  ptr(t, set, 8, true);
  let m = 0n;
  for (const p of t.signals.pending) m |= 1n << BigInt(p.sig - 1);
  t.mem.dv.setBigUint64(set, m & t.signals.blocked, true);
  return 0;
};
const SS_ONSTACK = 1, SS_DISABLE = 2;
const sigaltstack: SyscallFn = (t, ss, oss) => {
  const dv = t.mem.dv;
  const alt = t.signals.altStack;
  const sp = t.cpu.R[4] >>> 0;
  const onStack = alt.flags !== SS_DISABLE && sp - alt.sp < alt.size;
  if (oss) {
    ptr(t, oss, 12, true);
    dv.setUint32(oss, alt.sp, true);
    dv.setInt32(oss + 4, onStack ? SS_ONSTACK : alt.flags === SS_DISABLE ? SS_DISABLE : 0, true);
    dv.setUint32(oss + 8, alt.size, true);
  }
  if (ss) {
    ptr(t, ss, 12, false);
    if (onStack) return -EPERM;
    const flags = dv.getInt32(ss + 4, true);
    if (flags & ~(SS_DISABLE | 0x80000000)) return -EINVAL;
    if (flags & SS_DISABLE) alt.flags = SS_DISABLE;
    else {
      const size = dv.getUint32(ss + 8, true);
      if (size < 2048) return -12; // ENOMEM: below MINSIGSTKSZ
      alt.sp = dv.getUint32(ss, true);
      alt.size = size;
      alt.flags = 0;
    }
  }
  return 0;
};
const kill: SyscallFn = (t, pid, sig) => {
  const self = sys(N.getpid);
  if (s32(pid) === self || s32(pid) === 0) {
    if (sig > NSIG) return -EINVAL;
    if (sig) queueSignal(t, sig, SI_USER);
    return 0;
  }
  return sys(N.kill, s32(pid), sig);
};
const tgkill: SyscallFn = (t, tgid, tid, sig) => {
  const self = sys(N.getpid);
  if (s32(tid) !== self || (s32(tgid) !== self && s32(tgid) !== -1)) return -3; // ESRCH
  if (sig > NSIG) return -EINVAL;
  if (sig) queueSignal(t, sig, SI_TKILL);
  return 0;
};
const tkill: SyscallFn = (t, tid, sig) => tgkill(t, sys(N.getpid), tid, sig, 0, 0, 0);

export const SIGNAL_SYSCALLS: Record<string, SyscallFn> = {
  rt_sigaction, sigaction, rt_sigprocmask, sigprocmask, rt_sigpending, sigaltstack, kill, tgkill, tkill,
};
