// The guest ABI facts that the shared system-call code (syscalls/*.ts) needs: structure layouts
// that differ between 32-bit Linux architectures, the uname machine, the stack pointer's
// register. Each architecture describes itself in <arch>/abi.ts; the Task carries its guest's
// description, so a handler reads `t.abi` instead of assuming i386.

/**
 * struct stat64 as [byte offset] of each field (sizes are fixed: dev, rdev, size, blocks and
 * the 64-bit inode are 8 bytes, the rest 4; times are sec/nsec pairs from `atime` on).
 */
export interface Stat64Layout {
  size: number;
  dev: number;
  /** the 32-bit __st_ino */
  ino32: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  stSize: number;
  blksize: number;
  blocks: number;
  /** st_atime; st_mtime and st_ctime follow at +8 and +16 */
  atime: number;
  /** the 64-bit st_ino */
  ino: number;
  /**
   * true: the kernel copies a whole zeroed structure (cp_new_stat64); false: it stores field by
   * field and leaves the padding as the guest had it (x86-64's compat cp_stat64).
   */
  zeroPadding: boolean;
}

/** struct flock64: field offsets and size (l_type and l_whence are the first two shorts) */
export interface Flock64Layout {
  start: number;
  len: number;
  pid: number;
  size: number;
}

export interface GuestAbi {
  /** uname's machine field */
  machine: string;
  /** index of the stack pointer in the CPU state words (sigaltstack's "on the stack?" test) */
  spReg: number;
  stat64: Stat64Layout;
  flock64: Flock64Layout;
  /** the struct sizes statfs64/fstatfs64 accept (all write the 84-byte kernel structure) */
  statfs64Sizes: readonly number[];
  /** sa_flags bits sigaction keeps (UAPI_SA_FLAGS); others read back as clear */
  saFlags: number;
  /**
   * open()/fcntl(F_GETFL/F_SETFL) flag bits whose values differ from the x86-64 host's, as
   * [guest bit, host bit] pairs (ARM: O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE); empty
   * when they are all the same (i386).
   */
  openFlagBits: readonly (readonly [number, number])[];
}

/** The host's open flags for the guest's (see GuestAbi.openFlagBits). */
export function hostOpenFlags(abi: GuestAbi, f: number): number {
  const bits = abi.openFlagBits;
  if (bits.length === 0) return f;
  let out = f;
  for (const [g] of bits) out &= ~g;
  for (const [g, h] of bits) if (f & g) out |= h;
  return out >>> 0;
}
/** The guest's open flags for the host's. */
export function guestOpenFlags(abi: GuestAbi, f: number): number {
  const bits = abi.openFlagBits;
  if (bits.length === 0) return f;
  let out = f;
  for (const [, h] of bits) out &= ~h;
  for (const [g, h] of bits) if (f & h) out |= g;
  return out | 0;
}

/** UAPI_SA_FLAGS common to all architectures: NOCLDSTOP NOCLDWAIT SIGINFO EXPOSE_TAGBITS ONSTACK RESTART NODEFER RESETHAND */
export const GENERIC_SA_FLAGS = 0x1 | 0x2 | 0x4 | 0x800 | 0x08000000 | 0x10000000 | 0x40000000 | 0x80000000;
