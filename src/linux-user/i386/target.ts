// The i386 guest for linux-user and tsemu-i386: the x86 CPU and frontend, the i386 system-call
// table and structure layouts, the vDSO with its signal trampolines, and the i386 cpu loop.
import type { LinuxTarget } from "../target";
import { CPUX86State, EIP, R_CS, R_DS, R_ES, R_ESP, R_SS, SEG_LIMIT, SEG_SEL } from "../../target/i386/cpu";
import { I386Frontend } from "../../target/i386/frontend";
import { I386_ABI } from "./abi";
import { I386_SYSCALLS } from "./syscall-table";
import { I386_ARCH_SYSCALLS } from "./syscalls";
import { cpuLoop } from "./cpu-loop";
import { I386_VDSO, mapSigtramp } from "./signal";
import { I386_GDB } from "../../gdbstub/i386-regs";
import type { GdbArch } from "../../gdbstub/tdesc";
import type { GuestCpu } from "../task";

const USER_CS = 0x23, USER_DS = 0x2b;

export const I386_TARGET: LinuxTarget = {
  name: "i386",
  cpuModels: ["i686"],
  abi: I386_ABI,
  syscalls: I386_SYSCALLS,
  archSyscalls: I386_ARCH_SYSCALLS,
  elf: { machine: 3, platform: "i686", hwcap: 0x178bfbff & 0x8111, dynBase: 0x56555000, vdso: I386_VDSO },
  createCpu(mem) {
    // any -cpu model is taken as the one there is
    const cpu = new CPUX86State(mem);
    return { cpu, frontend: new I386Frontend(cpu) };
  },
  startProcess(t, img) {
    mapSigtramp(t);
    const R = t.cpu.R;
    R[R_ESP] = img.sp;
    R[EIP] = img.entry;
    R[SEG_SEL + R_CS] = USER_CS;
    for (const s of [R_DS, R_ES, R_SS]) R[SEG_SEL + s] = USER_DS;
    for (let s = 0; s < 6; s++) R[SEG_LIMIT + s] = -1;
  },
  cpuLoop,
  gdb: I386_GDB as GdbArch<GuestCpu>,
};
