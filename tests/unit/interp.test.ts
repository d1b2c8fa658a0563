// The IR interpreter and the JavaScript backend are two implementations of the same IR: random
// i386 blocks translated once for each must leave identical CPU state and memory, including
// when they fault part-way. (The interpreter runs the unoptimized IR, the backend the optimized
// one, so this also checks that the optimizer preserves what the guest can observe.)
import test from "node:test";
import assert from "node:assert/strict";
import { AddressSpace, PAGE_EXEC, PAGE_READ, PAGE_WRITE } from "../../src/memory/address-space";
import { CPUX86State, R_ESP, STATE_WORDS } from "../../src/target/i386/cpu";
import { translateBlock } from "../../src/target/i386/translate";
import { I386_TARGET } from "../../src/target/i386/frontend";
import { optimize } from "../../src/ir/opt";
import { generateSource, instantiate, makeRuntime } from "../../src/backend/js/emit";
import { interpret, prepare } from "../../src/ir/interp";

const CODE = 0x08048000, DATA = 0x10000, DATA_LEN = 0x4000;
const seed = Number(process.env.TSEMU_FUZZ_SEED ?? Date.now() % 100000);

function machine() {
  const mem = new AddressSpace();
  mem.setProt(CODE, 0x1000, PAGE_READ | PAGE_EXEC);
  mem.setProt(DATA, DATA_LEN, PAGE_READ | PAGE_WRITE);
  const cpu = new CPUX86State(mem);
  return { mem, cpu };
}

test(`interpreter and compiled code agree on random blocks (seed ${seed})`, () => {
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return (s >>> 8) & 0xff;
  };
  const a = machine(), b = machine();
  const fetch = (addr: number) => (addr - CODE >= 0 && addr - CODE < 64 ? a.mem.u8[addr] : -1);
  for (let iter = 0; iter < 1500; iter++) {
    const code = Uint8Array.from({ length: 64 }, rnd);
    const data = Uint8Array.from({ length: 256 }, rnd);
    const regs = Array.from({ length: 8 }, (_, i) => (i === R_ESP ? DATA + 0x2000 : DATA + rnd() * 16 + (rnd() & 3)));
    const eflags = rnd() & 0xd5;
    for (const m of [a, b]) {
      m.mem.poke(CODE, code);
      m.mem.poke(DATA, data);
      m.cpu.R.fill(0, 0, STATE_WORDS);
      regs.forEach((v, i) => (m.cpu.R[i] = v));
      m.cpu.R[8] = CODE;
      m.cpu.setEflags(eflags | 2);
    }
    const fi = translateBlock(CODE, fetch, { maxInsns: 16 }).ctx.f;
    const fc = translateBlock(CODE, fetch, { maxInsns: 16 }).ctx.f;
    optimize(fc);
    const rtA = makeRuntime(a.cpu.R, I386_TARGET);
    const ra = interpret(prepare(fi), { R: a.cpu.R, mem: a.mem, cpu: a.cpu, pcIndex: 8, onFault: rtA.onFault });
    const fn = instantiate(generateSource(fc, I386_TARGET), b.cpu, b.mem, makeRuntime(b.cpu.R, I386_TARGET));
    const rb = fn();
    const where = `seed ${seed} iter ${iter} code ${Buffer.from(code).toString("hex")}`;
    assert.equal(ra, rb, `exit code, ${where}`);
    // registers, eip, exception info; the lazy-flag words may differ where dead (compare EFLAGS)
    const visible = (R: Int32Array) => [...R.subarray(0, 9), ...R.subarray(14, 17)];
    assert.deepEqual(visible(a.cpu.R), visible(b.cpu.R), `registers, ${where}`);
    assert.equal(a.cpu.getEflags(), b.cpu.getEflags(), `eflags, ${where}`);
    assert.deepEqual(a.mem.u8.subarray(DATA, DATA + DATA_LEN), b.mem.u8.subarray(DATA, DATA + DATA_LEN), `memory, ${where}`);
  }
});
