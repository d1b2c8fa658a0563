// Thumb (T16 and T32) instructions against hand-computed results on the bare test machine:
// flag setting outside and inside IT blocks, IT conditions, the Thumb-only forms (CBZ, TBB,
// PUSH/POP with LR/PC, BL/BLX interworking), T32 data processing and loads/stores, and entering
// a block in the middle of an IT block. Encodings from arm-linux-gnueabihf-as.
import test from "node:test";
import assert from "node:assert/strict";
import { runThumb, thumbCode, CODE, DATA } from "../util/arm-machine";
import { EXCP_SYSCALL } from "../../src/exec/exceptions";
import { CONDEXEC, CPUARMState } from "../../src/target/arm/cpu";
import { AddressSpace, PAGE_EXEC, PAGE_READ } from "../../src/memory/address-space";
import { ArmFrontend } from "../../src/target/arm/frontend";
import { ExecEngine } from "../../src/exec/cpu-exec";
import { Log } from "../../src/util/log";

const SVC = 0xdf00;
const nzcv = (r: { cpu: { getCpsr(): number } }) => r.cpu.getCpsr() >>> 28;
const u = (v: number) => v >>> 0;
const N = 8, Z = 4, C = 2;

test("T16 arithmetic sets flags outside IT blocks", () => {
  // adds r0, r1, r2; subs r3, r0, #1; movs r4, #200; lsls r5, r4, #24; asrs r6, r5, #4; cmp r4, #200
  const r = runThumb([0x1888, 0x1e43, 0x24c8, 0x0625, 0x112e, 0x2cc8, SVC], { regs: { 1: 1, 2: 2 } });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[3], r.cpu.R[4], u(r.cpu.R[5]), u(r.cpu.R[6])], [3, 2, 200, 0xc8000000, 0xfc800000]);
  assert.equal(nzcv(r), Z | C);
  assert.equal(r.excp, EXCP_SYSCALL);
  assert.equal(r.cpu.R[15], CODE + 14 + 1);
  // muls r0, r1, r0; negs r7, r1
  const m = runThumb([0x4348, 0x424f, SVC], { regs: { 0: 3, 1: 5 } });
  assert.deepEqual([m.cpu.R[0], m.cpu.R[7]], [15, -5]);
  assert.equal(nzcv(m), N, "negs: 0 - 5 borrows (C clear)");
});

test("T16 IT blocks: conditions, else-slots, no flag setting inside", () => {
  // cmp r4, #200; it eq; moveq r0, #7; ite ne; movne r1, #1; moveq r1, #2; itt gt; addgt r2, r2, r2; addgt r2, #1
  const prog = [0x2cc8, 0xbf08, 0x2007, 0xbf14, 0x2101, 0x2102, 0xbfc4, 0x1892, 0x3201, SVC];
  let r = runThumb(prog, { regs: { 0: 0, 1: 0, 2: 5, 4: 200 } });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[1], r.cpu.R[2]], [7, 2, 5]);
  assert.equal(nzcv(r), Z | C, "MOV inside IT does not set flags");
  assert.equal(r.cpu.R[CONDEXEC], 0);
  r = runThumb(prog, { regs: { 0: 0, 1: 0, 2: 5, 4: 201 } });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[1], r.cpu.R[2]], [0, 1, 11]);
  assert.equal(nzcv(r), C, "ADD inside IT does not set flags");
});

test("Thumb calls and returns: BL, PUSH/POP with LR/PC, BLX to ARM and BX back, CBZ/CBNZ", () => {
  // bl +8; svc; nop; push {r4, r5, lr}; movs r4, #200; pop {r4, r5, pc}
  let r = runThumb([0xf000, 0xf802, SVC, 0xbf00, 0xb530, 0x24c8, 0xbd30], { regs: { 4: 4, 13: DATA + 0x100 } });
  assert.equal(r.excp, EXCP_SYSCALL);
  assert.equal(r.cpu.R[15], CODE + 6 + 1);
  assert.equal(r.cpu.R[4], 4);
  assert.equal(r.cpu.R[14], CODE + 4 + 1);
  assert.equal(r.cpu.R[13], DATA + 0x100);
  // blx to ARM code at CODE+8 (mov r0, #42; bx lr), back to the Thumb svc
  r = runThumb([0xf000, 0xe802, SVC, 0xbf00, 0x002a, 0xe3a0, 0xff1e, 0xe12f], { regs: { 0: 0 } });
  assert.equal(r.cpu.R[0], 42);
  assert.equal(r.cpu.R[15], CODE + 6 + 1);
  // cbz r0, +6 (to movs r1, #2); movs r1, #1; svc; movs r1, #2; svc
  const cb = [0xb108, 0x2101, SVC, 0x2102, SVC];
  assert.equal(runThumb(cb, { regs: { 0: 0 } }).cpu.R[1], 2);
  assert.equal(runThumb(cb, { regs: { 0: 1 } }).cpu.R[1], 1);
  // cbnz r0, +6
  const cbn = [0xb908, 0x2101, SVC, 0x2102, SVC];
  assert.equal(runThumb(cbn, { regs: { 0: 1 } }).cpu.R[1], 2);
});

test("T32 data processing, bit fields, divide, long multiply", () => {
  const prog = thumbCode([
    0xeb010082, // add.w r0, r1, r2, lsl #2
    0xf2412334, // movw r3, #0x1234
    0xf2c56378, // movt r3, #0x5678
    0xf3c31407, // ubfx r4, r3, #4, #8
    0xfbb3f7f1, // udiv r7, r3, r1
    0xf5113880, // adds.w r8, r1, #0x10000
    0xf06f0900, // mvn r9, #0
    0xf06100ff, // orn r0, r1, #255 (replaces the add.w result)
    SVC,
  ]);
  const r = runThumb(prog, { regs: { 1: 3, 2: 5 } });
  assert.equal(u(r.cpu.R[3]), 0x56781234);
  assert.equal(r.cpu.R[4], 0x23);
  assert.equal(r.cpu.R[7], Math.floor(0x56781234 / 3));
  assert.equal(r.cpu.R[8], 0x10003);
  assert.equal(r.cpu.R[9], -1);
  assert.equal(u(r.cpu.R[0]), 0xffffff03, "orn r0, r1, #255");
  const r2 = runThumb(thumbCode([0xeb010082, SVC]), { regs: { 1: 3, 2: 5 } });
  assert.equal(r2.cpu.R[0], 23);
  // smull r0, r1, r2, r3
  const m = runThumb(thumbCode([0xfb820103, SVC]), { regs: { 2: -2, 3: 3 } });
  assert.deepEqual([u(m.cpu.R[0]), u(m.cpu.R[1])], [0xfffffffa, 0xffffffff]);
  const c = runThumb(thumbCode([0xfab1f081, 0xf3612000 | 0x0b, SVC]), { regs: { 0: 0, 1: 0x00ff } }); // clz r0, r1; bfi r0, r1, #8, #4
  assert.equal(c.cpu.R[0], 24 | 0xf00);
});

test("T32 loads and stores, exclusives, TBB, LDM/STMDB", () => {
  const data = [0x11111111, 0x22222222, 0, 0, 0x00038001];
  // ldr.w r5, [r6, #4]; strd r0, r3, [r6, #8]; ldr.w r10, [r6], #4; ldrsh.w r11, [r6, r1, lsl #1]
  let r = runThumb(thumbCode([0xf8d65004, 0xe9c60302, 0xf856ab04, 0xf936b011, SVC]), { regs: { 0: 7, 1: 6, 3: 9, 6: DATA }, data });
  assert.equal(r.cpu.R[5], 0x22222222);
  assert.equal(r.mem.dv.getUint32(DATA + 8, true), 7);
  assert.equal(r.mem.dv.getUint32(DATA + 12, true), 9);
  assert.equal(r.cpu.R[10], 0x11111111);
  assert.equal(r.cpu.R[6], DATA + 4);
  assert.equal(r.cpu.R[11], -0x7fff, "halfword at DATA + 4 + 12");
  // ldrex r0, [r1, #4]; adds r0, #1; strex r2, r0, [r1, #4]
  r = runThumb(thumbCode([0xe8510f01, 0x3001, 0xe8410201, SVC]), { regs: { 1: DATA }, data });
  assert.equal(r.cpu.R[2], 0);
  assert.equal(r.mem.dv.getUint32(DATA + 4, true), 0x22222223);
  // tbb [ip, r2]: table of byte offsets (halfwords) after the instruction
  // tbb at 0, table at DATA: entries {2, 4}: target = 4 + 2 * entry
  const tb = thumbCode([0xe8dcf002, 0xbf00, 0xbf00, 0x2101, SVC, 0x2102, SVC]);
  assert.equal(runThumb(tb, { regs: { 12: DATA, 2: 0 }, data: [0x0402] }).cpu.R[1], 0x1, "entry 2: to movs r1, #1 at +8");
  assert.equal(runThumb(tb, { regs: { 12: DATA, 2: 1 }, data: [0x0402] }).cpu.R[1], 0x2, "entry 4: to movs r1, #2 at +12");
  // ldmia.w r6!, {r0, r1}; stmdb r6!, {r0, r1}
  r = runThumb(thumbCode([0xe8b60003, 0xe9260003, SVC]), { regs: { 6: DATA }, data });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[1], r.cpu.R[6]], [0x11111111, 0x22222222, DATA]);
});

test("IT state: a block entered inside an IT block follows the saved ITSTATE", () => {
  // movne r1, #1; moveq r1, #2; svc   entered with ITSTATE of "ite ne" after the IT (0x14)
  const prog = [0x2101, 0x2102, SVC];
  assert.equal(runThumb(prog, { regs: { 1: 0 }, it: 0x14, cpsr: 0 }).cpu.R[1], 1);
  assert.equal(runThumb(prog, { regs: { 1: 0 }, it: 0x14, cpsr: Z << 28 }).cpu.R[1], 2);
  // the same block first translated outside the IT block, then entered with ITSTATE 0x14
  const mem = new AddressSpace();
  mem.setProt(CODE, 0x1000, PAGE_READ | PAGE_EXEC);
  prog.forEach((h, i) => mem.dv.setUint16(CODE + 2 * i, h, true));
  const cpu = new CPUARMState(mem);
  const engine = new ExecEngine(new ArmFrontend(cpu), mem, cpu, new Log());
  cpu.R[15] = CODE | 1;
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(cpu.R[1], 2, "outside IT both MOVs run");
  cpu.R[15] = CODE | 1;
  cpu.R[1] = 0;
  cpu.R[CONDEXEC] = 0x14;
  cpu.setNzcv(0);
  assert.equal(engine.run(), EXCP_SYSCALL);
  assert.equal(cpu.R[1], 1, "inside the IT block only the NE slot runs");
  assert.equal(cpu.R[CONDEXEC], 0);
});
