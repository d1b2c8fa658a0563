// The i386 user-mode main loop (QEMU's cpu_loop for i386): run translated code until an
// exception, then handle it — system calls through int $0x80, CPU exceptions as signals — and
// deliver pending signals before resuming.
import { ExecEngine } from "../../exec/cpu-exec";
import { EXCP_FAULT, EXCP_SYSCALL, GUEST_FAULT } from "../../exec/exceptions";
import { CPUX86State, EIP, EXCP_INFO, R_EAX, R_EBP, R_EBX, R_ECX, R_EDI, R_EDX, R_ESI } from "../../target/i386/cpu";
import { EXCP_BP, EXCP_DB, EXCP_DE, EXCP_GP, EXCP_MF, EXCP_OF, EXCP_UD } from "../../target/i386/helpers/alu";
import type { Task } from "../task";
import { SyscallDispatcher } from "../syscall";
import { queueSignal } from "../syscalls/signal";
import { processPendingSignals, SIGFPE, SIGILL, SIGSEGV, SIGTRAP } from "../signal";
import { doRtSigreturn, doSigreturn, I386_SIGNALS } from "./signal";

const NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;
const SEGV_MAPERR = 1, SEGV_ACCERR = 2, SI_KERNEL = 0x80, ILL_ILLOPN = 2, FPE_INTDIV = 1, TRAP_BRKPT = 1;

export function cpuLoop(t: Task, engine: ExecEngine, syscalls: SyscallDispatcher, prog: string): number {
  const cpu = t.cpu as CPUX86State;
  const R = cpu.R;
  const args = [0, 0, 0, 0, 0, 0];
  for (;;) {
    const excp = engine.run();
    if (t.log.enabled("int") && excp !== EXCP_SYSCALL) {
      t.log.write(`exception 0x${excp.toString(16)} at eip=0x${(R[EIP] >>> 0).toString(16).padStart(8, "0")}\n`);
    }
    switch (excp) {
      case EXCP_SYSCALL: {
        const nr = R[R_EAX];
        if (nr === NR_SIGRETURN || nr === NR_RT_SIGRETURN) {
          if (syscalls.strace) t.log.write(`${process.pid} ${nr === NR_SIGRETURN ? "sigreturn" : "rt_sigreturn"}(...)\n`);
          const ok = nr === NR_SIGRETURN ? doSigreturn(t) : doRtSigreturn(t);
          if (!ok) queueSignal(t, SIGSEGV, SI_KERNEL);
          break;
        }
        args[0] = R[R_EBX];
        args[1] = R[R_ECX];
        args[2] = R[R_EDX];
        args[3] = R[R_ESI];
        args[4] = R[R_EDI];
        args[5] = R[R_EBP];
        const ret = syscalls.call(t, nr, args);
        if (t.exitStatus !== null) return t.exitStatus;
        R[R_EAX] = ret;
        break;
      }
      case EXCP_FAULT:
        queueSignal(t, SIGSEGV, GUEST_FAULT.accErr ? SEGV_ACCERR : SEGV_MAPERR, GUEST_FAULT.addr, 14);
        break;
      case EXCP_DE:
        queueSignal(t, SIGFPE, FPE_INTDIV, R[EIP] >>> 0, 0);
        break;
      case EXCP_MF:
        queueSignal(t, SIGFPE, 0, R[EIP] >>> 0, 16);
        break;
      case EXCP_UD:
        queueSignal(t, SIGILL, ILL_ILLOPN, R[EIP] >>> 0, 6);
        break;
      case EXCP_BP:
      case EXCP_DB:
        queueSignal(t, SIGTRAP, excp === EXCP_BP ? SI_KERNEL : TRAP_BRKPT, 0, excp);
        break;
      case EXCP_GP:
      case EXCP_OF:
        void EXCP_INFO;
        queueSignal(t, SIGSEGV, SI_KERNEL, 0, excp);
        break;
      default:
        process.stderr.write(`${prog}: unhandled CPU exception 0x${excp.toString(16)} - aborting\n`);
        return 134;
    }
    processPendingSignals(t, I386_SIGNALS, "tsemu");
    if (t.exitStatus !== null) return t.exitStatus;
  }
}
