// Unit tests of the IR stage and the JavaScript backend: every op in the table has an emitter,
// the optimizer folds and removes what it should, and compiled blocks compute what the reference
// semantics (ir/eval.ts) say for random operands.
import test from "node:test";
import assert from "node:assert/strict";
import { IRFunc, Ty, GlobalDef } from "../../src/ir/ir";
import { OPS, OP_NAMES, OP_PURE, Cond, EXIT_LOOKUP, OpName } from "../../src/ir/opcodes";
import { foldPass } from "../../src/ir/opt/fold";
import { dcePass } from "../../src/ir/opt/dce";
import { verify } from "../../src/ir/verify";
import { evalPure, evalPair } from "../../src/ir/eval";
import { emitterCoverage, generateSource, instantiate, makeRuntime, SPECIAL_EMITTERS } from "../../src/backend/js/emit";
import { AddressSpace, PAGE_READ, PAGE_WRITE } from "../../src/memory/address-space";
import { printIR } from "../../src/ir/printer";

const GLOBALS: GlobalDef[] = [
  { name: "r0", env: 0 },
  { name: "r1", env: 1 },
  { name: "r2", env: 2 },
  { name: "pc", env: 3 },
];
const TARGET = { pcIndex: 3, excIndex: 4 };
const mem = new AddressSpace();
mem.setProt(0x10000, 0x1000, PAGE_READ | PAGE_WRITE);

function run(f: IRFunc, regs: number[]): Int32Array {
  const cpu = { R: new Int32Array(8) };
  regs.forEach((v, i) => (cpu.R[i] = v));
  const fn = instantiate(generateSource(f, TARGET), cpu, mem, makeRuntime(cpu.R, TARGET));
  assert.equal(fn(), EXIT_LOOKUP);
  return cpu.R;
}

test("every op of the table has a backend emitter", () => {
  const cov = emitterCoverage();
  for (const op of OP_NAMES) {
    const ok = SPECIAL_EMITTERS.includes(op) || cov.i32.includes(op) || cov.i64.includes(op);
    assert.ok(ok, `no emitter for ${op}`);
    assert.ok(OPS[op].doc.length > 0, `op ${op} is undocumented`);
  }
});

test("constant folding and copy propagation", () => {
  const f = new IRFunc(GLOBALS, 0x1000);
  const t = f.newTemp();
  f.movi(t, 5);
  f.addi(t, t, 7);
  f.binopi("mul", 0, t, 3);
  f.exitTb(EXIT_LOOKUP);
  foldPass(f);
  dcePass(f);
  verify(f);
  assert.equal(printIR(f), " mov_i32 r0,$0x24\n exit_tb $2\n");
});

test("dead flag computations overwritten before use are removed, faults keep them", () => {
  const f = new IRFunc(GLOBALS, 0x1000);
  f.addi(1, 0, 1); // r1 = r0 + 1: dead, overwritten below
  f.addi(1, 0, 2);
  f.exitTb(EXIT_LOOKUP);
  dcePass(f);
  assert.equal(f.ops.length, 2);
  const g = new IRFunc(GLOBALS, 0x1000);
  g.addi(1, 0, 1);
  const t = g.newTemp();
  g.ld(t, g.const32(0x10000), 2); // may fault: r1 is observable here
  g.addi(1, t, 2);
  g.exitTb(EXIT_LOOKUP);
  dcePass(g);
  assert.equal(g.ops.length, 4);
});

function rnd(): number {
  const edge = [0, 1, -1, 0x7fffffff, -0x80000000, 31, 32, 0xff, 0x8000];
  return Math.random() < 0.3 ? edge[(Math.random() * edge.length) | 0] : (Math.random() * 2 ** 32) | 0;
}

test("backend agrees with the reference semantics on random i32 operands", () => {
  const binops: OpName[] = ["add", "sub", "mul", "and", "or", "xor", "andc", "rotl", "rotr", "clz", "ctz"];
  const shifts: OpName[] = ["shl", "shr", "sar"];
  const unops: OpName[] = ["neg", "not", "ext8s", "ext8u", "ext16s", "ext16u", "bswap16", "bswap32"];
  for (let iter = 0; iter < 200; iter++) {
    const a = rnd(), b = rnd();
    for (const op of [...binops, ...shifts, ...unops, "divu", "divs", "remu", "rems"] as OpName[]) {
      let bb = shifts.includes(op) ? b & 31 : b;
      if (op.startsWith("div") || op.startsWith("rem")) {
        if (bb === 0 || (a === -0x80000000 && bb === -1)) bb = 3;
      }
      if (op === "bswap16" && (a & 0xffff0000) !== 0) continue; // defined on zero-extended inputs
      const f = new IRFunc(GLOBALS, 0);
      if (unops.includes(op)) f.unop(op, 2, 0);
      else f.binop(op, 2, 0, 1);
      f.exitTb(EXIT_LOOKUP);
      assert.ok(OPS[op].flags & OP_PURE);
      const want = evalPure(op, Ty.I32, unops.includes(op) ? [a] : [a, bb], []);
      const R = run(f, [a, bb]);
      assert.equal(R[2], want, `${op}(${a}, ${bb})`);
    }
    for (let c = Cond.EQ; c <= Cond.TSTNE; c++) {
      const f = new IRFunc(GLOBALS, 0);
      f.setcond(c, 2, 0, 1);
      f.exitTb(EXIT_LOOKUP);
      assert.equal(run(f, [a, b])[2], evalPure("setcond", Ty.I32, [a, b], [c]), `setcond ${c}`);
    }
    for (const op of ["mulu2", "muls2"] as const) {
      const f = new IRFunc(GLOBALS, 0);
      f.emit(op, Ty.I32, [1, 2], [0, 1]);
      f.exitTb(EXIT_LOOKUP);
      const R = run(f, [a, b]);
      assert.deepEqual([R[1], R[2]], evalPair(op, [a, b]), `${op}(${a}, ${b})`);
    }
  }
});

test("i64 ops through the backend", () => {
  const f = new IRFunc(GLOBALS, 0);
  const x = f.newTemp(Ty.I64), y = f.newTemp(Ty.I64);
  f.emit("concat", Ty.I64, [x], [0, 1]);
  f.emit("mul", Ty.I64, [y], [x, f.const64(3n)]);
  f.emit("extrh", Ty.I32, [2], [y]);
  f.emit("extrl", Ty.I32, [1], [y]);
  f.exitTb(EXIT_LOOKUP);
  verify(f);
  const R = run(f, [0x80000000 | 0, 1]);
  const want = BigInt.asIntN(64, ((1n << 32n) | 0x80000000n) * 3n);
  assert.equal(R[1], Number(BigInt.asIntN(32, want)));
  assert.equal(R[2], Number(BigInt.asIntN(32, want >> 32n)));
});

test("guest memory faults leave the block with the faulting pc", () => {
  const f = new IRFunc(GLOBALS, 0x500);
  f.movi(1, 7);
  f.insnStart(0x504);
  const t = f.newTemp();
  f.ld(t, f.const32(0x20000), 2); // unmapped
  f.mov(1, t);
  f.exitTb(EXIT_LOOKUP);
  const cpu = { R: new Int32Array(8) };
  const fn = instantiate(generateSource(f, TARGET), cpu, mem, makeRuntime(cpu.R, TARGET));
  assert.equal(fn(), 3);
  assert.equal(cpu.R[3], 0x504);
  assert.equal(cpu.R[1], 7);
});

test("docs/ir.md is generated from the current op table", () => {
  const root = require("node:path").join(__dirname, "..", "..", "..");
  const { render } = require(require("node:path").join(root, "tools", "gen-ir-doc.js"));
  const doc = require("node:fs").readFileSync(require("node:path").join(root, "docs", "ir.md"), "utf8");
  assert.equal(doc, render(), "run `node tools/gen-ir-doc.js`");
});
