// Directory reading: getdents64 and the old getdents, with directory offsets a 32-bit process
// can hold. A 64-bit host kernel hands this (64-bit) emulator 64-bit directory cookies — ext4's
// hash positions, for one — where an i386 process on the same machine gets 32-bit ones, and i386
// glibc's readdir fails with EOVERFLOW on d_off values beyond 32 bits. Such cookies are replaced
// per descriptor by small stand-ins, translated back when the guest seeks the directory.
import { HOST_NR as N } from "../host";
import { EINVAL, EOVERFLOW } from "../errno";
import type { Task } from "../task";
import { fd, ptr, sys } from "./util";

/** stand-in cookies are COOKIE_BASE + index, above what small-offset file systems use */
const COOKIE_BASE = 0x40000000;

/** Per-directory-descriptor table of host cookies given stand-ins. */
export class DirCookies {
  private tables = new Map<number, { host: number[]; index: Map<number, number> }>();

  /** The offset the guest sees for host cookie `off` of descriptor `f`. */
  toGuest(f: number, off: number): number {
    let tb = this.tables.get(f);
    if (!tb) {
      if (off >= 0 && off <= 0x7fffffff) return off;
      tb = { host: [], index: new Map() };
      this.tables.set(f, tb);
    }
    let i = tb.index.get(off);
    if (i === undefined) {
      i = tb.host.length;
      tb.host.push(off);
      tb.index.set(off, i);
    }
    return COOKIE_BASE + i;
  }
  /** The host offset for an offset the guest seeks to. */
  toHost(f: number, off: number): number {
    const tb = this.tables.get(f);
    if (!tb || off < COOKIE_BASE || off - COOKIE_BASE >= tb.host.length) return off;
    return tb.host[off - COOKIE_BASE];
  }
  /** An lseek result on `f` as the guest sees it (a cookie that has a stand-in gets it). */
  resultToGuest(f: number, off: number): number {
    const tb = this.tables.get(f);
    if (!tb) return off;
    const i = tb.index.get(off);
    return i === undefined ? off : COOKIE_BASE + i;
  }
  /** The descriptor was closed or replaced. */
  forget(f: number): void {
    this.tables.delete(f);
  }
}

const dirCookies = new WeakMap<Task, DirCookies>();
export function cookiesOf(t: Task): DirCookies {
  let c = dirCookies.get(t);
  if (!c) dirCookies.set(t, (c = new DirCookies()));
  return c;
}

/** Rewrite the d_off fields of a linux_dirent64 buffer in place (guest stand-ins). */
export function remapDirent64(buf: DataView, len: number, map: (off: number) => number): void {
  for (let o = 0; o < len; ) {
    const off = Number(buf.getBigInt64(o + 8, true));
    const g = map(off);
    if (g !== off) buf.setBigInt64(o + 8, BigInt(g), true);
    const reclen = buf.getUint16(o + 16, true);
    if (reclen === 0) break;
    o += reclen;
  }
}

/**
 * Convert linux_dirent64 records to the i386 struct linux_dirent (32-bit d_ino and d_off,
 * d_type in the last byte): how many input bytes were used and the output. Stops before an
 * entry whose inode number does not fit (the caller then reports EOVERFLOW if nothing was
 * converted) or that does not fit in `room`.
 */
export function direntsTo32(inp: DataView, len: number, room: number, map: (off: number) => number): { used: number; out: Uint8Array; overflow: boolean } {
  const out = new Uint8Array(room);
  const ov = new DataView(out.buffer);
  let o = 0, w = 0;
  let overflow = false;
  while (o < len) {
    const ino = inp.getBigUint64(o, true);
    const off = map(Number(inp.getBigInt64(o + 8, true)));
    const reclen = inp.getUint16(o + 16, true);
    const type = inp.getUint8(o + 18);
    let nameEnd = o + 19;
    while (nameEnd < o + reclen && inp.getUint8(nameEnd) !== 0) nameEnd++;
    const nameLen = nameEnd - (o + 19);
    const rl = (10 + nameLen + 2 + 3) & ~3;
    if (ino > 0xffffffffn || off > 0xffffffff) {
      overflow = true;
      break;
    }
    if (w + rl > room) break;
    ov.setUint32(w, Number(ino), true);
    ov.setUint32(w + 4, off >>> 0, true);
    ov.setUint16(w + 8, rl, true);
    for (let i = 0; i < nameLen; i++) out[w + 10 + i] = inp.getUint8(o + 19 + i);
    out[w + 10 + nameLen] = 0;
    out[w + rl - 1] = type;
    w += rl;
    o += reclen;
  }
  return { used: o, out: out.subarray(0, w), overflow };
}

export function getdents64(t: Task, f: number, buf: number, n: number): number {
  const h = ptr(t, buf, n, true);
  const r = sys(N.getdents64, fd(f), h, n);
  if (r <= 0) return r;
  const c = cookiesOf(t);
  remapDirent64(new DataView(t.mem.buffer, buf, r), r, (off) => c.toGuest(fd(f), off));
  return r;
}

export function getdents(t: Task, f: number, buf: number, n: number): number {
  ptr(t, buf, n, true);
  const hostLen = Math.min(n, 32768);
  const tmp = t.scratchAlloc(hostLen);
  const pos = sys(N.lseek, fd(f), 0, 1);
  const r = sys(N.getdents64, fd(f), tmp.host, hostLen);
  if (r <= 0) return r;
  const c = cookiesOf(t);
  const conv = direntsTo32(new DataView(t.mem.buffer, tmp.addr, r), r, n, (off) => c.toGuest(fd(f), off));
  if (conv.used < r) {
    // hand the rest back: seek to the first record not returned (the d_off of the last one that was)
    let back = pos;
    const dv = new DataView(t.mem.buffer, tmp.addr, r);
    for (let o = 0; o < conv.used; ) {
      back = Number(dv.getBigInt64(o + 8, true));
      o += dv.getUint16(o + 16, true);
    }
    sys(N.lseek, fd(f), back, 0);
  }
  if (conv.out.length === 0) return conv.overflow ? -EOVERFLOW : -EINVAL;
  t.mem.write(buf, conv.out);
  return conv.out.length;
}
