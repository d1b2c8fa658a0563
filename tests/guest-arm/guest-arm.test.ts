// Runs the committed ARM guest programs (tests/guest-arm/bin) under tsemu-arm and compares stdout
// and the exit status with what they did under qemu-arm (tests/guest-arm/expected). Only the
// binaries named in tests/guest-arm/passing run by default: the ARM frontend is being completed
// and each program joins the list once it passes. TSEMU_ARM_ALL=1 runs every binary.
import test from "node:test";
import assert from "node:assert/strict";
import { runTsemu } from "../util/run";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");
const dir = path.join(root, "tests", "guest-arm");
const bins = fs.readdirSync(path.join(dir, "bin")).sort();
const passing = new Set(
  fs.readFileSync(path.join(dir, "passing"), "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l !== ""),
);
const all = process.env.TSEMU_ARM_ALL === "1";

test("every ARM guest binary has recorded expectations, and the passing list names binaries", () => {
  for (const b of bins) {
    assert.ok(fs.existsSync(path.join(dir, "expected", b + ".stdout")), `${b}.stdout`);
    assert.ok(fs.existsSync(path.join(dir, "expected", b + ".status")), `${b}.status`);
  }
  for (const p of passing) assert.ok(bins.includes(p), `passing names ${p}, which is not in bin/`);
});

/** src/<name>.{args,stdin} of the program a binary (<name>-<variant>) was built from */
function inputs(name: string): { args: string[]; stdin?: Buffer } {
  const base = [path.join(dir, "src", name), path.join(root, "tests", "guest", "src", name)].find((p) => fs.existsSync(p + ".c"))!;
  const args = fs.existsSync(base + ".args") ? fs.readFileSync(base + ".args", "utf8").split("\n").filter((l) => l !== "") : [];
  const stdin = fs.existsSync(base + ".stdin") ? fs.readFileSync(base + ".stdin") : undefined;
  return { args, stdin };
}

for (const b of bins) {
  if (!all && !passing.has(b)) continue;
  test(`ARM guest program ${b}`, () => {
    const { args, stdin } = inputs(b.replace(/-(armel|thumb|armhf)$/, ""));
    const r = runTsemu([path.join(dir, "bin", b), ...args], { stdin, cwd: dir, arch: "arm" });
    const want = fs.readFileSync(path.join(dir, "expected", b + ".stdout"));
    const wantStatus = Number(fs.readFileSync(path.join(dir, "expected", b + ".status"), "utf8").trim());
    assert.equal(r.stdout.toString("latin1"), want.toString("latin1"), `stdout of ${b} (stderr: ${r.stderr.slice(0, 500)})`);
    assert.equal(r.status, wantStatus, `exit status of ${b} (stderr: ${r.stderr.slice(0, 500)})`);
  });
}
