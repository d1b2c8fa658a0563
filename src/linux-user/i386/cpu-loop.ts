// The i386 user-mode main loop (QEMU's cpu_loop for i386): run translated code until an
// exception, then handle it — system calls through int $0x80, CPU exceptions as the signals the
// kernel's trap handlers send (with the trap number, error code and fault address they record
// for the sigcontext) — poll the guest's timers, and deliver pending signals before resuming.
import { ExecEngine } from "../../exec/cpu-exec";
import { EXCP_DEBUG, EXCP_FAULT, EXCP_INTERRUPT, EXCP_SYSCALL } from "../../exec/exceptions";
import { CPUX86State, EIP, EXCP_INFO, FPUC, FPUS, MXCSR, R_EAX, R_EBP, R_EBX, R_ECX, R_EDI, R_EDX, R_ESI } from "../../target/i386/cpu";
import { EXCP_BP, EXCP_DB, EXCP_DE, EXCP_GP, EXCP_MF, EXCP_OF, EXCP_UD, EXCP_XM } from "../../target/i386/helpers/alu";
import { PAGE_EXEC } from "../../memory/address-space";
import type { Task } from "../task";
import { classifyFault } from "../fault";
import { SyscallDispatcher } from "../syscall";
import { forceFault, forceKernelSignal, processPendingSignals } from "../signal";
import { FPE_INTDIV, ILL_ILLOPN, SIGFPE, SIGILL, SIGSEGV, SIGTRAP, TRAP_BRKPT } from "../signal-state";
import { isRestartCode } from "../errno";
import { DEBUG_POLL_BLOCKS, IDLE_BUDGET, TIMER_POLL_BLOCKS } from "../timers";
import { doRtSigreturn, doSigreturn, I386_SIGNALS } from "./signal";

const NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;
const X86_TRAP_PF = 14;
/** page-fault error code bits */
const PF_PROT = 1, PF_WRITE = 2, PF_USER = 4, PF_INSTR = 0x10;
const FPE_FLTDIV = 3, FPE_FLTOVF = 4, FPE_FLTUND = 5, FPE_FLTRES = 6, FPE_FLTINV = 7;


/** The si_code of an x87 (#MF) or SIMD (#XM) exception from the flags the masks let through (0: spurious). */
export function fpuExceptionCode(err: number): number {
  if (err & 0x001) return FPE_FLTINV;
  if (err & 0x004) return FPE_FLTDIV;
  if (err & 0x008) return FPE_FLTOVF;
  if (err & 0x012) return FPE_FLTUND;
  if (err & 0x020) return FPE_FLTRES;
  return 0;
}

export function cpuLoop(t: Task, engine: ExecEngine, syscalls: SyscallDispatcher, prog: string): number {
  const cpu = t.cpu as CPUX86State;
  const R = cpu.R;
  const st = t.signals;
  const args = [0, 0, 0, 0, 0, 0];
  /** the kernel's trap handlers: record trap number and error code, then send the signal */
  const trap = (nr: number, err: number) => {
    st.trapNr = nr;
    st.errorCode = err;
  };
  engine.budget = IDLE_BUDGET;
  for (;;) {
    // while a timer is armed the engine stops every TIMER_POLL_BLOCKS blocks (EXCP_INTERRUPT)
    if (t.timers.armed) {
      if (engine.budget > TIMER_POLL_BLOCKS) engine.budget = TIMER_POLL_BLOCKS;
    } else engine.budget = IDLE_BUDGET;
    if (t.debugger !== null && engine.budget > DEBUG_POLL_BLOCKS) engine.budget = DEBUG_POLL_BLOCKS;
    const excp = engine.run();
    if (t.log.enabled("int") && excp !== EXCP_SYSCALL && excp !== EXCP_INTERRUPT) {
      t.log.write(`exception 0x${excp.toString(16)} at eip=0x${(R[EIP] >>> 0).toString(16).padStart(8, "0")}\n`);
    }
    switch (excp) {
      case EXCP_SYSCALL: {
        const nr = R[R_EAX];
        if (nr === NR_SIGRETURN || nr === NR_RT_SIGRETURN) {
          if (syscalls.strace) t.log.write(`${process.pid} ${nr === NR_SIGRETURN ? "sigreturn" : "rt_sigreturn"}(...)\n`);
          const ok = nr === NR_SIGRETURN ? doSigreturn(t) : doRtSigreturn(t);
          if (!ok) forceKernelSignal(t, SIGSEGV);
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
        t.syscallRestart = isRestartCode(ret) ? { nr, ret } : null;
        break;
      }
      case EXCP_INTERRUPT:
        // The budget ran out: look at the timers. Only here, at an arbitrary point of the guest's
        // own code, as a timer interrupt would (checking at every system call would deliver
        // timer signals right after system calls far more often than Linux does).
        engine.budget = IDLE_BUDGET;
        t.timers.check(t);
        t.debugger?.poll(t);
        break;
      case EXCP_FAULT:
        pageFault(t);
        break;
      case EXCP_DEBUG:
        // breakpoint, step or watchpoint: the debugger takes it as a SIGTRAP (below)
        t.debugger?.debugException(t);
        break;
      case EXCP_DE:
        trap(excp, 0);
        forceFault(t, SIGFPE, FPE_INTDIV, R[EIP]);
        break;
      case EXCP_MF:
      case EXCP_XM: {
        // math_error: the unmasked exception flags decide the code; none means a spurious trap
        const err = excp === EXCP_MF ? R[FPUS] & ~R[FPUC] & 0x3f : ~(R[MXCSR] >> 7) & R[MXCSR] & 0x3f;
        const code = fpuExceptionCode(err);
        trap(excp, 0);
        if (code) forceFault(t, SIGFPE, code, R[EIP]);
        break;
      }
      case EXCP_UD:
        trap(excp, 0);
        forceFault(t, SIGILL, ILL_ILLOPN, R[EIP]);
        break;
      case EXCP_BP:
        trap(excp, 0);
        forceKernelSignal(t, SIGTRAP); // do_int3_user: force_sig(SIGTRAP)
        break;
      case EXCP_DB:
        trap(excp, 0);
        forceFault(t, SIGTRAP, TRAP_BRKPT, R[EIP]);
        break;
      case EXCP_GP:
        trap(excp, R[EXCP_INFO]);
        forceKernelSignal(t, SIGSEGV);
        break;
      case EXCP_OF:
        trap(excp, 0);
        forceKernelSignal(t, SIGSEGV);
        break;
      default:
        process.stderr.write(`${prog}: unhandled CPU exception 0x${excp.toString(16)} - aborting\n`);
        return 134;
    }
    processPendingSignals(t, I386_SIGNALS, "tsemu");
    if (t.exitStatus !== null) return t.exitStatus;
  }
}

/**
 * A guest access fault, as do_user_addr_fault sees it (fault.ts), with the x86 trap details the
 * sigcontext reports: the error code says whether the page was present, the access a write and
 * whether it was an instruction fetch.
 */
function pageFault(t: Task): void {
  const f = classifyFault(t);
  if (f === null) return; // the instruction runs again
  const cpu = t.cpu as CPUX86State;
  const eip = cpu.R[EIP] >>> 0;
  const fetch = !f.write && !(t.mem.pages[f.addr >>> 12] & PAGE_EXEC) && ((f.addr - eip) >>> 0) < 16;
  t.signals.cr2 = f.addr;
  t.signals.trapNr = X86_TRAP_PF;
  t.signals.errorCode = (f.present ? PF_PROT : 0) | (f.write ? PF_WRITE : 0) | PF_USER | (fetch ? PF_INSTR : 0);
  forceFault(t, f.sig, f.code, f.addr);
}
