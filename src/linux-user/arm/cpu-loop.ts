// The ARM user-mode main loop (QEMU's cpu_loop for ARM, the kernel's vector_swi and abort
// handlers): run translated code until an exception, then handle it — EABI system calls (SVC,
// number in r7, arguments in r0-r5, result in r0), sigreturn, undefined instructions (SIGILL),
// breakpoints (SIGTRAP) and memory faults (SIGSEGV/SIGBUS with the fault status the kernel
// records for the sigcontext) — poll the guest's timers, and deliver pending signals.
import { ExecEngine } from "../../exec/cpu-exec";
import { EXCP_DEBUG, EXCP_FAULT, EXCP_INTERRUPT, EXCP_SYSCALL } from "../../exec/exceptions";
import { ARM_EXCP_BKPT, ARM_EXCP_DATA_ABORT, ARM_EXCP_PREFETCH_ABORT, ARM_EXCP_UDEF, CPUARMState } from "../../target/arm/cpu";
import type { Task } from "../task";
import type { SyscallDispatcher } from "../syscall";
import { forceFault, forceKernelSignal, processPendingSignals } from "../signal";
import { SEGV_MAPERR, SIGILL, SIGSEGV, SIGTRAP, TRAP_BRKPT } from "../signal-state";
import { isRestartCode } from "../errno";
import { classifyFault } from "../fault";
import { ARM_SIGNALS, doRtSigreturn, doSigreturn, ORIG_R0 } from "./signal";
import { DEBUG_POLL_BLOCKS, IDLE_BUDGET, TIMER_POLL_BLOCKS } from "../timers";

const NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;
/** the private calls live at 0xf0000-0xf07ff; above that an SVC is a bad system call (SIGILL) */
const ARM_NR_BASE = 0xf0000, ARM_NR_LIMIT = 0xf0800;
const ILL_ILLOPC = 1, ILL_ILLTRP = 4;
/** thread.trap_no values the kernel records: 6 undefined instruction, 14 abort */
const TRAP_UNDEF = 6, TRAP_ABORT = 14;
/** fault status (short-descriptor format): translation / permission fault of a page, WnR */
const FSR_TRANSLATION = 0x7, FSR_PERMISSION = 0xf, FSR_WNR = 0x800;

export function cpuLoop(t: Task, engine: ExecEngine, syscalls: SyscallDispatcher, prog: string): number {
  const cpu = t.cpu as CPUARMState;
  const R = cpu.R;
  const st = t.signals;
  const args = [0, 0, 0, 0, 0, 0];
  engine.budget = IDLE_BUDGET;
  for (;;) {
    if (t.timers.armed) {
      if (engine.budget > TIMER_POLL_BLOCKS) engine.budget = TIMER_POLL_BLOCKS;
    } else engine.budget = IDLE_BUDGET;
    if (t.debugger !== null && engine.budget > DEBUG_POLL_BLOCKS) engine.budget = DEBUG_POLL_BLOCKS;
    const excp = engine.run();
    if (t.log.enabled("int") && excp !== EXCP_SYSCALL && excp !== EXCP_INTERRUPT) {
      t.log.write(`exception 0x${excp.toString(16)} at pc=0x${cpu.pc.toString(16).padStart(8, "0")}\n`);
    }
    switch (excp) {
      case EXCP_SYSCALL: {
        // EABI: the number is in r7 whatever the SVC's immediate (an EABI-only kernel ignores it)
        const nr = R[7] >>> 0;
        if (nr === NR_SIGRETURN || nr === NR_RT_SIGRETURN) {
          if (syscalls.strace) t.log.write(`${process.pid} ${nr === NR_SIGRETURN ? "sigreturn" : "rt_sigreturn"}(...)\n`);
          const ok = nr === NR_SIGRETURN ? doSigreturn(t) : doRtSigreturn(t);
          if (!ok) forceKernelSignal(t, SIGSEGV);
          break;
        }
        if (nr >= ARM_NR_LIMIT && nr - ARM_NR_BASE < 0x10000) {
          // arm_syscall's bad_syscall: a private number beyond the defined range
          st.trapNr = 0;
          forceFault(t, SIGILL, ILL_ILLTRP, cpu.pc - (cpu.thumb ? 2 : 4));
          break;
        }
        for (let i = 0; i < 6; i++) args[i] = R[i];
        ORIG_R0.set(t, R[0]);
        const ret = syscalls.call(t, nr, args);
        if (t.exitStatus !== null) return t.exitStatus;
        R[0] = ret;
        t.syscallRestart = isRestartCode(ret) ? { nr, ret } : null;
        break;
      }
      case EXCP_INTERRUPT:
        // the budget ran out: look at the timers (see the i386 cpu loop)
        engine.budget = IDLE_BUDGET;
        t.timers.check(t);
        t.debugger?.poll(t);
        break;
      case EXCP_DEBUG:
        // breakpoint, step or watchpoint: the debugger takes it as a SIGTRAP
        t.debugger?.debugException(t);
        break;
      case EXCP_FAULT: {
        const f = classifyFault(t);
        if (f === null) break; // the access runs again
        st.trapNr = TRAP_ABORT;
        st.errorCode = (f.present ? FSR_PERMISSION : FSR_TRANSLATION) | (f.write ? FSR_WNR : 0);
        st.cr2 = f.addr;
        forceFault(t, f.sig, f.code, f.addr);
        break;
      }
      case ARM_EXCP_UDEF:
        st.trapNr = TRAP_UNDEF;
        st.errorCode = 0;
        forceFault(t, SIGILL, ILL_ILLOPC, cpu.pc);
        break;
      case ARM_EXCP_BKPT:
        st.trapNr = TRAP_ABORT;
        st.errorCode = 0;
        forceFault(t, SIGTRAP, TRAP_BRKPT, cpu.pc);
        break;
      case ARM_EXCP_PREFETCH_ABORT:
      case ARM_EXCP_DATA_ABORT:
        st.trapNr = TRAP_ABORT;
        forceFault(t, SIGSEGV, SEGV_MAPERR, cpu.pc);
        break;
      default:
        process.stderr.write(`${prog}: unhandled CPU exception 0x${excp.toString(16)} - aborting\n`);
        return 134;
    }
    processPendingSignals(t, ARM_SIGNALS, "tsemu");
    if (t.exitStatus !== null) return t.exitStatus;
  }
}
