// The ARM decode tables (A32, T16, T32, VFP/SIMD) are the single source for decoder, disassembler and translator: every
// entry must compile, have a translator named after it and a template whose tokens the
// disassembler knows; and the disassembler must print what capstone (qemu-arm's disassembler)
// prints for the recorded encodings in arm-disas.golden (tools/gen-arm-disas-golden.js).
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { A32_TABLE } from "../../src/target/arm/a32-table";
import { T16_TABLE } from "../../src/target/arm/t16-table";
import { T32_TABLE } from "../../src/target/arm/t32-table";
import { VFP_TABLE } from "../../src/target/arm/vfp-table";
import { A32_TRANSLATORS, T16_TRANSLATORS, T32_TRANSLATORS, VFP_TRANSLATORS } from "../../src/target/arm/translate";
import { unknownTokens, formatInsn } from "../../src/target/arm/disas";
import { a32Table, decodeA32, decodeThumb, t16Table, t32Table, vfpTable } from "../../src/target/arm/decode";
import type { BitEntry } from "../../src/target/arm/bitstring";

const TABLES: [string, readonly BitEntry[], Record<string, unknown>, string][] = [
  ["A32", A32_TABLE, A32_TRANSLATORS, "arm_"],
  ["T16", T16_TABLE, T16_TRANSLATORS, "t16_"],
  ["T32", T32_TABLE, T32_TRANSLATORS, "t32_"],
  ["VFP", VFP_TABLE, VFP_TRANSLATORS, "vfp_"],
];

test("ARM tables: every entry compiles and has a translator; every translator has an entry", () => {
  a32Table();
  t16Table();
  t32Table();
  vfpTable();
  for (const [set, table, translators, prefix] of TABLES) {
    const names = new Set(table.map((e) => prefix + e.name));
    for (const n of names) assert.ok(translators[n], `${set}: no translator ${n}`);
    for (const n of Object.keys(translators)) assert.ok(names.has(n), `${set}: translator ${n} has no table entry`);
  }
});

test("ARM tables: every assembly template uses known tokens", () => {
  for (const [set, table] of TABLES) for (const e of table) assert.deepEqual(unknownTokens(e.asm), [], `${set} ${e.name}`);
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

test("A32, T16 and T32 disassembly matches capstone on the recorded encodings", () => {
  const golden = fs.readFileSync(path.join(__dirname, "../../../tests/unit/arm-disas.golden"), "utf8").trim().split("\n");
  assert.ok(golden.length > 1000);
  const bad: string[] = [];
  for (const line of golden) {
    const [set, hex, text] = line.split("\t");
    const w = parseInt(hex, 16) | 0;
    const mine = formatInsn(set === "arm" ? decodeA32(0x10000, w) : decodeThumb(0x10000, w, hex.length === 4 ? 2 : 4));
    if (mine !== text) bad.push(`${hex}: capstone "${text}", tsemu "${mine}"`);
  }
  assert.deepEqual(bad, []);
});
