// Memory-management system calls: brk, mmap/mmap2, munmap, mprotect, mremap and the advisory
// ones. The guest page table is the truth; file mappings are copied in (MAP_SHARED writes are
// not written back: tsemu runs one process, and msync is accepted).
import { HOST_NR as N } from "../host";
import { EBADF, EINVAL, ENOMEM } from "../errno";
import { PAGE_EXEC, PAGE_MASK, PAGE_READ, PAGE_SIZE, PAGE_VALID, PAGE_WRITE } from "../../memory/address-space";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { MMAP_TOP } from "../task";
import { sys, s32 } from "./util";

const MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;
const PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;

function guestProt(prot: number): number {
  // x86 without NX semantics for PROT_READ|PROT_EXEC, but PROT_EXEC alone is still readable
  return (prot & PROT_READ ? PAGE_READ : 0) | (prot & PROT_WRITE ? PAGE_WRITE | PAGE_READ : 0) | (prot & PROT_EXEC ? PAGE_EXEC | PAGE_READ : 0);
}

const pageAlign = (v: number) => (v + PAGE_MASK) & ~PAGE_MASK;

function doMmap(t: Task, addr: number, len: number, prot: number, flags: number, f: number, off: number): number {
  if (len === 0 || (addr & PAGE_MASK) !== 0) return -EINVAL;
  if ((flags & (MAP_SHARED | MAP_PRIVATE)) === 0) return -EINVAL;
  const size = pageAlign(len);
  if (size === 0 || size > 0xc0000000) return -ENOMEM;
  let start: number;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr + size > 2 ** 32 - 0x10000) return -ENOMEM;
    if (flags & MAP_FIXED_NOREPLACE) {
      for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) return -17; // EEXIST
    }
    start = addr;
  } else {
    start = t.findFree(size, addr);
    if (!start) return -ENOMEM;
  }
  if (!(flags & MAP_ANONYMOUS)) {
    // check the descriptor before touching the mapping
    const st = t.scratchAlloc(144);
    if (sys(N.fstat, s32(f), st.host) < 0) return -EBADF;
  }
  t.mapAnon(start, size, guestProt(prot) | PAGE_WRITE);
  if (!(flags & MAP_ANONYMOUS)) {
    // copy the file in; bytes past its end stay zero
    let done = 0;
    while (done < len) {
      const r = sys(N.pread64, s32(f), t.G + start + done, len - done, off + done);
      if (r <= 0) break;
      done += r;
    }
  }
  t.mem.setProt(start, size, guestProt(prot));
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
  if (addr + size > 2 ** 32 - 0x10000) return -EINVAL;
  t.mem.unmap(addr, size);
  return 0;
};
const mprotect: SyscallFn = (t, addr, len, prot) => {
  if ((addr & PAGE_MASK) !== 0) return -EINVAL;
  const size = pageAlign(len);
  for (let p = addr >>> 12; p < (addr + size) >>> 12; p++) if (!(t.mem.pages[p] & PAGE_VALID)) return -ENOMEM;
  if (size) t.mem.setProt(addr, size, guestProt(prot));
  return 0;
};
const MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
const mremap: SyscallFn = (t, old, oldLen, newLen, flags, newAddr) => {
  if ((old & PAGE_MASK) !== 0) return -EINVAL;
  const os = pageAlign(oldLen), ns = pageAlign(newLen);
  if (ns === 0) return -EINVAL;
  const prot = t.mem.pages[old >>> 12] & (PAGE_READ | PAGE_WRITE | PAGE_EXEC);
  if (!(t.mem.pages[old >>> 12] & PAGE_VALID)) return -14;
  if (flags & MREMAP_FIXED) {
    const data = t.mem.u8.slice(old, old + Math.min(os, ns));
    t.mem.unmap(old, os);
    t.mapAnon(newAddr, ns, prot);
    t.mem.poke(newAddr, data);
    return newAddr | 0;
  }
  if (ns <= os) {
    if (ns < os) t.mem.unmap(old + ns, os - ns);
    return old | 0;
  }
  // grow in place if the pages after are free
  let free = old + ns <= MMAP_TOP || old >= MMAP_TOP;
  for (let p = (old + os) >>> 12; free && p < (old + ns) >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) free = false;
  if (free && old + ns < 2 ** 32 - 0x10000) {
    t.mapAnon(old + os, ns - os, prot);
    return old | 0;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  const dest = t.findFree(ns);
  if (!dest) return -ENOMEM;
  const data = t.mem.u8.slice(old, old + os);
  t.mapAnon(dest, ns, prot);
  t.mem.poke(dest, data);
  t.mem.unmap(old, os);
  return dest | 0;
};
const brk: SyscallFn = (t, addr) => {
  if (addr === 0 || addr < t.brkStart) return t.brk | 0;
  const cur = pageAlign(t.brk), want = pageAlign(addr);
  if (want > cur) {
    for (let p = cur >>> 12; p < want >>> 12; p++) if (t.mem.pages[p] & PAGE_VALID) return t.brk | 0;
    t.mapAnon(cur, want - cur, PAGE_READ | PAGE_WRITE);
  } else if (want < cur) t.mem.unmap(want, cur - want);
  else if (addr < t.brk) t.mem.u8.fill(0, addr, t.brk); // the kernel hands back zeroed memory
  t.brk = addr;
  return addr | 0;
};
const ok: SyscallFn = () => 0;

export const MEM_SYSCALLS: Record<string, SyscallFn> = {
  mmap2, mmap, munmap, mprotect, mremap, brk,
  madvise: ok, msync: ok, mlock: ok, munlock: ok, mlockall: ok, munlockall: ok,
};
