// Fuzzing the front of the pipeline in-process: random bytes as i386 code must decode, translate
// to IR that verifies, optimize and compile to JavaScript V8 accepts — never throw or hang — and
// random or mutated ELF images must load or be rejected with a LoadError, nothing else.
// The seed is printed so a failure can be replayed (TSEMU_FUZZ_SEED=n).
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decode } from "../../src/target/i386/decode";
import { formatInsn } from "../../src/target/i386/disas";
import { translateBlock } from "../../src/target/i386/translate";
import { I386_TARGET } from "../../src/target/i386/frontend";
import { optimize } from "../../src/ir/opt";
import { verify } from "../../src/ir/verify";
import { generateSource } from "../../src/backend/js/emit";

const seed = Number(process.env.TSEMU_FUZZ_SEED ?? Date.now() % 100000);
function rng(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test(`random bytes decode, translate, verify and compile (seed ${seed})`, () => {
  const r = rng(seed);
  const buf = new Uint8Array(64);
  for (let iter = 0; iter < 3000; iter++) {
    for (let i = 0; i < buf.length; i++) buf[i] = (r() * 256) | 0;
    // bias towards prefixes and escapes, where decoders break
    if (r() < 0.3) buf[0] = [0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x0f, 0x64, 0x65, 0xd8, 0xdf][(r() * 10) | 0];
    const base = 0x08048000;
    const fetch = (a: number) => (a - base >= 0 && a - base < 48 ? buf[a - base] : -1);
    const d = decode(base, fetch);
    if (!("error" in d)) {
      assert.ok(d.len >= 1 && d.len <= 15, `length ${d.len} (seed ${seed} iter ${iter})`);
      assert.equal(typeof formatInsn(d), "string");
    }
    const tb = translateBlock(base, fetch, { maxInsns: 64 });
    const f = tb.ctx.f;
    verify(f);
    optimize(f);
    verify(f);
    const src = generateSource(f, I386_TARGET);
    assert.doesNotThrow(() => new Function("R", "P", "U", "M", "MEM", "H", "RT", "CPU", src), `seed ${seed} iter ${iter}`);
  }
});

test(`random and mutated ELF images load or are rejected cleanly (seed ${seed})`, async () => {
  const { loadElf, LoadError } = await import("../../src/linux-user/elfload");
  const { AddressSpace } = await import("../../src/memory/address-space");
  const r = rng(seed + 1);
  const valid = fs.readFileSync(path.join(__dirname, "..", "..", "..", "examples", "hello.i386"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-elf-fuzz-"));
  const file = path.join(dir, "img");
  try {
    for (let iter = 0; iter < 60; iter++) {
      let img: Buffer;
      if (iter % 3 === 0) img = Buffer.from(Array.from({ length: (r() * 512) | 0 }, () => (r() * 256) | 0));
      else {
        img = Buffer.from(valid.subarray(0, 4096 + ((r() * 8192) | 0)));
        for (let k = 0; k < 1 + r() * 8; k++) img[(r() * Math.min(img.length, 256)) | 0] = (r() * 256) | 0;
      }
      fs.writeFileSync(file, img);
      const mem = new AddressSpace();
      const task = {
        mem, brk: 0, brkStart: 0, hostPath: (p: string) => p,
        findFree: (len: number, hint = 0) => hint || 0x40000000,
        mapAnon: (a: number, len: number, prot: number) => mem.setProt(a, len, prot),
      };
      try {
        loadElf(task as never, file, ["img"], [], { machine: 3, platform: "i686", hwcap: 0, dynBase: 0x56555000 });
      } catch (e) {
        assert.ok(e instanceof LoadError, `iter ${iter}: ${(e as Error).stack}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
