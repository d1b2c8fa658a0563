// gdb's signal numbers (its target-independent enum gdb_signal, used in S/T/X/C/S packets) for
// Linux signal numbers, and back. The first fifteen mostly agree; the rest are permuted.

/** LINUX_TO_GDB[linux signal] = gdb signal, for 1..31; 0 where gdb has no equivalent */
const LINUX_TO_GDB = [
  0, 1, 2, 3, 4, 5, 6, 10, 8, 9, 30, 11, 31, 13, 14, 15, // ..15: BUS=7→10, USR1=10→30, USR2=12→31
  0, 20, 19, 17, 18, 21, 22, 16, 24, 25, 26, 27, 28, 23, 32, 12, // 16 STKFLT, CHLD, CONT, STOP, TSTP, ... SYS
];
const GDB_SIGNAL_UNKNOWN = 143;
/** gdb's GDB_SIGNAL_REALTIME_33 .. _63 are consecutive from 45; 32 and 64 are out of line */
const GDB_RT33 = 45, GDB_RT32 = 77, GDB_RT64 = 78;

export function linuxToGdbSignal(sig: number): number {
  if (sig > 0 && sig < 32) return LINUX_TO_GDB[sig] || GDB_SIGNAL_UNKNOWN;
  if (sig === 32) return GDB_RT32;
  if (sig >= 33 && sig <= 63) return GDB_RT33 + sig - 33;
  if (sig === 64) return GDB_RT64;
  return sig === 0 ? 0 : GDB_SIGNAL_UNKNOWN;
}

/** The Linux signal for a gdb signal number; 0 for none or one Linux does not have. */
export function gdbToLinuxSignal(g: number): number {
  if (g <= 0) return 0;
  for (let s = 1; s <= 64; s++) if (linuxToGdbSignal(s) === g) return s;
  return 0;
}
