// A guest architecture as the linux-user layer and the command line see it: one LinuxTarget per
// architecture (i386/target.ts, arm/target.ts), chosen by the command's name (tsemu-<name>).
// Everything architecture-specific is reached from here: the CPU and its frontend, the ELF
// machine and auxiliary vector, the system-call numbers, the structure layouts, signal frames,
// the pages the kernel would map (vDSO, kuser helpers) and the main loop.
import type { AddressSpace } from "../memory/address-space";
import type { ExecEngine } from "../exec/cpu-exec";
import type { Frontend } from "../exec/frontend";
import type { GuestAbi } from "./abi";
import type { ElfArch, LoadedImage } from "./elfload";
import type { SyscallDef, SyscallFn } from "./syscall-types";
import type { SyscallDispatcher } from "./syscall";
import type { GuestCpu, Task } from "./task";
import type { GdbArch } from "../gdbstub/tdesc";

export interface LinuxTarget {
  /** the architecture's name: the command is tsemu-<name> */
  readonly name: string;
  /** what `-cpu help` lists (the first is the default) */
  readonly cpuModels: readonly string[];
  readonly abi: GuestAbi;
  /** system-call numbers with names and strace argument kinds (one table per architecture) */
  readonly syscalls: Record<number, SyscallDef>;
  /** implementations by name that replace or add to the shared ones (syscall.ts SYSCALLS) */
  readonly archSyscalls: Record<string, SyscallFn>;
  /** e_machine, AT_PLATFORM, AT_HWCAP, the ET_DYN base... for the ELF loader */
  readonly elf: ElfArch;
  /** A CPU in its initial state and the frontend that translates its code; null: unknown model. */
  createCpu(mem: AddressSpace, model: string): { cpu: GuestCpu; frontend: Frontend } | null;
  /** After loading: map the pages the kernel provides and set the registers the ABI defines. */
  startProcess(t: Task, img: LoadedImage): void;
  /** the registers as gdb sees them (the gdb stub's table); absent: -g is refused */
  readonly gdb?: GdbArch<GuestCpu>;
  /** Run the guest to its end (QEMU's cpu_loop); returns the exit status. */
  cpuLoop(t: Task, engine: ExecEngine, syscalls: SyscallDispatcher, prog: string): number;
}
