// System call dispatch (QEMU's do_syscall): look the number up in the guest's table, run the
// handler, and log it under -strace / -d strace, or under -d unimp when it is not implemented
// (the guest then gets -ENOSYS).
import { ENOSYS } from "./errno";
import type { SyscallDef, SyscallFn } from "./syscall-types";
import type { Task } from "./task";
import { EfaultError, EFAULT } from "./syscalls/util";
import { FS_SYSCALLS } from "./syscalls/fs";
import { MEM_SYSCALLS } from "./syscalls/mem";
import { MISC_SYSCALLS } from "./syscalls/misc";
import { SIGNAL_SYSCALLS } from "./syscalls/signal";
import { TIMER_SYSCALLS } from "./syscalls/timer";
import { POLL_SYSCALLS } from "./syscalls/poll";
import { FUTEX_SYSCALLS } from "./syscalls/futex";

/** Implementations by syscall name, shared by every guest architecture. */
export const SYSCALLS: Record<string, SyscallFn> = {
  ...FS_SYSCALLS,
  ...MEM_SYSCALLS,
  ...MISC_SYSCALLS,
  ...SIGNAL_SYSCALLS,
  ...TIMER_SYSCALLS,
  ...POLL_SYSCALLS,
  ...FUTEX_SYSCALLS,
};

export class SyscallDispatcher {
  strace = false;
  constructor(
    readonly table: Record<number, SyscallDef>,
    readonly archSyscalls: Record<string, SyscallFn> = {},
  ) {}

  call(t: Task, nr: number, args: number[]): number {
    const def = this.table[nr];
    const fn = def ? this.archSyscalls[def.name] ?? SYSCALLS[def.name] : undefined;
    const [a, b, c, d, e, f] = args;
    if (this.strace) t.log.write(`${process.pid} ${def ? def.name : "syscall_" + nr}(${def ? formatArgs(t, def.args, args) : ""})`);
    let ret: number;
    if (fn === undefined) {
      if (t.log.enabled("unimp")) t.log.write(`Unsupported syscall: ${nr}${def ? " (" + def.name + ")" : ""}\n`);
      ret = -ENOSYS;
    } else {
      try {
        ret = fn(t, a >>> 0, b >>> 0, c >>> 0, d >>> 0, e >>> 0, f >>> 0);
      } catch (err) {
        if (!(err instanceof EfaultError) && !isGuestFault(err)) throw err;
        ret = -EFAULT;
      }
      t.resetScratch();
    }
    if (this.strace && t.exitStatus === null) t.log.write(` = ${formatRet(ret)}\n`);
    else if (this.strace) t.log.write("\n");
    return ret;
  }
}

function isGuestFault(e: unknown): boolean {
  return typeof e === "object" && e !== null && e.constructor?.name === "GuestFault";
}

function formatRet(r: number): string {
  if (r < 0 && r > -4096) return `-1 errno=${-r} (${errnoText(-r)})`;
  return String(r >>> 0 > 0xffff ? "0x" + (r >>> 0).toString(16) : r);
}

const ERRNO_TEXT: Record<number, string> = {
  1: "Operation not permitted", 2: "No such file or directory", 3: "No such process", 4: "Interrupted system call",
  5: "Input/output error", 9: "Bad file descriptor", 10: "No child processes", 11: "Resource temporarily unavailable",
  12: "Cannot allocate memory", 13: "Permission denied", 14: "Bad address", 17: "File exists", 20: "Not a directory",
  21: "Is a directory", 22: "Invalid argument", 24: "Too many open files", 25: "Inappropriate ioctl for device",
  28: "No space left on device", 29: "Illegal seek", 34: "Numerical result out of range", 36: "File name too long",
  38: "Function not implemented", 39: "Directory not empty", 40: "Too many levels of symbolic links",
  32: "Broken pipe", 75: "Value too large for defined data type", 95: "Operation not supported",
  110: "Connection timed out", 512: "ERESTARTSYS", 513: "ERESTARTNOINTR", 514: "ERESTARTNOHAND",
  516: "ERESTART_RESTARTBLOCK",
};
export function errnoText(e: number): string {
  return ERRNO_TEXT[e] ?? `errno ${e}`;
}

function formatArgs(t: Task, kinds: string, args: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const v = args[i] >>> 0;
    switch (kinds[i]) {
      case "s": {
        const s = v === 0 ? null : t.str(v);
        out.push(s === null ? "0x" + v.toString(16) : JSON.stringify(s));
        break;
      }
      case "p":
      case "x":
        out.push("0x" + v.toString(16));
        break;
      case "o":
        out.push("0" + v.toString(8));
        break;
      case "f":
        out.push((v | 0) === -100 ? "AT_FDCWD" : String(v | 0));
        break;
      default:
        out.push(String(v | 0));
    }
  }
  return out.join(",");
}
