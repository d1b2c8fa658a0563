// CI: differential test of random SSE/SSE2 instruction sequences (tests/difftest/sse-gen.ts), native
// vs tsemu: XMM0-7, MXCSR, EFLAGS, general registers and memory compared. Needs the i686 cross
// toolchain and a host that runs i386 binaries natively (or DIFFTEST_REF_CMD); fails without them
// under CI=true, skips otherwise. SSE_DIFFTEST_SEEDS sets the number of seeds (300 cases each).
import test from "node:test";
import assert from "node:assert/strict";
import * as os from "node:os";
import { checkToolchain } from "../difftest/difftest";
import { runSseDifftest } from "../difftest/sse-difftest";

test("difftest: random SSE/SSE2 sequences behave as on the host CPU", { timeout: 20 * 60 * 1000 }, async (t) => {
  const tc = checkToolchain();
  if (!tc.ok) {
    if (process.env.CI === "true") assert.fail(`SSE difftest cannot run in CI: ${tc.reason}`);
    t.skip(`SSE difftest skipped (not in CI): ${tc.reason}`);
    return;
  }
  const seeds = Number(process.env.SSE_DIFFTEST_SEEDS ?? 8);
  const r = await runSseDifftest({
    seeds: Array.from({ length: seeds }, (_, i) => 1 + i), per: 300, jobs: Math.max(1, os.cpus().length),
    log: (s) => console.log(s),
  });
  t.diagnostic(`${r.cases} cases, ${r.compared} compared, ${r.mismatches.length} mismatches`);
  assert.deepEqual(r.errors, []);
  assert.equal(r.mismatches.length, 0, r.mismatches.slice(0, 5).join("\n\n"));
  assert.equal(r.compared, r.cases);
});
