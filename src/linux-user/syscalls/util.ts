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
