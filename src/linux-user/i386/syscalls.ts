// i386-only system calls: TLS descriptors (set_thread_area, get_thread_area, modify_ldt).
import { EINVAL, ESRCH } from "../errno";
import type { SyscallFn } from "../syscall-types";
import type { Task } from "../task";
import { CPUX86State, SegDesc } from "../../target/i386/cpu";
import { ptr } from "../syscalls/util";

const GDT_ENTRY_TLS_MIN = 6, GDT_ENTRY_TLS_ENTRIES = 3;

function descFromUserDesc(t: Task, u: number): { entry: number; desc: SegDesc; empty: boolean } {
  const dv = t.mem.dv;
  const entry = dv.getInt32(u, true);
  const base = dv.getUint32(u + 4, true);
  const limit = dv.getUint32(u + 8, true);
  const flags = dv.getUint32(u + 12, true);
  const limitInPages = (flags >> 4) & 1;
  const notPresent = (flags >> 5) & 1;
  const readExecOnly = (flags >> 3) & 1;
  const empty = base === 0 && limit === 0 && notPresent === 1 && readExecOnly === 1;
  return {
    entry,
    empty,
    desc: { base, limit: limitInPages ? ((limit << 12) | 0xfff) >>> 0 : limit, flags, present: !notPresent && !empty },
  };
}

const set_thread_area: SyscallFn = (t, u) => {
  ptr(t, u, 16, true);
  const cpu = t.cpu as CPUX86State;
  let { entry, desc } = descFromUserDesc(t, u);
  if (entry === -1) {
    for (let i = GDT_ENTRY_TLS_MIN; i < GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES; i++) {
      if (!cpu.gdt[i] || !cpu.gdt[i].present) {
        entry = i;
        break;
      }
    }
    if (entry === -1) return -ESRCH;
    t.mem.dv.setInt32(u, entry, true);
  }
  if (entry < GDT_ENTRY_TLS_MIN || entry >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES) return -EINVAL;
  cpu.gdt[entry] = desc;
  return 0;
};

const get_thread_area: SyscallFn = (t, u) => {
  ptr(t, u, 16, true);
  const cpu = t.cpu as CPUX86State;
  const entry = t.mem.dv.getInt32(u, true);
  if (entry < GDT_ENTRY_TLS_MIN || entry >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES) return -EINVAL;
  const d = cpu.gdt[entry] ?? { base: 0, limit: 0, flags: 0x28, present: false };
  const dv = t.mem.dv;
  dv.setUint32(u + 4, d.base, true);
  dv.setUint32(u + 8, d.flags & 0x10 ? d.limit >>> 12 : d.limit, true);
  dv.setUint32(u + 12, d.flags, true);
  return 0;
};

/** modify_ldt: func 1/0x11 write an entry, 0 read (we report an empty LDT), 2 read default */
const modify_ldt: SyscallFn = (t, func, p, count) => {
  const cpu = t.cpu as CPUX86State;
  if (func === 0 || func === 2) return 0;
  if (func !== 1 && func !== 0x11) return -38;
  if (count !== 16) return -EINVAL;
  ptr(t, p, 16, false);
  const { entry, desc, empty } = descFromUserDesc(t, p);
  if (entry < 0 || entry >= 8192) return -EINVAL;
  cpu.ldt[entry] = empty ? { base: 0, limit: 0, flags: 0, present: false } : desc;
  return 0;
};

export const I386_ARCH_SYSCALLS: Record<string, SyscallFn> = { set_thread_area, get_thread_area, modify_ldt };
