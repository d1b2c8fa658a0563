// Differential tester: random i386 integer instruction sequences, run natively and under
// the emulator, compared register by register, flag by flag (defined flags only) and byte
// by byte (scratch memory).
//
//   node dist/tests/difftest/difftest.js [--seeds N] [--base B] [--seed S] [--only I] ...
//
// See tests/difftest/README.md.

import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  DF, EBP_SLOT, FLAG_NAMES, SCRATCH_SIZE, STATE_REGS, STATUS, Sequence, TEMPLATES,
  GenOptions, flagsToString, genSequence, sequenceAsm, emitAsm, withUnits,
} from "./gen";

export interface DifftestOptions {
  /** run seeds (one binary per seed) */
  seeds: number[];
  /** sequences per binary */
  perBinary: number;
  /** only this sequence index of each seed (replay) */
  only?: number;
  /** with `only`: keep just these unit indices of the sequence (replay of a shrunk case) */
  units?: number[];
  /** max units per sequence */
  maxUnits: number;
  /** template names / mnemonics not to generate (changes the sequences of a seed) */
  exclude: string[];
  /** emulator command (argv prefix); the binary path is appended */
  emuCmd: string[];
  /** reference command (argv prefix); empty = run natively */
  refCmd: string[];
  cc: string;
  jobs: number;
  timeoutMs: number;
  /** how many mismatches to shrink automatically */
  shrink: number;
  /** how many mismatches to report in detail */
  maxReports: number;
  keep: boolean;
  verbose: boolean;
  /** diagnostic: compare all status flags, even undefined ones */
  allFlags: boolean;
  log: (line: string) => void;
}

export interface FinalState {
  regs: number[]; // STATE_REGS order
  flags: number;
  mem: Uint8Array;
}

export interface Mismatch {
  seed: number;
  index: number;
  seq: Sequence;
  ref?: FinalState;
  emu?: FinalState;
  /** human-readable reason ("state differs", "emulator crashed ...") */
  reason: string;
  report: string;
}

export interface DifftestResult {
  seeds: number[];
  sequences: number;
  instructions: number;
  compared: number;
  mismatches: Mismatch[];
  /** infrastructure problems (build failure, reference failure) */
  errors: string[];
  elapsedMs: number;
  workDir: string;
}

// ---------------------------------------------------------------------------------------------
// Environment

export function findRepoRoot(): string {
  let d = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(d, "tests", "difftest", "harness.c")) && fs.existsSync(path.join(d, "package.json"))) return d;
    const up = path.dirname(d);
    if (up === d) return process.cwd();
    d = up;
  }
}

function splitList(s: string): string[] {
  return s.split(/[\s,]+/).filter((x) => x.length > 0);
}

function splitCmd(s: string): string[] {
  return s.split(/\s+/).filter((x) => x.length > 0);
}

export function defaultEmuCmd(): string[] {
  const env = process.env.TSEMU_CMD;
  if (env && env.trim()) return splitCmd(env);
  return [process.execPath, path.join(findRepoRoot(), "bin", "tsemu-i386.js")];
}

export function defaultRefCmd(): string[] {
  return splitCmd(process.env.DIFFTEST_REF_CMD ?? "");
}

export function defaultCc(): string {
  return process.env.DIFFTEST_CC || "i686-linux-gnu-gcc";
}

const CFLAGS = [
  "-O2", "-ffreestanding", "-fno-builtin", "-fno-pic", "-fno-stack-protector",
  "-fcf-protection=none", "-fno-asynchronous-unwind-tables", "-march=i686", "-Wall",
];
const LDFLAGS = ["-static", "-nostdlib", "-no-pie", "-Wl,--build-id=none"];

export interface ToolchainStatus {
  ok: boolean;
  reason: string;
}

/**
 * Checks that the cross compiler works and that the reference (native by default) can run
 * a freshly built harness binary.
 */
export function checkToolchain(cc = defaultCc(), refCmd = defaultRefCmd()): ToolchainStatus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-difftest-check-"));
  try {
    try {
      execFileSync(cc, ["--version"], { stdio: "pipe" });
    } catch {
      return { ok: false, reason: `C compiler '${cc}' not found (install gcc-i686-linux-gnu, or set DIFFTEST_CC)` };
    }
    let bin: string;
    try {
      bin = buildBinarySync(dir, "check", [genSequence(1, 0)], cc, path.join(findRepoRoot(), "tests", "difftest", "harness.c"));
    } catch (e) {
      return { ok: false, reason: `cannot build a test binary with '${cc}': ${(e as Error).message}` };
    }
    try {
      const argv = [...refCmd, bin];
      const out = execFileSync(argv[0] as string, argv.slice(1), { stdio: "pipe", timeout: 20000 }).toString();
      if (!/^done 1$/m.test(out)) return { ok: false, reason: "reference run produced unexpected output" };
    } catch (e) {
      return {
        ok: false,
        reason: `cannot run i386 binaries ${refCmd.length ? `with '${refCmd.join(" ")}'` : "natively"}: ${(e as Error).message}` +
          " (set DIFFTEST_REF_CMD to a reference emulator on non-x86 hosts)",
      };
    }
    return { ok: true, reason: "" };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Build and run

function buildBinarySync(dir: string, name: string, seqs: Sequence[], cc: string, harness: string): string {
  const asm = path.join(dir, `${name}.s`);
  const bin = path.join(dir, name);
  fs.writeFileSync(asm, emitAsm(seqs));
  execFileSync(cc, [...CFLAGS, ...LDFLAGS, "-o", bin, harness, asm], { stdio: "pipe" });
  return bin;
}

interface RunOutput {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  error?: string;
}

function run(argv: string[], timeoutMs: number): Promise<RunOutput> {
  return new Promise((resolve) => {
    execFile(
      argv[0] as string,
      argv.slice(1),
      { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, encoding: "utf8", killSignal: "SIGKILL" },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; signal?: string; killed?: boolean }) | null;
        let code: number | null = 0;
        let signal: string | null = null;
        let error: string | undefined;
        if (e) {
          if (typeof e.code === "number") code = e.code;
          else {
            code = null;
            if (e.code) error = `${e.code}: ${e.message}`;
          }
          signal = e.signal ?? null;
        }
        resolve({ code, signal, stdout, stderr, timedOut: !!(e && e.killed && signal === "SIGKILL"), error });
      },
    );
  });
}

function execAsync(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (err, _o, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(" ")} failed:\n${stderr}`));
      else resolve();
    });
  });
}

interface Parsed {
  results: Map<number, FinalState>;
  order: number[];
  done: boolean;
}

function parseOutput(out: string): Parsed {
  const results = new Map<number, FinalState>();
  const order: number[] = [];
  let done = false;
  for (const line of out.split("\n")) {
    if (line.startsWith("done ")) {
      done = true;
      continue;
    }
    const f = line.split(" ");
    if (f.length !== 10 || !/^\d+$/.test(f[0] as string)) continue;
    const mhex = f[9] as string;
    if (mhex.length !== SCRATCH_SIZE * 2) continue;
    const words = f.slice(1, 9).map((w) => parseInt(w, 16) >>> 0);
    const mem = new Uint8Array(SCRATCH_SIZE);
    for (let i = 0; i < SCRATCH_SIZE; i++) mem[i] = parseInt(mhex.substr(i * 2, 2), 16);
    const id = parseInt(f[0] as string, 10);
    results.set(id, { regs: words.slice(0, 7), flags: words[7] as number, mem });
    order.push(id);
  }
  return { results, order, done };
}

// ---------------------------------------------------------------------------------------------
// Comparison and reporting

let compareAllFlags = false;

function flagMask(seq: Sequence): number {
  return compareAllFlags ? STATUS | DF : seq.definedOut | DF;
}

function statesEqual(seq: Sequence, a: FinalState, b: FinalState): boolean {
  for (let i = 0; i < 7; i++) if (a.regs[i] !== b.regs[i]) return false;
  if ((a.flags ^ b.flags) & flagMask(seq)) return false;
  for (let i = 0; i < SCRATCH_SIZE; i++) if (a.mem[i] !== b.mem[i]) return false;
  return true;
}

const h8 = (v: number): string => "0x" + (v >>> 0).toString(16).padStart(8, "0");
const h2 = (v: number): string => v.toString(16).padStart(2, "0");

function fmtMem(mem: Uint8Array, indent: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < SCRATCH_SIZE; i += 32) {
    out.push(`${indent}+${h2(i)}: ${Array.from(mem.subarray(i, i + 32), h2).join(" ")}`);
  }
  return out;
}

function fmtFlagsCmp(a: number, b: number, mask: number): string {
  return FLAG_NAMES.map(([n, bit]) => {
    if (!(mask & bit)) return `${n}=?`;
    const x = a & bit ? 1 : 0, y = b & bit ? 1 : 0;
    return x === y ? `${n}=${x}` : `${n}=${x}/${y}!`;
  }).join(" ");
}

export function formatCase(seq: Sequence, ref: FinalState | undefined, emu: FinalState | undefined, title: string): string {
  const L: string[] = [];
  const asm = sequenceAsm(seq.units);
  L.push(title);
  L.push(`  code (${asm.length} instructions, ${seq.units.length} units):`);
  seq.units.forEach((u, n) => {
    u.insns.forEach((i, k) => L.push(`      ${i.asm}${k === 0 ? `${" ".repeat(Math.max(1, 44 - i.asm.length))}# unit ${n}: ${u.tmpl}` : ""}`));
  });
  L.push("  initial state:");
  L.push("    " + STATE_REGS.map((r, i) => `${r}=${i === EBP_SLOT ? "&scratch" : h8(seq.init.regs[i] as number)}`).join(" "));
  L.push(`    eflags=${h8(seq.init.flags)} ${flagsToString(seq.init.flags, STATUS)}`);
  L.push("    scratch (ebp):");
  L.push(...fmtMem(seq.init.mem, "      "));
  const mask = flagMask(seq);
  const undef = STATUS & ~mask;
  L.push(`  flags compared: ${FLAG_NAMES.filter(([, b]) => mask & b).map(([n]) => n).join(" ")}` +
    (undef ? `; undefined (not compared): ${FLAG_NAMES.filter(([, b]) => undef & b).map(([n]) => n).join(" ")}` : ""));
  if (ref && emu) {
    L.push(`  final state:     reference    emulator`);
    STATE_REGS.forEach((r, i) => {
      const a = ref.regs[i] as number, b = emu.regs[i] as number;
      L.push(`    ${r.padEnd(8)}     ${h8(a)}   ${h8(b)}${a !== b ? "   <-- differs" : ""}`);
    });
    const fd = (ref.flags ^ emu.flags) & mask;
    L.push(`    eflags       ${h8(ref.flags)}   ${h8(emu.flags)}${fd ? "   <-- differs" : ""}`);
    L.push(`      (reference/emulator) ${fmtFlagsCmp(ref.flags, emu.flags, mask)}`);
    const diffs: string[] = [];
    for (let i = 0; i < SCRATCH_SIZE; i++) {
      if (ref.mem[i] !== emu.mem[i]) diffs.push(`+${h2(i)}: ${h2(ref.mem[i] as number)}/${h2(emu.mem[i] as number)}`);
    }
    if (diffs.length) {
      L.push(`    scratch differs at ${diffs.length} byte(s) (reference/emulator):`);
      for (let i = 0; i < diffs.length; i += 8) L.push("      " + diffs.slice(i, i + 8).join("  "));
    }
  } else if (ref) {
    L.push("  reference final state:");
    L.push("    " + STATE_REGS.map((r, i) => `${r}=${h8(ref.regs[i] as number)}`).join(" "));
    L.push(`    eflags=${h8(ref.flags)} ${flagsToString(ref.flags, mask)}`);
  }
  return L.join("\n");
}

function genOpts(o: DifftestOptions): GenOptions {
  return { maxUnits: o.maxUnits, exclude: o.exclude };
}

/** the sequences of one seed, honouring --only / --units */
export function makeSequences(seed: number, o: DifftestOptions): Sequence[] {
  if (o.only === undefined) return Array.from({ length: o.perBinary }, (_, i) => genSequence(seed, i, genOpts(o)));
  const full = genSequence(seed, o.only, genOpts(o));
  if (!o.units) return [full];
  const bad = o.units.filter((u) => !(u >= 0 && u < full.units.length));
  if (bad.length) throw new Error(`--units: sequence ${o.only} of seed ${seed} has units 0..${full.units.length - 1}`);
  const sub = withUnits(full, o.units.map((u) => full.units[u] as Sequence["units"][number]));
  if (!sub) throw new Error("--units: this unit selection reads undefined flags");
  return [sub];
}

function replayCmd(seed: number, index: number, o: DifftestOptions, units?: number[]): string {
  let c = `node dist/tests/difftest/difftest.js --seed ${seed} --only ${index}`;
  if (units) c += ` --units ${units.join(",")}`;
  if (o.perBinary !== DEFAULTS.perBinary) c += ` --per ${o.perBinary}`;
  if (o.maxUnits !== DEFAULTS.maxUnits) c += ` --max-units ${o.maxUnits}`;
  if (o.exclude.length) c += ` --exclude ${o.exclude.join(",")}`;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Running one binary (a set of sequences) under both reference and emulator

interface BinaryOutcome {
  mismatches: { pos: number; reason: string; ref?: FinalState; emu?: FinalState; startup?: boolean }[];
  compared: number;
  /** per sequence position */
  states: { ref?: FinalState; emu?: FinalState }[];
  error?: string;
}

async function runSet(o: DifftestOptions, dir: string, name: string, seqs: Sequence[], harnessObj: string): Promise<BinaryOutcome> {
  const asm = path.join(dir, `${name}.s`);
  const bin = path.join(dir, name);
  fs.writeFileSync(asm, emitAsm(seqs));
  try {
    await execAsync(o.cc, [...CFLAGS, ...LDFLAGS, "-o", bin, harnessObj, asm]);
  } catch (e) {
    return { mismatches: [], compared: 0, states: [], error: `build of ${asm} failed: ${(e as Error).message}` };
  }
  const ref = await run([...o.refCmd, bin], o.timeoutMs);
  const refP = parseOutput(ref.stdout);
  if (ref.code !== 0 || !refP.done || refP.order.length !== seqs.length) {
    return {
      mismatches: [], compared: 0, states: [],
      error: `reference run of ${bin} failed (exit ${ref.code}, signal ${ref.signal}${ref.error ? ", " + ref.error : ""}, ` +
        `${refP.order.length}/${seqs.length} results): ${ref.stderr.slice(-2000)}`,
    };
  }
  const emu = await run([...o.emuCmd, bin], o.timeoutMs);
  const emuP = parseOutput(emu.stdout);
  const out: BinaryOutcome = { mismatches: [], compared: 0, states: [] };
  let crashed = false;
  seqs.forEach((s, pos) => {
    const r = refP.results.get(s.index) as FinalState;
    // the harness numbers entries by sequence index; shrink candidates use their position
    const e = emuP.results.get(s.index);
    out.states.push({ ref: r, emu: e });
    if (!e) {
      if (!crashed) {
        crashed = true;
        const why = emu.timedOut ? `timed out after ${o.timeoutMs} ms` :
          `exited with status ${emu.code}${emu.signal ? ` (signal ${emu.signal})` : ""}${emu.error ? ` (${emu.error})` : ""}`;
        const tail = emu.stderr.trim().split("\n").slice(-15).join("\n      ");
        const startup = emuP.order.length === 0;
        out.mismatches.push({
          pos, ref: r, startup,
          reason: (startup
            ? `emulator failed before producing any result (startup/harness problem, or this first sequence): it ${why}`
            : `emulator produced no result for this sequence (the first one missing): it ${why}`) +
            (tail ? `\n    stderr (tail):\n      ${tail}` : ""),
        });
      }
      return;
    }
    out.compared++;
    if (!statesEqual(s, r, e)) out.mismatches.push({ pos, ref: r, emu: e, reason: "final state differs" });
  });
  if (!crashed && (emu.code !== 0 || !emuP.done)) {
    out.mismatches.push({
      pos: -1,
      reason: `emulator exit status ${emu.code} (signal ${emu.signal}), done line ${emuP.done ? "present" : "missing"}, expected status 0\n` +
        emu.stderr.slice(-2000),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shrinking: greedily drop units / truncate while the sequence still mismatches

async function shrink(o: DifftestOptions, dir: string, harnessObj: string, seq: Sequence, tag: string): Promise<{ seq: Sequence; ref?: FinalState; emu?: FinalState; reason: string; units: number[] } | null> {
  let cur = seq;
  let best: { seq: Sequence; ref?: FinalState; emu?: FinalState; reason: string; units: number[] } | null = null;
  for (let round = 0; round < 64 && cur.units.length > 1; round++) {
    const cands: Sequence[] = [];
    const n = cur.units.length;
    for (let k = 1; k < n; k++) { // prefixes, shortest first
      const c = withUnits(cur, cur.units.slice(0, k));
      if (c) cands.push(c);
    }
    for (let i = 0; i < n; i++) { // drop one unit
      const c = withUnits(cur, [...cur.units.slice(0, i), ...cur.units.slice(i + 1)]);
      if (c) cands.push(c);
    }
    if (!cands.length) break;
    const numbered = cands.map((c, k) => ({ ...c, index: k }));
    const res = await runSet(o, dir, `shrink-${tag}-${round}`, numbered, harnessObj);
    if (res.error) break;
    const hit = res.mismatches.filter((m) => m.pos >= 0).sort((a, b) => (cands[a.pos] as Sequence).units.length - (cands[b.pos] as Sequence).units.length)[0];
    if (!hit) break;
    cur = cands[hit.pos] as Sequence;
    best = { seq: cur, ref: hit.ref, emu: hit.emu, reason: hit.reason, units: cur.units.map((u) => seq.units.indexOf(u)) };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------

export const DEFAULTS = {
  seedCount: 50,
  base: 1,
  perBinary: 200,
  maxUnits: 16,
};

export function defaultOptions(): DifftestOptions {
  const n = parseInt(process.env.DIFFTEST_SEEDS ?? "", 10);
  const base = parseInt(process.env.DIFFTEST_BASE ?? "", 10);
  const count = Number.isFinite(n) && n > 0 ? n : DEFAULTS.seedCount;
  const b = Number.isFinite(base) ? base : DEFAULTS.base;
  const jobs = parseInt(process.env.DIFFTEST_JOBS ?? "", 10);
  const timeout = parseInt(process.env.DIFFTEST_TIMEOUT ?? "", 10);
  return {
    seeds: Array.from({ length: count }, (_, i) => (b + i) >>> 0),
    perBinary: DEFAULTS.perBinary,
    maxUnits: DEFAULTS.maxUnits,
    exclude: splitList(process.env.DIFFTEST_EXCLUDE ?? ""),
    emuCmd: defaultEmuCmd(),
    refCmd: defaultRefCmd(),
    cc: defaultCc(),
    jobs: Number.isFinite(jobs) && jobs > 0 ? jobs : Math.max(1, os.cpus().length),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 300000,
    shrink: 3,
    maxReports: 10,
    keep: false,
    verbose: false,
    allFlags: false,
    log: (s) => console.log(s),
  };
}

export async function runDifftest(opts: Partial<DifftestOptions> = {}): Promise<DifftestResult> {
  const o: DifftestOptions = { ...defaultOptions(), ...opts };
  const t0 = Date.now();
  compareAllFlags = o.allFlags;
  const root = findRepoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-difftest-"));
  const result: DifftestResult = {
    seeds: o.seeds, sequences: 0, instructions: 0, compared: 0, mismatches: [], errors: [], elapsedMs: 0, workDir: dir,
  };
  o.log(`difftest: seeds ${fmtSeeds(o.seeds)}, ${o.only !== undefined ? `sequence ${o.only} only` : `${o.perBinary} sequences per seed`}, ` +
    (o.exclude.length ? `excluding ${o.exclude.join(",")}, ` : "") +
    `emulator: ${o.emuCmd.join(" ")}, reference: ${o.refCmd.length ? o.refCmd.join(" ") : "native"}, work dir ${dir}`);

  const harnessObj = path.join(dir, "harness.o");
  try {
    await execAsync(o.cc, [...CFLAGS, "-c", "-o", harnessObj, path.join(root, "tests", "difftest", "harness.c")]);
  } catch (e) {
    result.errors.push((e as Error).message);
    result.elapsedMs = Date.now() - t0;
    return result;
  }

  const pending: { seed: number; seq: Sequence; ref?: FinalState; emu?: FinalState; reason: string; startup?: boolean }[] = [];
  const seqsWith = new Map<string, number>(); // template -> number of sequences using it
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < o.seeds.length) {
      const seed = o.seeds[next++] as number;
      let seqs: Sequence[];
      try {
        seqs = makeSequences(seed, o);
      } catch (e) {
        result.errors.push(`seed ${seed}: ${(e as Error).message}`);
        continue;
      }
      result.sequences += seqs.length;
      for (const s of seqs) {
        result.instructions += sequenceAsm(s.units).length;
        for (const t of new Set(s.units.map((u) => u.tmpl))) seqsWith.set(t, (seqsWith.get(t) ?? 0) + 1);
      }
      const res = await runSet(o, dir, `seed-${seed}`, seqs, harnessObj);
      if (res.error) {
        result.errors.push(`seed ${seed}: ${res.error}`);
        continue;
      }
      result.compared += res.compared;
      for (const m of res.mismatches) {
        if (m.pos < 0) {
          result.errors.push(`seed ${seed}: ${m.reason}`);
          continue;
        }
        pending.push({ seed, seq: seqs[m.pos] as Sequence, ref: m.ref, emu: m.emu, reason: m.reason, startup: m.startup });
      }
      if (o.verbose || res.mismatches.length) {
        o.log(`  seed ${seed}: ${res.compared}/${seqs.length} compared, ${res.mismatches.length} mismatch(es)`);
      }
      if (o.only !== undefined && res.mismatches.length === 0) {
        const s = seqs[0] as Sequence;
        const st = res.states[0] ?? {};
        o.log(formatCase(s, st.ref, st.emu, `seed ${seed} sequence ${s.index}: match`));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.jobs, o.seeds.length) }, worker));

  pending.sort((a, b) => a.seed - b.seed || a.seq.index - b.seq.index);
  let shrunk = 0;
  for (const [n, p] of pending.entries()) {
    const title = `=== MISMATCH: seed ${p.seed} sequence ${p.seq.index}: ${p.reason}\n  replay: ${replayCmd(p.seed, p.seq.index, o, o.units)}`;
    let report = formatCase(p.seq, p.ref, p.emu, title);
    if (n < o.maxReports && shrunk < o.shrink && p.seq.units.length > 1 && !p.startup && o.units === undefined) {
      shrunk++;
      const s = await shrink(o, dir, harnessObj, p.seq, `${p.seed}-${p.seq.index}`);
      if (s) {
        report += "\n" + formatCase(s.seq, s.ref, s.emu,
          `  --- shrunk to ${s.seq.units.length} unit(s) (same initial state): ${s.reason}\n` +
          `  replay: ${replayCmd(p.seed, p.seq.index, o, s.units)}`);
      }
    }
    result.mismatches.push({ seed: p.seed, index: p.seq.index, seq: p.seq, ref: p.ref, emu: p.emu, reason: p.reason, report });
    if (n < o.maxReports) o.log(report + "\n");
  }
  if (pending.length > o.maxReports) {
    o.log(`... ${pending.length - o.maxReports} more mismatch(es): ` +
      pending.slice(o.maxReports, o.maxReports + 50).map((p) => `${p.seed}/${p.seq.index}`).join(" "));
  }
  const real = pending.filter((p) => !p.startup);
  if (real.length >= 3) {
    // triage hint: templates over-represented among mismatching sequences
    const bad = new Map<string, number>();
    for (const p of real) for (const t of new Set(p.seq.units.map((u) => u.tmpl))) bad.set(t, (bad.get(t) ?? 0) + 1);
    const rows = [...bad].map(([t, n]) => ({ t, n, rate: n / (seqsWith.get(t) ?? 1) })).sort((a, b) => b.rate - a.rate).slice(0, 8);
    o.log("templates most often present in mismatching sequences (mismatching/total sequences using them):\n" +
      rows.map((r) => `  ${r.t.padEnd(18)} ${r.n}/${seqsWith.get(r.t) ?? 0} (${(100 * r.rate).toFixed(1)}%)`).join("\n"));
  }
  for (const e of result.errors) o.log(`ERROR: ${e}`);
  result.elapsedMs = Date.now() - t0;
  o.log(`difftest: ${result.sequences} sequences (${result.instructions} instructions), ${result.compared} compared, ` +
    `${result.mismatches.length} mismatch(es), ${result.errors.length} error(s), ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (!o.keep && result.mismatches.length === 0 && result.errors.length === 0) fs.rmSync(dir, { recursive: true, force: true });
  else o.log(`difftest: build artefacts kept in ${dir}`);
  return result;
}

function fmtSeeds(s: number[]): string {
  if (s.length > 3 && s.every((x, i) => i === 0 || x === (s[i - 1] as number) + 1)) return `${s[0]}..${s[s.length - 1]}`;
  return s.join(",");
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node dist/tests/difftest/difftest.js [options]
  --seeds N         number of seeds (binaries) to run (default ${DEFAULTS.seedCount}, env DIFFTEST_SEEDS)
  --base B          first seed (default ${DEFAULTS.base}, env DIFFTEST_BASE); seeds are B..B+N-1
  --random          pick a random base seed (printed)
  --seed S[,S...]   run exactly these seeds
  --only I          only sequence I of each seed (replay a reported mismatch); prints
                    the case and both final states
  --units A,B,...   with --only: keep only these units (replay of a shrunk mismatch)
  --per N           sequences per seed/binary (default ${DEFAULTS.perBinary})
  --max-units N     max instruction units per sequence (default ${DEFAULTS.maxUnits})
  --exclude A,B     do not generate these templates/mnemonics (see --templates; env
                    DIFFTEST_EXCLUDE); changes what a seed generates
  --emu "CMD"       emulator command (default: env TSEMU_CMD or "node bin/tsemu-i386.js")
  --ref "CMD"       reference command (default: env DIFFTEST_REF_CMD or native execution)
  --jobs N          parallel binaries (default: CPU count, env DIFFTEST_JOBS)
  --timeout MS      per-binary run timeout (default 300000, env DIFFTEST_TIMEOUT)
  --no-shrink       do not shrink mismatching sequences
  --max-reports N   detailed reports to print (default 10)
  --print           print the generated sequences (asm + initial state) and exit
  --templates       list the instruction templates and exit
  --all-flags       diagnostic: also compare flags the SDM leaves undefined (expect noise)
  --keep            keep the temporary build directory
  --verbose         more output`;

export async function main(argv: string[]): Promise<number> {
  const o = defaultOptions();
  let count = o.seeds.length;
  let base: number | undefined;
  let explicit: number[] | undefined;
  let print = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (): number => {
      const v = val();
      const x = Number(v);
      if (!Number.isInteger(x)) throw new Error(`${a}: not an integer: ${v}`);
      return x;
    };
    switch (a) {
      case "--seeds": count = num(); break;
      case "--base": base = num(); break;
      case "--random": base = Math.floor(Math.random() * 0x100000000); break;
      case "--seed": explicit = [...(explicit ?? []), ...val().split(",").map((x) => Number(x) >>> 0)]; break;
      case "--only": o.only = num(); break;
      case "--units": o.units = splitList(val()).map(Number); break;
      case "--per": o.perBinary = num(); break;
      case "--max-units": o.maxUnits = num(); break;
      case "--exclude": o.exclude = [...o.exclude, ...splitList(val())]; break;
      case "--emu": o.emuCmd = splitCmd(val()); break;
      case "--ref": o.refCmd = splitCmd(val()); break;
      case "--jobs": o.jobs = Math.max(1, num()); break;
      case "--timeout": o.timeoutMs = num(); break;
      case "--no-shrink": o.shrink = 0; break;
      case "--max-reports": o.maxReports = num(); break;
      case "--keep": o.keep = true; break;
      case "--all-flags": o.allFlags = true; break;
      case "--verbose": case "-v": o.verbose = true; break;
      case "--print": print = true; break;
      case "--templates":
        for (const t of TEMPLATES) {
          console.log(`${t.name.padEnd(18)} ${t.mn.join(" ").padEnd(40)} sizes ${t.sizes.join("/").padEnd(8)} forms ${t.forms.map((f) => f || "-").join(" ")}` +
            (t.note ? `  (${t.note})` : ""));
        }
        return 0;
      case "--help": case "-h": console.log(USAGE); return 0;
      default: throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  if (explicit) o.seeds = explicit;
  else if (base !== undefined || count !== o.seeds.length) {
    const b = base ?? (o.seeds[0] as number);
    o.seeds = Array.from({ length: count }, (_, i) => (b + i) >>> 0);
  }
  if (o.units && o.only === undefined) throw new Error("--units needs --only");
  if (print) {
    for (const seed of o.seeds) {
      for (const s of makeSequences(seed, o)) console.log(formatCase(s, undefined, undefined, `seed ${seed} sequence ${s.index}:`) + "\n");
    }
    return 0;
  }
  const tc = checkToolchain(o.cc, o.refCmd);
  if (!tc.ok) {
    console.error(`difftest: ${tc.reason}`);
    return 2;
  }
  const r = await runDifftest(o);
  return r.mismatches.length === 0 && r.errors.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
