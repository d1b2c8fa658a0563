// Memory-management system calls: brk, mmap/mmap2, munmap, mprotect, mremap, madvise, msync.
// The guest page table holds the protections. Anonymous memory is the guest buffer's own
// (page-aligned, zero-filled) pages; a file mapping is a host mapping of the file placed over the
// buffer at the guest address, as qemu-user does, so MAP_SHARED writes reach the file and file
// writes show in the mapping. Pages wholly past the end of the file are left inaccessible in the
// page table and marked PK_BUS, so touching them raises SIGBUS as on Linux (cpu-loop.ts).
import { HOST_NR as N } from "../host";
import { EACCES, EBADF, EEXIST, EINVAL, ENOMEM } from "../errno";
import { PAGE_CODE, PAGE_EXEC, PAGE_MASK, PAGE_READ, PAGE_SIZE, PAGE_VALID, PAGE_WRITE } from "../../memory/address-space";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { MMAP_TOP, PK_BUS, PK_HOSTMAP, PK_PROT_SHIFT, PK_SHARED_RO } from "../task";
import { sys, s32 } from "./util";

const MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_TYPE = 0xf, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20;
const MAP_FIXED_NOREPLACE = 0x100000;
const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, PROT_SEM = 8, PROT_GROWSDOWN = 0x01000000, PROT_GROWSUP = 0x02000000;
const O_ACCMODE = 3, O_RDWR = 2, S_IFMT = 0o170000, S_IFREG = 0o100000;
/** the top of the guest space is the emulator's: the signal trampoline and the scratch area */
const GUEST_LIMIT = 2 ** 32 - 0x20000;

/** Page-table bits for mmap protections (x86: anything mapped is readable, NX for no PROT_EXEC). */
export function guestProt(prot: number): number {
  return (prot & PROT_READ ? PAGE_READ : 0) | (prot & PROT_WRITE ? PAGE_WRITE | PAGE_READ : 0) | (prot & PROT_EXEC ? PAGE_EXEC | PAGE_READ : 0);
}

const pageAlign = (v: number) => (v + PAGE_MASK) & ~PAGE_MASK;

/** Set guest protections on [start, start+size), dropping translations whose executability changes. */
function protect(t: Task, start: number, size: number, prot: number): void {
  const mem = t.mem;
  const gp = guestProt(prot);
  for (let p = start >>> 12; p < (start + size) >>> 12; p++) {
    const kind = t.pageKind[p];
    if (kind & PK_BUS) {
      // stays inaccessible: remember what it becomes if the file grows
      t.pageKind[p] = (kind & ~(7 << PK_PROT_SHIFT)) | (gp << PK_PROT_SHIFT);
      mem.setProt(p * PAGE_SIZE, PAGE_SIZE, 0);
      continue;
    }
    if (mem.pages[p] & PAGE_CODE && (mem.pages[p] & PAGE_EXEC) !== (gp & PAGE_EXEC)) mem.onCodeWrite(p);
    mem.setProt(p * PAGE_SIZE, PAGE_SIZE, gp);
  }
}

function doMmap(t: Task, addr: number, len: number, prot: number, flags: number, f: number, off: number): number {
  const anon = (flags & MAP_ANONYMOUS) !== 0;
  let st: { size: bigint; mode: number; accmode: number } | null = null;
  if (!anon) {
    const s = t.scratchAlloc(144);
    if (sys(N.fstat, s32(f), s.host) < 0) return -EBADF;
    const dv = t.mem.dv;
    st = { size: dv.getBigInt64(s.addr + 48, true), mode: dv.getUint32(s.addr + 24, true), accmode: sys(N.fcntl, s32(f), 3) & O_ACCMODE };
  }
  if (len === 0) return -EINVAL;
  const size = pageAlign(len);
  if (size === 0 || size > GUEST_LIMIT) return -ENOMEM;
  const type = flags & MAP_TYPE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== 3 /* MAP_SHARED_VALIDATE */) return -EINVAL;
  const shared = type !== MAP_PRIVATE;
  let start: number;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    // vm.mmap_min_addr: page 0 stays unmapped, which the access layer relies on at the 4 GiB wrap
    if (addr < 0x10000) return -1; // EPERM
    if (addr & PAGE_MASK) return -EINVAL;
    if (addr + size > GUEST_LIMIT) return -ENOMEM;
    if (flags & MAP_FIXED_NOREPLACE && !(flags & MAP_FIXED)) {
      for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) return -EEXIST;
    }
    start = addr;
  } else {
    start = t.findFree(size, pageAlign(addr));
    if (!start) return -ENOMEM;
  }
  if (anon || st === null) {
    t.mapAnon(start, size, guestProt(prot));
    return start | 0;
  }
  // a host mapping of the file: shared ones writable only through a descriptor open for writing
  const hostProt = shared ? PROT_READ | (st.accmode === O_RDWR ? PROT_WRITE : 0) : PROT_READ | PROT_WRITE;
  if (shared && prot & PROT_WRITE && st.accmode !== O_RDWR) return -EACCES;
  t.unmapRange(start, size);
  const r = sys(N.mmap, t.G + start, size, hostProt, (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED, s32(f), off);
  if (r < 0) {
    // whatever the host left there, put the buffer's own anonymous memory back
    t.pageKind.fill(PK_HOSTMAP, start >>> 12, (start + size) >>> 12);
    t.releaseHostPages(start, size);
    return r;
  }
  const first = start >>> 12, n = size >>> 12;
  const regular = (st.mode & S_IFMT) === S_IFREG;
  // pages that start at or past the end of the file: SIGBUS
  const filePages = regular ? Math.ceil(Number(st.size) / PAGE_SIZE) - Math.floor(off / PAGE_SIZE) : Infinity;
  const base = PK_HOSTMAP | (shared && !(hostProt & PROT_WRITE) ? PK_SHARED_RO : 0);
  for (let i = 0; i < n; i++) t.pageKind[first + i] = i < filePages ? base : base | PK_BUS;
  protect(t, start, size, prot);
  return start | 0;
}

const mmap2: SyscallFn = (t, addr, len, prot, flags, f, pgoff) => doMmap(t, addr, len, prot, flags, f, pgoff * PAGE_SIZE);
/** old_mmap: the six arguments are in a guest struct */
const mmap: SyscallFn = (t, args) => {
  if (!t.mem.check(args, 24, false)) return -14;
  const dv = t.mem.dv;
  const a = (i: number) => dv.getUint32(args + i * 4, true);
  if (a(5) & PAGE_MASK) return -EINVAL;
  return doMmap(t, a(0), a(1), a(2), a(3), a(4), a(5));
};
const munmap: SyscallFn = (t, addr, len) => {
  if ((addr & PAGE_MASK) !== 0 || len === 0) return -EINVAL;
  const size = pageAlign(len);
  if (addr + size > GUEST_LIMIT || size === 0) return -EINVAL;
  t.unmapRange(addr, size);
  return 0;
};
const mprotect: SyscallFn = (t, addr, len, prot) => {
  if ((addr & PAGE_MASK) !== 0) return -EINVAL;
  if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM | PROT_GROWSDOWN | PROT_GROWSUP)) return -EINVAL;
  const size = pageAlign(len);
  if (size === 0) return len === 0 ? 0 : -ENOMEM;
  if (addr + size > 2 ** 32) return -ENOMEM;
  for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) {
    if (!(t.mem.pages[p] & PAGE_VALID)) return -ENOMEM;
    if (prot & PROT_WRITE && t.pageKind[p] & PK_SHARED_RO) return -EACCES;
  }
  protect(t, addr, size, prot);
  return 0;
};

const MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
/** Move pages [old, old+os) that hold a host file mapping to `dest` (ns bytes) with the host's mremap. */
function moveHostMapping(t: Task, old: number, os: number, ns: number, dest: number): number {
  const prot = t.mem.pages[old >>> 12] & (PAGE_READ | PAGE_WRITE | PAGE_EXEC);
  const kinds = t.pageKind.slice(old >>> 12, (old + os) >>> 12);
  t.unmapRange(dest, ns);
  const r = sys(N.mremap, t.G + old, os, ns, MREMAP_MAYMOVE | MREMAP_FIXED, t.G + dest);
  if (r < 0) return r;
  // the old range is a hole in the host now
  t.pageKind.fill(PK_HOSTMAP, old >>> 12, (old + os) >>> 12);
  t.unmapRange(old, os);
  const first = dest >>> 12;
  for (let i = 0; i < ns >>> 12; i++) t.pageKind[first + i] = i < kinds.length ? kinds[i] : kinds[kinds.length - 1] | PK_BUS;
  t.mem.setProt(dest, ns, prot);
  for (let i = 0; i < ns >>> 12; i++) if (t.pageKind[first + i] & PK_BUS) t.mem.setProt((first + i) * PAGE_SIZE, PAGE_SIZE, 0);
  return dest | 0;
}
const mremap: SyscallFn = (t, old, oldLen, newLen, flags, newAddr) => {
  if ((old & PAGE_MASK) !== 0) return -EINVAL;
  if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | 4) || (flags & MREMAP_FIXED && !(flags & MREMAP_MAYMOVE))) return -EINVAL;
  const os = pageAlign(oldLen), ns = pageAlign(newLen);
  if (ns === 0) return -EINVAL;
  if (!(t.mem.pages[old >>> 12] & PAGE_VALID)) return -14; // EFAULT
  const prot = t.mem.pages[old >>> 12] & (PAGE_READ | PAGE_WRITE | PAGE_EXEC);
  let host = false;
  for (let p = old >>> 12; p < (old + os) >>> 12; p++) if (t.pageKind[p] & PK_HOSTMAP) host = true;
  if (flags & MREMAP_FIXED) {
    if (newAddr & PAGE_MASK || newAddr + ns > GUEST_LIMIT) return -EINVAL;
    if (host) return moveHostMapping(t, old, os, ns, newAddr);
    const data = t.mem.u8.slice(old, old + Math.min(os, ns));
    t.unmapRange(old, os);
    t.mapAnon(newAddr, ns, prot);
    t.mem.poke(newAddr, data);
    return newAddr | 0;
  }
  if (ns <= os) {
    if (ns < os) t.unmapRange(old + ns, os - ns);
    return old | 0;
  }
  // grow in place if the pages after are free
  let free = !host && (old + ns <= MMAP_TOP || old >= MMAP_TOP);
  for (let p = (old + os) >>> 12; free && p < (old + ns) >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) free = false;
  if (free && old + ns < GUEST_LIMIT) {
    t.mapAnon(old + os, ns - os, prot);
    return old | 0;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  const dest = t.findFree(ns);
  if (!dest) return -ENOMEM;
  if (host) return moveHostMapping(t, old, os, ns, dest);
  const data = t.mem.u8.slice(old, old + os);
  t.mapAnon(dest, ns, prot);
  t.mem.poke(dest, data);
  t.unmapRange(old, os);
  return dest | 0;
};

const brk: SyscallFn = (t, addr) => {
  if (addr === 0 || addr < t.brkStart) return t.brk | 0;
  const cur = pageAlign(t.brk), want = pageAlign(addr);
  if (want > cur) {
    for (let p = cur >>> 12; p < want >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) return t.brk | 0;
    t.mapAnon(cur, want - cur, PAGE_READ | PAGE_WRITE);
  } else if (want < cur) t.unmapRange(want, cur - want);
  else if (addr < t.brk) t.mem.u8.fill(0, addr, t.brk); // the kernel hands back zeroed memory
  t.brk = addr;
  return addr | 0;
};

const MADV_DONTNEED = 4, MADV_FREE = 8, MADV_REMOVE = 9;
/** the advice values Linux knows; the ones that change contents go to the host, which holds them */
const MADV_KNOWN = new Set([0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
const madvise: SyscallFn = (t, addr, len, advice) => {
  if (addr & PAGE_MASK || !MADV_KNOWN.has(advice)) return -EINVAL;
  const size = pageAlign(len);
  if (len && size === 0) return -EINVAL;
  if (size === 0) return 0;
  if (addr + size > 2 ** 32) return -ENOMEM;
  let unmapped = false;
  for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) if (!(t.mem.pages[p] & PAGE_VALID)) unmapped = true;
  if (advice === MADV_DONTNEED || advice === MADV_FREE || advice === MADV_REMOVE) {
    // private anonymous pages read back as zeros, private file pages as the file: the host knows
    for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) {
      if (!(t.mem.pages[p] & PAGE_VALID)) continue;
      if (t.mem.pages[p] & PAGE_CODE) t.mem.onCodeWrite(p);
      sys(N.madvise, t.G + p * PAGE_SIZE, PAGE_SIZE, advice === MADV_FREE ? MADV_DONTNEED : advice);
    }
  }
  return unmapped ? -ENOMEM : 0;
};
const MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;
const msync: SyscallFn = (t, addr, len, flags) => {
  if (addr & PAGE_MASK || flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) || (flags & MS_ASYNC && flags & MS_SYNC)) return -EINVAL;
  const size = pageAlign(len);
  for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) if (!(t.mem.pages[p] & PAGE_VALID)) return -ENOMEM;
  return size ? sys(N.msync, t.G + addr, size, flags) : 0;
};
const ok: SyscallFn = () => 0;

export const MEM_SYSCALLS: Record<string, SyscallFn> = {
  mmap2, mmap, munmap, mprotect, mremap, brk, madvise, msync,
  mlock: ok, munlock: ok, mlockall: ok, munlockall: ok,
};
