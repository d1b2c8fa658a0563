// The command line as users meet it: qemu-style options, log formats, and one-line errors with
// non-zero statuses for bad input — never a JS stack trace.
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runTsemu } from "../util/run";
import { tinyElf } from "../util/elf";

const root = path.resolve(__dirname, "..", "..", "..");
const hello = path.join(root, "examples", "hello.i386");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tsemu-cli-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

function oneLineError(args: string[], pattern: RegExp): void {
  const r = runTsemu(args);
  assert.notEqual(r.status, 0);
  assert.notEqual(r.status, 70, "not an internal error");
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], pattern);
}

test("bad input: missing, non-ELF, wrong architecture, directory, unknown option, no program", () => {
  oneLineError(["/nonexistent/prog"], /^tsemu-i386: Could not open '\/nonexistent\/prog': No such file or directory$/);
  const text = path.join(tmp, "text");
  fs.writeFileSync(text, "#!/bin/sh\necho hi\n");
  oneLineError([text], /Invalid ELF image for this architecture/);
  oneLineError([process.execPath], /Invalid ELF image for this architecture/); // an x86-64 ELF
  oneLineError([tmp], /Is a directory/);
  oneLineError(["-bogus", hello], /unknown option 'bogus'/);
  oneLineError([], /no user program specified/);
  oneLineError(["-d", "nonsense", hello], /unknown log item 'nonsense'/);
});

test("-h and -version", () => {
  const h = runTsemu(["-h"]);
  assert.equal(h.status, 0);
  assert.match(h.stdout.toString(), /^usage: tsemu-i386 \[options\] program \[arguments\.\.\.\]/);
  for (const opt of ["-d item", "-D logfile", "-strace", "-E var=value", "-U var", "-L path", "-one-insn-per-tb"]) {
    assert.ok(h.stdout.toString().includes(opt), opt);
  }
  const v = runTsemu(["-version"]);
  assert.equal(v.status, 0);
  assert.match(v.stdout.toString(), /tsemu-i386 version/);
});

test("-E, -U and -0 shape the guest's environment and argv", () => {
  const r = runTsemu(["-E", "TSEMU_TEST_VAR=42", "-U", "HOME", "-0", "renamed", hello], {
    env: { ...process.env, HOME: "/root" },
  });
  assert.equal(r.status, 0);
  assert.match(r.stdout.toString(), /argv\[0\] = "renamed"/);
});

test("-d in_asm, op, op_opt, out_asm, cpu, exec, page write qemu-style logs to -D", () => {
  const log = path.join(tmp, "log");
  const r = runTsemu(["-d", "in_asm,op,op_opt,out_asm,page", "-D", log, hello]);
  assert.equal(r.status, 0);
  const text = fs.readFileSync(log, "utf8");
  assert.match(text, /^----------------\nIN: \n0x[0-9a-f]{8}:  [0-9a-f ]+ +xorl +%ebp, %ebp$/m);
  assert.match(text, /^OP:\n ---- [0-9a-f]{8}\n/m);
  assert.match(text, /^OP after optimization and liveness analysis:\n/m);
  assert.match(text, /^OUT: \[size=\d+\]\n"use strict";/m);
  assert.match(text, /^start_brk +0x[0-9a-f]{8}$/m);
  const log2 = path.join(tmp, "log2");
  runTsemu(["-d", "cpu,exec", "-D", log2, path.join(root, "tests", "guest", "bin", "rawhello")]);
  const t2 = fs.readFileSync(log2, "utf8");
  assert.match(t2, /^EAX=00000000 EBX=00000000 ECX=00000000 EDX=00000000$/m);
  assert.match(t2, /^EIP=[0-9a-f]{8} EFL=[0-9a-f]{8} \[[-ODSZAPC]{7}\] CPL=3/m);
  assert.match(t2, /^Trace 0: [0-9a-f]{8} \[[0-9a-f]{8}\/0x0\]$/m);
});

test("-strace prints `pid name(args) = result` lines", () => {
  const r = runTsemu(["-strace", hello]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /^\d+ write\(1,0x[0-9a-f]+,\d+\) = \d+$/m);
  assert.match(r.stderr, /^\d+ exit_group\(0\)$/m);
});

test("an unknown syscall returns -ENOSYS and is reported under -d unimp", () => {
  // mov $999,%eax; int $0x80; mov %eax,%ebx; neg %ebx; mov $1,%eax; int $0x80
  const code = Uint8Array.from([0xb8, 0xe7, 0x03, 0, 0, 0xcd, 0x80, 0x89, 0xc3, 0xf7, 0xdb, 0xb8, 1, 0, 0, 0, 0xcd, 0x80]);
  const prog = path.join(tmp, "enosys");
  fs.writeFileSync(prog, tinyElf(code), { mode: 0o755 });
  const r = runTsemu(["-d", "unimp", prog]);
  assert.equal(r.status, 38);
  assert.match(r.stderr, /^Unsupported syscall: 999$/m);
});

test("illegal instruction and segfault end like qemu's uncaught target signals", () => {
  const ud2 = path.join(tmp, "ud2");
  fs.writeFileSync(ud2, tinyElf(Uint8Array.from([0x0f, 0x0b])), { mode: 0o755 });
  const r = runTsemu([ud2]);
  assert.equal(r.status, 132);
  assert.equal(r.stderr, "tsemu: uncaught target signal 4 (Illegal instruction) - core dumped\n");
  const segv = path.join(tmp, "segv");
  // movl $1, 0
  fs.writeFileSync(segv, tinyElf(Uint8Array.from([0xc7, 0x05, 0, 0, 0, 0, 1, 0, 0, 0])), { mode: 0o755 });
  const s = runTsemu([segv]);
  assert.equal(s.status, 139);
  assert.equal(s.stderr, "tsemu: uncaught target signal 11 (Segmentation fault) - core dumped\n");
});
