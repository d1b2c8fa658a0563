// Runs every committed guest program (tests/guest/bin) under tsemu and compares stdout and the
// exit status with what the program produced natively (tests/guest/expected, recorded by
// `make -C tests/guest expected`). Needs nothing but Node: the binaries and expectations are
// committed.
import test from "node:test";
import assert from "node:assert/strict";
import { runTsemu } from "../util/run";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");
const dir = path.join(root, "tests", "guest");
const programs = fs.readdirSync(path.join(dir, "bin")).filter((n) => fs.existsSync(path.join(dir, "expected", n + ".stdout")));

for (const name of programs) {
  test(`guest program ${name}`, () => {
    const src = path.join(dir, "src", name);
    const args = fs.existsSync(src + ".args") ? fs.readFileSync(src + ".args", "utf8").split("\n").filter((l) => l !== "") : [];
    const stdin = fs.existsSync(src + ".stdin") ? fs.readFileSync(src + ".stdin") : undefined;
    const r = runTsemu([path.join(dir, "bin", name), ...args], { stdin, cwd: dir });
    const want = fs.readFileSync(path.join(dir, "expected", name + ".stdout"));
    const wantStatus = Number(fs.readFileSync(path.join(dir, "expected", name + ".status"), "utf8").trim());
    assert.equal(r.stdout.toString("latin1"), want.toString("latin1"), `stdout of ${name} (stderr: ${r.stderr.slice(0, 500)})`);
    assert.equal(r.status, wantStatus, `exit status of ${name} (stderr: ${r.stderr.slice(0, 500)})`);
  });
}
