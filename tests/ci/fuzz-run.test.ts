// Whole-emulator fuzzing: minimal i386 ELF executables whose code is random bytes run under
// tsemu. Each run must end in a defined guest outcome — an exit status, or death by a signal
// with qemu's "uncaught target signal" line — never an internal error or a JS stack trace. A
// guest that loops forever is stopped by the test's timeout and counted (a native CPU would loop
// too). The seed is printed for replay (TSEMU_FUZZ_SEED=n).
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { tinyElf } from "../util/elf";

const tsemu = path.resolve(__dirname, "..", "..", "..", "bin", "tsemu-i386.js");
const seed = Number(process.env.TSEMU_FUZZ_SEED ?? Date.now() % 100000);
const RUNS = Number(process.env.TSEMU_FUZZ_RUNS ?? 120);

test(`random code runs to a defined outcome (seed ${seed}, ${RUNS} programs)`, () => {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 16) & 0xff;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-fuzz-"));
  const outcomes = new Map<string, number>();
  try {
    for (let i = 0; i < RUNS; i++) {
      const code = Uint8Array.from({ length: 256 }, rnd);
      const file = path.join(dir, `p${i}`);
      fs.writeFileSync(file, tinyElf(code), { mode: 0o755 });
      const r = spawnSync(process.execPath, [tsemu, file], { timeout: 10_000, input: "" });
      const err = r.stderr.toString();
      let outcome: string;
      if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") outcome = "guest loops (timeout)";
      else {
        assert.ok(!/internal error|    at |Error:/.test(err), `program ${i} (seed ${seed}): ${err.slice(0, 600)}`);
        assert.notEqual(r.status, 70, `program ${i} (seed ${seed}): internal error`);
        outcome = r.status !== null && r.status >= 128 ? `signal ${r.status - 128}` : `exit ${r.status}`;
        const coreSignals = [3, 4, 5, 6, 7, 8, 11, 24, 25, 31];
        if (r.status !== null && coreSignals.includes(r.status - 128)) {
          assert.match(err, /uncaught target signal \d+/, `program ${i} (seed ${seed}) died silently`);
        }
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`fuzz outcomes: ${JSON.stringify([...outcomes])}`);
});
