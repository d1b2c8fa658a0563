// ARM-only system calls: the private calls at 0xf0000 + n (set_tls, get_tls, cacheflush,
// breakpoint, usr26/usr32), and the EABI entry points whose arguments differ from the shared
// implementations: 64-bit values in an aligned register pair (a padding register before them),
// arm_fadvise64_64's reordered arguments, and send/recv as sendto/recvfrom.
import { EINVAL, ENOSYS } from "../errno";
import type { SyscallFn } from "../syscall-types";
import { SYSCALLS } from "../syscall";
import { TPIDRURO } from "../../target/arm/cpu";
import { forceKernelSignal } from "../signal";
import { SIGTRAP } from "../signal-state";

const shared = (name: string): SyscallFn => {
  return (t, a, b, c, d, e, f) => {
    const fn = SYSCALLS[name];
    return fn ? fn(t, a, b, c, d, e, f) : -ENOSYS;
  };
};
const pread64 = shared("pread64"), pwrite64 = shared("pwrite64"), truncate64 = shared("truncate64");
const ftruncate64 = shared("ftruncate64"), fadvise64_64 = shared("fadvise64_64"), readahead = shared("readahead");
const sendto = shared("sendto"), recvfrom = shared("recvfrom");

/** set_tls: TPIDRURO, what `mrc p15, 0, rX, c13, c0, 3` and __kuser_get_tls read */
const set_tls: SyscallFn = (t, v) => {
  t.cpu.R[TPIDRURO] = v;
  return 0;
};
const get_tls: SyscallFn = (t) => t.cpu.R[TPIDRURO];
/** cacheflush(start, end, flags): translated code is invalidated on writes already; check the range */
const cacheflush: SyscallFn = (t, start, end, flags) => (flags !== 0 || end < start ? -EINVAL : 0);
/** the breakpoint call: SIGTRAP, as the kernel's ptrace_break does */
const breakpoint: SyscallFn = (t) => {
  forceKernelSignal(t, SIGTRAP);
  return 0;
};
/** usr26: switching to 26-bit mode is not possible on ARMv7; usr32 is a no-op there */
const usr26: SyscallFn = () => -EINVAL;
const usr32: SyscallFn = () => 0;

export const ARM_ARCH_SYSCALLS: Record<string, SyscallFn> = {
  set_tls, get_tls, cacheflush, breakpoint, usr26, usr32,
  // fd, buf, count, (pad), offset low, offset high
  pread64: (t, f, buf, n, _pad, lo, hi) => pread64(t, f, buf, n, lo, hi, 0),
  pwrite64: (t, f, buf, n, _pad, lo, hi) => pwrite64(t, f, buf, n, lo, hi, 0),
  // path/fd, (pad), length low, length high
  truncate64: (t, p, _pad, lo, hi) => truncate64(t, p, lo, hi, 0, 0, 0),
  ftruncate64: (t, f, _pad, lo, hi) => ftruncate64(t, f, lo, hi, 0, 0, 0),
  // fd, (pad), offset low, offset high, count
  readahead: (t, f, _pad, lo, hi, n) => readahead(t, f, lo, hi, n, 0, 0),
  // fd, advice, offset (r2, r3), len (r4, r5): advice moved up to fill the pair gap
  arm_fadvise64_64: (t, f, advice, olo, ohi, llo, lhi) => fadvise64_64(t, f, olo, ohi, llo, lhi, advice),
  send: (t, f, buf, n, flags) => sendto(t, f, buf, n, flags, 0, 0),
  recv: (t, f, buf, n, flags) => recvfrom(t, f, buf, n, flags, 0, 0),
};
