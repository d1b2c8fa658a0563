// The FPU part of i386 signal frames: struct _fpstate_32 as an x86-64 kernel writes it for a
// 32-bit process (arch/x86/kernel/fpu/signal.c): the legacy fsave-format header that the guest's
// ucontext fpregs points to, followed by the fxsave image (x87, MXCSR, XMM0-7). The handler then
// starts with a freshly initialised FPU, and sigreturn loads the x87 state from the header (so a
// handler can edit it, as with the kernel's convert_to_fxsr) and MXCSR/XMM from the fxsave part.
//
// The CPU keeps the x87 registers as 80-bit values (cpu.ts FPREGS), copied here bit for bit.
import {
  CPUX86State, FPREGS, FPSTT, FPTAGS, FPUC, FPUS, FP_LAST_INSN, MXCSR, R_DS, SEG_SEL, XMM_BYTES,
} from "../../target/i386/cpu";
import type { AddressSpace } from "../../memory/address-space";
import { fpTagOf } from "../../target/i386/helpers/fpu";

/** size of struct _fpstate_32 (fsave header + fxsave area) */
export const FPSTATE_SIZE = 624;
/** offset of the fxsave area inside it (the kernel's buf_fx; 64-byte aligned in the frame) */
export const FXSAVE_OFFSET = 112;
const X86_FXSR_MAGIC = 0x0000;
/** the status-word bits the CPU stores (TOP is kept apart; ES and B are derived) */
const FPUS_STORED = 0x477f;


/** x87 status word as fnstsw shows it. */
export function statusWord(cpu: CPUX86State): number {
  const R = cpu.R;
  const us = R[FPUS] & FPUS_STORED;
  const pending = us & ~R[FPUC] & 0x3f;
  return (us | ((R[FPSTT] & 7) << 11) | (pending ? 0x8080 : 0)) & 0xffff;
}

/**
 * Write the CPU's FPU state as a struct _fpstate_32 at `a` (through the access layer: a fault
 * propagates), then give the handler the initial FPU state.
 */
export function saveFpstate(cpu: CPUX86State, m: AddressSpace, a: number): void {
  const R = cpu.R;
  const top = R[FPSTT] & 7;
  const sw = statusWord(cpu);
  const cw = R[FPUC] & 0xffff;
  let tw = 0, ftw = 0;
  for (let p = 0; p < 8; p++) {
    const empty = R[FPTAGS + p] !== 0;
    tw |= (empty ? 3 : fpTagOf(cpu, p)) << (2 * p);
    if (!empty) ftw |= 1 << p;
  }
  const ds = R[SEG_SEL + R_DS] & 0xffff;
  // legacy header (convert_from_fxsr on x86-64: the selectors are the current cs/ds)
  m.st32(a + 0, (cw | 0xffff0000) >>> 0);
  m.st32(a + 4, (sw | 0xffff0000) >>> 0);
  m.st32(a + 8, (tw | 0xffff0000) >>> 0);
  m.st32(a + 12, R[FP_LAST_INSN]);
  m.st32(a + 16, 0x23);
  m.st32(a + 20, 0);
  m.st32(a + 24, (ds | 0xffff0000) >>> 0);
  const fx = a + FXSAVE_OFFSET;
  for (let i = 0; i < 8; i++) {
    const r = FPREGS + 4 * ((top + i) & 7);
    const lo = R[r], hi = R[r + 1], se = R[r + 2] & 0xffff;
    for (const [o, len] of [[a + 28 + 10 * i, 10], [fx + 32 + 16 * i, 16]]) {
      m.st32(o, lo);
      m.st32(o + 4, hi);
      m.st16(o + 8, se);
      if (len === 16) {
        m.st16(o + 10, 0);
        m.st32(o + 12, 0);
      }
    }
  }
  m.st16(a + 108, sw);
  m.st16(a + 110, X86_FXSR_MAGIC);
  // the fxsave image (64-bit format: fip/fdp as 64-bit values)
  m.st16(fx + 0, cw);
  m.st16(fx + 2, sw);
  m.st8(fx + 4, ftw);
  m.st8(fx + 5, 0);
  m.st16(fx + 6, 0);
  m.st32(fx + 8, R[FP_LAST_INSN]);
  m.st32(fx + 12, 0);
  m.st32(fx + 16, 0);
  m.st32(fx + 20, 0);
  m.st32(fx + 24, R[MXCSR]);
  m.st32(fx + 28, 0xffff);
  for (let i = 0; i < 128; i += 4) m.st32(fx + 160 + i, readXmmWord(cpu, i));
  for (let o = 288; o < 512; o += 4) m.st32(fx + o, 0);
  initFpu(cpu);
}

/** Load the FPU state from a struct _fpstate_32 at `a`; every read happens before any change. */
export function restoreFpstate(cpu: CPUX86State, m: AddressSpace, a: number): void {
  const cw = m.ld16u(a);
  const sw = m.ld16u(a + 4);
  const tw = m.ld16u(a + 8);
  const fip = m.ld32(a + 12);
  const regs: number[] = [];
  for (let i = 0; i < 8; i++) {
    const o = a + 28 + 10 * i;
    regs.push(m.ld32(o), m.ld32(o + 4), m.ld16u(o + 8));
  }
  const fx = a + FXSAVE_OFFSET;
  const mxcsr = m.ld32(fx + 24) & 0xffff;
  const xmm: number[] = [];
  for (let i = 0; i < 128; i += 4) xmm.push(m.ld32(fx + 160 + i));
  const R = cpu.R;
  R[FPUC] = cw;
  R[FPUS] = sw & FPUS_STORED;
  const top = (sw >> 11) & 7;
  R[FPSTT] = top;
  for (let p = 0; p < 8; p++) R[FPTAGS + p] = ((tw >> (2 * p)) & 3) === 3 ? 1 : 0;
  for (let i = 0; i < 8; i++) {
    const r = FPREGS + 4 * ((top + i) & 7);
    R[r] = regs[3 * i];
    R[r + 1] = regs[3 * i + 1];
    R[r + 2] = regs[3 * i + 2];
  }
  R[FP_LAST_INSN] = fip;
  R[MXCSR] = mxcsr;
  for (let i = 0; i < 128; i += 4) writeXmmWord(cpu, i, xmm[i / 4]);
}

/** fpu__clear_user_states: what a handler (or a sigreturn without FPU state) starts with. */
export function initFpu(cpu: CPUX86State): void {
  const R = cpu.R;
  R[FPUC] = 0x37f;
  R[FPUS] = 0;
  R[FPSTT] = 0;
  for (let p = 0; p < 8; p++) {
    R[FPTAGS + p] = 1;
    for (let k = 0; k < 4; k++) R[FPREGS + 4 * p + k] = 0;
  }
  R[FP_LAST_INSN] = 0;
  R[MXCSR] = 0x1f80;
  for (let i = 0; i < 128; i += 4) writeXmmWord(cpu, i, 0);
}

function readXmmWord(cpu: CPUX86State, off: number): number {
  return cpu.R[(XMM_BYTES + off) >> 2];
}
function writeXmmWord(cpu: CPUX86State, off: number, v: number): void {
  cpu.R[(XMM_BYTES + off) >> 2] = v;
}
