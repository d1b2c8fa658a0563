// A guest process as the linux-user layer sees it (QEMU's TaskState): its CPU, address space,
// execution engine, program break, mmap allocator, signal state and the scratch area used to pass
// host-side strings to host system calls.
import { AddressSpace, PAGE_SIZE, PAGE_BITS, PAGE_VALID, PAGE_READ, PAGE_WRITE, PAGE_CODE, NUM_PAGES } from "../memory/address-space";
import { ExecEngine } from "../exec/cpu-exec";
import { Log } from "../util/log";
import { hostsys, HOST_NR } from "./host";
import { PendingSignal, SignalState } from "./signal-state";
import { Timers } from "./timers";
import type { GuestAbi } from "./abi";

/**
 * Host-only scratch memory inside the guest buffer, never mapped for the guest: the top of the
 * space above the page at 0xffff0000 (ARM's kuser helper page).
 */
export const SCRATCH_BASE = 0xffff1000;
export const SCRATCH_SIZE = 0xf000;
/** Highest address the mmap allocator hands out (the stack lives above it). */
export const MMAP_TOP = 0xb8000000;
export const STACK_TOP = 0xc0000000;
export const STACK_SIZE = 8 * 1024 * 1024;

/** Task.pageKind bits: how a guest page is backed, beyond what the page table says */
export const PK_HOSTMAP = 1; // a host file mapping (mmap of a file) replaces the buffer's own page
export const PK_BUS = 2; // wholly beyond the end of the mapped file: accesses raise SIGBUS
export const PK_SHARED_RO = 4; // MAP_SHARED of a file opened read-only: PROT_WRITE is refused
/** for PK_BUS pages: the protection the mapping asked for (bits 4..6) */
export const PK_PROT_SHIFT = 4;

/** What the OS layer tells an attached debugger. */
export interface TaskDebugger {
  /**
   * A signal is about to be delivered (a debug stop arrives as SIGTRAP): the debugger may stop
   * the guest and returns the signal to deliver instead, or null to discard it.
   */
  signal(t: Task, ps: PendingSignal): PendingSignal | null;
  /** the CPU stopped for the debugger (breakpoint, step, watchpoint): queue the stop */
  debugException(t: Task): void;
  /** the exec loop paused (EXCP_INTERRUPT): look for gdb's Ctrl-C */
  poll(t: Task): void;
}

export interface GuestCpu {
  R: Int32Array;
}

export class Task {
  /** host address of guest address 0 */
  readonly G: number;
  brkStart = 0;
  brk = 0;
  exitStatus: number | null = null;
  /** absolute host path of the running executable (readlink /proc/self/exe) */
  exePath = "";
  /** -L: prefix searched first for absolute paths */
  prefix = "";
  tidAddress = 0;
  readonly signals = new SignalState();
  readonly timers = new Timers();
  /** set when the last system call returned a restart code: its number and result (see signal.ts) */
  syscallRestart: { nr: number; ret: number } | null = null;
  /** what restart_syscall does after -ERESTART_RESTARTBLOCK (sleep for the time that was left...) */
  restartBlock: (() => number) | null = null;
  /** the gdb stub while one is attached (see TaskDebugger) */
  debugger: TaskDebugger | null = null;
  /** the signal that killed the guest (0 if it exited) */
  termSignal = 0;
  /** per guest page: PK_* bits (file mappings are host mappings inside the guest buffer) */
  readonly pageKind = new Uint8Array(NUM_PAGES);
  private scratchUsed = 0;

  constructor(
    readonly mem: AddressSpace,
    readonly cpu: GuestCpu,
    readonly engine: ExecEngine,
    readonly log: Log,
    /** the guest architecture's structure layouts and ABI facts */
    readonly abi: GuestAbi,
  ) {
    this.G = hostsys().base(mem.buffer);
    // on the page-aligned buffer of allocGuestMemory, MADV_DONTNEED zeroes private anonymous
    // pages and gives their memory back, where filling them with zeros would commit it
    if (this.G % PAGE_SIZE === 0) {
      mem.zeroPages = (start, len) => {
        if (hostsys().sys(HOST_NR.madvise, this.G + start, len, 4 /* MADV_DONTNEED */) < 0) mem.u8.fill(0, start, start + len);
      };
    }
  }

  // ---- guest buffers handed to the host (the syscall layer's side of the access layer) ------------
  /** Host pointer for a guest buffer, or -1 if the guest may not access it so (EFAULT). */
  buf(addr: number, len: number, write: boolean): number {
    addr >>>= 0;
    if (len < 0 || !this.mem.check(addr, len, write)) return -1;
    this.mem.hostAccess(addr, len, write);
    if (write && len > 0) {
      for (let p = addr >>> PAGE_BITS; p <= (addr + len - 1) >>> PAGE_BITS; p++) {
        if (this.mem.pages[p] & PAGE_CODE) this.mem.onCodeWrite(p);
      }
    }
    return this.G + addr;
  }
  /** A guest NUL-terminated string as a JS string, or null if unreadable. */
  str(addr: number): string | null {
    try {
      return Buffer.from(this.mem.readCString(addr >>> 0, 4096)).toString("latin1");
    } catch {
      return null;
    }
  }
  /** Host pointer of a NUL-terminated copy of `s` in the scratch area (valid until resetScratch). */
  scratchString(s: string): number {
    const b = Buffer.from(s + "\0", "latin1");
    return this.scratchBytes(b);
  }
  scratchBytes(b: Uint8Array): number {
    if (this.scratchUsed + b.length > SCRATCH_SIZE) this.scratchUsed = 0;
    const a = SCRATCH_BASE + this.scratchUsed;
    this.mem.u8.set(b, a);
    this.scratchUsed = (this.scratchUsed + b.length + 7) & ~7;
    return this.G + a;
  }
  scratchAlloc(len: number): { host: number; addr: number } {
    if (this.scratchUsed + len > SCRATCH_SIZE) this.scratchUsed = 0;
    const a = SCRATCH_BASE + this.scratchUsed;
    this.mem.u8.fill(0, a, a + len);
    this.scratchUsed = (this.scratchUsed + len + 7) & ~7;
    return { host: this.G + a, addr: a };
  }
  resetScratch(): void {
    this.scratchUsed = 0;
  }

  /** Host path for a guest path: -L prefix for absolute paths that exist under it. */
  hostPath(p: string): string {
    if (this.prefix && p.startsWith("/")) {
      const fs = require("fs") as typeof import("fs");
      const q = this.prefix + p;
      if (fs.existsSync(q)) return q;
    }
    return p;
  }

  // ---- address-space allocation ---------------------------------------------------------------
  /** Lowest free range of len bytes below MMAP_TOP, searched top-down; 0 if none. */
  findFree(len: number, hint = 0): number {
    const pages = this.mem.pages;
    const n = Math.ceil(len / PAGE_SIZE);
    const free = (start: number) => {
      for (let p = start; p < start + n; p++) if (pages[p] & PAGE_VALID) return false;
      return true;
    };
    if (hint) {
      const hp = hint >>> PAGE_BITS;
      if (hp + n <= MMAP_TOP >>> PAGE_BITS && hint >= 0x10000 && free(hp)) return hint >>> 0;
    }
    let top = MMAP_TOP >>> PAGE_BITS;
    const floor = Math.max(this.brk + 0x1000000, 0x10000) >>> PAGE_BITS;
    while (top - n >= floor) {
      let p = top - 1;
      let ok = true;
      for (; p >= top - n; p--) {
        if (pages[p] & PAGE_VALID) {
          ok = false;
          break;
        }
      }
      if (ok) return ((top - n) << PAGE_BITS) >>> 0;
      top = p;
    }
    return 0;
  }
  /** Map zeroed pages (anonymous memory). */
  mapAnon(addr: number, len: number, prot: number): void {
    this.unmapRange(addr, len);
    this.mem.setProt(addr, len, prot);
  }
  /** Unmap guest pages, first putting anonymous memory back under any host file mapping there. */
  unmapRange(addr: number, len: number): void {
    this.releaseHostPages(addr, len);
    this.mem.unmap(addr, len);
  }
  /**
   * Replace host file mappings in [addr, addr+len) by fresh anonymous memory (the buffer's own
   * kind), so that the pages can be zeroed, reused or copied without touching the file — or
   * faulting on a page past its end, which would kill the emulator with a host SIGBUS.
   */
  releaseHostPages(addr: number, len: number): void {
    const first = addr >>> PAGE_BITS;
    const last = (addr + len - 1) >>> PAGE_BITS;
    const kind = this.pageKind;
    for (let p = first; p <= last; p++) {
      if (!(kind[p] & PK_HOSTMAP)) {
        kind[p] = 0;
        continue;
      }
      let q = p;
      while (q <= last && kind[q] & PK_HOSTMAP) kind[q++] = 0;
      const r = hostsys().sys(HOST_NR.mmap, this.G + p * PAGE_SIZE, (q - p) * PAGE_SIZE, 3, 0x4032, -1, 0); // RW, PRIVATE|FIXED|ANONYMOUS|NORESERVE
      if (r < 0) throw new Error(`cannot restore guest memory at 0x${(p * PAGE_SIZE).toString(16)}: errno ${-r}`);
      p = q - 1;
    }
  }
}

export { PAGE_READ, PAGE_WRITE };
