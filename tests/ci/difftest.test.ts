// CI: differential test of random i386 integer instruction sequences, native vs tsemu.
//
// Needs the i686 cross toolchain (i686-linux-gnu-gcc, from gcc-i686-linux-gnu) and a host
// that runs i386 binaries natively (or DIFFTEST_REF_CMD). Without them the test fails when
// CI=true and is skipped otherwise. Knobs: TSEMU_CMD, DIFFTEST_SEEDS, DIFFTEST_BASE,
// DIFFTEST_EXCLUDE, DIFFTEST_JOBS, DIFFTEST_TIMEOUT (see tests/difftest/README.md).

import test from "node:test";
import assert from "node:assert/strict";
import { checkToolchain, runDifftest } from "../difftest/difftest";

test("difftest: random i386 instruction sequences behave as on the host CPU", { timeout: 30 * 60 * 1000 }, async (t) => {
  const tc = checkToolchain();
  if (!tc.ok) {
    if (process.env.CI === "true") {
      assert.fail(`difftest cannot run in CI: ${tc.reason}`);
    }
    t.skip(`difftest skipped (not in CI): ${tc.reason}`);
    return;
  }
  const log: string[] = [];
  const r = await runDifftest({
    log: (s) => {
      log.push(s);
      console.log(s);
    },
  });
  t.diagnostic(`${r.sequences} sequences, ${r.instructions} instructions, ${r.compared} compared, ` +
    `${r.mismatches.length} mismatches, ${(r.elapsedMs / 1000).toFixed(1)} s`);
  assert.deepEqual(r.errors, [], `difftest infrastructure errors:\n${r.errors.join("\n")}`);
  const shown = r.mismatches.slice(0, 5).map((m) => m.report).join("\n\n");
  assert.equal(
    r.mismatches.length, 0,
    `${r.mismatches.length} of ${r.sequences} sequences differ from native execution ` +
      `(replay with the command shown in each report):\n\n${shown}`,
  );
  assert.equal(r.compared, r.sequences, "not every sequence produced a result");
});
