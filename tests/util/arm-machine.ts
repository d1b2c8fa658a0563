// A bare ARM machine for unit tests: code words at CODE, a data page at DATA, registers and
// flags set directly, run by the real ExecEngine until the SVC the harness appends (or an
// exception). Each program runs twice — IR interpreter and compiled JavaScript — and the two
// must leave identical state.
import assert from "node:assert/strict";
import { AddressSpace, PAGE_EXEC, PAGE_READ, PAGE_WRITE } from "../../src/memory/address-space";
import { CONDEXEC, CPUARMState, STATE_WORDS } from "../../src/target/arm/cpu";
import { ArmFrontend } from "../../src/target/arm/frontend";
import { ExecEngine } from "../../src/exec/cpu-exec";
import { Log } from "../../src/util/log";

export const CODE = 0x10000, DATA = 0x20000, DATA_LEN = 0x1000;
export const SVC0 = 0xef000000 | 0;

export interface ArmRun {
  cpu: CPUARMState;
  mem: AddressSpace;
  excp: number;
}

export interface ArmSetup {
  regs?: Record<number, number>;
  /** NZCV in bits 31:28 (the CPSR's layout) */
  cpsr?: number;
  data?: number[];
  thumb?: boolean;
  /** ITSTATE to start in (Thumb) */
  it?: number;
}

function runOnce(code: number[], setup: ArmSetup, interpret: boolean, halfwords: boolean): ArmRun {
  const mem = new AddressSpace();
  mem.setProt(CODE, 0x1000, PAGE_READ | PAGE_EXEC);
  mem.setProt(DATA, DATA_LEN, PAGE_READ | PAGE_WRITE);
  const words = halfwords ? code : [...code, SVC0];
  if (halfwords) code.forEach((h, i) => mem.dv.setUint16(CODE + 2 * i, h, true));
  else words.forEach((w, i) => mem.dv.setUint32(CODE + 4 * i, w >>> 0, true));
  (setup.data ?? []).forEach((w, i) => mem.dv.setUint32(DATA + 4 * i, w >>> 0, true));
  const cpu = new CPUARMState(mem);
  for (const [r, v] of Object.entries(setup.regs ?? {})) cpu.R[Number(r)] = v;
  if (setup.cpsr !== undefined) cpu.setCpsr(setup.cpsr, 0xf80f0000 | 0);
  cpu.R[15] = setup.thumb ? CODE | 1 : CODE;
  if (setup.it) cpu.R[CONDEXEC] = setup.it;
  const engine = new ExecEngine(new ArmFrontend(cpu), mem, cpu, new Log());
  engine.interpretFirst = interpret;
  engine.budget = 10000;
  const excp = engine.run();
  return { cpu, mem, excp };
}

/** Run A32 words (an SVC #0 is appended) interpreted and compiled; returns the compiled run. */
export function runArm(code: number[], setup: ArmSetup = {}): ArmRun {
  const a = runOnce(code, setup, true, false);
  const b = runOnce(code, setup, false, false);
  assert.deepEqual(Array.from(a.cpu.R.subarray(0, STATE_WORDS)), Array.from(b.cpu.R.subarray(0, STATE_WORDS)), "interpreter and compiled code disagree");
  assert.deepEqual(a.mem.u8.subarray(DATA, DATA + DATA_LEN), b.mem.u8.subarray(DATA, DATA + DATA_LEN), "memory differs");
  assert.equal(a.excp, b.excp);
  return b;
}
/** Split Thumb instructions written as hex words (0x1888, or 0xeb010082 for a 32-bit one) into halfwords. */
export function thumbCode(insns: number[]): number[] {
  const out: number[] = [];
  for (const i of insns) {
    if (i >>> 0 > 0xffff) out.push(i >>> 16, i & 0xffff);
    else out.push(i);
  }
  return out;
}
/** Run T16/T32 halfwords (the caller ends with an SVC: 0xdf00) in Thumb state. */
export function runThumb(halfwords: number[], setup: ArmSetup = {}): ArmRun {
  const a = runOnce(halfwords, { ...setup, thumb: true }, true, true);
  const b = runOnce(halfwords, { ...setup, thumb: true }, false, true);
  assert.deepEqual(Array.from(a.cpu.R.subarray(0, STATE_WORDS)), Array.from(b.cpu.R.subarray(0, STATE_WORDS)), "interpreter and compiled code disagree");
  assert.deepEqual(a.mem.u8.subarray(DATA, DATA + DATA_LEN), b.mem.u8.subarray(DATA, DATA + DATA_LEN), "memory differs");
  assert.equal(a.excp, b.excp);
  return b;
}
