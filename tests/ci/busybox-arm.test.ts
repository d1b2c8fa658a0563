// Debian's busybox-static for armel and armhf, run applet by applet (tests/busybox/cases.json, the
// same cases as i386) under qemu-arm — the reference, as ARM code does not run natively here —
// and under tsemu-arm; stdout and exit status must be identical. The cases run are those named
// in tests/busybox/arm-passing (as <arch>:<case>), which grows as the ARM frontend is completed;
// TSEMU_ARM_ALL=1 runs every case. Binaries come from `tests/busybox/fetch.sh armel|armhf`; in
// CI a listed case with a missing binary or qemu-arm fails instead of skipping.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { exitStatus, runTsemu } from "../util/run";

const dir = path.resolve(__dirname, "..", "..", "..", "tests", "busybox");
const inCI = process.env.CI === "true";
const all = process.env.TSEMU_ARM_ALL === "1";

interface Case {
  name: string;
  argv: string[];
  stdin?: string;
}
const cases: Case[] = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8"));
const passing = new Set(
  fs.readFileSync(path.join(dir, "arm-passing"), "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l !== ""),
);

test("the ARM busybox passing list names known cases", () => {
  const names = new Set(cases.map((c) => c.name));
  for (const p of passing) {
    const [arch, name] = p.split(":");
    assert.ok((arch === "armel" || arch === "armhf") && names.has(name), `arm-passing: ${p}`);
  }
});

const qemu = spawnSync("qemu-arm", ["-version"]).status === 0;
for (const arch of ["armel", "armhf"]) {
  const bb = path.join(dir, `busybox.${arch}`);
  const run = cases.filter((c) => all || passing.has(`${arch}:${c.name}`));
  if (run.length === 0) continue;
  if (!fs.existsSync(bb) && inCI) spawnSync("sh", [path.join(dir, "fetch.sh"), arch], { stdio: "inherit" });
  const present = fs.existsSync(bb);
  if (inCI && (!present || !qemu)) {
    test(`busybox ${arch} and qemu-arm are available`, () => assert.fail(`${bb} or qemu-arm missing`));
  }
  for (const c of run) {
    const skip = !present ? `busybox.${arch} not fetched (run tests/busybox/fetch.sh ${arch})` : !qemu ? "qemu-arm not installed" : false;
    test(`busybox ${arch} ${c.name}`, { skip }, () => {
      const stdin = c.stdin ? fs.readFileSync(path.join(dir, c.stdin)) : Buffer.alloc(0);
      const ref = spawnSync("qemu-arm", [bb, ...c.argv], { cwd: dir, input: stdin, maxBuffer: 64 << 20 });
      const refStatus = exitStatus(ref.status, ref.signal);
      const r = runTsemu([bb, ...c.argv], { stdin, cwd: dir, arch: "arm" });
      assert.equal(r.stdout.toString("latin1"), ref.stdout.toString("latin1"), `stdout (stderr: ${r.stderr.slice(0, 400)})`);
      assert.equal(r.status, refStatus, `status (stderr: ${r.stderr.slice(0, 400)})`);
    });
  }
}
