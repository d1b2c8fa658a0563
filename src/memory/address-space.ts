// The guest address space and THE access layer.
//
// 32-bit user mode maps the whole 4 GiB guest space onto one SharedArrayBuffer (guest address ==
// buffer offset, QEMU's guest_base = 0); the OS commits its pages lazily. A page table of one byte
// per 4 KiB page holds the guest protections. Every guest load and store — from generated code
// (whose inline fast path is spelled out by memAccessTemplates below), from helpers and from the
// syscall layer — goes through this module, so watchpoints, tracing plugins and self-modifying-code
// detection all hook one place.
//
// Faults are reported by throwing the preallocated GUEST_FAULT sentinel (never an Error: no stack
// capture). Generated code catches it once per translation block and turns it into an exit code, so
// no JS exception is thrown on the hot path.

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;
export const NUM_PAGES = 1 << (32 - PAGE_BITS);

/** Page-table bits. READ/WRITE/EXEC are the guest's mmap protections. */
export const PAGE_READ = 1;
export const PAGE_WRITE = 2;
export const PAGE_EXEC = 4;
/** The page holds guest code that has been translated: stores must invalidate it first. */
export const PAGE_CODE = 8;
/** WRITE and not CODE: the store fast path tests only this bit. */
export const PAGE_WFAST = 16;
/** The page is mapped at all (distinguishes PROT_NONE mappings from holes for the allocator). */
export const PAGE_VALID = 32;

/** Thrown (as this one object) when a guest access faults; details are in lastFault. */
export class GuestFault {
  addr = 0;
  isWrite = false;
  /** true when the page is mapped but the access violates its protection (SEGV_ACCERR) */
  accErr = false;
}
export const GUEST_FAULT = new GuestFault();

/** Observer of guest memory accesses (plugins, watchpoints). See setAccessHook. */
export type AccessHook = (addr: number, size: number, isWrite: boolean, value: number) => void;

export class AddressSpace {
  readonly buffer: SharedArrayBuffer;
  readonly u8: Uint8Array;
  readonly dv: DataView;
  /** one byte of PAGE_* bits per guest page */
  readonly pages: Uint8Array;
  /** called with a page number when a store hits a page that holds translated code */
  onCodeWrite: (page: number) => void = () => {};

  /** `buffer`: 4 GiB of backing store; the OS layer passes a page-aligned one so that it can map host files into it */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 ** 32)) {
    if (buffer.byteLength !== 2 ** 32) throw new Error("the guest address space needs a 4 GiB buffer");
    this.buffer = buffer;
    this.u8 = new Uint8Array(this.buffer);
    this.dv = new DataView(this.buffer);
    this.pages = new Uint8Array(NUM_PAGES);
  }

  // ---- page table -------------------------------------------------------------------------
  /** Set the protection of [start, start+len) (page aligned by the caller). */
  setProt(start: number, len: number, prot: number): void {
    const first = start >>> PAGE_BITS;
    const last = (start + len - 1) >>> PAGE_BITS;
    for (let p = first; p <= last; p++) {
      const code = this.pages[p] & PAGE_CODE;
      let f = PAGE_VALID | (prot & (PAGE_READ | PAGE_WRITE | PAGE_EXEC)) | code;
      if (prot & PAGE_WRITE && !code) f |= PAGE_WFAST;
      this.pages[p] = f;
    }
  }
  unmap(start: number, len: number): void {
    const first = start >>> PAGE_BITS;
    const last = (start + len - 1) >>> PAGE_BITS;
    for (let p = first; p <= last; p++) {
      if (this.pages[p] & PAGE_CODE) this.onCodeWrite(p);
      this.pages[p] = 0;
    }
    this.zeroPages(start, len);
  }
  /**
   * Zero whole pages. Writing zeros commits every page of a large unmapped range; the OS layer,
   * which owns the buffer's host mapping, replaces this with a cheaper way (madvise) when it can.
   */
  zeroPages: (start: number, len: number) => void = (start, len) => {
    this.u8.fill(0, start, start + len);
  };
  isMapped(page: number): boolean {
    return (this.pages[page] & PAGE_VALID) !== 0;
  }
  /** Mark a page as holding translated code (stores to it take the slow path). */
  markCode(page: number): void {
    this.pages[page] = (this.pages[page] | PAGE_CODE) & ~PAGE_WFAST;
  }
  /** Forget that a page holds code (after its translations were invalidated). */
  clearCode(page: number): void {
    const f = this.pages[page] & ~PAGE_CODE;
    this.pages[page] = f & PAGE_WRITE ? f | PAGE_WFAST : f;
  }

  /** Can [addr, addr+len) be accessed with the given rights? (syscall layer: EFAULT if not) */
  check(addr: number, len: number, write: boolean): boolean {
    if (len === 0) return true;
    if (addr + len > 2 ** 32) return false;
    const need = write ? PAGE_WRITE : PAGE_READ;
    const first = addr >>> PAGE_BITS;
    const last = (addr + len - 1) >>> PAGE_BITS;
    for (let p = first; p <= last; p++) if ((this.pages[p] & need) === 0) return false;
    return true;
  }

  fault(addr: number, isWrite: boolean): never {
    const f = GUEST_FAULT;
    f.addr = addr >>> 0;
    f.isWrite = isWrite;
    f.accErr = (this.pages[addr >>> PAGE_BITS] & PAGE_VALID) !== 0;
    throw f;
  }

  /** Slow path of every store: fault, or invalidate translated code on the page, then allow. */
  // An access may span two pages; the second one wraps to page 0 at the top of the address
  // space (and faults there: page 0 is never mapped).
  private storeSlow(a: number, size: number): void {
    const p0 = a >>> PAGE_BITS;
    const p1 = p0 + (((a & PAGE_MASK) + size - 1) >>> PAGE_BITS);
    for (let p = p0; p <= p1; p++) {
      if ((this.pages[p & (NUM_PAGES - 1)] & PAGE_WRITE) === 0) this.fault(p === p0 ? a : (p << PAGE_BITS) >>> 0, true);
    }
    for (let p = p0; p <= p1; p++) if (this.pages[p & (NUM_PAGES - 1)] & PAGE_CODE) this.onCodeWrite(p & (NUM_PAGES - 1));
  }
  private loadSlow(a: number, size: number): void {
    const p0 = a >>> PAGE_BITS;
    const p1 = p0 + (((a & PAGE_MASK) + size - 1) >>> PAGE_BITS);
    for (let p = p0; p <= p1; p++) {
      if ((this.pages[p & (NUM_PAGES - 1)] & PAGE_READ) === 0) this.fault(p === p0 ? a : (p << PAGE_BITS) >>> 0, false);
    }
  }

  // ---- the access layer: loads return int32-canonical numbers ------------------------------
  // Addresses are taken modulo 2^32. A 32-bit access at 0xfffffffe wraps like the hardware would
  // in user mode only if the top page were mapped, which the allocator never does.
  ld8u(a: number): number {
    a >>>= 0;
    if ((this.pages[a >>> 12] & PAGE_READ) === 0) this.loadSlow(a, 1);
    if (hook !== null) hook(a, 1, false, this.u8[a]);
    return this.u8[a];
  }
  ld8s(a: number): number {
    return (this.ld8u(a) << 24) >> 24;
  }
  ld16u(a: number): number {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 1) >>> 12] & PAGE_READ) === 0) this.loadSlow(a, 2);
    const v = this.dv.getUint16(a, true);
    if (hook !== null) hook(a, 2, false, v);
    return v;
  }
  ld16s(a: number): number {
    return (this.ld16u(a) << 16) >> 16;
  }
  ld32(a: number): number {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 3) >>> 12] & PAGE_READ) === 0) this.loadSlow(a, 4);
    const v = this.dv.getInt32(a, true);
    if (hook !== null) hook(a, 4, false, v);
    return v;
  }
  ld64(a: number): bigint {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 7) >>> 12] & PAGE_READ) === 0) this.loadSlow(a, 8);
    const v = this.dv.getBigInt64(a, true);
    if (hook !== null) hook(a, 8, false, Number(BigInt.asIntN(32, v)));
    return v;
  }
  st8(a: number, v: number): void {
    a >>>= 0;
    if ((this.pages[a >>> 12] & PAGE_WFAST) === 0) this.storeSlow(a, 1);
    if (hook !== null) hook(a, 1, true, v & 0xff);
    this.u8[a] = v;
  }
  st16(a: number, v: number): void {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 1) >>> 12] & PAGE_WFAST) === 0) this.storeSlow(a, 2);
    if (hook !== null) hook(a, 2, true, v & 0xffff);
    this.dv.setUint16(a, v, true);
  }
  st32(a: number, v: number): void {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 3) >>> 12] & PAGE_WFAST) === 0) this.storeSlow(a, 4);
    if (hook !== null) hook(a, 4, true, v | 0);
    this.dv.setInt32(a, v, true);
  }
  st64(a: number, v: bigint): void {
    a >>>= 0;
    if ((this.pages[a >>> 12] & this.pages[(a + 7) >>> 12] & PAGE_WFAST) === 0) this.storeSlow(a, 8);
    if (hook !== null) hook(a, 8, true, Number(BigInt.asIntN(32, v)));
    this.dv.setBigInt64(a, v, true);
  }

  // ---- bulk access for the syscall layer: callers check() first and report EFAULT ----------
  read(a: number, len: number): Uint8Array {
    a >>>= 0;
    if (!this.check(a, len, false)) this.fault(a, false);
    if (hook !== null) for (let i = 0; i < len; i++) hook(a + i, 1, false, this.u8[a + i]);
    return this.u8.slice(a, a + len);
  }
  write(a: number, data: Uint8Array): void {
    a >>>= 0;
    const len = data.length;
    if (len === 0) return;
    if (!this.check(a, len, true)) this.fault(a, true);
    for (let p = a >>> PAGE_BITS; p <= (a + len - 1) >>> PAGE_BITS; p++) {
      if (this.pages[p] & PAGE_CODE) this.onCodeWrite(p);
    }
    if (hook !== null) for (let i = 0; i < len; i++) hook(a + i, 1, true, data[i]);
    this.u8.set(data, a);
  }
  /** The host kernel is about to read or write [a, a+len) for the guest (a system call's buffer). */
  hostAccess(a: number, len: number, isWrite: boolean): void {
    if (hook !== null && len > 0) hook(a >>> 0, len, isWrite, 0);
  }
  /** NUL-terminated string starting at a (at most max bytes); faults if unreadable. */
  readCString(a: number, max = 65536): Uint8Array {
    a >>>= 0;
    let end = a;
    while (end - a < max) {
      if ((this.pages[end >>> 12] & PAGE_READ) === 0) this.fault(end, false);
      if (this.u8[end] === 0) break;
      end++;
    }
    return this.read(a, end - a);
  }
  /** Copy-in from the host without protection checks (ELF loader, initial stack). */
  poke(a: number, data: Uint8Array): void {
    this.u8.set(data, a >>> 0);
  }
}

/** The hook installed by plugins or watchpoints; null keeps helpers on the plain path. */
let hook: AccessHook | null = null;
export function setAccessHook(h: AccessHook | null): void {
  hook = h;
}
export function accessHookActive(): boolean {
  return hook !== null;
}

/**
 * The inline fast path of guest loads and stores in generated JavaScript, defined here next to
 * the functions it mirrors. `P` is the page table, `M` the DataView, `U` the Uint8Array and `MEM`
 * the AddressSpace, as bound by the backend. `a` must be an expression of an int32 or uint32.
 * With an access hook active the backend calls the AddressSpace methods instead.
 */
export const memAccessTemplates = {
  load(size: 1 | 2 | 4, signed: boolean, a: string): string {
    if (size === 1) return signed ? `((P[(${a}) >>> 12] & 1) ? (U[${a} >>> 0] << 24 >> 24) : MEM.ld8s(${a}))` : `((P[(${a}) >>> 12] & 1) ? U[${a} >>> 0] : MEM.ld8u(${a}))`;
    if (size === 2) {
      const fast = `M.getUint16(${a} >>> 0, true)`;
      return signed
        ? `((P[(${a}) >>> 12] & P[((${a}) + 1) >>> 12] & 1) ? (${fast} << 16 >> 16) : MEM.ld16s(${a}))`
        : `((P[(${a}) >>> 12] & P[((${a}) + 1) >>> 12] & 1) ? ${fast} : MEM.ld16u(${a}))`;
    }
    return `((P[(${a}) >>> 12] & P[((${a}) + 3) >>> 12] & 1) ? M.getInt32(${a} >>> 0, true) : MEM.ld32(${a}))`;
  },
  store(size: 1 | 2 | 4, a: string, v: string): string {
    if (size === 1) return `if (P[(${a}) >>> 12] & 16) U[${a} >>> 0] = ${v}; else MEM.st8(${a}, ${v});`;
    if (size === 2) return `if (P[(${a}) >>> 12] & P[((${a}) + 1) >>> 12] & 16) M.setUint16(${a} >>> 0, ${v}, true); else MEM.st16(${a}, ${v});`;
    return `if (P[(${a}) >>> 12] & P[((${a}) + 3) >>> 12] & 16) M.setInt32(${a} >>> 0, ${v}, true); else MEM.st32(${a}, ${v});`;
  },
};
