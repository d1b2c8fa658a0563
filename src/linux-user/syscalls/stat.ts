// The 32-bit guests' struct stat, struct stat64 (layout per architecture, see abi.ts), struct
// statfs and struct statfs64, built from the x86-64 host's structures the way the kernel's
// compat code builds them (cp_compat_stat, cp_stat64, put_compat_statfs, put_compat_statfs64),
// EOVERFLOW included. The old stat and the statfs structures are the same on i386 and ARM. Pure functions over
// DataViews, so they are unit-tested without a host.
import { EOVERFLOW } from "../errno";
import type { Stat64Layout } from "../abi";

export const HOST_STAT_SIZE = 144;
export const STAT_SIZE = 64;
export const HOST_STATFS_SIZE = 120;
export const STATFS_SIZE = 64;
export const STATFS64_SIZE = 84;

/** x86-64 struct stat field offsets */
const H = { dev: 0, ino: 8, nlink: 16, mode: 24, uid: 28, gid: 32, rdev: 40, size: 48, blksize: 56, blocks: 64, atime: 72 };

/** a 16-bit uid/gid as the kernel stores one that does not fit (high2lowuid: the overflow id) */
const low16 = (id: number) => (id > 0xffff ? 65534 : id);

/**
 * The i386 struct stat (the old one: 32-bit size, inode and times, 16-bit mode, nlink, uid,
 * gid) for a host stat, or -EOVERFLOW for an inode number, link count or size it cannot hold.
 */
export function toStat(h: DataView): Uint8Array | number {
  const ino = h.getBigUint64(H.ino, true);
  const nlink = h.getBigUint64(H.nlink, true);
  const size = h.getBigInt64(H.size, true);
  if (ino > 0xffffffffn || nlink > 0xffffn || size > 0x7fffffffn) return -EOVERFLOW;
  const b = new Uint8Array(STAT_SIZE);
  const g = new DataView(b.buffer);
  g.setUint32(0, Number(h.getBigUint64(H.dev, true) & 0xffffffffn), true);
  g.setUint32(4, Number(ino), true);
  g.setUint16(8, h.getUint32(H.mode, true), true);
  g.setUint16(10, Number(nlink), true);
  g.setUint16(12, low16(h.getUint32(H.uid, true)), true);
  g.setUint16(14, low16(h.getUint32(H.gid, true)), true);
  g.setUint32(16, Number(h.getBigUint64(H.rdev, true) & 0xffffffffn), true);
  g.setUint32(20, Number(size), true);
  g.setUint32(24, Number(h.getBigInt64(H.blksize, true) & 0xffffffffn), true);
  g.setUint32(28, Number(h.getBigInt64(H.blocks, true) & 0xffffffffn), true);
  for (let i = 0; i < 3; i++) {
    g.setUint32(32 + i * 8, Number(h.getBigInt64(H.atime + i * 16, true) & 0xffffffffn), true);
    g.setUint32(36 + i * 8, Number(h.getBigInt64(H.atime + i * 16 + 8, true)), true);
  }
  return b;
}

/**
 * The fields of the guest's struct stat64 (layout from its GuestAbi) for a host stat, as
 * [offset, size, value] writes.
 */
export function stat64Fields(h: DataView, l: Stat64Layout): [number, 4 | 8, bigint][] {
  const ino = h.getBigUint64(H.ino, true);
  const t = (i: number) => h.getBigInt64(H.atime + i * 16, true);
  const tn = (i: number) => h.getBigInt64(H.atime + i * 16 + 8, true);
  return [
    [l.dev, 8, h.getBigUint64(H.dev, true)],
    [l.ino32, 4, ino & 0xffffffffn],
    [l.mode, 4, BigInt(h.getUint32(H.mode, true))],
    [l.nlink, 4, h.getBigUint64(H.nlink, true) & 0xffffffffn],
    [l.uid, 4, BigInt(h.getUint32(H.uid, true))],
    [l.gid, 4, BigInt(h.getUint32(H.gid, true))],
    [l.rdev, 8, h.getBigUint64(H.rdev, true)],
    [l.stSize, 8, h.getBigUint64(H.size, true)],
    [l.atime, 4, t(0) & 0xffffffffn], [l.atime + 4, 4, tn(0) & 0xffffffffn],
    [l.atime + 8, 4, t(1) & 0xffffffffn], [l.atime + 12, 4, tn(1) & 0xffffffffn],
    [l.atime + 16, 4, t(2) & 0xffffffffn], [l.atime + 20, 4, tn(2) & 0xffffffffn],
    [l.blksize, 4, h.getBigUint64(H.blksize, true) & 0xffffffffn],
    [l.blocks, 8, h.getBigUint64(H.blocks, true)],
    [l.ino, 8, ino],
  ];
}

/** x86-64 struct statfs: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree (8 bytes each), f_fsid, f_namelen, f_frsize, f_flags */
const F = { type: 0, bsize: 8, blocks: 16, bfree: 24, bavail: 32, files: 40, ffree: 48, fsid: 56, namelen: 64, frsize: 72, flags: 80 };
const HI32 = 0xffffffff00000000n, ALL = 0xffffffffffffffffn;

/** i386 struct statfs (all 32-bit) for a host statfs, or -EOVERFLOW (put_compat_statfs). */
export function toStatfs(h: DataView): Uint8Array | number {
  const q = (o: number) => h.getBigUint64(o, true);
  if ((q(F.blocks) | q(F.bfree) | q(F.bavail) | q(F.bsize) | q(F.frsize)) & HI32) return -EOVERFLOW;
  if ((q(F.files) !== ALL && q(F.files) & HI32) || (q(F.ffree) !== ALL && q(F.ffree) & HI32)) return -EOVERFLOW;
  const b = new Uint8Array(STATFS_SIZE);
  const g = new DataView(b.buffer);
  const lo = (v: bigint) => Number(v & 0xffffffffn);
  [F.type, F.bsize, F.blocks, F.bfree, F.bavail, F.files, F.ffree].forEach((o, i) => g.setUint32(i * 4, lo(q(o)), true));
  g.setUint32(28, h.getUint32(F.fsid, true), true);
  g.setUint32(32, h.getUint32(F.fsid + 4, true), true);
  g.setUint32(36, lo(q(F.namelen)), true);
  g.setUint32(40, lo(q(F.frsize)), true);
  g.setUint32(44, lo(q(F.flags)), true);
  return b;
}

/** i386 struct statfs64 (packed, 84 bytes) for a host statfs, or -EOVERFLOW (put_compat_statfs64). */
export function toStatfs64(h: DataView): Uint8Array | number {
  const q = (o: number) => h.getBigUint64(o, true);
  if ((q(F.bsize) | q(F.frsize)) & HI32) return -EOVERFLOW;
  const b = new Uint8Array(STATFS64_SIZE);
  const g = new DataView(b.buffer);
  g.setUint32(0, Number(q(F.type) & 0xffffffffn), true);
  g.setUint32(4, Number(q(F.bsize)), true);
  [F.blocks, F.bfree, F.bavail, F.files, F.ffree].forEach((o, i) => g.setBigUint64(8 + i * 8, q(o), true));
  g.setUint32(48, h.getUint32(F.fsid, true), true);
  g.setUint32(52, h.getUint32(F.fsid + 4, true), true);
  g.setUint32(56, Number(q(F.namelen) & 0xffffffffn), true);
  g.setUint32(60, Number(q(F.frsize)), true);
  g.setUint32(64, Number(q(F.flags) & 0xffffffffn), true);
  return b;
}
