// Process, identity, time, limits and randomness system calls. time_t and long are 32 bits in
// the i386 ABI, so the time structures are converted; 64-bit-time variants pass straight through.
import { HOST_NR as N } from "../host";
import { ECHILD, EINVAL, ENOSYS } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { ptr, s32, sys } from "./util";

const exit: SyscallFn = (t, status) => {
  t.exitStatus = status & 0xff;
  return 0;
};

const id = (nr: number): SyscallFn => () => sys(nr);
const getpid = id(N.getpid), getppid = id(N.getppid), getuid = id(N.getuid), geteuid = id(N.geteuid);
const getgid = id(N.getgid), getegid = id(N.getegid), getpgrp = id(N.getpgrp), setsid = id(N.setsid);
const gettid: SyscallFn = () => sys(N.getpid); // one thread: its tid is the pid
const getpgid: SyscallFn = (t, p) => sys(N.getpgid, p);
const getsid: SyscallFn = (t, p) => sys(N.getsid, p);
const setpgid: SyscallFn = (t, a, b) => sys(N.setpgid, a, b);
const setuid: SyscallFn = (t, u) => sys(N.setuid, u);
const setgid: SyscallFn = (t, g) => sys(N.setgid, g);
const setreuid: SyscallFn = (t, a, b) => sys(N.setreuid, s32(a), s32(b));
const setregid: SyscallFn = (t, a, b) => sys(N.setregid, s32(a), s32(b));
const setresuid: SyscallFn = (t, a, b, c) => sys(N.setresuid, s32(a), s32(b), s32(c));
const setresgid: SyscallFn = (t, a, b, c) => sys(N.setresgid, s32(a), s32(b), s32(c));
const getresuid: SyscallFn = (t, a, b, c) => sys(N.getresuid, ptr(t, a, 4, true), ptr(t, b, 4, true), ptr(t, c, 4, true));
const getresgid: SyscallFn = (t, a, b, c) => sys(N.getresgid, ptr(t, a, 4, true), ptr(t, b, 4, true), ptr(t, c, 4, true));
const getgroups: SyscallFn = (t, n, list) => sys(N.getgroups, s32(n), n ? ptr(t, list, n * 4, true) : 0);
const setgroups: SyscallFn = (t, n, list) => sys(N.setgroups, n, ptr(t, list, n * 4, false));

// the original i386 calls (getuid, chown...) take and return 16-bit ids (kernel/uid16.c)
const high2low = (v: number) => (v >>> 0 > 0xffff ? 65534 : v);
const low2high = (v: number) => ((v & 0xffff) === 0xffff ? -1 : v & 0xffff);
const id16 = (nr: number): SyscallFn => () => high2low(sys(nr));
const getuid16 = id16(N.getuid), geteuid16 = id16(N.geteuid), getgid16 = id16(N.getgid), getegid16 = id16(N.getegid);
const setuid16: SyscallFn = (t, u) => sys(N.setuid, low2high(u));
const setgid16: SyscallFn = (t, g) => sys(N.setgid, low2high(g));
const setreuid16: SyscallFn = (t, a, b) => sys(N.setreuid, low2high(a), low2high(b));
const setregid16: SyscallFn = (t, a, b) => sys(N.setregid, low2high(a), low2high(b));
const setresuid16: SyscallFn = (t, a, b, c) => sys(N.setresuid, low2high(a), low2high(b), low2high(c));
const setresgid16: SyscallFn = (t, a, b, c) => sys(N.setresgid, low2high(a), low2high(b), low2high(c));
function getres16(t: Task, nr: number, ptrs: number[]): number {
  const h = t.scratchAlloc(12);
  const r = sys(nr, h.host, h.host + 4, h.host + 8);
  if (r < 0) return r;
  ptrs.forEach((p, i) => {
    ptr(t, p, 2, true);
    t.mem.dv.setUint16(p, high2low(t.mem.dv.getUint32(h.addr + 4 * i, true)), true);
  });
  return 0;
}
const getresuid16: SyscallFn = (t, a, b, c) => getres16(t, N.getresuid, [a, b, c]);
const getresgid16: SyscallFn = (t, a, b, c) => getres16(t, N.getresgid, [a, b, c]);
const getgroups16: SyscallFn = (t, n, list) => {
  if (s32(n) < 0) return -EINVAL;
  const h = t.scratchAlloc(Math.max(4, Math.min(n, 65536) * 4));
  const r = sys(N.getgroups, Math.min(n, 65536), n ? h.host : 0);
  if (r <= 0 || n === 0) return r;
  ptr(t, list, r * 2, true);
  for (let i = 0; i < r; i++) t.mem.dv.setUint16(list + 2 * i, high2low(t.mem.dv.getUint32(h.addr + 4 * i, true)), true);
  return r;
};
const setgroups16: SyscallFn = (t, n, list) => {
  if (n > 65536) return -EINVAL;
  ptr(t, list, n * 2, false);
  const h = t.scratchAlloc(Math.max(4, n * 4));
  for (let i = 0; i < n; i++) t.mem.dv.setUint32(h.addr + 4 * i, t.mem.dv.getUint16(list + 2 * i, true), true);
  return sys(N.setgroups, n, h.host);
};

// ---- children: tsemu runs one process, which never has any -------------------------------------------
const WNOHANG = 1, WUNTRACED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x01000000;
const WAIT_FLAGS = 0x20000000 | 0x40000000 | 0x80000000; // __WNOTHREAD __WALL __WCLONE
const wait4: SyscallFn = (t, pid, status, options) => {
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WAIT_FLAGS)) return -EINVAL;
  return -ECHILD;
};
const waitpid: SyscallFn = (t, pid, status, options) => wait4(t, pid, status, options, 0, 0, 0);
const waitid: SyscallFn = (t, which, pid, info, options) => {
  if (which > 3) return -EINVAL; // P_ALL P_PID P_PGID P_PIDFD
  if (options & ~(WNOHANG | WNOWAIT | WEXITED | WUNTRACED | WCONTINUED | WAIT_FLAGS)) return -EINVAL;
  if (!(options & (WEXITED | WUNTRACED | WCONTINUED))) return -EINVAL;
  if ((which === 1 || which === 3) && s32(pid) < 0) return -EINVAL;
  return -ECHILD;
};

const uname: SyscallFn = (t, buf) => {
  ptr(t, buf, 390, true);
  const r = sys(N.uname, t.G + buf);
  if (r < 0) return r;
  // the emulated machine, not the host's
  const machine = buf + 65 * 4;
  t.mem.u8.fill(0, machine, machine + 65);
  t.mem.poke(machine, Buffer.from(t.abi.machine));
  return r;
};

// ---- time -------------------------------------------------------------------------------------
function hostTime(t: Task, call: (p: number) => number, guest: number, usec = false): number {
  ptr(t, guest, 8, true);
  const h = t.scratchAlloc(16);
  const r = call(h.host);
  if (r < 0) return r;
  const dv = t.mem.dv;
  dv.setInt32(guest, Number(dv.getBigInt64(h.addr, true)), true);
  dv.setInt32(guest + 4, Number(dv.getBigInt64(h.addr + 8, true)) | 0, true);
  return r;
}
const clock_gettime: SyscallFn = (t, clk, ts) => hostTime(t, (p) => sys(N.clock_gettime, s32(clk), p), ts);
const clock_getres: SyscallFn = (t, clk, ts) => (ts === 0 ? sys(N.clock_getres, s32(clk), 0) : hostTime(t, (p) => sys(N.clock_getres, s32(clk), p), ts));
const clock_gettime64: SyscallFn = (t, clk, ts) => sys(N.clock_gettime, s32(clk), ptr(t, ts, 16, true));
const clock_getres_time64: SyscallFn = (t, clk, ts) => sys(N.clock_getres, s32(clk), ptr(t, ts, 16, true));
const gettimeofday: SyscallFn = (t, tv, tz) => {
  if (tz) ptr(t, tz, 8, true);
  if (tv === 0) return tz ? sys(N.gettimeofday, 0, t.G + tz) : 0;
  return hostTime(t, (p) => sys(N.gettimeofday, p, tz ? t.G + tz : 0), tv, true);
};
const time: SyscallFn = (t, p) => {
  const now = sys(N.time, 0);
  if (p) {
    ptr(t, p, 4, true);
    t.mem.dv.setInt32(p, now, true);
  }
  return now;
};
const getrandom: SyscallFn = (t, buf, n, flags) => sys(N.getrandom, ptr(t, buf, n, true), n, flags);

// ---- limits -------------------------------------------------------------------------------------
const RLIM_INFINITY = 0xffffffffffffffffn;
/** getrlimit/ugetrlimit: 32-bit struct rlimit; values beyond 32 bits saturate to RLIM_INFINITY */
const ugetrlimit: SyscallFn = (t, res, rl) => {
  ptr(t, rl, 8, true);
  const h = t.scratchAlloc(16);
  const r = sys(N.prlimit64, 0, res, 0, h.host);
  if (r < 0) return r;
  const dv = t.mem.dv;
  for (let i = 0; i < 2; i++) {
    const v = dv.getBigUint64(h.addr + i * 8, true);
    dv.setUint32(rl + i * 4, v >= 0xffffffffn || v === RLIM_INFINITY ? 0xffffffff : Number(v), true);
  }
  return 0;
};
const setrlimit: SyscallFn = (t, res, rl) => {
  ptr(t, rl, 8, false);
  const dv = t.mem.dv;
  const h = t.scratchAlloc(16);
  for (let i = 0; i < 2; i++) {
    const v = dv.getUint32(rl + i * 4, true);
    dv.setBigUint64(h.addr + i * 8, v === 0xffffffff ? RLIM_INFINITY : BigInt(v), true);
  }
  return sys(N.prlimit64, 0, res, h.host, 0);
};
const prlimit64: SyscallFn = (t, pid, res, nw, old) =>
  sys(N.prlimit64, pid, res, nw ? ptr(t, nw, 16, false) : 0, old ? ptr(t, old, 16, true) : 0);

const set_tid_address: SyscallFn = (t, addr) => {
  t.tidAddress = addr;
  return sys(N.getpid);
};
const set_robust_list: SyscallFn = (t, head, len) => (len === 12 ? 0 : -EINVAL);
const sched_yield: SyscallFn = () => sys(N.sched_yield);
const sched_getaffinity: SyscallFn = (t, pid, len, mask) => sys(N.sched_getaffinity, pid, len, ptr(t, mask, len, true));
const getcpu: SyscallFn = (t, cpu, node) => {
  if (cpu) {
    ptr(t, cpu, 4, true);
    t.mem.dv.setUint32(cpu, 0, true);
  }
  if (node) {
    ptr(t, node, 4, true);
    t.mem.dv.setUint32(node, 0, true);
  }
  return 0;
};
const personality: SyscallFn = (t, p) => (p === 0xffffffff ? 0 : 0);
const enosys: SyscallFn = () => -ENOSYS;

/** struct rusage: two 32-bit timevals and fourteen longs */
const getrusage: SyscallFn = (t, who, ru) => {
  ptr(t, ru, 72, true);
  const h = t.scratchAlloc(144);
  const r = sys(N.getrusage, s32(who), h.host);
  if (r < 0) return r;
  const dv = t.mem.dv;
  for (let i = 0; i < 18; i++) dv.setInt32(ru + i * 4, Number(BigInt.asIntN(32, dv.getBigInt64(h.addr + i * 8, true))), true);
  return 0;
};
const times: SyscallFn = (t, buf) => {
  if (buf) ptr(t, buf, 16, true);
  const h = t.scratchAlloc(32);
  const r = sys(N.times, h.host);
  if (buf) {
    const dv = t.mem.dv;
    for (let i = 0; i < 4; i++) dv.setInt32(buf + i * 4, Number(BigInt.asIntN(32, dv.getBigInt64(h.addr + i * 8, true))), true);
  }
  return r | 0;
};
/** struct sysinfo with 32-bit longs */
const sysinfo: SyscallFn = (t, info) => {
  ptr(t, info, 64, true);
  const h = t.scratchAlloc(112);
  const r = sys(N.sysinfo, h.host);
  if (r < 0) return r;
  const dv = t.mem.dv;
  const q = (o: number) => dv.getBigUint64(h.addr + o, true);
  const out = new DataView(new ArrayBuffer(64));
  const unit = Number(dv.getUint32(h.addr + 104, true)) || 1;
  // report memory in units that fit 32 bits
  let mu = unit;
  while (q(32) / BigInt(mu) > 0xffffffffn) mu *= 2;
  const m = (v: bigint) => Number((v * BigInt(unit)) / BigInt(mu)) >>> 0;
  out.setInt32(0, Number(q(0)), true);
  for (let i = 0; i < 3; i++) out.setUint32(4 + i * 4, Number(q(8 + i * 8) & 0xffffffffn), true);
  out.setUint32(16, m(q(32)), true);
  out.setUint32(20, m(q(40)), true);
  out.setUint32(24, m(q(48)), true);
  out.setUint32(28, m(q(56)), true);
  out.setUint32(32, m(q(64)), true);
  out.setUint32(36, m(q(72)), true);
  out.setUint16(40, dv.getUint16(h.addr + 80, true), true);
  out.setUint32(44, m(q(88)), true);
  out.setUint32(48, m(q(96)), true);
  out.setUint32(52, mu, true);
  t.mem.write(info, new Uint8Array(out.buffer));
  return 0;
};
const prctl: SyscallFn = (t, op, a) => {
  const PR_SET_NAME = 15, PR_GET_NAME = 16;
  if (op === PR_SET_NAME) return sys(N.prctl, op, ptr(t, a, 16, false));
  if (op === PR_GET_NAME) return sys(N.prctl, op, ptr(t, a, 16, true));
  return -EINVAL;
};
const getpriority: SyscallFn = (t, which, who) => sys(N.getpriority, which, who);
const setpriority: SyscallFn = (t, which, who, prio) => sys(N.setpriority, which, who, s32(prio));

export const MISC_SYSCALLS: Record<string, SyscallFn> = {
  exit, exit_group: exit, getpid, getppid, gettid, getpgrp, setsid, getpgid, getsid, setpgid,
  getuid: getuid16, geteuid: geteuid16, getgid: getgid16, getegid: getegid16,
  getuid32: getuid, geteuid32: geteuid, getgid32: getgid, getegid32: getegid,
  setuid: setuid16, setgid: setgid16, setuid32: setuid, setgid32: setgid,
  setreuid: setreuid16, setregid: setregid16, setreuid32: setreuid, setregid32: setregid,
  setresuid: setresuid16, setresgid: setresgid16, setresuid32: setresuid, setresgid32: setresgid,
  getresuid: getresuid16, getresgid: getresgid16, getresuid32: getresuid, getresgid32: getresgid,
  getgroups: getgroups16, getgroups32: getgroups, setgroups: setgroups16, setgroups32: setgroups, uname,
  wait4, waitpid, waitid,
  clock_gettime, clock_getres, clock_gettime64, clock_getres_time64, gettimeofday, time, getrandom, ugetrlimit, getrlimit: ugetrlimit, setrlimit,
  prlimit64, set_tid_address, set_robust_list, sched_yield, sched_getaffinity, getcpu, personality,
  getrusage, times, sysinfo, prctl, getpriority, setpriority, rseq: enosys, membarrier: enosys,
  get_robust_list: enosys,
};
