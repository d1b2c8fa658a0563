// Shared pieces of the syscall handlers: EFAULT-checked guest buffers and the host call.
import { hostsys } from "../host";
import { EFAULT } from "../errno";
import type { Task } from "../task";

export const sys = (nr: number, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0): number => hostsys().sys(nr, a, b, c, d, e, f);

/** Host pointer of a guest buffer (0 stays NULL); throws EfaultError if inaccessible. */
export class EfaultError {}
export const EFAULT_ERR = new EfaultError();
export function ptr(t: Task, addr: number, len: number, write: boolean): number {
  if (addr === 0) return 0;
  const p = t.buf(addr, len, write);
  if (p < 0) throw EFAULT_ERR;
  return p;
}
/**
 * Host pointer and length for a read/write-style transfer of up to `len` bytes at `addr`. The
 * kernel copies until the first page it cannot access, so a buffer that is bad only at its end
 * gives a short transfer, and one that is bad from its start EFAULT (thrown). (The kernel only
 * finds out when it copies: at end of file a bad buffer still reads 0 bytes natively.)
 */
export function ioBuf(t: Task, addr: number, len: number, write: boolean): [number, number] {
  if (len === 0) return [ptr(t, addr, 0, write), 0];
  if (addr === 0) throw EFAULT_ERR;
  if (t.mem.check(addr, len, write)) return [ptr(t, addr, len, write), len];
  let ok = 0;
  while (ok < len && t.mem.check(addr + ok, Math.min(len - ok, 4096 - ((addr + ok) & 4095)), write)) ok += 4096 - ((addr + ok) & 4095);
  ok = Math.min(ok, len);
  if (ok === 0) throw EFAULT_ERR;
  return [ptr(t, addr, ok, write), ok];
}
/** Host pointer of a guest path string, after -L remapping; throws EFAULT_ERR if unreadable. */
export function pathPtr(t: Task, addr: number): number {
  const s = t.str(addr);
  if (s === null) throw EFAULT_ERR;
  if (s === "/proc/self/exe") return t.scratchString(t.exePath);
  const h = t.hostPath(s);
  if (h !== s) return t.scratchString(h);
  return t.G + addr;
}
export { EFAULT };

/** Signed view of a 32-bit guest argument. */
export const s32 = (v: number) => v | 0;
/** AT_FDCWD and other negative fds arrive as 32-bit values: sign-extend for the host. */
export const fd = (v: number) => v | 0;
