// Types shared by the syscall dispatcher, the per-arch tables and the handler groups.
import type { Task } from "./task";

/** A syscall implementation: guest arguments as unsigned 32-bit numbers; returns value or -errno. */
export type SyscallFn = (t: Task, a: number, b: number, c: number, d: number, e: number, f: number) => number;

/**
 * Argument kinds for -strace, one letter per argument: d decimal, x hex, p pointer, s string,
 * o octal, f file descriptor (decimal, AT_FDCWD shown by name).
 */
export interface SyscallDef {
  name: string;
  args: string;
}
