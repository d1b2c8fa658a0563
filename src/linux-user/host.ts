// Raw host (x86-64 Linux) system calls through the hostsys addon (native/hostsys.cc), with host
// pointers into guest memory. Callers must have checked each guest buffer with the access layer
// (Task.buf) first: this module trusts its arguments.
import * as fs from "fs";
import * as path from "path";

interface HostSys {
  /** a SharedArrayBuffer over a page-aligned host mapping of `len` bytes */
  alloc?(len: number): SharedArrayBuffer;
  base(sab: SharedArrayBuffer): number;
  sys(nr: number, a?: number, b?: number, c?: number, d?: number, e?: number, f?: number): number;
  /** _exit(2): no V8 teardown (absent from an addon built before it existed) */
  exit?(status: number): never;
}

let addon: HostSys | null = null;
export function hostsys(): HostSys {
  if (addon === null) {
    // dist/src/linux-user/ when run from the compiled modules, dist/ from the bundle
    const candidates = [3, 1, 2].map((up) => path.join(__dirname, ...Array(up).fill(".."), "build", "Release", "hostsys.node"));
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) throw new Error(`the native helper build/Release/hostsys.node is missing: run 'npm install' to build it`);
    addon = require(file) as HostSys;
  }
  return addon;
}

/**
 * The backing store for a 4 GiB guest address space. It must be page aligned on the host: file
 * mappings (mmap MAP_SHARED/MAP_PRIVATE) are host mappings placed inside it, as in qemu-user.
 */
export function allocGuestMemory(): SharedArrayBuffer {
  const h = hostsys();
  if (!h.alloc) throw new Error("the native helper is out of date: run 'npm install' to rebuild it");
  return h.alloc(2 ** 32);
}

/** x86-64 system call numbers used by the linux-user layer. */
export const HOST_NR = {
  read: 0, write: 1, open: 2, close: 3, stat: 4, fstat: 5, lstat: 6, poll: 7, lseek: 8,
  mmap: 9, mprotect: 10, munmap: 11, ioctl: 16, pread64: 17, pwrite64: 18, readv: 19, writev: 20, access: 21, pipe: 22,
  select: 23, sched_yield: 24, mremap: 25, msync: 26, mincore: 27, madvise: 28, dup: 32, dup2: 33, pause: 34, nanosleep: 35, getitimer: 36,
  alarm: 37, setitimer: 38, getpid: 39, sendfile: 40, socket: 41, connect: 42, socketpair: 53,
  exit: 60, wait4: 61, kill: 62, uname: 63, fcntl: 72, flock: 73, fsync: 74,
  fdatasync: 75, truncate: 76, ftruncate: 77, getcwd: 79, chdir: 80, fchdir: 81, rename: 82,
  mkdir: 83, rmdir: 84, link: 86, unlink: 87, symlink: 88, readlink: 89, chmod: 90, fchmod: 91,
  chown: 92, fchown: 93, lchown: 94, umask: 95, gettimeofday: 96, getrlimit: 97, getrusage: 98,
  sysinfo: 99, times: 100, getuid: 102, getgid: 104, setuid: 105, setgid: 106, geteuid: 107,
  getegid: 108, setpgid: 109, getppid: 110, getpgrp: 111, setsid: 112, setreuid: 113, setregid: 114,
  getgroups: 115, setgroups: 116, setresuid: 117, getresuid: 118, setresgid: 119, getresgid: 120,
  getpgid: 121, getsid: 124, mknod: 133, statfs: 137, fstatfs: 138, getpriority: 140, setpriority: 141,
  prctl: 157, sync: 162, gettid: 186, time: 201, sched_getaffinity: 204, getdents64: 217,
  clock_gettime: 228, clock_getres: 229, clock_nanosleep: 230, exit_group: 231, tgkill: 234,
  utimes: 235, openat: 257, mkdirat: 258, mknodat: 259, fchownat: 260, newfstatat: 262,
  unlinkat: 263, renameat: 264, linkat: 265, symlinkat: 266, readlinkat: 267, fchmodat: 268,
  faccessat: 269, pselect6: 270, ppoll: 271, utimensat: 280, fallocate: 285, readahead: 187, dup3: 292, pipe2: 293,
  prlimit64: 302, syncfs: 306, renameat2: 316, getrandom: 318, memfd_create: 319, statx: 332,
  preadv: 295, pwritev: 296, preadv2: 327, pwritev2: 328, faccessat2: 439,
} as const;
