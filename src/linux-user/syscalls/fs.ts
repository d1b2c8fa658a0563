// File and directory system calls, passed to the host kernel with guest buffers mapped in place;
// structures whose i386 layout differs from x86-64 (stat64, iovec) are converted here.
import { HOST_NR as N } from "../host";
import { EBADF, EINVAL, ENOTTY, ERANGE } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { fd, pathPtr, ptr, s32, sys } from "./util";

const AT_FDCWD = -100;

// ---- stat -------------------------------------------------------------------------------------
const HOST_STAT_SIZE = 144;
/** Convert a host struct stat (x86-64) in the scratch area to the guest's struct stat64 (i386). */
function putStat64(t: Task, hostAddr: number, guest: number): void {
  const dv = t.mem.dv;
  const h = (o: number) => dv.getBigUint64(hostAddr + o, true);
  const h32 = (o: number) => dv.getUint32(hostAddr + o, true);
  const g = new DataView(new ArrayBuffer(96));
  g.setBigUint64(0, h(0), true); // st_dev
  g.setUint32(12, Number(h(8) & 0xffffffffn), true); // __st_ino
  g.setUint32(16, h32(24), true); // st_mode
  g.setUint32(20, Number(h(16)), true); // st_nlink
  g.setUint32(24, h32(28), true); // st_uid
  g.setUint32(28, h32(32), true); // st_gid
  g.setBigUint64(32, h(40), true); // st_rdev
  g.setBigUint64(44, h(48), true); // st_size
  g.setUint32(52, Number(h(56)), true); // st_blksize
  g.setBigUint64(56, h(64), true); // st_blocks
  for (let i = 0; i < 3; i++) {
    g.setUint32(64 + i * 8, Number(h(72 + i * 16) & 0xffffffffn), true);
    g.setUint32(68 + i * 8, Number(h(80 + i * 16)), true);
  }
  g.setBigUint64(88, h(8), true); // st_ino
  t.mem.write(guest, new Uint8Array(g.buffer));
}
function statInto(t: Task, guest: number, call: (hostBuf: number) => number): number {
  ptr(t, guest, 96, true);
  const tmp = t.scratchAlloc(HOST_STAT_SIZE);
  const r = call(tmp.host);
  if (r < 0) return r;
  putStat64(t, tmp.addr, guest);
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

const read: SyscallFn = (t, f, buf, n) => sys(N.read, fd(f), ptr(t, buf, n, true), n);
const write: SyscallFn = (t, f, buf, n) => sys(N.write, fd(f), ptr(t, buf, n, false), n);
const pread64: SyscallFn = (t, f, buf, n, lo, hi) => sys(N.pread64, fd(f), ptr(t, buf, n, true), n, lo + hi * 2 ** 32);
const pwrite64: SyscallFn = (t, f, buf, n, lo, hi) => sys(N.pwrite64, fd(f), ptr(t, buf, n, false), n, lo + hi * 2 ** 32);
const readv: SyscallFn = (t, f, iov, cnt) => {
  const h = hostIovec(t, iov, cnt, true);
  return h < 0 ? h : sys(N.readv, fd(f), h, cnt);
};
const writev: SyscallFn = (t, f, iov, cnt) => {
  const h = hostIovec(t, iov, cnt, false);
  return h < 0 ? h : sys(N.writev, fd(f), h, cnt);
};
const open: SyscallFn = (t, p, flags, mode) => sys(N.openat, AT_FDCWD, pathPtr(t, p), flags, mode);
const openat: SyscallFn = (t, d, p, flags, mode) => sys(N.openat, fd(d), pathPtr(t, p), flags, mode);
const creat: SyscallFn = (t, p, mode) => sys(N.openat, AT_FDCWD, pathPtr(t, p), 0o1101, mode);
/** File descriptors the host runtime (Node) had open at startup: the guest may not touch them. */
const hostFds = new Set<number>();
export function reserveHostFds(fds: number[]): void {
  for (const f of fds) if (f > 2) hostFds.add(f);
}
const guestFd = (f: number) => !hostFds.has(fd(f));
const close: SyscallFn = (t, f) => (guestFd(f) ? sys(N.close, fd(f)) : -EBADF);
const lseek: SyscallFn = (t, f, off, whence) => {
  const r = sys(N.lseek, fd(f), s32(off), whence);
  return r > 0x7fffffff ? -75 /* EOVERFLOW */ : r;
};
const _llseek: SyscallFn = (t, f, hi, lo, result, whence) => {
  const off = Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)));
  const p = ptr(t, result, 8, true);
  void p;
  const r = sys(N.lseek, fd(f), off, whence);
  if (r < 0) return r;
  t.mem.dv.setBigUint64(result, BigInt(r), true);
  return 0;
};
const stat64: SyscallFn = (t, p, buf) => statInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0));
const lstat64: SyscallFn = (t, p, buf) => statInto(t, buf, (h) => sys(N.newfstatat, AT_FDCWD, pathPtr(t, p), h, 0x100));
const fstat64: SyscallFn = (t, f, buf) => statInto(t, buf, (h) => sys(N.fstat, fd(f), h));
const fstatat64: SyscallFn = (t, d, p, buf, flags) => statInto(t, buf, (h) => sys(N.newfstatat, fd(d), pathPtr(t, p), h, flags));
const statx: SyscallFn = (t, d, p, flags, mask, buf) => sys(N.statx, fd(d), pathPtr(t, p), flags, mask, ptr(t, buf, 256, true));
const getdents64: SyscallFn = (t, f, buf, n) => sys(N.getdents64, fd(f), ptr(t, buf, n, true), n);
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
const umask: SyscallFn = (t, m) => sys(N.umask, m);
const dup: SyscallFn = (t, f) => sys(N.dup, fd(f));
const dup2: SyscallFn = (t, a, b) => (guestFd(b) && guestFd(a) ? sys(N.dup2, fd(a), fd(b)) : -EBADF);
const dup3: SyscallFn = (t, a, b, fl) => (guestFd(b) && guestFd(a) ? sys(N.dup3, fd(a), fd(b), fl) : -EBADF);
const pipe: SyscallFn = (t, p) => sys(N.pipe2, ptr(t, p, 8, true), 0);
const pipe2: SyscallFn = (t, p, fl) => sys(N.pipe2, ptr(t, p, 8, true), fl);
const F_GETLK64 = 12, F_SETLK64 = 13, F_SETLKW64 = 14;
const fcntl64: SyscallFn = (t, f, cmd, arg) => {
  if (cmd === F_GETLK64 || cmd === F_SETLK64 || cmd === F_SETLKW64) {
    // struct flock64 on i386: short type, short whence, s64 start, s64 len, int pid (packed 24 bytes)
    const dv = t.mem.dv;
    ptr(t, arg, 24, cmd === F_GETLK64);
    const h = t.scratchAlloc(32);
    dv.setInt16(h.addr, dv.getInt16(arg, true), true);
    dv.setInt16(h.addr + 2, dv.getInt16(arg + 2, true), true);
    dv.setBigInt64(h.addr + 8, dv.getBigInt64(arg + 4, true), true);
    dv.setBigInt64(h.addr + 16, dv.getBigInt64(arg + 12, true), true);
    dv.setInt32(h.addr + 24, dv.getInt32(arg + 20, true), true);
    const r = sys(N.fcntl, fd(f), cmd - 7, h.host); // host F_GETLK/F_SETLK/F_SETLKW are 5, 6, 7
    if (r >= 0 && cmd === F_GETLK64) {
      dv.setInt16(arg, dv.getInt16(h.addr, true), true);
      dv.setInt16(arg + 2, dv.getInt16(h.addr + 2, true), true);
      dv.setBigInt64(arg + 4, dv.getBigInt64(h.addr + 8, true), true);
      dv.setBigInt64(arg + 12, dv.getBigInt64(h.addr + 16, true), true);
      dv.setInt32(arg + 20, dv.getInt32(h.addr + 24, true), true);
    }
    return r;
  }
  if (cmd === 5 || cmd === 6 || cmd === 7) return -EINVAL; // 32-bit struct flock: not used by glibc
  return sys(N.fcntl, fd(f), cmd, arg);
};
const ftruncate: SyscallFn = (t, f, len) => sys(N.ftruncate, fd(f), len);
const ftruncate64: SyscallFn = (t, f, lo, hi) => sys(N.ftruncate, fd(f), lo + s32(hi) * 2 ** 32);
const truncate: SyscallFn = (t, p, len) => sys(N.truncate, pathPtr(t, p), len);
const truncate64: SyscallFn = (t, p, lo, hi) => sys(N.truncate, pathPtr(t, p), lo + s32(hi) * 2 ** 32);
const fsync: SyscallFn = (t, f) => sys(N.fsync, fd(f));
const fdatasync: SyscallFn = (t, f) => sys(N.fdatasync, fd(f));
const sync: SyscallFn = () => sys(N.sync);
const flock: SyscallFn = (t, f, op) => sys(N.flock, fd(f), op);

// ---- ioctl: the terminal requests whose structures are the same on i386 and x86-64 -------------------
const TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCGPGRP = 0x540f;
const TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541b, FIONBIO = 0x5421;
const IOCTL_SIZES: Record<number, [number, boolean]> = {
  [TCGETS]: [36, true], [TCSETS]: [36, false], [TCSETSW]: [36, false], [TCSETSF]: [36, false],
  [TIOCGPGRP]: [4, true], [TIOCSPGRP]: [4, false], [TIOCGWINSZ]: [8, true], [TIOCSWINSZ]: [8, false],
  [FIONREAD]: [4, true], [FIONBIO]: [4, false],
};
const ioctl: SyscallFn = (t, f, req, arg) => {
  const known = IOCTL_SIZES[req];
  if (!known) {
    if (t.log.enabled("unimp")) t.log.write(`Unsupported ioctl: cmd=0x${req.toString(16)}\n`);
    return -ENOTTY;
  }
  return sys(N.ioctl, fd(f), req, ptr(t, arg, known[0], known[1]));
};

// ---- select/poll -------------------------------------------------------------------------------
const poll: SyscallFn = (t, fds, n, timeout) => sys(N.poll, ptr(t, fds, n * 8, true), n, s32(timeout));
const sendfile64: SyscallFn = (t, out, inp, off, count) => {
  if (off === 0) return sys(N.sendfile, fd(out), fd(inp), 0, count);
  ptr(t, off, 8, true);
  return sys(N.sendfile, fd(out), fd(inp), t.G + off, count);
};
const sendfile: SyscallFn = (t, out, inp, off, count) => {
  if (off === 0) return sys(N.sendfile, fd(out), fd(inp), 0, count);
  const dv = t.mem.dv;
  ptr(t, off, 4, true);
  const h = t.scratchAlloc(8);
  dv.setBigInt64(h.addr, BigInt(dv.getInt32(off, true)), true);
  const r = sys(N.sendfile, fd(out), fd(inp), h.host, count);
  const nv = dv.getBigInt64(h.addr, true);
  if (nv > 0x7fffffffn) return -ERANGE;
  dv.setInt32(off, Number(nv), true);
  return r;
};
const fadvise64_64: SyscallFn = () => 0;
const fadvise64: SyscallFn = () => 0;

export const FS_SYSCALLS: Record<string, SyscallFn> = {
  read, write, pread64, pwrite64, readv, writev, open, openat, creat, close, lseek, _llseek,
  stat64, lstat64, fstat64, fstatat64, statx, getdents64, mkdir, mkdirat, rmdir, unlink, unlinkat,
  rename, renameat, renameat2, link, linkat, symlink, symlinkat, readlink, readlinkat, access,
  faccessat, faccessat2, chdir, fchdir, getcwd, chmod, fchmod, fchmodat, chown32, lchown32,
  fchown32, fchownat, chown: chown32, lchown: lchown32, fchown: fchown32, umask, dup, dup2, dup3,
  pipe, pipe2, fcntl64, fcntl: fcntl64, ftruncate, ftruncate64, truncate, truncate64, fsync,
  fdatasync, sync, flock, ioctl, poll, sendfile, sendfile64, fadvise64, fadvise64_64,
};
