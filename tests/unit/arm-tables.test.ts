// The ARM decode tables are the single source for decoder, disassembler and translator: every
// entry must compile, have a translator named after it and a template whose tokens the
// disassembler knows; and the disassembler must print what capstone (qemu-arm's disassembler)
// prints for the recorded encodings in arm-disas.golden (tools/gen-arm-disas-golden.js).
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { A32_TABLE } from "../../src/target/arm/a32-table";
import { A32_TRANSLATORS } from "../../src/target/arm/translate";
import { unknownTokens, formatInsn } from "../../src/target/arm/disas";
import { a32Table, decodeA32 } from "../../src/target/arm/decode";

test("A32 table: every entry compiles and has a translator; every translator has an entry", () => {
  a32Table();
  const names = new Set(A32_TABLE.map((e) => "arm_" + e.name));
  for (const n of names) assert.ok(A32_TRANSLATORS[n], `no translator ${n}`);
  for (const n of Object.keys(A32_TRANSLATORS)) assert.ok(names.has(n), `translator ${n} has no table entry`);
});

test("A32 table: every assembly template uses known tokens", () => {
  for (const e of A32_TABLE) assert.deepEqual(unknownTokens(e.asm), [], e.name);
});

test("A32 table: each entry's own encodings decode to it or to an earlier special case", () => {
  const t = a32Table();
  t.entries.forEach((c, idx) => {
    // the entry's fixed bits with every field zero (and cond = AL), then with every field ones
    for (const fill of [0, -1]) {
      let w = ((fill & ~c.mask) | c.value) >>> 0;
      if (c.fields.some((f) => f.name === "c")) w = ((w & 0x0fffffff) | 0xe0000000) >>> 0;
      const hit = t.lookup(w | 0);
      assert.ok(hit, `${c.e.name}: ${w.toString(16)} undecoded`);
      assert.ok(t.entries.indexOf(hit) <= idx, `${c.e.name}: ${w.toString(16)} decodes to later entry ${hit.e.name}`);
    }
  });
});

test("A32 disassembly matches capstone on the recorded encodings", () => {
  const golden = fs.readFileSync(path.join(__dirname, "../../../tests/unit/arm-disas.golden"), "utf8").trim().split("\n");
  assert.ok(golden.length > 1000);
  const bad: string[] = [];
  for (const line of golden) {
    const [set, hex, text] = line.split("\t");
    if (set !== "arm") continue;
    const mine = formatInsn(decodeA32(0x10000, parseInt(hex, 16) | 0));
    if (mine !== text) bad.push(`${hex}: capstone "${text}", tsemu "${mine}"`);
  }
  assert.deepEqual(bad, []);
});
