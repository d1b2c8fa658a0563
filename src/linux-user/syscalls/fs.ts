// File and directory system calls, passed to the host kernel with guest buffers mapped in place;
// structures whose 32-bit layout differs from x86-64 (stat, statfs, iovec, timeval, fd_set...) are
// converted here or in stat.ts / dir.ts / poll.ts, with the guest's own layouts from t.abi. Where the host kernel would treat this 64-bit
// process differently from a 32-bit one (O_LARGEFILE, directory offsets), the 32-bit behaviour is
// reproduced.
import { HOST_NR as N } from "../host";
import { EBADF, EINVAL, ENOTTY, EOVERFLOW, EPIPE, ERANGE } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { SIGPIPE, SI_USER } from "../signal-state";
import { sendUserSignal } from "../signal";
import { fd, ioBuf, pathPtr, ptr, s32, sys } from "./util";
import { HOST_STAT_SIZE, HOST_STATFS_SIZE, STAT_SIZE, STATFS64_SIZE, STATFS_SIZE, stat64Fields, toStat, toStatfs, toStatfs64 } from "./stat";
import { cookiesOf, getdents as getdentsImpl, getdents64 as getdents64Impl } from "./dir";
import { blockingIo, POLLIN, POLLOUT } from "./poll";

const AT_FDCWD = -100;

// ---- stat -------------------------------------------------------------------------------------
/** stat64 family: the host fills a struct stat in the scratch area, converted field by field. */
function statInto(t: Task, guest: number, call: (hostBuf: number) => number): number {
  const layout = t.abi.stat64;
  ptr(t, guest, layout.size, true);
  const tmp = t.scratchAlloc(HOST_STAT_SIZE);
  const r = call(tmp.host);
  if (r < 0) return r;
  const dv = t.mem.dv;
  if (layout.zeroPadding) t.mem.u8.fill(0, guest, guest + layout.size);
  for (const [o, size, v] of stat64Fields(new DataView(t.mem.buffer, tmp.addr, HOST_STAT_SIZE), layout)) {
    if (size === 8) dv.setBigUint64(guest + o, v, true);
    else dv.setUint32(guest + o, Number(v), true);
  }
  return 0;
}
/** the old stat family: struct stat with 32-bit sizes (EOVERFLOW for what does not fit) */
function oldStatInto(t: Task, guest: number, call: (hostBuf: number) => number): number {
  const tmp = t.scratchAlloc(HOST_STAT_SIZE);
  const r = call(tmp.host);
  if (r < 0) return r;
  const st = toStat(new DataView(t.mem.buffer, tmp.addr, HOST_STAT_SIZE));
  if (typeof st === "number") return st;
  ptr(t, guest, STAT_SIZE, true);
  t.mem.write(guest, st);
  return 0;
}
function statfsInto(t: Task, guest: number, size: number, call: (hostBuf: number) => number): number {
  const tmp = t.scratchAlloc(HOST_STATFS_SIZE);
  const r = call(tmp.host);
  if (r < 0) return r;
  const h = new DataView(t.mem.buffer, tmp.addr, HOST_STATFS_SIZE);
  const st = size === STATFS64_SIZE ? toStatfs64(h) : toStatfs(h);
  if (typeof st === "number") return st;
  ptr(t, guest, st.length, true);
  t.mem.write(guest, st);
  return 0;
}

// ---- iovec ------------------------------------------------------------------------------------
/** Build a host iovec array for `cnt` guest iovecs at `iov`; returns the host pointer or -errno. */
function hostIovec(t: Task, iov: number, cnt: number, write: boolean): number {
  if (cnt > 1024) return -EINVAL;
  const dv = t.mem.dv;
  ptr(t, iov, cnt * 8, false);
  const out = t.scratchAlloc(cnt * 16);
  for (let i = 0; i < cnt; i++) {
    const base = dv.getUint32(iov + i * 8, true);
    const len = dv.getUint32(iov + i * 8 + 4, true);
    dv.setBigUint64(out.addr + i * 16, BigInt(len ? ptr(t, base, len, write) : 0), true);
    dv.setBigUint64(out.addr + i * 16 + 8, BigInt(len), true);
  }
  return out.host;
}

/** pipe_write and friends: EPIPE comes with a SIGPIPE to the writing thread (send_sig) */
function sigpipe(t: Task, r: number): number {
  if (r === -EPIPE) sendUserSignal(t, SIGPIPE, SI_USER, true);
  return r;
}
const pos64 = (lo: number, hi: number) => lo + s32(hi) * 2 ** 32;
const read: SyscallFn = (t, f, buf, n) => {
  const [p, len] = ioBuf(t, buf, n, true);
  return blockingIo(t, f, POLLIN, () => sys(N.read, fd(f), p, len));
};
const write: SyscallFn = (t, f, buf, n) => {
  const [p, len] = ioBuf(t, buf, n, false);
  return sigpipe(t, blockingIo(t, f, POLLOUT, () => sys(N.write, fd(f), p, len)));
};
const pread64: SyscallFn = (t, f, buf, n, lo, hi) => {
  const [p, len] = ioBuf(t, buf, n, true);
  return sys(N.pread64, fd(f), p, len, pos64(lo, hi));
};
const pwrite64: SyscallFn = (t, f, buf, n, lo, hi) => {
  const [p, len] = ioBuf(t, buf, n, false);
  return sigpipe(t, sys(N.pwrite64, fd(f), p, len, pos64(lo, hi)));
};
const readv: SyscallFn = (t, f, iov, cnt) => {
  const h = hostIovec(t, iov, cnt, true);
  return h < 0 ? h : blockingIo(t, f, POLLIN, () => sys(N.readv, fd(f), h, cnt));
};
const writev: SyscallFn = (t, f, iov, cnt) => {
  const h = hostIovec(t, iov, cnt, false);
  return h < 0 ? h : sigpipe(t, blockingIo(t, f, POLLOUT, () => sys(N.writev, fd(f), h, cnt)));
};
/** preadv/pwritev take the offset split in two 32-bit halves; the host takes it whole */
const preadv: SyscallFn = (t, f, iov, cnt, lo, hi) => {
  const h = hostIovec(t, iov, cnt, true);
  return h < 0 ? h : sys(N.preadv, fd(f), h, cnt, pos64(lo, hi), 0);
};
const pwritev: SyscallFn = (t, f, iov, cnt, lo, hi) => {
  const h = hostIovec(t, iov, cnt, false);
  return h < 0 ? h : sigpipe(t, sys(N.pwritev, fd(f), h, cnt, pos64(lo, hi), 0));
};
const preadv2: SyscallFn = (t, f, iov, cnt, lo, hi, flags) => {
  const h = hostIovec(t, iov, cnt, true);
  return h < 0 ? h : sys(N.preadv2, fd(f), h, cnt, pos64(lo, hi), 0, flags);
};
const pwritev2: SyscallFn = (t, f, iov, cnt, lo, hi, flags) => {
  const h = hostIovec(t, iov, cnt, false);
  return h < 0 ? h : sigpipe(t, sys(N.pwritev2, fd(f), h, cnt, pos64(lo, hi), 0, flags));
};

// ---- descriptors: what a 32-bit process's open file would remember --------------------------------
const O_LARGEFILE = 0o100000, S_IFMT = 0o170000, S_IFREG = 0o100000;
/** descriptors the guest opened without O_LARGEFILE (the host forces it on every open of ours) */
const noLargefile = new WeakMap<Task, Set<number>>();
function noLfs(t: Task): Set<number> {
  let s = noLargefile.get(t);
  if (!s) noLargefile.set(t, (s = new Set()));
  return s;
}
/** A descriptor number now names a new open file (or none): forget what we knew of the old one. */
function fdReplaced(t: Task, f: number, like = -1): void {
  cookiesOf(t).forget(f);
  const s = noLfs(t);
  if (like >= 0 && s.has(like)) s.add(f);
  else s.delete(f);
}
/**
 * open for a 32-bit process: without O_LARGEFILE a regular file larger than 2 GiB cannot be
 * opened (generic_file_open's EOVERFLOW), which the host never checks for us.
 */
function doOpen(t: Task, dirfd: number, path: number, flags: number, mode: number): number {
  const r = sys(N.openat, dirfd, path, flags, mode);
  if (r < 0) return r;
  fdReplaced(t, r);
  if (!(flags & O_LARGEFILE)) {
    const st = t.scratchAlloc(HOST_STAT_SIZE);
    if (sys(N.fstat, r, st.host) === 0) {
      const dv = t.mem.dv;
      const size = dv.getBigInt64(st.addr + 48, true);
      if ((dv.getUint32(st.addr + 24, true) & S_IFMT) === S_IFREG && size > 0x7fffffffn) {
        sys(N.close, r);
        return -EOVERFLOW;
      }
    }
    noLfs(t).add(r);
  }
  return r;
}
const open: SyscallFn = (t, p, flags, mode) => doOpen(t, AT_FDCWD, pathPtr(t, p), flags, mode);
const openat: SyscallFn = (t, d, p, flags, mode) => doOpen(t, fd(d), pathPtr(t, p), flags, mode);
const creat: SyscallFn = (t, p, mode) => doOpen(t, AT_FDCWD, pathPtr(t, p), 0o1101, mode);
/** File descriptors the host runtime (Node) had open at startup: the guest may not touch them. */
const hostFds = new Set<number>();
export function reserveHostFds(fds: number[]): void {
  // only those still open: the list may name the descriptor that was used to read it
  for (const f of fds) if (f > 2 && sys(N.fcntl, f, 1 /* F_GETFD */) >= 0) hostFds.add(f);
}
const guestFd = (f: number) => !hostFds.has(fd(f));
const close: SyscallFn = (t, f) => {
  if (!guestFd(f)) return -EBADF;
  const r = sys(N.close, fd(f));
  fdReplaced(t, fd(f));
  return r;
};
const SEEK_SET = 0;
/** lseek on the host, with directory offsets translated to and from the guest's stand-ins */
function doLseek(t: Task, f: number, off: number, whence: number): number {
  const c = cookiesOf(t);
  const r = sys(N.lseek, f, whence === SEEK_SET ? c.toHost(f, off) : off, whence);
  return r < 0 ? r : c.resultToGuest(f, r);
}
const lseek: SyscallFn = (t, f, off, whence) => {
  const r = doLseek(t, fd(f), s32(off), whence);
  return r > 0x7fffffff ? -EOVERFLOW : r;
};
const _llseek: SyscallFn = (t, f, hi, lo, result, whence) => {
  const off = Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)));
  ptr(t, result, 8, true);
  const r = doLseek(t, fd(f), off, whence);
  if (r < 0) return r;
  t.mem.dv.setBigUint64(result, BigInt(r), true);
  return 0;
};
const stat: SyscallFn = (t, p, buf) => oldStatInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0));
const lstat: SyscallFn = (t, p, buf) => oldStatInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0x100));
const fstat: SyscallFn = (t, f, buf) => oldStatInto(t, buf, (h) => sys(N.fstat, fd(f), h));
const statfs: SyscallFn = (t, p, buf) => statfsInto(t, buf, STATFS_SIZE, (h) => sys(N.statfs, pathPtr(t, p), h));
const fstatfs: SyscallFn = (t, f, buf) => statfsInto(t, buf, STATFS_SIZE, (h) => sys(N.fstatfs, fd(f), h));
const statfs64: SyscallFn = (t, p, size, buf) => (!t.abi.statfs64Sizes.includes(size) ? -EINVAL : statfsInto(t, buf, STATFS64_SIZE, (h) => sys(N.statfs, pathPtr(t, p), h)));
const fstatfs64: SyscallFn = (t, f, size, buf) => (!t.abi.statfs64Sizes.includes(size) ? -EINVAL : statfsInto(t, buf, STATFS64_SIZE, (h) => sys(N.fstatfs, fd(f), h)));
const stat64: SyscallFn = (t, p, buf) => statInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0));
const lstat64: SyscallFn = (t, p, buf) => statInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0x100));
const fstat64: SyscallFn = (t, f, buf) => statInto(t, buf, (h) => sys(N.fstat, fd(f), h));
const fstatat64: SyscallFn = (t, d, p, buf, flags) => statInto(t, buf, (h) => sys(N.newfstatat, fd(d), pathPtr(t, p), h, flags));
const statx: SyscallFn = (t, d, p, flags, mask, buf) => sys(N.statx, fd(d), pathPtr(t, p), flags, mask, ptr(t, buf, 256, true));
const getdents64: SyscallFn = (t, f, buf, n) => getdents64Impl(t, f, buf, n);
const getdents: SyscallFn = (t, f, buf, n) => getdentsImpl(t, f, buf, n);
const mkdir: SyscallFn = (t, p, mode) => sys(N.mkdirat, AT_FDCWD, pathPtr(t, p), mode);
const mkdirat: SyscallFn = (t, d, p, mode) => sys(N.mkdirat, fd(d), pathPtr(t, p), mode);
const rmdir: SyscallFn = (t, p) => sys(N.unlinkat, AT_FDCWD, pathPtr(t, p), 0x200);
const unlink: SyscallFn = (t, p) => sys(N.unlinkat, AT_FDCWD, pathPtr(t, p), 0);
const unlinkat: SyscallFn = (t, d, p, flags) => sys(N.unlinkat, fd(d), pathPtr(t, p), flags);
const rename: SyscallFn = (t, a, b) => sys(N.renameat, AT_FDCWD, pathPtr(t, a), AT_FDCWD, pathPtr(t, b));
const renameat: SyscallFn = (t, da, a, db, b) => sys(N.renameat, fd(da), pathPtr(t, a), fd(db), pathPtr(t, b));
const renameat2: SyscallFn = (t, da, a, db, b, fl) => sys(N.renameat2, fd(da), pathPtr(t, a), fd(db), pathPtr(t, b), fl);
const link: SyscallFn = (t, a, b) => sys(N.linkat, AT_FDCWD, pathPtr(t, a), AT_FDCWD, pathPtr(t, b), 0);
const linkat: SyscallFn = (t, da, a, db, b, fl) => sys(N.linkat, fd(da), pathPtr(t, a), fd(db), pathPtr(t, b), fl);
const symlink: SyscallFn = (t, a, b) => sys(N.symlinkat, ptr(t, a, 1, false), AT_FDCWD, pathPtr(t, b));
const symlinkat: SyscallFn = (t, a, d, b) => sys(N.symlinkat, ptr(t, a, 1, false), fd(d), pathPtr(t, b));
function doReadlink(t: Task, d: number, p: number, buf: number, n: number): number {
  if (s32(n) <= 0) return -EINVAL;
  const s = t.str(p);
  if (s === "/proc/self/exe" || s === `/proc/${process.pid}/exe`) {
    const b = Buffer.from(t.exePath, "latin1").subarray(0, n);
    ptr(t, buf, b.length, true);
    t.mem.write(buf, b);
    return b.length;
  }
  return sys(N.readlinkat, d, pathPtr(t, p), ptr(t, buf, n, true), n);
}
const readlink: SyscallFn = (t, p, buf, n) => doReadlink(t, AT_FDCWD, p, buf, n);
const readlinkat: SyscallFn = (t, d, p, buf, n) => doReadlink(t, fd(d), p, buf, n);
const access: SyscallFn = (t, p, mode) => sys(N.faccessat, AT_FDCWD, pathPtr(t, p), mode);
const faccessat: SyscallFn = (t, d, p, mode) => sys(N.faccessat, fd(d), pathPtr(t, p), mode);
const faccessat2: SyscallFn = (t, d, p, mode, fl) => sys(N.faccessat2, fd(d), pathPtr(t, p), mode, fl);
const chdir: SyscallFn = (t, p) => sys(N.chdir, pathPtr(t, p));
const fchdir: SyscallFn = (t, f) => sys(N.fchdir, fd(f));
const getcwd: SyscallFn = (t, buf, n) => {
  const r = sys(N.getcwd, ptr(t, buf, n, true), n);
  return r;
};
const chmod: SyscallFn = (t, p, mode) => sys(N.fchmodat, AT_FDCWD, pathPtr(t, p), mode);
const fchmod: SyscallFn = (t, f, mode) => sys(N.fchmod, fd(f), mode);
const fchmodat: SyscallFn = (t, d, p, mode) => sys(N.fchmodat, fd(d), pathPtr(t, p), mode);
const chown32: SyscallFn = (t, p, u, g) => sys(N.fchownat, AT_FDCWD, pathPtr(t, p), s32(u), s32(g), 0);
const lchown32: SyscallFn = (t, p, u, g) => sys(N.fchownat, AT_FDCWD, pathPtr(t, p), s32(u), s32(g), 0x100);
const fchown32: SyscallFn = (t, f, u, g) => sys(N.fchown, fd(f), s32(u), s32(g));
const fchownat: SyscallFn = (t, d, p, u, g, fl) => sys(N.fchownat, fd(d), pathPtr(t, p), s32(u), s32(g), fl);
/** the 16-bit-id calls (chown, lchown, fchown): 0xffff means "unchanged" like -1 does */
const id16 = (v: number) => ((v & 0xffff) === 0xffff ? -1 : v & 0xffff);
const chown16: SyscallFn = (t, p, u, g) => sys(N.fchownat, AT_FDCWD, pathPtr(t, p), id16(u), id16(g), 0);
const lchown16: SyscallFn = (t, p, u, g) => sys(N.fchownat, AT_FDCWD, pathPtr(t, p), id16(u), id16(g), 0x100);
const fchown16: SyscallFn = (t, f, u, g) => sys(N.fchown, fd(f), id16(u), id16(g));
const umask: SyscallFn = (t, m) => sys(N.umask, m);
/** a new descriptor `r` for the open file of `from` (dup, dup2, dup3, F_DUPFD) */
function dupped(t: Task, from: number, r: number): number {
  if (r >= 0 && r !== from) fdReplaced(t, r, from);
  return r;
}
const dup: SyscallFn = (t, f) => dupped(t, fd(f), sys(N.dup, fd(f)));
const dup2: SyscallFn = (t, a, b) => (guestFd(b) && guestFd(a) ? dupped(t, fd(a), sys(N.dup2, fd(a), fd(b))) : -EBADF);
const dup3: SyscallFn = (t, a, b, fl) => (guestFd(b) && guestFd(a) ? dupped(t, fd(a), sys(N.dup3, fd(a), fd(b), fl)) : -EBADF);
function newPipe(t: Task, p: number, fl: number): number {
  const r = sys(N.pipe2, ptr(t, p, 8, true), fl);
  if (r === 0) for (const i of [0, 1]) fdReplaced(t, t.mem.dv.getInt32(p + 4 * i, true));
  return r;
}
const pipe: SyscallFn = (t, p) => newPipe(t, p, 0);
const pipe2: SyscallFn = (t, p, fl) => newPipe(t, p, fl);
const F_GETLK64 = 12, F_SETLK64 = 13, F_SETLKW64 = 14, F_DUPFD = 0, F_GETFL = 3, F_DUPFD_CLOEXEC = 1030;
const fcntl64: SyscallFn = (t, f, cmd, arg) => {
  if (cmd === F_GETLK64 || cmd === F_SETLK64 || cmd === F_SETLKW64) {
    // struct flock64: short type, short whence, s64 start, s64 len, int pid at the guest's offsets
    // (i386: packed, 24 bytes; ARM EABI: 64-bit aligned, 32 bytes)
    const L = t.abi.flock64;
    const dv = t.mem.dv;
    ptr(t, arg, L.size, cmd === F_GETLK64);
    const h = t.scratchAlloc(32);
    dv.setInt16(h.addr, dv.getInt16(arg, true), true);
    dv.setInt16(h.addr + 2, dv.getInt16(arg + 2, true), true);
    dv.setBigInt64(h.addr + 8, dv.getBigInt64(arg + L.start, true), true);
    dv.setBigInt64(h.addr + 16, dv.getBigInt64(arg + L.len, true), true);
    dv.setInt32(h.addr + 24, dv.getInt32(arg + L.pid, true), true);
    const r = sys(N.fcntl, fd(f), cmd - 7, h.host); // host F_GETLK/F_SETLK/F_SETLKW are 5, 6, 7
    if (r >= 0 && cmd === F_GETLK64) {
      dv.setInt16(arg, dv.getInt16(h.addr, true), true);
      dv.setInt16(arg + 2, dv.getInt16(h.addr + 2, true), true);
      dv.setBigInt64(arg + L.start, dv.getBigInt64(h.addr + 8, true), true);
      dv.setBigInt64(arg + L.len, dv.getBigInt64(h.addr + 16, true), true);
      dv.setInt32(arg + L.pid, dv.getInt32(h.addr + 24, true), true);
    }
    return r;
  }
  if (cmd === 5 || cmd === 6 || cmd === 7) return -EINVAL; // 32-bit struct flock: not used by glibc
  const r = sys(N.fcntl, fd(f), cmd, arg);
  if (cmd === F_GETFL && r >= 0 && noLfs(t).has(fd(f))) return r & ~O_LARGEFILE;
  if (cmd === F_DUPFD || cmd === F_DUPFD_CLOEXEC) return dupped(t, fd(f), r);
  return r;
};
const ftruncate: SyscallFn = (t, f, len) => sys(N.ftruncate, fd(f), len);
const ftruncate64: SyscallFn = (t, f, lo, hi) => sys(N.ftruncate, fd(f), lo + s32(hi) * 2 ** 32);
const truncate: SyscallFn = (t, p, len) => sys(N.truncate, pathPtr(t, p), len);
const truncate64: SyscallFn = (t, p, lo, hi) => sys(N.truncate, pathPtr(t, p), lo + s32(hi) * 2 ** 32);
const fsync: SyscallFn = (t, f) => sys(N.fsync, fd(f));
const fdatasync: SyscallFn = (t, f) => sys(N.fdatasync, fd(f));
const sync: SyscallFn = () => sys(N.sync);
const flock: SyscallFn = (t, f, op) => sys(N.flock, fd(f), op);
const mknod: SyscallFn = (t, p, mode, dev) => sys(N.mknodat, AT_FDCWD, pathPtr(t, p), mode, dev);
const mknodat: SyscallFn = (t, d, p, mode, dev) => sys(N.mknodat, fd(d), pathPtr(t, p), mode, dev);

// ---- file times: everything becomes a host utimensat ------------------------------------------------
/** Two guest times (timespec32, timespec64 or timeval) as a host timespec[2], or -EINVAL. */
function hostTimes(t: Task, a: number, kind: "ts32" | "ts64" | "tv"): number {
  const dv = t.mem.dv;
  const each = kind === "ts64" ? 16 : 8;
  ptr(t, a, 2 * each, false);
  const h = t.scratchAlloc(32);
  for (let i = 0; i < 2; i++) {
    const o = a + i * each;
    const sec = kind === "ts64" ? dv.getBigInt64(o, true) : BigInt(dv.getInt32(o, true));
    let frac = kind === "ts64" ? dv.getUint32(o + 8, true) : dv.getInt32(o + 4, true);
    if (kind === "tv") {
      // utimes: microseconds, checked here (utimensat checks nanoseconds and UTIME_NOW/OMIT itself)
      if (frac < 0 || frac >= 1000000) return -EINVAL;
      frac *= 1000;
    }
    dv.setBigInt64(h.addr + i * 16, sec, true);
    dv.setBigInt64(h.addr + i * 16 + 8, BigInt(frac), true);
  }
  return h.host;
}
function doUtimensat(t: Task, d: number, p: number, times: number, kind: "ts32" | "ts64" | "tv", flags: number): number {
  const h = times ? hostTimes(t, times, kind) : 0;
  if (h < 0) return h;
  return sys(N.utimensat, d, p ? pathPtr(t, p) : 0, h, flags);
}
const utimensat: SyscallFn = (t, d, p, times, flags) => doUtimensat(t, fd(d), p, times, "ts32", flags);
const utimensat_time64: SyscallFn = (t, d, p, times, flags) => doUtimensat(t, fd(d), p, times, "ts64", flags);
const futimesat: SyscallFn = (t, d, p, times) => doUtimensat(t, fd(d), p, times, "tv", 0);
const utimes: SyscallFn = (t, p, times) => doUtimensat(t, AT_FDCWD, p, times, "tv", 0);
/** utime: struct utimbuf {actime, modtime}, whole seconds */
const utime: SyscallFn = (t, p, times) => {
  let h = 0;
  if (times) {
    ptr(t, times, 8, false);
    const dv = t.mem.dv;
    const s = t.scratchAlloc(32);
    for (let i = 0; i < 2; i++) {
      dv.setBigInt64(s.addr + i * 16, BigInt(dv.getInt32(times + 4 * i, true)), true);
      dv.setBigInt64(s.addr + i * 16 + 8, 0n, true);
    }
    h = s.host;
  }
  return sys(N.utimensat, AT_FDCWD, pathPtr(t, p), h, 0);
};

// ---- ioctl: the terminal requests whose structures are the same on i386 and x86-64 -------------------
const TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCGPGRP = 0x540f;
const TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541b, FIONBIO = 0x5421;
const TIOCOUTQ = 0x5411, TIOCGSID = 0x5429, FIOASYNC = 0x5452, TIOCGPTN = 0x80045430, TIOCSPTLCK = 0x40045431;
const IOCTL_SIZES: Record<number, [number, boolean]> = {
  [TCGETS]: [36, true], [TCSETS]: [36, false], [TCSETSW]: [36, false], [TCSETSF]: [36, false],
  [TIOCGPGRP]: [4, true], [TIOCSPGRP]: [4, false], [TIOCGWINSZ]: [8, true], [TIOCSWINSZ]: [8, false],
  [FIONREAD]: [4, true], [FIONBIO]: [4, false], [TIOCOUTQ]: [4, true], [TIOCGSID]: [4, true],
  [FIOASYNC]: [4, false], [TIOCGPTN]: [4, true], [TIOCSPTLCK]: [4, false],
};
/** requests whose argument is a value, not a pointer: FIONCLEX, FIOCLEX, TCSBRK, TCXONC, TCFLSH, TIOCNOTTY, TIOCSCTTY */
const IOCTL_VALUE = new Set([0x5450, 0x5451, 0x5409, 0x540a, 0x540b, 0x5422, 0x540e]);
const ioctl: SyscallFn = (t, f, req, arg) => {
  if (IOCTL_VALUE.has(req)) return sys(N.ioctl, fd(f), req, arg);
  const known = IOCTL_SIZES[req];
  if (!known) {
    if (t.log.enabled("unimp")) t.log.write(`Unsupported ioctl: cmd=0x${req.toString(16).padStart(4, "0")}\n`);
    return -ENOTTY;
  }
  return sys(N.ioctl, fd(f), req, ptr(t, arg, known[0], known[1]));
};

// ---- sendfile ----------------------------------------------------------------------------------
const sendfile64: SyscallFn = (t, out, inp, off, count) => {
  if (off === 0) return sigpipe(t, sys(N.sendfile, fd(out), fd(inp), 0, count));
  ptr(t, off, 8, true);
  return sigpipe(t, sys(N.sendfile, fd(out), fd(inp), t.G + off, count));
};
const sendfile: SyscallFn = (t, out, inp, off, count) => {
  if (off === 0) return sigpipe(t, sys(N.sendfile, fd(out), fd(inp), 0, count));
  const dv = t.mem.dv;
  ptr(t, off, 4, true);
  const h = t.scratchAlloc(8);
  dv.setBigInt64(h.addr, BigInt(dv.getInt32(off, true)), true);
  const r = sys(N.sendfile, fd(out), fd(inp), h.host, count);
  const nv = dv.getBigInt64(h.addr, true);
  if (nv > 0x7fffffffn) return -ERANGE;
  dv.setInt32(off, Number(nv), true);
  return sigpipe(t, r);
};
const fadvise64_64: SyscallFn = () => 0;
/** readahead(fd, offset as two halves, count) */
const readahead: SyscallFn = (t, f, lo, hi, n) => sys(N.readahead, fd(f), pos64(lo, hi), n);
/** fallocate(fd, mode, offset, len), the 64-bit values as two halves each */
const fallocate: SyscallFn = (t, f, mode, olo, ohi, llo, lhi) => sys(N.fallocate, fd(f), mode, pos64(olo, ohi), pos64(llo, lhi));
const fadvise64: SyscallFn = () => 0;

export const FS_SYSCALLS: Record<string, SyscallFn> = {
  read, write, pread64, pwrite64, readv, writev, preadv, pwritev, preadv2, pwritev2, open, openat, creat, close,
  lseek, _llseek, stat, lstat, fstat, stat64, lstat64, fstat64, fstatat64, statx, statfs, fstatfs, statfs64,
  fstatfs64, getdents, getdents64, mkdir, mkdirat, rmdir, unlink, unlinkat, mknod, mknodat,
  rename, renameat, renameat2, link, linkat, symlink, symlinkat, readlink, readlinkat, access,
  faccessat, faccessat2, chdir, fchdir, getcwd, chmod, fchmod, fchmodat, chown32, lchown32,
  fchown32, fchownat, chown: chown16, lchown: lchown16, fchown: fchown16, umask, dup, dup2, dup3,
  pipe, pipe2, fcntl64, fcntl: fcntl64, ftruncate, ftruncate64, truncate, truncate64, fsync,
  fdatasync, sync, flock, ioctl, sendfile, sendfile64, fadvise64, fadvise64_64, readahead, fallocate, utimensat,
  utimensat_time64, futimesat, utimes, utime,
};
