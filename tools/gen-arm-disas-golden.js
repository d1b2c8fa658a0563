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
const { T16_TABLE } = require("../dist/src/target/arm/t16-table");
const { T32_TABLE } = require("../dist/src/target/arm/t32-table");
const { VFP_TABLE } = require("../dist/src/target/arm/vfp-table");
const { compilePattern } = require("../dist/src/target/arm/bitstring");
const { decodeA32, decodeThumb } = require("../dist/src/target/arm/decode");

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
  // VFP: register lists past the last register, system registers tsemu does not name, the
  // S31/S32 pair, fixed-point conversions with more fraction bits than the size
  if (/^(VLDM|VSTM|VPUSH|VPOP)$/.test(name)) {
    const dp = (w >>> 8) & 1, imm = w & 0xff;
    const first = dp ? (((w >>> 22) & 1) << 4) | ((w >>> 12) & 15) : (((w >>> 12) & 15) << 1) | ((w >>> 22) & 1);
    const count = dp ? imm >> 1 : imm;
    if (count === 0 || first + count > 32 || (dp && count > 16)) return true;
  }
  if (/^(VMSR|VMRS)$/.test(name) && ![0, 1, 6, 7, 8].includes((w >>> 16) & 15)) return true;
  if (name === "VMOV_2core_2sp" && (((w & 15) << 1) | ((w >>> 5) & 1)) === 31) return true;
  if (name === "VCVT_fixed" && (((w >>> 7) & 1) ? 32 : 16) < (((w & 15) << 1) | ((w >>> 5) & 1))) return true;
  return name === "UDF_uncond";
}
/** Thumb encodings outside what compilers emit, where capstone and the manual part ways */
function thumbUnpredictable(name, w, bits) {
  if (bits === 16) return false;
  const n = (w >>> 16) & 15, t = (w >>> 12) & 15, list = w & 0xffff;
  const P = (w >>> 10) & 1, W = (w >>> 8) & 1;
  // register lists with SP, stores of PC, loads of both PC and LR
  if (/^(STM|STMDB|PUSH)$/.test(name) && list & 0xa000) return true;
  if (/^(LDM|LDMDB|POP)$/.test(name) && (list & 0x2000 || (list & 0xc000) === 0xc000)) return true;
  // doubleword transfers without index or writeback; stores based on PC; imm8 forms without index or writeback
  if (/^(STRD|LDRD)_imm$/.test(name) && ((w >>> 24) & 1) === 0 && ((w >>> 21) & 1) === 0) return true;
  if (/^STR/.test(name) && n === 15) return true;
  if (/_imm8$/.test(name) && P === 0 && W === 0) return true;
  if (/^(LDRH|LDRSH)_/.test(name) && t === 15) return true;
  if (/^(BFC|BFI)$/.test(name) && (w & 31) < (((w >>> 12) & 7) << 2 | ((w >>> 6) & 3))) return true;
  // REV, REV16, RBIT, REVSH and CLZ encode Rm twice; the copies must agree
  if (/^(REV|REV16|RBIT|REVSH|CLZ)$/.test(name) && n !== (w & 15)) return true;
  return /^(MRC|MCR)$/.test(name) && t === 15;
}
const lines = [];
for (const [set, table, bits] of [["arm", A32_TABLE, 32], ["thumb", T16_TABLE, 16], ["thumb", T32_TABLE, 32], ["arm", VFP_TABLE, 32]]) {
  for (const e of table) {
    // the Advanced SIMD spellings are not checked yet (capstone's are recorded once they are)
    if (table === VFP_TABLE && (e.pattern.startsWith("1111") || /^(VDUP_core|VMOV_core_scalar8|VMOV_scalar8_core)$/.test(e.name))) continue;
    const { mask, value, fields } = compilePattern(e.pattern, bits);
    const cond = fields.find((f) => f.name === "c");
    for (let k = 0; k < PER_ENTRY; k++) {
      let w = ((rnd() & ~mask & (bits === 16 ? 0xffff : -1)) | value) >>> 0;
      if (set === "arm") {
        // conditions 0..14 only (15 is the unconditional space)
        if (cond && (w >>> 28) === 15) w = (w & 0x0fffffff) | ((rnd() % 15) << 28);
        if (cond && k === 0) w = (w & 0x0fffffff) | 0xe0000000;
        const d = decodeA32(0x10000, w | 0);
        if (unpredictable(d.entry ? d.entry.e.name : e.name, w)) continue;
      } else {
        // judge by the entry the word decodes to (an earlier special case may take it)
        const d = decodeThumb(0x10000, w | 0, bits === 16 ? 2 : 4);
        if (thumbUnpredictable(d.entry ? d.entry.e.name : e.name, w, bits)) continue;
      }
      lines.push(`${set} ${(w >>> 0).toString(16).padStart(bits / 4, "0")}`);
    }
  }
}
const out = execFileSync("python3", [path.join(__dirname, "capstone-arm.py")], { input: lines.join("\n") + "\n" }).toString();
const result = out.trim().split("\n").map((l, i) => `${lines[i].split(" ")[0]}\t${l}`);
fs.writeFileSync(path.join(__dirname, "../tests/unit/arm-disas.golden"), result.join("\n") + "\n");
console.log(`${result.length} encodings recorded`);
