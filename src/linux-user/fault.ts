// What a guest memory fault means for the process, shared by the architectures' cpu loops
// (do_user_addr_fault / do_page_fault): SIGBUS for a page of a file mapping past the end of the
// file (unless the file has grown since, when the page simply becomes accessible), SIGSEGV with
// SEGV_MAPERR or SEGV_ACCERR otherwise. The architecture adds its own trap details.
import { GUEST_FAULT } from "../exec/exceptions";
import { PAGE_READ, PAGE_VALID } from "../memory/address-space";
import type { Task } from "./task";
import { PK_BUS, PK_HOSTMAP, PK_PROT_SHIFT } from "./task";
import { hostsys, HOST_NR } from "./host";
import { BUS_ADRERR, SEGV_ACCERR, SEGV_MAPERR, SIGBUS, SIGSEGV } from "./signal-state";

export interface GuestFaultInfo {
  sig: number;
  code: number;
  addr: number;
  write: boolean;
  /** the page is present in the hardware page table (mapped and readable): a protection fault */
  present: boolean;
}

/** Classify the fault in GUEST_FAULT; null when the access can simply be retried. */
export function classifyFault(t: Task): GuestFaultInfo | null {
  const addr = GUEST_FAULT.addr >>> 0;
  const page = addr >>> 12;
  const flags = t.mem.pages[page];
  const kind = t.pageKind[page];
  const write = GUEST_FAULT.isWrite;
  if (kind & PK_BUS) {
    if (kind & PK_HOSTMAP && fileBacked(t, page)) {
      // the file grew: the page is an ordinary part of the mapping now
      t.pageKind[page] = PK_HOSTMAP;
      t.mem.setProt(page * 4096, 4096, (kind >> PK_PROT_SHIFT) & 7);
      return null;
    }
    return { sig: SIGBUS, code: BUS_ADRERR, addr, write, present: false };
  }
  // a page the guest may read is present in the hardware page table; PROT_NONE and holes are not
  const present = (flags & PAGE_VALID) !== 0 && (flags & PAGE_READ) !== 0;
  return { sig: SIGSEGV, code: GUEST_FAULT.accErr ? SEGV_ACCERR : SEGV_MAPERR, addr, write, present };
}

/**
 * Is this page of a host file mapping backed by the file now? Asked of the host kernel without
 * touching the page: a system call reading it fails with EFAULT instead of raising SIGBUS.
 */
function fileBacked(t: Task, page: number): boolean {
  // access() copies a path from the page: EFAULT if the page is beyond the end of the file
  const r = hostsys().sys(HOST_NR.access, t.G + page * 4096, 0);
  return r !== -14;
}
