#!/usr/bin/env node
// Writes docs/ir.md from the IR op table (src/ir/opcodes.ts, compiled to dist/): the reference
// is generated, so it cannot drift from the code. tests/unit/ir.test.ts checks it is current.
const fs = require("fs");
const path = require("path");
const { OPS, OP_NAMES, OP_PURE, OP_BB_END, OP_EXIT, OP_MAY_FAULT, OP_SIDE_EFFECTS, COND_NAMES } = require("../dist/src/ir/opcodes.js");

function render() {
  const flag = (f) =>
    [[OP_PURE, "pure"], [OP_BB_END, "ends basic block"], [OP_EXIT, "exits block"], [OP_MAY_FAULT, "may fault"], [OP_SIDE_EFFECTS, "side effects"]]
      .filter(([b]) => f & b)
      .map(([, n]) => n)
      .join(", ");
  const arity = (n) => (n < 0 ? "any" : String(n));
  const lines = [
    "# tsemu IR reference",
    "",
    "Generated from `src/ir/opcodes.ts` by `node tools/gen-ir-doc.js`; do not edit by hand.",
    "",
    "Values are typed `i32` or `i64`; the type is part of each instruction, not of the op name.",
    "An op writes its outputs, reads its inputs, then takes compile-time constants.",
    `Conditions: ${COND_NAMES.join(", ")} (\`u\` = unsigned, \`tst\` = bitwise and).`,
    "",
    "| op | out | in | const | types | flags | meaning |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
  ];
  for (const name of OP_NAMES) {
    const d = OPS[name];
    lines.push(`| \`${name}\` | ${arity(d.outs)} | ${arity(d.ins)} | ${d.consts} | ${d.types} | ${flag(d.flags)} | ${d.doc.replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n") + "\n";
}

module.exports = { render };
if (require.main === module) fs.writeFileSync(path.join(__dirname, "..", "docs", "ir.md"), render());
