// VFP against hand-computed results: arithmetic in both precisions, the FPSCR rounding modes,
// flush-to-zero and default-NaN modes, NaN propagation, the cumulative exception flags, compares
// into APSR, conversions, moves and loads/stores. Encodings from arm-linux-gnueabihf-as.
import test from "node:test";
import assert from "node:assert/strict";
import { runArm, DATA } from "../util/arm-machine";
import { FPSCR, VFP_W } from "../../src/target/arm/cpu";

const buf = new DataView(new ArrayBuffer(8));
const hiOf = (x: number) => (buf.setFloat64(0, x, true), buf.getInt32(4, true));
const loOf = (x: number) => (buf.setFloat64(0, x, true), buf.getInt32(0, true));
const f32bits = (x: number) => (buf.setFloat32(0, x, true), buf.getInt32(0, true));
const hex64 = (hi: number, lo: number) => (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 0x10, IDC = 0x80;

const VMOV_D1_R0R1 = 0xec410b11, VMOV_D2_R2R3 = 0xec432b12, VMOV_R4R5_D0 = 0xec554b10;
const VADD_D = 0xee310b02, VDIV_D = 0xee810b02, VMSR_R12 = 0xeee1ca10; // vmsr fpscr, ip
/** d0 = d1 op d2 under `fpscr`; returns [hex of d0, FPSCR] */
function dop(op: number, a: number | [number, number], b: number | [number, number], fpscr = 0): [string, number] {
  const [ah, al] = typeof a === "number" ? [hiOf(a), loOf(a)] : a;
  const [bh, bl] = typeof b === "number" ? [hiOf(b), loOf(b)] : b;
  const r = runArm([VMSR_R12, VMOV_D1_R0R1, VMOV_D2_R2R3, op, VMOV_R4R5_D0], { regs: { 0: al, 1: ah, 2: bl, 3: bh, 12: fpscr } });
  return [hex64(r.cpu.R[5], r.cpu.R[4]), r.cpu.R[FPSCR]];
}

test("VFP double arithmetic: exact results raise nothing, inexact ones IXC, in the four rounding modes", () => {
  assert.deepEqual(dop(VADD_D, 1.5, 0.25), ["3ffc000000000000", 0]);
  assert.deepEqual(dop(VDIV_D, 1.5, 0.25), ["4018000000000000", 0]);
  assert.deepEqual(dop(VDIV_D, 1, 3), ["3fd5555555555555", IXC]);
  assert.deepEqual(dop(VDIV_D, 1, 3, 1 << 22), ["3fd5555555555556", (1 << 22) | IXC], "RP");
  assert.deepEqual(dop(VDIV_D, 1, 3, 2 << 22), ["3fd5555555555555", (2 << 22) | IXC], "RM");
  assert.deepEqual(dop(VDIV_D, -1, 3, 2 << 22), ["bfd5555555555556", (2 << 22) | IXC], "RM negative");
  assert.deepEqual(dop(VDIV_D, -1, 3, 3 << 22), ["bfd5555555555555", (3 << 22) | IXC], "RZ negative");
  assert.deepEqual(dop(VADD_D, 1, 2 ** -60, 1 << 22), ["3ff0000000000001", (1 << 22) | IXC], "RP add");
  assert.deepEqual(dop(VADD_D, 1, -1, 2 << 22), ["8000000000000000", 2 << 22], "exact cancellation is -0 under RM");
  assert.deepEqual(dop(VADD_D, 1, -1), ["0000000000000000", 0]);
});

test("VFP double: division by zero, overflow, underflow, invalid operations, NaNs, FZ and DN", () => {
  assert.deepEqual(dop(VDIV_D, 1, 0), ["7ff0000000000000", DZC]);
  assert.deepEqual(dop(VDIV_D, 0, 0), ["7ff8000000000000", IOC]);
  assert.deepEqual(dop(VADD_D, Number.MAX_VALUE, Number.MAX_VALUE), ["7ff0000000000000", OFC | IXC]);
  assert.deepEqual(dop(VADD_D, Number.MAX_VALUE, Number.MAX_VALUE, 3 << 22), ["7fefffffffffffff", (3 << 22) | OFC | IXC], "RZ overflow saturates");
  assert.deepEqual(dop(VDIV_D, 2 ** -1022, 2), ["0008000000000000", 0], "exact subnormal: no underflow");
  assert.deepEqual(dop(VDIV_D, 2 ** -1022, 3), ["0005555555555555", UFC | IXC]);
  assert.deepEqual(dop(VDIV_D, 2 ** -1022, 3, 1 << 24), ["0000000000000000", (1 << 24) | UFC], "FZ flushes the tiny result");
  assert.deepEqual(dop(VADD_D, 2 ** -1070, 0, 1 << 24), ["0000000000000000", (1 << 24) | IDC], "FZ flushes a denormal input");
  // NaN propagation: a signalling NaN wins and is quietened (IOC); a quiet NaN passes; DN gives the default NaN
  assert.deepEqual(dop(VADD_D, [0x7ff80000, 5], [0x7ff00000, 1]), ["7ff8000000000001", IOC]);
  assert.deepEqual(dop(VADD_D, 1, [0xfff80000, 7]), ["fff8000000000007", 0]);
  assert.deepEqual(dop(VADD_D, 1, [0xfff80000, 7], 1 << 25), ["7ff8000000000000", 1 << 25]);
  assert.deepEqual(dop(VADD_D, Infinity, -Infinity), ["7ff8000000000000", IOC]);
});

test("VFP single precision, multiply-accumulate, square root", () => {
  // vmov s0, r0; vmov s1, r1; vmul.f32 s2, s0, s1; vmov r8, s2
  const prog = [0xee000a10, 0xee001a90, 0xee201a20, 0xee118a10];
  let r = runArm(prog, { regs: { 0: f32bits(1.5), 1: f32bits(3) } });
  assert.equal(r.cpu.R[8], f32bits(4.5));
  assert.equal(r.cpu.R[FPSCR], 0);
  r = runArm(prog, { regs: { 0: f32bits(1 / 3), 1: f32bits(3) } });
  assert.equal(r.cpu.R[8], f32bits(Math.fround(Math.fround(1 / 3) * 3)));
  assert.equal(r.cpu.R[FPSCR], IXC);
  // vmla.f64 d0, d1, d2 with d0 = 1: 1 + 2 * 3
  r = runArm([VMOV_D1_R0R1, VMOV_D2_R2R3, 0xec454b10, 0xee010b02, VMOV_R4R5_D0], {
    regs: { 0: loOf(2), 1: hiOf(2), 2: loOf(3), 3: hiOf(3), 4: loOf(1), 5: hiOf(1) },
  });
  assert.equal(hex64(r.cpu.R[5], r.cpu.R[4]), "401c000000000000");
  // vsqrt.f64 d3, d1; vmov r10, r11, d3
  r = runArm([VMOV_D1_R0R1, 0xeeb13bc1, 0xec5bab13], { regs: { 0: loOf(2), 1: hiOf(2) } });
  assert.equal(hex64(r.cpu.R[11], r.cpu.R[10]), hex64(hiOf(Math.SQRT2), loOf(Math.SQRT2)));
  assert.equal(r.cpu.R[FPSCR], IXC);
});

test("VFP compares into APSR, conversions to and from integers and between precisions", () => {
  // vcmp.f64 d1, d2; vmrs APSR_nzcv, fpscr; vmrs r9, fpscr
  const cmp = (a: number, b: number) => {
    const r = runArm([VMOV_D1_R0R1, VMOV_D2_R2R3, 0xeeb41b42, 0xeef1fa10, 0xeef19a10], { regs: { 0: loOf(a), 1: hiOf(a), 2: loOf(b), 3: hiOf(b) } });
    return [r.cpu.getCpsr() >>> 28, r.cpu.R[9] >>> 28];
  };
  assert.deepEqual(cmp(2, 1), [0b0010, 0b0010]);
  assert.deepEqual(cmp(1, 1), [0b0110, 0b0110]);
  assert.deepEqual(cmp(1, 2), [0b1000, 0b1000]);
  assert.deepEqual(cmp(NaN, 2), [0b0011, 0b0011]);
  // vcvt.s32.f64 s0, d1 (toward zero) / vcvtr.s32.f64 s0, d1 (FPSCR mode); vmov r0, s0
  const toInt = (x: number, w: number) => {
    const r = runArm([VMOV_D1_R0R1, w, 0xee100a10], { regs: { 0: loOf(x), 1: hiOf(x) } });
    return [r.cpu.R[0], r.cpu.R[FPSCR]];
  };
  assert.deepEqual(toInt(-2.7, 0xeebd0bc1), [-2, IXC]);
  assert.deepEqual(toInt(-2.7, 0xeebd0b41), [-3, IXC]);
  assert.deepEqual(toInt(2.5, 0xeebd0b41), [2, IXC], "ties to even");
  assert.deepEqual(toInt(3e9, 0xeebd0bc1), [0x7fffffff, IOC]);
  assert.deepEqual(toInt(NaN, 0xeebd0bc1), [0, IOC]);
  // vcvt.f64.s32 d4, s0
  let r = runArm([0xee000a10, 0xeeb84bc0], { regs: { 0: -7 } });
  assert.equal(r.cpu.F64[VFP_W / 2 + 4], -7);
  // vcvt.f32.f64 s0, d1 then vcvt.f64.f32 d0, s0 (which overwrites s0)
  r = runArm([VMOV_D1_R0R1, 0xeeb70bc1], { regs: { 0: loOf(0.1), 1: hiOf(0.1) } });
  assert.equal(r.cpu.R[VFP_W], f32bits(0.1));
  r = runArm([VMOV_D1_R0R1, 0xeeb70bc1, 0xeeb70ac0], { regs: { 0: loOf(0.1), 1: hiOf(0.1) } });
  assert.equal(r.cpu.F64[VFP_W / 2], Math.fround(0.1));
  assert.equal(r.cpu.R[FPSCR], IXC);
});

test("VFP moves, immediates, sign operations, loads and stores", () => {
  let r = runArm([0xeeb00b04]); // vmov.f64 d0, #2.5
  assert.equal(r.cpu.F64[VFP_W / 2], 2.5);
  r = runArm([0xeebc0b00]); // vmov.f64 d0, #-0.125
  assert.equal(r.cpu.F64[VFP_W / 2], -0.125);
  // vneg.f64 d0, d1 (d1 = 3); vabs.f32 s0, s1: s1 is d0's high word, 0xc0080000
  r = runArm([VMOV_D1_R0R1, 0xeeb10b41, 0xeeb00ae0], { regs: { 0: loOf(3), 1: hiOf(3) } });
  assert.equal(r.cpu.R[VFP_W + 1] >>> 0, 0xc0080000);
  assert.equal(r.cpu.R[VFP_W], 0x40080000);
  // vldr d5, [r0, #8]; vstr d5, [r0]; vpush {d8-d9}; vpop {d8-d9}
  r = runArm([0xed905b02, 0xed805b00], { regs: { 0: DATA }, data: [0, 0, 0x11111111, 0x22222222] });
  assert.equal(r.mem.dv.getUint32(DATA, true), 0x11111111);
  assert.equal(r.mem.dv.getUint32(DATA + 4, true), 0x22222222);
  r = runArm([0xec410b11, 0xed2d1b02, 0xecbd2b02], { regs: { 0: 1, 1: 2, 13: DATA + 0x100 } }); // vmov d1, r0, r1; vpush {d1}; vpop {d2}
  assert.deepEqual([r.cpu.R[VFP_W + 4], r.cpu.R[VFP_W + 5], r.cpu.R[13]], [1, 2, DATA + 0x100]);
});
