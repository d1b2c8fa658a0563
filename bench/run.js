#!/usr/bin/env node
// tsemu benchmark runner: times each guest program natively, under qemu-i386
// and under tsemu, checks that the emulators print the same output as the
// native run, and prints a comparison table.
//
// Usage: node bench/run.js [--reps N] [--only name,name] [--tsemu CMD]
//                          [--qemu CMD] [--timeout SEC] [--markdown]
//
// Plain CommonJS, no dependencies. Progress goes to stderr, the table to stdout.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const BENCH_DIR = __dirname;
const REPO = path.resolve(BENCH_DIR, "..");
const BIN_DIR = path.join(BENCH_DIR, "bin");

const PROGRAMS = ["int-mix", "calls", "memory", "float-x87", "float-sse", "syscall", "hello"];
const GROUPS = [
  { label: "integer, calls, memory", names: ["int-mix", "calls", "memory"] },
  { label: "float", names: ["float-x87", "float-sse"] },
];

function usage(code) {
  const text = [
    "Usage: node bench/run.js [options]",
    "  --reps N         repetitions per program and runner, median is reported (default 3)",
    "  --only a,b       run only these programs (" + PROGRAMS.join(", ") + ")",
    "  --tsemu CMD      command used to run tsemu (default: node <repo>/bin/tsemu-i386.js)",
    "  --qemu CMD       command used to run qemu (default: qemu-i386)",
    "  --timeout SEC    per-run time limit in seconds (default 600)",
    "  --markdown       print the table as a GitHub markdown table",
  ].join("\n");
  (code ? process.stderr : process.stdout).write(text + "\n");
  process.exit(code);
}

// Split a command string into argv, honouring simple '...' and "..." quoting.
function splitCommand(str) {
  const out = [];
  let cur = "";
  let has = false;
  let quote = null;
  for (const ch of str) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) throw new Error("unterminated quote in command: " + str);
  if (has) out.push(cur);
  return out;
}

function parseArgs(argv) {
  const opts = {
    reps: 3,
    only: null,
    tsemu: [process.execPath, path.join(REPO, "bin", "tsemu-i386.js")],
    qemu: ["qemu-i386"],
    timeout: 600,
    markdown: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let val = null;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      val = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (val !== null) return val;
      if (i + 1 >= argv.length) {
        process.stderr.write(`missing value for ${arg}\n`);
        usage(2);
      }
      return argv[++i];
    };
    switch (arg) {
      case "--reps": {
        const n = Number(next());
        if (!Number.isInteger(n) || n < 1) {
          process.stderr.write("--reps must be a positive integer\n");
          usage(2);
        }
        opts.reps = n;
        break;
      }
      case "--only": {
        const names = next().split(",").map((s) => s.trim()).filter(Boolean);
        const bad = names.filter((n) => !PROGRAMS.includes(n));
        if (bad.length) {
          process.stderr.write(`unknown program(s): ${bad.join(", ")}; known: ${PROGRAMS.join(", ")}\n`);
          process.exit(2);
        }
        opts.only = names;
        break;
      }
      case "--tsemu":
        opts.tsemu = splitCommand(next());
        break;
      case "--qemu":
        opts.qemu = splitCommand(next());
        break;
      case "--timeout": {
        const t = Number(next());
        if (!(t > 0)) {
          process.stderr.write("--timeout must be a positive number of seconds\n");
          usage(2);
        }
        opts.timeout = t;
        break;
      }
      case "--markdown":
        opts.markdown = true;
        break;
      case "-h":
      case "--help":
        usage(0);
        break;
      default:
        process.stderr.write(`unknown option: ${argv[i]}\n`);
        usage(2);
    }
  }
  if (!opts.tsemu.length || !opts.qemu.length) {
    process.stderr.write("empty command\n");
    usage(2);
  }
  return opts;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function geomean(xs) {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

// Pick the most telling line of a stderr dump: the first one mentioning an
// error, else the first non-empty one.
function firstLine(s, max = 160) {
  const lines = String(s).split("\n").map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|fault|abort|panic|unimplemented|unsupported/i.test(l)) || lines[0] || "";
  return line.length > max ? line.slice(0, max) + "..." : line;
}

// Run argv once; returns { ok, secs, stdout, why }.
function runOnce(argv, timeoutSec) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutSec * 1000,
    killSignal: "SIGKILL",
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const stdout = r.stdout ? r.stdout.toString("latin1") : "";
  const stderr = r.stderr ? r.stderr.toString("latin1") : "";
  if (r.error) {
    const why = r.error.code === "ETIMEDOUT" ? `timed out after ${timeoutSec} s` : r.error.message;
    return { ok: false, secs, stdout, why };
  }
  if (r.signal) return { ok: false, secs, stdout, why: `killed by ${r.signal}` + (stderr ? `: ${firstLine(stderr)}` : "") };
  if (r.status !== 0) return { ok: false, secs, stdout, why: `exit status ${r.status}` + (stderr ? `: ${firstLine(stderr)}` : "") };
  return { ok: true, secs, stdout, why: null };
}

// Run argv reps times (stopping at the first failure); returns a result cell.
function measure(argv, reps, timeoutSec, label) {
  const times = [];
  let stdout = null;
  for (let i = 0; i < reps; i++) {
    process.stderr.write(`  ${label} ${i + 1}/${reps} ...`);
    const r = runOnce(argv, timeoutSec);
    process.stderr.write(r.ok ? ` ${r.secs.toFixed(3)} s\n` : ` FAIL (${r.why})\n`);
    if (!r.ok) return { status: "FAIL", why: r.why, secs: null, stdout: r.stdout };
    if (stdout !== null && r.stdout !== stdout) {
      return { status: "FAIL", why: "output differs between repetitions", secs: null, stdout: r.stdout };
    }
    stdout = r.stdout;
    times.push(r.secs);
  }
  return { status: "ok", secs: median(times), stdout, why: null };
}

function haveCommand(argv) {
  const r = spawnSync(argv[0], [...argv.slice(1), "--version"], { stdio: "ignore" });
  return !(r.error && r.error.code === "ENOENT");
}

function describeMismatch(expected, got) {
  const e = expected.split("\n");
  const g = got.split("\n");
  for (let i = 0; i < Math.max(e.length, g.length); i++) {
    if (e[i] !== g[i]) {
      return `line ${i + 1}: expected ${JSON.stringify(e[i] ?? "<EOF>")}, got ${JSON.stringify(g[i] ?? "<EOF>")}`;
    }
  }
  return "outputs differ";
}

function fmtSecs(cell) {
  if (!cell) return "-";
  if (cell.status !== "ok") return cell.status;
  return cell.secs.toFixed(3);
}

function ratio(a, b) {
  if (!a || !b || a.status !== "ok" || b.status !== "ok" || !(b.secs > 0)) return null;
  return a.secs / b.secs;
}

function fmtRatio(x) {
  return x === null ? "-" : x.toFixed(2);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const names = opts.only ? PROGRAMS.filter((n) => opts.only.includes(n)) : PROGRAMS;

  const missing = names.filter((n) => !fs.existsSync(path.join(BIN_DIR, n)));
  if (missing.length) {
    process.stderr.write(`missing guest binaries: ${missing.join(", ")} (build them with: make -C bench)\n`);
    process.exit(1);
  }

  const haveQemu = haveCommand(opts.qemu);
  const notes = [];
  if (!haveQemu) notes.push(`${opts.qemu[0]} not found: qemu columns are shown as '-'.`);
  if (!haveQemu) process.stderr.write(`${opts.qemu[0]} not found; skipping qemu runs\n`);

  const rows = [];
  for (const name of names) {
    const bin = path.join("bench", "bin", name); // relative to REPO (the cwd of the runs)
    process.stderr.write(`${name}:\n`);
    const native = measure([path.join(REPO, bin)], opts.reps, opts.timeout, "native");
    const qemu = haveQemu ? measure([...opts.qemu, bin], opts.reps, opts.timeout, "qemu  ") : null;
    const tsemu = measure([...opts.tsemu, bin], opts.reps, opts.timeout, "tsemu ");

    if (native.status !== "ok") notes.push(`${name}: native run failed (${native.why}); outputs not checked.`);
    for (const [label, cell] of [["qemu", qemu], ["tsemu", tsemu]]) {
      if (!cell) continue;
      if (cell.status === "FAIL") {
        notes.push(`${name}: ${label} FAIL (${cell.why}).`);
      } else if (native.status === "ok" && cell.stdout !== native.stdout) {
        cell.status = "MISMATCH";
        notes.push(`${name}: ${label} MISMATCH after ${cell.secs.toFixed(3)} s, ${describeMismatch(native.stdout, cell.stdout)}.`);
      }
    }
    rows.push({ name, native, qemu, tsemu });
  }

  const header = ["program", "native s", "qemu s", "tsemu s", "qemu/native", "tsemu/native", "tsemu/qemu"];
  const table = rows.map((r) => [
    r.name,
    fmtSecs(r.native),
    fmtSecs(r.qemu),
    fmtSecs(r.tsemu),
    fmtRatio(ratio(r.qemu, r.native)),
    fmtRatio(ratio(r.tsemu, r.native)),
    fmtRatio(ratio(r.tsemu, r.qemu)),
  ]);

  const out = [];
  if (opts.markdown) {
    out.push("| " + header.join(" | ") + " |");
    out.push("|" + header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|") + "|");
    for (const row of table) out.push("| " + row.join(" | ") + " |");
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const fmt = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    out.push(fmt(header));
    out.push(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of table) out.push(fmt(row));
  }
  out.push("");

  const bullet = opts.markdown ? "- " : "";
  for (const g of GROUPS) {
    const selected = rows.filter((r) => g.names.includes(r.name));
    if (!selected.length) continue;
    const rs = selected.map((r) => ratio(r.tsemu, r.qemu)).filter((x) => x !== null);
    const cover = rs.length === g.names.length ? "" : ` (${rs.length} of ${g.names.length} programs)`;
    const value = rs.length ? geomean(rs).toFixed(2) + cover : "-";
    out.push(`${bullet}geomean tsemu/qemu, ${g.label}: ${value}`);
  }
  const hello = rows.find((r) => r.name === "hello");
  if (hello) {
    const ms = (c) => (c && c.status === "ok" ? (c.secs * 1000).toFixed(1) + " ms" : fmtSecs(c));
    out.push(`${bullet}hello world end-to-end, tsemu: ${ms(hello.tsemu)} (native ${ms(hello.native)}, qemu ${ms(hello.qemu)})`);
  }
  out.push(`${bullet}median of ${opts.reps} run(s); tsemu command: ${opts.tsemu.join(" ")}`);
  if (notes.length) {
    out.push("");
    for (const n of notes) out.push(`${bullet}${n}`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

main();
