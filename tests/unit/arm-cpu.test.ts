// Unit tests of CPUARMState: the CPSR split into cached pieces (NZCV words, Q, GE, IT, the Thumb
// bit in R[15]) must reassemble to the architectural value, and `-d cpu` must read like qemu-arm's.
import test from "node:test";
import assert from "node:assert/strict";
import { AddressSpace } from "../../src/memory/address-space";
import {
  CF, CONDEXEC, CPUARMState, CPSR_T, GE, NF, PC, QF, VF, ZF, FPSCR, VFP_F64,
} from "../../src/target/arm/cpu";
import { ArmFrontend } from "../../src/target/arm/frontend";

const mem = new AddressSpace();

test("CPSR: reset value is user mode with flags clear", () => {
  const c = new CPUARMState(mem);
  assert.equal(c.getCpsr(), 0x10);
  assert.equal(c.thumb, false);
});

test("CPSR: setCpsr scatters and getCpsr reassembles every cached field", () => {
  const c = new CPUARMState(mem);
  c.R[PC] = 0x8000;
  // N Z C V Q, IT[1:0]=01, GE=1010, IT[7:2]=101101, T, usr mode
  const v = (0xf8000000 | (1 << 25) | (0xa << 16) | (0x2d << 10) | CPSR_T | 0x10) >>> 0;
  c.setCpsr(v);
  assert.equal(c.getCpsr(), v);
  assert.equal(c.R[NF] < 0, true);
  assert.equal(c.R[ZF], 0);
  assert.equal(c.R[CF], 1);
  assert.equal(c.R[VF] < 0, true);
  assert.equal(c.R[QF], 1);
  assert.equal(c.R[GE], 0xa);
  assert.equal(c.R[CONDEXEC], (0x2d << 2) | 1);
  assert.equal(c.R[PC], 0x8001);
  assert.equal(c.pc, 0x8000);
  assert.equal(c.thumb, true);
  // a masked write touches only the selected bits
  c.setCpsr(0, 0xf0000000);
  assert.equal(c.getCpsr(), (v & 0x0fffffff) >>> 0);
  c.setCpsr(0, CPSR_T);
  assert.equal(c.R[PC], 0x8000);
});

test("CPSR: the QEMU flag encoding (Z is ZF == 0, N and V are sign bits)", () => {
  const c = new CPUARMState(mem);
  c.R[NF] = 0x7fffffff;
  c.R[ZF] = 5;
  c.R[CF] = 0;
  c.R[VF] = -1;
  assert.equal(c.getCpsr() >>> 28, 0b0001);
  c.R[ZF] = 0;
  c.R[NF] = -5;
  assert.equal(c.getCpsr() >>> 28, 0b1101);
});

test("interworking pc: bit 0 selects Thumb, the pc setter keeps the state", () => {
  const c = new CPUARMState(mem);
  c.setPcInterworking(0x10001);
  assert.equal(c.thumb, true);
  assert.equal(c.pc, 0x10000);
  c.pc = 0x20000;
  assert.equal(c.R[PC], 0x20001);
  c.setPcInterworking(0x30000);
  assert.equal(c.thumb, false);
  assert.equal(c.reg(15), 0x30000);
});

test("-d cpu: qemu-arm's layout", () => {
  const c = new CPUARMState(mem);
  const fe = new ArmFrontend(c);
  c.R[0] = 5;
  c.R[13] = 0x408008c0;
  c.R[PC] = 0x1009c;
  c.setCpsr(0x60000010);
  assert.equal(
    fe.dumpState(),
    "R00=00000005 R01=00000000 R02=00000000 R03=00000000\n" +
      "R04=00000000 R05=00000000 R06=00000000 R07=00000000\n" +
      "R08=00000000 R09=00000000 R10=00000000 R11=00000000\n" +
      "R12=00000000 R13=408008c0 R14=00000000 R15=0001009c\n" +
      "PSR=60000010 -ZC- A usr32\n",
  );
  c.R[PC] = 0x1009d;
  assert.match(fe.dumpState(), /R15=0001009c\nPSR=60000030 -ZC- T usr32\n$/);
  fe.dumpFpu = true;
  c.F64[VFP_F64 + 1] = 1.0;
  c.R[FPSCR] = 0x03000000;
  const d = fe.dumpState();
  assert.match(d, /\ns02=00000000 s03=3ff00000 d01=3ff0000000000000\n/);
  assert.match(d, /\nFPSCR: 03000000\n$/);
});
