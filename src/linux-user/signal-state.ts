// Per-process signal state: the guest's dispositions, blocked mask, pending set and alternate
// stack (QEMU's sigact_table / TaskState signal fields). Delivery lives in signal.ts.
export const NSIG = 64;

export interface SigAction {
  handler: number; // guest address, or SIG_DFL (0) / SIG_IGN (1)
  flags: number;
  restorer: number;
  mask: bigint; // blocked during the handler
}

export interface PendingSignal {
  sig: number;
  code: number;
  /** si_addr for faults, si_pid for kill */
  addr: number;
  pid: number;
  uid: number;
  errno: number;
  /** for SIGFPE/SIGILL: the trap number */
  trapno: number;
}

export class SignalState {
  readonly actions: SigAction[] = [];
  blocked = 0n;
  readonly pending: PendingSignal[] = [];
  altStack = { sp: 0, size: 0, flags: 2 /* SS_DISABLE */ };
  constructor() {
    for (let i = 0; i <= NSIG; i++) this.actions.push({ handler: 0, flags: 0, restorer: 0, mask: 0n });
  }
}
