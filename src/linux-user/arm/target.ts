// The 32-bit ARM guest for linux-user and tsemu-arm: EABI executables (armel and armhf), the ARM
// CPU and frontend, the EABI system-call table and structure layouts, the kuser helper page at
// 0xffff0000 and the sigpage, the process's initial registers, and the ARM cpu loop.
import type { LinuxTarget } from "../target";
import { PAGE_EXEC, PAGE_READ } from "../../memory/address-space";
import { CPUARMState, SP } from "../../target/arm/cpu";
import { ArmFrontend } from "../../target/arm/frontend";
import type { Task } from "../task";
import { ARM_ABI } from "./abi";
import { ARM_SYSCALLS } from "./syscall-table";
import { ARM_ARCH_SYSCALLS } from "./syscalls";
import { cpuLoop } from "./cpu-loop";
import { mapSigpage } from "./signal";
import { KUSER_CODE, KUSER_CODE_OFFSET } from "./kuser-image";

export const EM_ARM = 40;
/** e_flags: the EABI version in the top byte (4 and 5 are what toolchains have produced since 2005) */
const EF_ARM_EABIMASK = 0xff000000, EF_ARM_EABI_VER4 = 0x04000000, EF_ARM_EABI_VER5 = 0x05000000;

/** AT_HWCAP bits (arch/arm/include/uapi/asm/hwcap.h) */
export const HWCAP_ARM = {
  SWP: 1 << 0, HALF: 1 << 1, THUMB: 1 << 2, FAST_MULT: 1 << 4, VFP: 1 << 6, EDSP: 1 << 7, NEON: 1 << 12,
  VFPv3: 1 << 13, VFPv3D16: 1 << 14, TLS: 1 << 15, VFPv4: 1 << 16, IDIVA: 1 << 17, IDIVT: 1 << 18, VFPD32: 1 << 19,
} as const;
/**
 * What the frontend implements (issue 6): ARMv7-A A32 and T32 with the DSP extensions, SWP,
 * UDIV/SDIV in both instruction sets, VFPv3 with 32 double registers and NEON; the TLS register.
 * No VFPv4 (fused multiply-add) and none of the AT_HWCAP2 crypto extensions.
 */
export const ARM_HWCAP =
  HWCAP_ARM.SWP | HWCAP_ARM.HALF | HWCAP_ARM.THUMB | HWCAP_ARM.FAST_MULT | HWCAP_ARM.VFP | HWCAP_ARM.EDSP |
  HWCAP_ARM.NEON | HWCAP_ARM.VFPv3 | HWCAP_ARM.TLS | HWCAP_ARM.IDIVA | HWCAP_ARM.IDIVT | HWCAP_ARM.VFPD32;
export const ARM_HWCAP2 = 0;

/** The page of kernel user helpers (kuser/kuser.S) at its fixed address. */
export const KUSER_PAGE = 0xffff0000;
export function mapKuserPage(t: Task): void {
  t.mapAnon(KUSER_PAGE, 4096, PAGE_READ | PAGE_EXEC);
  t.mem.poke(KUSER_PAGE + KUSER_CODE_OFFSET, KUSER_CODE);
}

/** An EABI image (version 4 or 5): OABI and unknown-ABI images are refused, as an EABI-only kernel does. */
export function checkArmFlags(flags: number): string | null {
  const v = (flags & EF_ARM_EABIMASK) >>> 0;
  if (v === EF_ARM_EABI_VER4 || v === EF_ARM_EABI_VER5) return null;
  return v === 0 ? "not an EABI executable (old ABI images are not supported)" : `unsupported ARM EABI version ${v >>> 24}`;
}

/** -cpu names accepted: one model, a Cortex-A9-like ARMv7-A (see target/arm/cpu.ts) */
const CPU_MODELS = ["cortex-a9", "max", "any"];

export const ARM_TARGET: LinuxTarget = {
  name: "arm",
  cpuModels: CPU_MODELS,
  abi: ARM_ABI,
  syscalls: ARM_SYSCALLS,
  archSyscalls: ARM_ARCH_SYSCALLS,
  elf: {
    machine: EM_ARM, platform: "v7l", hwcap: ARM_HWCAP, hwcap2: ARM_HWCAP2, dynBase: 0x00400000, checkFlags: checkArmFlags,
  },
  createCpu(mem, model) {
    if (model !== "" && !CPU_MODELS.includes(model)) return null;
    const cpu = new CPUARMState(mem);
    return { cpu, frontend: new ArmFrontend(cpu) };
  },
  startProcess(t, img) {
    mapKuserPage(t);
    mapSigpage(t);
    // start_thread: every register zero (ELF_PLAT_INIT clears r0 for rtld_fini), user mode,
    // sp at argc, and Thumb state if the entry point has bit 0 set
    const cpu = t.cpu as CPUARMState;
    cpu.R[SP] = img.sp;
    cpu.setPcInterworking(img.entry);
  },
  cpuLoop,
};
