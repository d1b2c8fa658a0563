// Linux errno values (the same numbers on every architecture tsemu emulates or runs on).
export const EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9, ECHILD = 10;
export const EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, ENOTDIR = 20;
export const EISDIR = 21, EINVAL = 22, EMFILE = 24, ENOTTY = 25, ENOSPC = 28, ESPIPE = 29, EPIPE = 32;
export const ERANGE = 34, ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40;
export const EOVERFLOW = 75, ENOTSUP = 95, ETIMEDOUT = 110;

// Kernel-internal "restart" results (never seen by the guest): a system call interrupted by a
// signal returns one of these, and signal delivery turns it into -EINTR or re-executes the call
// depending on whether a handler runs and its SA_RESTART flag (arch/x86/kernel/signal.c).
export const ERESTARTSYS = 512, ERESTARTNOINTR = 513, ERESTARTNOHAND = 514, ERESTART_RESTARTBLOCK = 516;
export function isRestartCode(ret: number): boolean {
  return ret === -ERESTARTSYS || ret === -ERESTARTNOINTR || ret === -ERESTARTNOHAND || ret === -ERESTART_RESTARTBLOCK;
}
