// Exception numbers shared by all frontends and the exec loop (QEMU's EXCP_* for user mode).
// Numbers below 0x100 are the guest architecture's own vectors (x86 #DE = 0, #UD = 6 ...).
import { GUEST_FAULT } from "../memory/address-space";

export const EXCP_SYSCALL = 0x100; // a system call instruction: the linux-user layer handles it
export const EXCP_FAULT = 0x101; // guest memory access fault: details in GUEST_FAULT
export const EXCP_HLT = 0x102; // a privileged halt in user mode
export const EXCP_DEBUG = 0x103; // single-step or breakpoint (gdbstub)
export const EXCP_INTERRUPT = 0x104; // the exec loop was asked to stop (signal pending, exit)
/** the running block wrote to its own code: redo the instruction alone (handled in cpu_exec) */
export const EXCP_SMC = 0x105;

/** Thrown by the access layer, before the store, when a store would modify the running block. */
export class SmcRestart {}
export const SMC_RESTART = new SmcRestart();

/** Thrown by helpers (as this one object) after they set the CPU's exception index. */
export class RaisedException {}
export const RAISED = new RaisedException();

export { GUEST_FAULT };
