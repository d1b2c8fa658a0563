// Debian's busybox-static for i386 — real programs nobody here wrote — run applet by applet
// (tests/busybox/cases.json) natively and under tsemu; stdout and exit status must be identical.
// CI fetches the binary with tests/busybox/fetch.sh; outside CI a missing binary skips loudly.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { exitStatus, runTsemu } from "../util/run";

const dir = path.resolve(__dirname, "..", "..", "..", "tests", "busybox");
const bb = path.join(dir, "busybox.i386");
const inCI = process.env.CI === "true";

interface Case {
  name: string;
  argv: string[];
  stdin?: string;
}

if (!fs.existsSync(bb) && inCI) spawnSync("sh", [path.join(dir, "fetch.sh")], { stdio: "inherit" });
const present = fs.existsSync(bb);
if (!present && inCI) {
  test("busybox is available", () => assert.fail(`${bb} missing and tests/busybox/fetch.sh could not fetch it`));
}
const cases: Case[] = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8"));

for (const c of cases) {
  test(`busybox ${c.name}`, { skip: present ? false : "busybox.i386 not fetched (run tests/busybox/fetch.sh)" }, () => {
    const stdin = c.stdin ? fs.readFileSync(path.join(dir, c.stdin)) : Buffer.alloc(0);
    const native = spawnSync(bb, c.argv, { cwd: dir, input: stdin, maxBuffer: 64 << 20 });
    const nativeStatus = exitStatus(native.status, native.signal);
    const r = runTsemu([bb, ...c.argv], { stdin, cwd: dir });
    assert.equal(r.stdout.toString("latin1"), native.stdout.toString("latin1"), `stdout (stderr: ${r.stderr.slice(0, 400)})`);
    assert.equal(r.status, nativeStatus, `status (stderr: ${r.stderr.slice(0, 400)})`);
  });
}
