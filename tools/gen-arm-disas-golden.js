#!/usr/bin/env node
// Records tests/unit/arm-disas.golden: random encodings drawn from the ARM decode tables (a few
// per entry, fixed seed), each with capstone's disassembly as qemu-arm prints it (through
// tools/capstone-arm.py, which needs qemu-user's libcapstone.so.4 and python3). The unit test
// arm-disas.test.ts compares tsemu's disassembler with it line by line. Run after `npm run build`:
//   node tools/gen-arm-disas-golden.js
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { A32_TABLE } = require("../dist/src/target/arm/a32-table");
const { compilePattern } = require("../dist/src/target/arm/bitstring");

const PER_ENTRY = 6;
let seed = 12345;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed;
};
/**
 * Encodings the manual calls UNPREDICTABLE, which capstone and tsemu need not agree on (tsemu
 * raises SIGILL for them where QEMU does): odd or r14 first registers of doubleword transfers (and their P = 0, W = 1 form),
 * bit fields with msb < lsb. The system-level cond = 1111 space (RFE, SRS, CPS) is skipped too.
 */
function unpredictable(name, w) {
  const t = (w >>> 12) & 15;
  if (/^(LDRD|STRD)_/.test(name) && (t & 1 || t === 14 || ((w >>> 24) & 1) === 0 && ((w >>> 21) & 1) === 1)) return true;
  if (/^(LDREXD|STREXD)$/.test(name) && ((name === "LDREXD" ? t : w & 15) & 1 || (name === "LDREXD" ? t : w & 15) === 14)) return true;
  if (/^(BFC|BFI)$/.test(name) && ((w >>> 16) & 31) < ((w >>> 7) & 31)) return true;
  return name === "UDF_uncond";
}
const lines = [];
for (const [set, table] of [["arm", A32_TABLE]]) {
  for (const e of table) {
    const { mask, value, fields } = compilePattern(e.pattern, 32);
    const cond = fields.find((f) => f.name === "c");
    for (let k = 0; k < PER_ENTRY; k++) {
      let w = ((rnd() & ~mask) | value) >>> 0;
      // conditions 0..14 only (15 is the unconditional space)
      if (cond && (w >>> 28) === 15) w = (w & 0x0fffffff) | ((rnd() % 15) << 28);
      if (cond && k === 0) w = (w & 0x0fffffff) | 0xe0000000;
      if (unpredictable(e.name, w)) continue;
      lines.push(`${set} ${(w >>> 0).toString(16).padStart(8, "0")}`);
    }
  }
}
const out = execFileSync("python3", [path.join(__dirname, "capstone-arm.py")], { input: lines.join("\n") + "\n" }).toString();
const result = out.trim().split("\n").map((l, i) => `${lines[i].split(" ")[0]}\t${l}`);
fs.writeFileSync(path.join(__dirname, "../tests/unit/arm-disas.golden"), result.join("\n") + "\n");
console.log(`${result.length} encodings recorded`);
