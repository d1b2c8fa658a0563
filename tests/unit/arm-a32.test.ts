// A32 instructions by encoding group against hand-computed results: each program runs on the
// bare test machine (tests/util/arm-machine.ts), interpreted and compiled, and the registers,
// NZCV/Q/GE and memory are checked. Encodings come from arm-linux-gnueabihf-as (the comment next
// to each word is its assembly).
import test from "node:test";
import assert from "node:assert/strict";
import { runArm, DATA, CODE } from "../util/arm-machine";
import { EXCP_SYSCALL } from "../../src/exec/exceptions";
import { ARM_EXCP_UDEF, GE, QF } from "../../src/target/arm/cpu";

const nzcv = (r: { cpu: { getCpsr(): number } }) => r.cpu.getCpsr() >>> 28;
const u = (v: number) => v >>> 0;
const N = 8, Z = 4, C = 2, V = 1;

test("A32 data processing: arithmetic flags", () => {
  const cases: [number, number, number, number, number][] = [
    // word, r1, r2, expected result (in the destination), expected NZCV
    [0xe0910002, 0x7fffffff, 1, 0x80000000, N | V], // adds r0, r1, r2
    [0xe0910002, 0xffffffff, 1, 0, Z | C],
    [0xe0910002, 0x80000000, 0x80000000, 0, Z | C | V],
    [0xe0513002, 5, 3, 2, C], // subs r3, r1, r2
    [0xe0513002, 3, 5, -2, N],
    [0xe0513002, 0x80000000, 1, 0x7fffffff, C | V],
    [0xe0513002, 7, 7, 0, Z | C],
  ];
  for (const [w, a, b, res, fl] of cases) {
    const d = (w >>> 12) & 15;
    const r = runArm([w], { regs: { 1: a, 2: b } });
    assert.equal(u(r.cpu.R[d]), u(res), `${w.toString(16)} ${a} ${b}`);
    assert.equal(nzcv(r), fl, `${w.toString(16)} ${a} ${b} flags`);
  }
});

test("A32 data processing: carry in (ADC, SBC, RSC) and compares", () => {
  let r = runArm([0xe0b14002], { regs: { 1: 0xffffffff, 2: 0 }, cpsr: C << 28 }); // adcs r4, r1, r2
  assert.equal(r.cpu.R[4], 0);
  assert.equal(nzcv(r), Z | C);
  r = runArm([0xe0d15002], { regs: { 1: 5, 2: 5 }, cpsr: 0 }); // sbcs r5, r1, r2 (borrow in)
  assert.equal(r.cpu.R[5], -1);
  assert.equal(nzcv(r), N);
  r = runArm([0xe0e10002], { regs: { 1: 1, 2: 10 }, cpsr: C << 28 }); // rsc r0, r1, r2
  assert.equal(r.cpu.R[0], 9);
  assert.equal(nzcv(r), C, "RSC without S keeps the flags");
  r = runArm([0xe2716000], { regs: { 1: 0 } }); // rsbs r6, r1, #0
  assert.equal(r.cpu.R[6], 0);
  assert.equal(nzcv(r), Z | C);
  r = runArm([0xe1510002], { regs: { 1: 1, 2: 2 } }); // cmp r1, r2
  assert.equal(nzcv(r), N);
  r = runArm([0xe1710002], { regs: { 1: -1, 2: 1 } }); // cmn r1, r2
  assert.equal(nzcv(r), Z | C);
  r = runArm([0xe3110102], { regs: { 1: 0x80000000 }, cpsr: V << 28 }); // tst r1, #0x80000000
  assert.equal(nzcv(r), N | C | V, "rotated immediate sets C from its bit 31; V unchanged");
  r = runArm([0xe1310001], { regs: { 1: 1234 }, cpsr: C << 28 }); // teq r1, r1
  assert.equal(nzcv(r), Z | C);
});

test("A32 shifter operands and their carry-out", () => {
  let r = runArm([0xe1b07081], { regs: { 1: 0x80000001 } }); // lsls r7, r1, #1
  assert.equal(r.cpu.R[7], 2);
  assert.equal(nzcv(r), C);
  r = runArm([0xe1b08041], { regs: { 1: 0x80000000 } }); // asrs r8, r1, #32
  assert.equal(r.cpu.R[8], -1);
  assert.equal(nzcv(r), N | C);
  r = runArm([0xe1b09061], { regs: { 1: 3 }, cpsr: C << 28 }); // rrxs r9, r1
  assert.equal(u(r.cpu.R[9]), 0x80000001);
  assert.equal(nzcv(r), N | C);
  r = runArm([0xe1f0a002], { regs: { 2: 0 } }); // mvns r10, r2
  assert.equal(r.cpu.R[10], -1);
  assert.equal(nzcv(r), N);
  r = runArm([0xe3d1b0ff], { regs: { 1: 0x1ff } }); // bics r11, r1, #255
  assert.equal(r.cpu.R[11], 0x100);
  r = runArm([0xe181c312], { regs: { 1: 1, 2: 1, 3: 4 } }); // orr r12, r1, r2, lsl r3
  assert.equal(r.cpu.R[12], 0x11);
  r = runArm([0xe0010262], { regs: { 1: -1, 2: 0x12345678 } }); // and r0, r1, r2, ror #4
  assert.equal(u(r.cpu.R[0]), 0x81234567);
  r = runArm([0xe2210cff], { regs: { 1: 0xffff } }); // eor r0, r1, #0xff00
  assert.equal(r.cpu.R[0], 0xff);
  // register-controlled shifts: amounts 0, < 32, 32, > 32 (only Rs[7:0] counts)
  const regShift: [number, number, number, number, number][] = [
    [0xe1b00231, 0x80000000, 32, 0, Z | C], // lsrs r0, r1, r2
    [0xe1b00231, 0x80000000, 33, 0, Z],
    [0xe1b00231, 0x80000000, 0x100, 0x80000000, N], // amount 0: C unchanged (clear)
    [0xe1b00251, 0x80000000, 40, -1, N | C], // asrs
    [0xe1b00271, 0x80000001, 32, 0x80000001, N | C], // rors by 32: value kept, C = bit 31
    [0xe1b00271, 0x00000003, 33, 0x80000001, N | C],
  ];
  for (const [w, a, amt, res, fl] of regShift) {
    r = runArm([w], { regs: { 1: a, 2: amt } });
    assert.equal(u(r.cpu.R[0]), u(res), `${w.toString(16)} ${a} ${amt}`);
    assert.equal(nzcv(r), fl, `${w.toString(16)} ${a} ${amt} flags`);
  }
  r = runArm([0xe1a00211], { regs: { 1: 1, 2: 31 } }); // lsl r0, r1, r2
  assert.equal(u(r.cpu.R[0]), 0x80000000);
  r = runArm([0xe3010234, 0xe34a0bcd]); // movw r0, #0x1234; movt r0, #0xabcd
  assert.equal(u(r.cpu.R[0]), 0xabcd1234);
});

test("A32 conditional execution: all fourteen conditions", () => {
  // r0 accumulates the bits of the conditions that held
  const prog = [0xc2800001, 0xd2800002, 0x82800004, 0x92800008, 0xa2800010, 0xb2800020, 0x42800040, 0x62800080];
  const expect = (fl: number) => {
    const n = (fl & N) !== 0, z = (fl & Z) !== 0, c = (fl & C) !== 0, v = (fl & V) !== 0;
    return (!z && n === v ? 1 : 0) | (z || n !== v ? 2 : 0) | (c && !z ? 4 : 0) | (!c || z ? 8 : 0) |
      (n === v ? 16 : 0) | (n !== v ? 32 : 0) | (n ? 64 : 0) | (v ? 128 : 0);
  };
  for (let fl = 0; fl < 16; fl++) {
    const r = runArm(prog, { regs: { 0: 0 }, cpsr: fl << 28 });
    assert.equal(r.cpu.R[0], expect(fl), `flags ${fl.toString(2)}`);
  }
  let r = runArm([0x03a00001, 0x13a00002], { cpsr: Z << 28 }); // moveq r0, #1; movne r0, #2
  assert.equal(r.cpu.R[0], 1);
  r = runArm([0x03a00001, 0x13a00002], { cpsr: 0 });
  assert.equal(r.cpu.R[0], 2);
});

const D = [0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00, 0x80018002, 0xfffe0000];
const word = (r: { mem: { dv: DataView } }, a: number) => r.mem.dv.getUint32(a, true);

test("A32 single loads and stores: offset, pre- and post-indexed, register offsets", () => {
  let r = runArm([0xe5910004], { regs: { 1: DATA }, data: D }); // ldr r0, [r1, #4]
  assert.equal(u(r.cpu.R[0]), 0x55667788);
  assert.equal(r.cpu.R[1], DATA);
  r = runArm([0xe5310004], { regs: { 1: DATA + 8 }, data: D }); // ldr r0, [r1, #-4]!
  assert.equal(u(r.cpu.R[0]), 0x55667788);
  assert.equal(r.cpu.R[1], DATA + 4);
  r = runArm([0xe4910008], { regs: { 1: DATA }, data: D }); // ldr r0, [r1], #8
  assert.equal(u(r.cpu.R[0]), 0x11223344);
  assert.equal(r.cpu.R[1], DATA + 8);
  r = runArm([0xe7910102], { regs: { 1: DATA, 2: 2 }, data: D }); // ldr r0, [r1, r2, lsl #2]
  assert.equal(u(r.cpu.R[0]), 0x99aabbcc);
  r = runArm([0xe7510002], { regs: { 1: DATA + 4, 2: 1 }, data: D }); // ldrb r0, [r1, -r2]
  assert.equal(r.cpu.R[0], 0x11);
  r = runArm([0xe1d100d3], { regs: { 1: DATA + 8 }, data: D }); // ldrsb r0, [r1, #3]
  assert.equal(r.cpu.R[0], -0x67);
  r = runArm([0xe1f100b2], { regs: { 1: DATA + 16 }, data: D }); // ldrh r0, [r1, #2]!
  assert.equal(r.cpu.R[0], 0x8001);
  assert.equal(r.cpu.R[1], DATA + 18);
  r = runArm([0xe09100f2], { regs: { 1: DATA + 16, 2: 6 }, data: D }); // ldrsh r0, [r1], r2
  assert.equal(r.cpu.R[0], -0x7ffe);
  assert.equal(r.cpu.R[1], DATA + 22);
  r = runArm([0xe5810004, 0xe4c10001, 0xe18100b2], { regs: { 0: 0xcafebabe, 1: DATA, 2: 1 } }); // str; strb; strh
  assert.equal(word(r, DATA + 4), 0xcafebabe);
  assert.equal(word(r, DATA), 0xbabe00be, "strb at DATA, then strh at DATA+1+1");
  r = runArm([0xe1c120d8, 0xe16120f8], { regs: { 1: DATA + 8 }, data: D }); // ldrd r2, r3, [r1, #8]; strd r2, r3, [r1, #-8]!
  assert.equal(u(r.cpu.R[2]), 0x80018002);
  assert.equal(u(r.cpu.R[3]), 0xfffe0000);
  assert.equal(r.cpu.R[1], DATA);
  assert.equal(word(r, DATA), 0x80018002);
  assert.equal(word(r, DATA + 4), 0xfffe0000);
  r = runArm([0xe51f0008]); // ldr r0, [pc, #-8]: pc reads as this instruction + 8
  assert.equal(u(r.cpu.R[0]), 0xe51f0008);
  r = runArm([0xe581f000], { regs: { 1: DATA } }); // str pc, [r1]
  assert.equal(word(r, DATA), CODE + 8);
});

test("A32 load/store multiple: IA/IB/DA/DB, writeback, PUSH/POP, loading the pc", () => {
  let r = runArm([0xe8b1001c], { regs: { 1: DATA }, data: D }); // ldm r1!, {r2, r3, r4}
  assert.deepEqual([u(r.cpu.R[2]), u(r.cpu.R[3]), u(r.cpu.R[4]), r.cpu.R[1]], [D[0], D[1], D[2], DATA + 12]);
  r = runArm([0xe921000c], { regs: { 1: DATA + 16, 2: 2, 3: 3 } }); // stmdb r1!, {r2, r3}
  assert.deepEqual([word(r, DATA + 8), word(r, DATA + 12), r.cpu.R[1]], [2, 3, DATA + 8]);
  r = runArm([0xe991000c], { regs: { 1: DATA }, data: D }); // ldmib r1, {r2, r3}
  assert.deepEqual([u(r.cpu.R[2]), u(r.cpu.R[3]), r.cpu.R[1]], [D[1], D[2], DATA]);
  r = runArm([0xe801000c], { regs: { 1: DATA + 8, 2: 7, 3: 8 } }); // stmda r1, {r2, r3}
  assert.deepEqual([word(r, DATA + 4), word(r, DATA + 8)], [7, 8]);
  // push {r4, lr}; pop {r4, pc}: returns to lr, which points at the final SVC
  r = runArm([0xe92d4010, 0xe3a04000, 0xe8bd8010, 0, 0xef000000], { regs: { 4: 44, 13: DATA + 0x100, 14: CODE + 16 } });
  assert.equal(r.cpu.R[4], 44);
  assert.equal(r.cpu.R[13], DATA + 0x100);
  assert.equal(r.cpu.R[15], CODE + 20);
  // ldr pc, [r1] to a Thumb address switches state: a Thumb SVC waits at CODE + 0x100
  const prog = [0xe591f000, ...new Array(63).fill(0xe7f000f5), 0x0000df00];
  r = runArm(prog, { regs: { 1: DATA }, data: [CODE + 0x101] });
  assert.equal(r.excp, EXCP_SYSCALL);
  assert.equal(r.cpu.R[15], CODE + 0x103);
  assert.equal(r.cpu.thumb, true);
});

test("A32 exclusives and SWP", () => {
  // ldrex r0, [r1]; strex r2, r3, [r1]: succeeds
  let r = runArm([0xe1910f9f, 0xe1812f93], { regs: { 1: DATA, 3: 99 }, data: [5] });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[2], word(r, DATA)], [5, 0, 99]);
  // strex without ldrex fails and stores nothing
  r = runArm([0xe1812f93], { regs: { 1: DATA, 3: 99 }, data: [5] });
  assert.deepEqual([r.cpu.R[2], word(r, DATA)], [1, 5]);
  // clrex between them makes strex fail
  r = runArm([0xe1910f9f, 0xf57ff01f, 0xe1812f93], { regs: { 1: DATA, 3: 99 }, data: [5] });
  assert.deepEqual([r.cpu.R[2], word(r, DATA)], [1, 5]);
  // ldrexd r4, r5 / strexd r2, r4, r5
  r = runArm([0xe1b14f9f, 0xe2844001, 0xe1a12f94], { regs: { 1: DATA }, data: [10, 20] });
  assert.deepEqual([r.cpu.R[2], word(r, DATA), word(r, DATA + 4)], [0, 11, 20]);
  // ldrexb / strexh to another size and address still pairs by address
  r = runArm([0xe1d10f9f, 0xe1e12f93], { regs: { 1: DATA, 3: 0x4242 }, data: [0x1234] });
  assert.deepEqual([r.cpu.R[0], r.cpu.R[2]], [0x34, 1], "size mismatch: the monitor compares the halfword with the byte it saw");
  r = runArm([0xe1010092, 0xe1410092], { regs: { 1: DATA, 2: 0x1ff }, data: [0x12345678] }); // swp; swpb
  assert.equal(r.cpu.R[0], 0xff);
  assert.equal(word(r, DATA), 0x1ff);
});

test("A32 multiplies: 32-bit, long, halfword, dual, most-significant word, divide, USAD8", () => {
  const one = (w: number, regs: Record<number, number>, cpsr = 0) => runArm([w], { regs, cpsr });
  let r = one(0xe0000291, { 1: 0x10001, 2: 0x10001 }); // mul r0, r1, r2
  assert.equal(r.cpu.R[0], 0x20001);
  r = one(0xe0303291, { 1: 2, 2: 3, 3: -6 }, C << 28); // mlas r0, r1, r2, r3
  assert.equal(r.cpu.R[0], 0);
  assert.equal(nzcv(r), Z | C, "MULS keeps C and V");
  r = one(0xe0603291, { 1: 2, 2: 3, 3: 10 }); // mls r0, r1, r2, r3
  assert.equal(r.cpu.R[0], 4);
  const lohi = (x: typeof r) => [u(x.cpu.R[0]), u(x.cpu.R[1])];
  assert.deepEqual(lohi(one(0xe0810392, { 2: -1, 3: -1 })), [1, 0xfffffffe]); // umull
  assert.deepEqual(lohi(one(0xe0c10392, { 2: -1, 3: -1 })), [1, 0]); // smull
  assert.deepEqual(lohi(one(0xe0a10392, { 0: -1, 1: 0, 2: 1, 3: 1 })), [0, 1]); // umlal
  assert.deepEqual(lohi(one(0xe0e10392, { 0: 0, 1: 0, 2: -2, 3: 3 })), [0xfffffffa, 0xffffffff]); // smlal
  assert.deepEqual(lohi(one(0xe0410392, { 0: -1, 1: -1, 2: -1, 3: -1 })), [0xffffffff, 0xffffffff]); // umaal
  r = one(0xe16003c2, { 2: 0xfffe, 3: 0x30000 }); // smulbt r0, r2, r3
  assert.equal(r.cpu.R[0], -6);
  r = one(0xe10043a2, { 2: 0x7fff0000, 3: 0x7fff, 4: 0x7fffffff }); // smlatb: overflow sets Q
  assert.equal(u(r.cpu.R[0]), 0xbfff0000);
  assert.equal(r.cpu.R[QF], 1);
  r = one(0xe12003a2, { 2: 0x12345678, 3: 0xffff }); // smulwb r0, r2, r3
  assert.equal(u(r.cpu.R[0]), 0xffffedcb);
  r = one(0xe12043c2, { 2: 0x12345678, 3: 0x20000, 4: 1 }); // smlawt r0, r2, r3, r4
  assert.equal(r.cpu.R[0], 0x2469);
  assert.deepEqual(lohi(one(0xe1410382, { 0: -1, 1: 0, 2: 0x7fff, 3: 0x7fff })), [0x3fff0000, 1]); // smlalbb
  r = one(0xe700f312, { 2: 0x30002, 3: 0x50004 }); // smuad r0, r2, r3
  assert.equal(r.cpu.R[0], 23);
  assert.equal(r.cpu.R[QF], 0);
  r = one(0xe700f312, { 2: 0x80008000, 3: 0x80008000 });
  assert.equal(u(r.cpu.R[0]), 0x80000000);
  assert.equal(r.cpu.R[QF], 1);
  assert.equal(one(0xe7004332, { 2: 0x30002, 3: 0x50004, 4: 100 }).cpu.R[0], 122); // smladx
  assert.equal(one(0xe700f352, { 2: 0x30002, 3: 0x50004 }).cpu.R[0], -7); // smusd
  assert.deepEqual(lohi(one(0xe7410352, { 0: 0, 1: 0, 2: 0x30002, 3: 0x50004 })), [0xfffffff9, 0xffffffff]); // smlsld
  assert.equal(one(0xe750f312, { 2: 0x40000000, 3: 0x40000000 }).cpu.R[0], 0x10000000); // smmul
  assert.equal(one(0xe750f332, { 2: 0x10000, 3: 0x8000 }).cpu.R[0], 1); // smmulr rounds
  assert.equal(one(0xe750f312, { 2: 0x10000, 3: 0x8000 }).cpu.R[0], 0); // smmul truncates
  assert.equal(one(0xe7504312, { 2: 0x40000000, 3: 4, 4: 1 }).cpu.R[0], 2); // smmla
  assert.equal(one(0xe75043d2, { 2: 0x40000000, 3: 4, 4: 5 }).cpu.R[0], 4); // smmls
  assert.equal(one(0xe710f312, { 2: 7, 3: -2 }).cpu.R[0], -3); // sdiv
  assert.equal(one(0xe710f312, { 2: 0x80000000, 3: -1 }).cpu.R[0], -0x80000000);
  assert.equal(one(0xe710f312, { 2: 5, 3: 0 }).cpu.R[0], 0);
  assert.equal(one(0xe730f312, { 2: -1, 3: 2 }).cpu.R[0], 0x7fffffff); // udiv
  assert.equal(one(0xe730f312, { 2: 5, 3: 0 }).cpu.R[0], 0);
  assert.equal(one(0xe780f312, { 2: 0x01020304, 3: 0x04030201 }).cpu.R[0], 8); // usad8
  assert.equal(one(0xe7804312, { 2: 0x01020304, 3: 0x04030201, 4: 10 }).cpu.R[0], 18); // usada8
});

test("A32 parallel add/subtract, saturation and SEL", () => {
  const one = (w: number, regs: Record<number, number>, cpsr = 0) => runArm([w], { regs, cpsr });
  const res = (w: number, r2: number, r3: number, cpsr = 0) => {
    const r = one(w, { 2: r2, 3: r3 }, cpsr);
    return [u(r.cpu.R[0]), r.cpu.R[GE], r.cpu.R[QF]];
  };
  assert.deepEqual(res(0xe6120f13, 0x7fff0001, 0x0001fffe), [0x8000ffff, 0b1100, 0]); // sadd16
  assert.deepEqual(res(0xe6520f93, 0xff800001, 0x01800001), [0x00000002, 0b1100, 0]); // uadd8
  assert.deepEqual(res(0xe6520f73, 0x00010005, 0x00020003), [0xffff0002, 0b0011, 0]); // usub16
  assert.deepEqual(res(0xe6220f93, 0x7f80ff01, 0x01800101).slice(0, 1), [0x7f800002]); // qadd8
  assert.deepEqual(res(0xe6620ff3, 0x05050505, 0x0a010a01).slice(0, 1), [0x00040004]); // uqsub8
  assert.deepEqual(res(0xe6320f73, 0x00000001, 0x00010003).slice(0, 1), [0xffffffff]); // shsub16
  assert.deepEqual(res(0xe6720f93, 0xff0102ff, 0xff0302ff).slice(0, 1), [0xff0202ff]); // uhadd8
  assert.deepEqual(res(0xe6120f33, 0x00050003, 0x00010002), [0x00070002, 0xf, 0]); // sasx
  assert.deepEqual(res(0xe6520f53, 0x00050003, 0x00010002), [0x00030004, 0b1100, 0]); // usax
  assert.deepEqual(res(0xe6820fb3, 0x11223344, 0xaabbccdd, 5 << 16).slice(0, 1), [0xaa22cc44]); // sel (GE = 0101)
  assert.deepEqual(res(0xe1030052, 0x7fffffff, 1), [0x7fffffff, 0, 1]); // qadd r0, r2, r3
  assert.deepEqual(res(0xe1630052, 0, 0x40000000), [0x80000001, 0, 1]); // qdsub r0, r2, r3
  assert.deepEqual(res(0xe6a70012, 200, 0), [127, 0, 1]); // ssat r0, #8, r2
  assert.deepEqual(res(0xe6e80252, 0x0ff0, 0), [255, 0, 0]); // usat r0, #8, r2, asr #4
  assert.deepEqual(res(0xe6a30f32, 0x0009fff0, 0), [0x0007fff8, 0, 1]); // ssat16 r0, #4, r2
  assert.deepEqual(res(0xe6e40f32, 0x0009fff0, 0), [0x00090000, 0, 1]); // usat16 r0, #4, r2
});

test("A32 packing, extends, reversal, CLZ and bit fields", () => {
  const r0 = (w: number, regs: Record<number, number>) => u(runArm([w], { regs }).cpu.R[0]);
  assert.equal(r0(0xe6820813, { 2: 0x11112222, 3: 0x3333 }), 0x33332222); // pkhbt r0, r2, r3, lsl #16
  assert.equal(r0(0xe6820853, { 2: 0x11112222, 3: 0x44440000 }), 0x11114444); // pkhtb r0, r2, r3, asr #16
  assert.equal(r0(0xe6af0072, { 2: 0x180 }), 0xffffff80); // sxtb r0, r2
  assert.equal(r0(0xe6f20473, { 2: 2, 3: 0x00ffee00 }), 0xfff0); // uxtah r0, r2, r3, ror #8
  assert.equal(r0(0xe6820073, { 2: 0x00010001, 3: 0x00800080 }), 0xff81ff81); // sxtab16 r0, r2, r3
  assert.equal(r0(0xe6cf0472, { 2: 0x11223344 }), 0x00110033); // uxtb16 r0, r2, ror #8
  assert.equal(r0(0xe6bf0f32, { 2: 0x11223344 }), 0x44332211); // rev
  assert.equal(r0(0xe6bf0fb2, { 2: 0x11223344 }), 0x22114433); // rev16
  assert.equal(r0(0xe6ff0fb2, { 2: 0x000080ff }), 0xffffff80); // revsh
  assert.equal(r0(0xe6ff0f32, { 2: 1 }), 0x80000000); // rbit
  assert.equal(r0(0xe16f0f12, { 2: 0x10000 }), 15); // clz
  assert.equal(r0(0xe16f0f12, { 2: 0 }), 32);
  assert.equal(r0(0xe7a70252, { 2: 0xf80 }), 0xfffffff8); // sbfx r0, r2, #4, #8
  assert.equal(r0(0xe7e30e52, { 2: 0xa0000000 }), 0xa); // ubfx r0, r2, #28, #4
  assert.equal(r0(0xe7cf0412, { 0: -1, 2: 0x12 }), 0xffff12ff); // bfi r0, r2, #8, #8
  assert.equal(r0(0xe7cf001f, { 0: -1 }), 0xffff0000); // bfc r0, #0, #16
});

test("A32 branches, SVC, undefined and breakpoint exits", () => {
  const UDF = 0xe7f000f5;
  let r = runArm([0xea000002, UDF, UDF, UDF]); // b .+16 → the appended SVC
  assert.equal(r.excp, EXCP_SYSCALL);
  assert.equal(r.cpu.R[15], CODE + 20);
  r = runArm([0xeb000002, UDF, UDF, UDF]); // bl .+16
  assert.equal(r.cpu.R[14], CODE + 4);
  r = runArm([0xe12fff12, UDF, UDF], { regs: { 2: CODE + 12 } }); // bx r2
  assert.equal(r.excp, EXCP_SYSCALL);
  r = runArm([0xe12fff32, UDF, UDF], { regs: { 2: CODE + 12 } }); // blx r2
  assert.equal(r.cpu.R[14], CODE + 4);
  r = runArm([0xef000123]); // svc #0x123
  assert.equal(r.excp, EXCP_SYSCALL);
  assert.equal(r.cpu.R[15], CODE + 4);
  assert.equal(r.cpu.R[25 /* EXCP_INFO */], 0x123);
  r = runArm([0xe3a00001, UDF]); // mov r0, #1; udf #5
  assert.equal(r.excp, ARM_EXCP_UDEF);
  assert.equal(r.cpu.R[15], CODE + 4);
  assert.equal(r.cpu.R[0], 1);
  r = runArm([0xe1200071]); // bkpt #1
  assert.equal(r.excp, 7);
  assert.equal(r.cpu.R[15], CODE);
  r = runArm([0x1f000000, 0xef000001], { cpsr: Z << 28 }); // svcne #0 not taken
  assert.equal(r.cpu.R[25], 1);
});

test("A32 MRS/MSR on the APSR and the cp15 thread ID registers", () => {
  let r = runArm([0xe10f0000], { cpsr: (0xa << 28) | (1 << 27) | (3 << 16) }); // mrs r0, apsr
  assert.equal(u(r.cpu.R[0]), 0xa8030010);
  r = runArm([0xe128f002], { regs: { 2: 0xf8000000 } }); // msr apsr_nzcvq, r2
  assert.equal(nzcv(r), 0xf);
  assert.equal(r.cpu.R[QF], 1);
  r = runArm([0xe124f002], { regs: { 2: 0x000a0000 } }); // msr apsr_g, r2
  assert.equal(r.cpu.R[GE], 0xa);
  r = runArm([0xee0d0f50, 0xee1d0f70, 0xee1d1f50, 0xee070fba], { regs: { 0: 0x5555 } }); // mcr TPIDRURW; mrc TPIDRURO, TPIDRURW; cp15 dmb
  assert.equal(r.cpu.R[0], 0);
  assert.equal(r.cpu.R[1], 0x5555);
  r = runArm([0xee0d0f70]); // mcr TPIDRURO: privileged
  assert.equal(r.excp, ARM_EXCP_UDEF);
});
