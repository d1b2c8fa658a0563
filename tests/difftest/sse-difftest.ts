// SSE/SSE2 differential test: random sequences from sse-gen.ts run natively and under tsemu, with
// XMM0-7, MXCSR, EFLAGS, the general registers and the scratch buffer compared.
//
//   node dist/tests/difftest/sse-difftest.js [--seeds N] [--base B] [--per N] [--only SEED:INDEX]
//
// Environment: TSEMU_CMD, DIFFTEST_CC, DIFFTEST_REF_CMD as for difftest.ts. Exit status 0 when
// everything matches, 1 on mismatches, 2 when the toolchain or reference cannot run.
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultCc, defaultEmuCmd, defaultRefCmd, findRepoRoot } from "./difftest";
import { emitAsm, genCase, SseCase } from "./sse-gen";

const CFLAGS = ["-O2", "-ffreestanding", "-fno-builtin", "-fno-pic", "-fno-stack-protector", "-fcf-protection=none",
  "-fno-asynchronous-unwind-tables", "-march=pentium-m", "-msse2", "-Wall", "-static", "-nostdlib", "-no-pie", "-Wl,--build-id=none"];

export interface SseOptions {
  seeds: number[];
  per: number;
  jobs: number;
  log: (s: string) => void;
}
export interface SseResult {
  cases: number;
  compared: number;
  mismatches: string[];
  errors: string[];
}

const NAMES = [
  ...Array.from({ length: 32 }, (_, i) => `xmm${i >> 2}[${i & 3}]`), "mxcsr", "eflags", "eax", "ecx", "edx", "ebx", "esi", "edi",
];
const EFLAGS_MASK = 0xcd5 | 0x400;

function run(argv: string[]): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve) => {
    execFile(argv[0], argv.slice(1), { maxBuffer: 64 << 20, timeout: 300000 }, (e, out, err) => {
      resolve({ out: String(out), err: String(err), code: e ? ((e as { code?: number }).code ?? 1) : 0 });
    });
  });
}
function parse(out: string): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const line of out.split("\n")) {
    const f = line.split(" ");
    if (f.length === 42) m.set(+f[0], f.slice(1));
  }
  return m;
}
function describe(c: SseCase, seed: number, ref: string[] | undefined, emu: string[] | undefined): string {
  const hx = (v: number) => (v >>> 0).toString(16).padStart(8, "0");
  const lines = [`=== seed ${seed} case ${c.id} (replay: node dist/tests/difftest/sse-difftest.js --only ${seed}:${c.id})`];
  lines.push(...c.body.map((l) => "    " + l));
  lines.push("  initial: " + c.state.map((v, i) => `${NAMES[i]}=${hx(v)}`).join(" "));
  if (!ref || !emu) lines.push(`  no result from ${!ref ? "reference" : "tsemu"}`);
  else {
    for (let i = 0; i < 40; i++) {
      if (!same(i, ref[i], emu[i])) lines.push(`  ${NAMES[i]}: native ${ref[i]} tsemu ${emu[i]}`);
    }
    if (ref[40] !== emu[40]) lines.push(`  scratch differs:\n    native ${ref[40]}\n    tsemu  ${emu[40]}`);
  }
  return lines.join("\n");
}
function same(i: number, a: string, b: string): boolean {
  if (i === 33) return (parseInt(a, 16) & EFLAGS_MASK) === (parseInt(b, 16) & EFLAGS_MASK);
  return a === b;
}

export async function runSseDifftest(o: SseOptions): Promise<SseResult> {
  const root = findRepoRoot();
  const harness = path.join(root, "tests", "difftest", "sse-harness.c");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-sse-difftest-"));
  const res: SseResult = { cases: 0, compared: 0, mismatches: [], errors: [] };
  const queue = [...o.seeds];
  const worker = async () => {
    for (;;) {
      const seed = queue.shift();
      if (seed === undefined) return;
      const cases = Array.from({ length: o.per }, (_, i) => genCase(seed, i));
      const asm = path.join(dir, `s${seed}.s`), bin = path.join(dir, `s${seed}`);
      fs.writeFileSync(asm, emitAsm(cases));
      try {
        execFileSync(defaultCc(), [...CFLAGS, "-o", bin, harness, asm], { stdio: "pipe" });
      } catch (e) {
        res.errors.push(`seed ${seed}: build failed: ${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`);
        continue;
      }
      const [ref, emu] = await Promise.all([run([...defaultRefCmd(), bin]), run([...defaultEmuCmd(), bin])]);
      const rm = parse(ref.out), em = parse(emu.out);
      res.cases += cases.length;
      if (rm.size !== cases.length) res.errors.push(`seed ${seed}: the reference gave ${rm.size} results (status ${ref.code}) ${ref.err}`);
      for (const c of cases) {
        const a = rm.get(c.id), b = em.get(c.id);
        if (!a) continue;
        res.compared++;
        if (!b || a.some((v, i) => !same(i, v, b[i]))) {
          res.mismatches.push(describe(c, seed, a, b));
          if (!b) {
            res.mismatches.push(`  tsemu status ${emu.code}: ${emu.err.slice(0, 500)}`);
            break;
          }
        }
      }
    }
  };
  await Promise.all(Array.from({ length: o.jobs }, worker));
  fs.rmSync(dir, { recursive: true, force: true });
  o.log(`sse difftest: ${res.cases} cases, ${res.compared} compared, ${res.mismatches.length} mismatches, ${res.errors.length} errors`);
  return res;
}

async function main(argv: string[]): Promise<number> {
  let seeds = 20, base = 1, per = 300;
  let only: [number, number] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seeds") seeds = +argv[++i];
    else if (a === "--base") base = +argv[++i];
    else if (a === "--per") per = +argv[++i];
    else if (a === "--only") {
      const [s, c] = argv[++i].split(":").map(Number);
      only = [s, c];
    } else {
      console.error(`sse-difftest: unknown option ${a}`);
      return 2;
    }
  }
  if (only) {
    // one case: regenerate it alone and print both final states
    const [seed, idx] = only;
    const c = genCase(seed, idx);
    const root = findRepoRoot();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-sse-one-"));
    const asm = path.join(dir, "one.s"), bin = path.join(dir, "one");
    fs.writeFileSync(asm, emitAsm([c]));
    execFileSync(defaultCc(), [...CFLAGS, "-o", bin, path.join(root, "tests", "difftest", "sse-harness.c"), asm]);
    const [ref, emu] = await Promise.all([run([...defaultRefCmd(), bin]), run([...defaultEmuCmd(), bin])]);
    const a = parse(ref.out).get(idx), b = parse(emu.out).get(idx);
    console.log(describe(c, seed, a, b));
    if (emu.err) console.log(emu.err);
    return a && b && a.every((v, i) => same(i, v, b[i])) ? 0 : 1;
  }
  const r = await runSseDifftest({
    seeds: Array.from({ length: seeds }, (_, i) => base + i), per, jobs: Math.max(1, os.cpus().length), log: console.log,
  });
  for (const m of r.mismatches.slice(0, 20)) console.log(m);
  for (const e of r.errors) console.log(e);
  return r.errors.length ? 2 : r.mismatches.length ? 1 : 0;
}

if (require.main === module) main(process.argv.slice(2)).then((c) => process.exit(c));
