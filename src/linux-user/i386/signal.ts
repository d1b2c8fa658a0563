// i386 signal frames (the kernel's sigframe / rt_sigframe with siginfo and ucontext) and
// sigreturn / rt_sigreturn. Handlers return through the sa_restorer glibc installs or, without
// one, through the trampoline page tsemu maps (an NX stack cannot hold the kernel's retcode).
import { PAGE_EXEC, PAGE_READ } from "../../memory/address-space";
import { CPUX86State, EIP, R_EAX, R_ECX, R_EDX, R_ESP, SEG_SEL, R_GS, R_FS, R_ES, R_DS } from "../../target/i386/cpu";
import { loadSeg } from "../../target/i386/helpers/alu";
import type { Task } from "../task";
import type { PendingSignal, SigAction } from "../signal-state";
import { SA_ONSTACK, SA_RESTORER, SA_SIGINFO, SignalArch } from "../signal";

/** Trampoline page: sigreturn at +0, rt_sigreturn at +8. */
export const SIGTRAMP = 0xfffe0000;
export function mapSigtramp(t: Task): void {
  t.mapAnon(SIGTRAMP, 4096, PAGE_READ | PAGE_EXEC);
  // pop %eax; mov $119,%eax; int $0x80      mov $173,%eax; int $0x80
  t.mem.poke(SIGTRAMP, Uint8Array.from([0x58, 0xb8, 0x77, 0, 0, 0, 0xcd, 0x80, 0xb8, 0xad, 0, 0, 0, 0xcd, 0x80]));
}

const SC_SIZE = 88;
const UC_SIZE = 128;
const SIGINFO_SIZE = 128;

function cpuOf(t: Task): CPUX86State {
  return t.cpu as CPUX86State;
}

/** Write struct sigcontext at `a` (through the access layer: faults propagate). */
function putSigcontext(t: Task, a: number, mask: bigint, trapno: number): void {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  const seg = (s: number) => R[SEG_SEL + s] & 0xffff;
  m.st32(a + 0, seg(R_GS));
  m.st32(a + 4, seg(R_FS));
  m.st32(a + 8, seg(R_ES));
  m.st32(a + 12, seg(R_DS));
  const order = [7, 6, 5, 4, 3, 2, 1, 0]; // edi esi ebp esp ebx edx ecx eax
  order.forEach((r, i) => m.st32(a + 16 + i * 4, R[r]));
  m.st32(a + 48, trapno);
  m.st32(a + 52, 0);
  m.st32(a + 56, R[EIP]);
  m.st32(a + 60, R[SEG_SEL + 1] & 0xffff);
  m.st32(a + 64, cpu.getEflags());
  m.st32(a + 68, R[R_ESP]);
  m.st32(a + 72, R[SEG_SEL + 2] & 0xffff);
  m.st32(a + 76, 0); // no FP state saved
  m.st32(a + 80, Number(mask & 0xffffffffn));
  m.st32(a + 84, 0);
}

function putSiginfo(t: Task, a: number, s: PendingSignal): void {
  const m = t.mem;
  for (let i = 0; i < SIGINFO_SIZE; i += 4) m.st32(a + i, 0);
  m.st32(a, s.sig);
  m.st32(a + 4, s.errno);
  m.st32(a + 8, s.code);
  if (s.sig === 4 || s.sig === 8 || s.sig === 11 || s.sig === 7 || (s.sig === 5 && s.code > 0)) m.st32(a + 12, s.addr);
  else {
    m.st32(a + 12, s.pid);
    m.st32(a + 16, s.uid);
  }
}

export const I386_SIGNALS: SignalArch = {
  setupFrame(t: Task, s: PendingSignal, action: SigAction): boolean {
    const cpu = cpuOf(t);
    const R = cpu.R;
    const alt = t.signals.altStack;
    let sp = R[R_ESP] >>> 0;
    const onAlt = alt.flags === 0 && sp - alt.sp < alt.size;
    if (action.flags & SA_ONSTACK && alt.flags === 0 && !onAlt) sp = (alt.sp + alt.size) >>> 0;
    const rt = (action.flags & SA_SIGINFO) !== 0;
    const mask = t.signals.blocked;
    try {
      if (rt) {
        const size = 16 + SIGINFO_SIZE + UC_SIZE + 8;
        let frame = (sp - size) >>> 0;
        frame = (((frame + 4) & ~15) - 4) >>> 0; // as the kernel: (sp + 4) 16-byte aligned at entry
        const info = frame + 16, uc = info + SIGINFO_SIZE;
        const m = t.mem;
        m.st32(frame, action.flags & SA_RESTORER ? action.restorer : SIGTRAMP + 8);
        m.st32(frame + 4, s.sig);
        m.st32(frame + 8, info);
        m.st32(frame + 12, uc);
        putSiginfo(t, info, s);
        m.st32(uc, 0);
        m.st32(uc + 4, 0);
        m.st32(uc + 8, alt.sp);
        m.st32(uc + 12, alt.flags === 0 ? (onAlt ? 1 : 0) : 2);
        m.st32(uc + 16, alt.size);
        putSigcontext(t, uc + 20, mask, s.trapno);
        m.st32(uc + 20 + SC_SIZE, Number(mask & 0xffffffffn));
        m.st32(uc + 24 + SC_SIZE, Number(mask >> 32n));
        R[R_ESP] = frame;
        R[R_EAX] = s.sig;
        R[R_EDX] = info;
        R[R_ECX] = uc;
      } else {
        const size = 8 + SC_SIZE + 4 + 8;
        let frame = (sp - size) >>> 0;
        frame = (((frame + 4) & ~15) - 4) >>> 0;
        const m = t.mem;
        m.st32(frame, action.flags & SA_RESTORER ? action.restorer : SIGTRAMP);
        m.st32(frame + 4, s.sig);
        putSigcontext(t, frame + 8, mask, s.trapno);
        m.st32(frame + 8 + SC_SIZE, Number(mask >> 32n));
        R[R_ESP] = frame;
        R[R_EAX] = s.sig;
      }
    } catch {
      return false;
    }
    R[EIP] = action.handler;
    // the handler starts with DF clear and TF clear
    cpu.setEflags(cpu.getEflags() & ~0x500);
    return true;
  },
};

/** Restore the CPU from a sigcontext at `a`; returns false if it could not be read. */
function restoreSigcontext(t: Task, a: number): boolean {
  const cpu = cpuOf(t);
  const R = cpu.R;
  const m = t.mem;
  try {
    const v = (o: number) => m.ld32(a + o);
    const gs = v(0) & 0xffff, fs = v(4) & 0xffff;
    const order = [7, 6, 5, 4, 3, 2, 1, 0];
    const regs = order.map((_, i) => v(16 + i * 4));
    const eip = v(56), eflags = v(64);
    order.forEach((r, i) => (R[r] = regs[i]));
    R[EIP] = eip;
    cpu.setEflags(eflags, 0x40dd5); // AC OF DF TF SF ZF AF PF CF (as the kernel's FIX_EFLAGS)
    for (const [seg, sel] of [[R_GS, gs], [R_FS, fs]] as const) {
      if ((R[SEG_SEL + seg] & 0xffff) !== sel) loadSeg(cpu, seg, sel);
    }
    return true;
  } catch {
    return false;
  }
}

/** sigreturn (119): frame = esp - 8 after the trampoline's pop. Returns false on a bad frame. */
export function doSigreturn(t: Task): boolean {
  const sp = cpuOf(t).R[R_ESP] >>> 0;
  const frame = sp - 8;
  try {
    const lo = BigInt(t.mem.ld32(frame + 8 + 80) >>> 0);
    const hi = BigInt(t.mem.ld32(frame + 8 + SC_SIZE) >>> 0);
    t.signals.blocked = ((hi << 32n) | lo) & ~((1n << 8n) | (1n << 18n));
  } catch {
    return false;
  }
  return restoreSigcontext(t, frame + 8);
}
/** rt_sigreturn (173): frame = esp - 4 after the handler's ret popped pretcode. */
export function doRtSigreturn(t: Task): boolean {
  const sp = cpuOf(t).R[R_ESP] >>> 0;
  const frame = sp - 4;
  const uc = frame + 16 + SIGINFO_SIZE;
  try {
    const lo = BigInt(t.mem.ld32(uc + 20 + SC_SIZE) >>> 0);
    const hi = BigInt(t.mem.ld32(uc + 24 + SC_SIZE) >>> 0);
    t.signals.blocked = ((hi << 32n) | lo) & ~((1n << 8n) | (1n << 18n));
  } catch {
    return false;
  }
  return restoreSigcontext(t, uc + 20);
}
