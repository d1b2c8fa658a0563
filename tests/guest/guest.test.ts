// Runs every committed guest program (tests/guest/bin) under tsemu and compares stdout and the
// exit status with what the program produced natively (tests/guest/expected, recorded by
// `make -C tests/guest expected`). Needs nothing but Node: the binaries and expectations are
// committed.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");
const dir = path.join(root, "tests", "guest");
const tsemu = path.join(root, "bin", "tsemu-i386.js");

export function runTsemu(args: string[], opts: { stdin?: Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [tsemu, ...args], {
    input: opts.stdin ?? Buffer.alloc(0),
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  const status = r.status ?? (r.signal ? 128 + (require("os").constants.signals[r.signal] as number) : -1);
  return { stdout: r.stdout, stderr: r.stderr.toString(), status };
}

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
