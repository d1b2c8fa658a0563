// Debian's gdb drives tsemu -g in batch mode over TCP, and the same scripts drive qemu-i386 -g:
// what gdb observes (stop reasons and locations, register values, disassembly, the values a
// watchpoint sees change, exit codes) must agree once the documented differences are normalized
// (README, "Debugging with gdb": stack addresses, qemu-user's lack of watchpoints and of
// `info proc mappings`). Checks only tsemu can pass (watchpoints on string instructions,
// cmpxchg8b, push and a read() system call; info proc mappings; monitor) run on tsemu alone.
// In CI (CI=true) a missing gdb or qemu-i386 fails the test; elsewhere it skips.
import test from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const root = path.resolve(__dirname, "..", "..", "..");
const tsemu = path.join(root, "bin", "tsemu-i386.js");
const prog = path.join(root, "tests", "gdb", "bin", "target");
const inCI = process.env.CI === "true";

function have(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}
const missing = ["gdb", "qemu-i386"].filter((c) => !have(c));
if (missing.length && inCI) {
  test("gdb and qemu-user are installed", () => assert.fail(`missing in CI: ${missing.join(", ")} (.ci/run installs gdb and qemu-user)`));
}
const skip = missing.length ? `not installed: ${missing.join(", ")}` : false;

type Emu = "tsemu" | "qemu";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Session {
  gdb: string;
  status: number | null;
  out: string;
}

/** Start the emulator stopped under -g, run gdb -batch with the script, collect both. */
async function session(emu: Emu, args: string[], commands: string[]): Promise<Session> {
  const port = await freePort();
  const cmd = emu === "tsemu" ? [process.execPath, tsemu] : ["qemu-i386"];
  const child = spawn(cmd[0], [...cmd.slice(1), "-g", String(port), prog, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  // a guest killed by a signal: qemu-user dies by it, tsemu exits with 128 + the signal
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? 128 + os.constants.signals[sig] : null))));
  await waitListening(port);
  return runGdb(emu, port, commands, child, exited, () => out);
}

/** Wait until something listens on the port, without connecting (a stub serves one connection). */
async function waitListening(port: number): Promise<void> {
  const hex = ":" + port.toString(16).toUpperCase().padStart(4, "0");
  for (let i = 0; i < 400; i++) {
    const lines = fs.readFileSync("/proc/net/tcp", "latin1").split("\n");
    if (lines.some((l) => l.trim().split(/\s+/)[1]?.endsWith(hex) && l.trim().split(/\s+/)[3] === "0A")) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function runGdb(emu: Emu, port: number, commands: string[], child: ReturnType<typeof spawn>, exited: Promise<number | null>, out: () => string): Promise<Session> {
  const script = path.join(os.tmpdir(), `tsemu-gdb-${process.pid}-${port}.gdb`);
  const head = ["set pagination off", "set confirm off", "set width 0", "set style enabled off"];
  // qemu-user 7.2 refuses Z2-Z4: gdb falls back to software watchpoints (single-stepping)
  if (emu === "qemu") head.push("set can-use-hw-watchpoints 0");
  fs.writeFileSync(script, [...head, `target remote 127.0.0.1:${port}`, ...commands, ""].join("\n"));
  const gdb = spawn("gdb", ["-batch", "-nx", "-x", script, prog], { stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  gdb.stdout.on("data", (d) => (text += d));
  gdb.stderr.on("data", (d) => (text += d));
  const timer = setTimeout(() => gdb.kill("SIGKILL"), 60_000);
  await new Promise((r) => gdb.on("exit", r));
  clearTimeout(timer);
  const t2 = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const status = await exited;
  clearTimeout(t2);
  fs.rmSync(script, { force: true });
  return { gdb: text, status, out: out() };
}

/** The documented differences, normalized away before comparing transcripts. */
function normalize(s: string): string {
  return s
    .split("\n")
    .filter((l) => !/^warning: /.test(l) && !/^0x[0-9a-f]+ in _start \(\)$/.test(l) && !l.includes("Terminated via GDBstub"))
    .filter((l) => l !== "")
    .join("\n")
    .replace(/argv=0x[0-9a-f]+/g, "argv=<stack>")
    .replace(/process \d+/g, "process <pid>")
    .replace(/Hardware watchpoint/g, "Watchpoint");
}

// Session A: breakpoints, registers, disassembly, stepi/nexti, conditional breakpoint, finish,
// a watchpoint, a SIGSEGV caught by gdb then delivered to the guest's handler, the exit code.
const SESSION_A = [
  "break main",
  "continue",
  "info registers eip",
  "break *known_regs",
  "continue",
  "info registers eax ecx edx eip",
  "print $pc == (void *)&known_regs",
  "x/4i $pc",
  "nexti",
  "info registers eip",
  "print $pc == (void *)&after_call",
  "stepi",
  "info registers eip",
  "break square if x == 3",
  "continue",
  "info args",
  "finish",
  "info registers eax",
  "delete",
  "watch counter",
  "continue",
  "continue",
  "delete",
  "continue",
  "info registers eip",
  "x/i $pc",
  "continue",
];
// Session C: a hardware breakpoint, then the guest killed by a signal gdb sends (X stop reply).
const SESSION_C = ["hbreak square", "continue", "info registers eip", "signal SIGUSR1"];
// Session B: a breakpoint in a callee, a backtrace, then detach: the program runs to its end.
const SESSION_B = ["break square", "continue", "bt", "info registers eip"];
const SESSION_B_TSEMU = ["info proc mappings", "monitor help", "monitor stats"];
const SESSION_B_END = ["delete", "detach"];

test("gdb session A (break, registers, stepi/nexti, conditional break, finish, watch, SIGSEGV, exit) agrees with qemu-i386 -g", { skip, timeout: 180_000 }, async () => {
  const ts = await session("tsemu", ["segv"], SESSION_A);
  const q = await session("qemu", ["segv"], SESSION_A);
  const g = ts.gdb;
  // what the program must show, independently of qemu
  assert.match(g, /Breakpoint 1, main \(argc=2, argv=0x[0-9a-f]+\) at src\/target\.c:\d+/);
  assert.match(g, /eax\s+0x11223344\s+287454020\necx\s+0x55667788\s+1432778632\nedx\s+0x99aabbcc\s+-1716864052\neip\s+0x[0-9a-f]+\s+0x[0-9a-f]+ <main\+\d+>\n\$1 = 1\n/);
  assert.match(g, /=> 0x[0-9a-f]+ <main\+\d+>:\s+call\s+0x[0-9a-f]+ <do_nothing>/);
  assert.match(g, /\$2 = 1\n/, "nexti steps over the call");
  assert.match(g, /eip\s+0x[0-9a-f]+\s+0x[0-9a-f]+ <main\+\d+>\n/, "stepi");
  assert.match(g, /Breakpoint 3, square \(x=3\)/);
  assert.match(g, /Value returned is \$3 = 9\neax\s+0x9\s+9/);
  assert.match(g, /Hardware watchpoint 4: counter\n\nOld value = 5\nNew value = 14\n/);
  assert.match(g, /Old value = 14\nNew value = 30\n/);
  assert.match(g, /Program received signal SIGSEGV, Segmentation fault\.\n.*at src\/target\.c:\d+\n\d+\s+\*\(volatile int \*\)16 = 1;/);
  assert.match(g, /=> 0x[0-9a-f]+ <main\+\d+>:\s+movl\s+\$0x1,\(%eax\)/);
  assert.match(g, /\[Inferior 1 \(process \d+\) exited with code 05\]/);
  assert.equal(ts.status, 5);
  assert.equal(ts.out, "caught SIGSEGV\n"); // "total 30" stays in stdio's buffer: the handler leaves by _exit
  // and what gdb sees under qemu is the same
  assert.equal(q.status, 5, q.gdb);
  assert.equal(normalize(g), normalize(q.gdb));
});

test("gdb session B (break in a callee, backtrace, info proc mappings, monitor, detach) agrees with qemu-i386 -g", { skip, timeout: 120_000 }, async () => {
  const ts = await session("tsemu", [], [...SESSION_B, ...SESSION_B_TSEMU, ...SESSION_B_END]);
  const q = await session("qemu", [], [...SESSION_B, ...SESSION_B_END]);
  const g = ts.gdb;
  assert.match(g, /#0  square \(x=0\) at src\/target\.c:\d+\n#1  0x[0-9a-f]+ in main \(argc=1, argv=0x[0-9a-f]+\) at src\/target\.c:\d+/);
  // info proc mappings: gdb reads /proc/PID/maps through vFile
  assert.match(g, /Mapped address spaces:/);
  assert.match(g, /0x8049000\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x0\s+r-xp\s+\S+tests\/gdb\/bin\/target\n/);
  assert.match(g, /\s+rw-p\s+\[stack\]\n/);
  assert.match(g, /tsemu monitor commands:\n\s+help/);
  assert.match(g, /blocks translated \d+, invalidated \d+/);
  assert.match(g, /\[Inferior 1 \(process \d+\) detached\]/);
  assert.equal(ts.status, 7);
  assert.equal(ts.out, "total 30\n");
  assert.equal(q.status, 7);
  const cut = (s: string) => normalize(s).replace(/process <pid>\nMapped address spaces:[\s\S]*?(?=\n\[Inferior)/, "").replace(/tsemu monitor commands:[\s\S]*?regions \d+\n/, "").replace(/\n+/g, "\n");
  assert.equal(cut(g), cut(q.gdb));
});

test("gdb session C (hbreak, a signal sent by gdb kills the guest) agrees with qemu-i386 -g", { skip, timeout: 120_000 }, async () => {
  const ts = await session("tsemu", [], SESSION_C);
  const q = await session("qemu", [], SESSION_C);
  assert.match(ts.gdb, /Hardware assisted breakpoint 1 at 0x[0-9a-f]+[^\n]*\n\nBreakpoint 1, square \(x=0\)/);
  assert.match(ts.gdb, /Program terminated with signal SIGUSR1, User defined signal 1\./);
  assert.equal(ts.status, 128 + 10);
  assert.equal(q.status, 128 + 10);
  assert.equal(normalize(ts.gdb), normalize(q.gdb));
});

test("gdb on tsemu only: a watchpoint in a hot loop compiled into a region stops at the store", { skip, timeout: 120_000 }, async () => {
  const ts = await session("tsemu", ["hot"], ["break hot_loop", "continue", "watch flag", "continue", "print i", "print sum", "monitor stats", "delete", "continue"]);
  const g = ts.gdb;
  assert.match(g, /Hardware watchpoint 2: flag\n\nOld value = 0\nNew value = 315000\n/);
  assert.match(g, /\$1 = 90000\n\$2 = 315000\n/);
  assert.match(g, /regions [1-9]/, "the loop ran as a region");
  assert.match(g, /exited with code 07/);
  assert.equal(ts.out, "total 30\nhot 350000 flag 315000\n");
});

test("gdb on tsemu only: watchpoints fire on push, rep stos, cmpxchg8b, a read() into the buffer, and on reads", { skip, timeout: 120_000 }, async () => {
  const ts = await session("tsemu", ["watch"], [
    "break *watch_kinds",
    "continue",
    "watch -l *(int *)($esp - 4)",
    "continue",
    "x/i $pc - 1",
    "delete",
    "watch watched[0]",
    "continue",
    "x/i $pc - 2",
    "delete",
    "watch wide",
    "continue",
    "x/i $pc - 8",
    "delete",
    "watch watched[8]",
    "continue",
    "x/i $pc - 2",
    "delete",
    "rwatch watched[1]",
    "continue",
    "delete",
    "continue",
  ]);
  const g = ts.gdb;
  assert.match(g, /Hardware watchpoint 2: -location \*\(int \*\)\(\$esp - 4\)\n\nOld value = -?\d+\nNew value = -?\d+\n[^\n]*watch_kinds[^\n]*\n[^\n]*\n\s+0x[0-9a-f]+ <watch_kinds>:\s+push\s+%ebp/);
  assert.match(g, /Hardware watchpoint 3: watched\[0\]\n\nOld value = 0 '\\000'\nNew value = 65 'A'\n[\s\S]*?0x[0-9a-f]+ <watch_kinds\+\d+>:\s+rep stos %al,%es:\(%edi\)/);
  assert.match(g, /Hardware watchpoint 4: wide\n\nOld value = 0\nNew value = 95073396068916\n[\s\S]*?lock cmpxchg8b/);
  assert.match(g, /Hardware watchpoint 5: watched\[8\]\n\nOld value = 0 '\\000'\nNew value = 120 'x'\n[\s\S]*?int\s+\$0x80/);
  assert.match(g, /Hardware read watchpoint 6: watched\[1\]\n\nValue = 65 'A'\n/);
  assert.match(g, /\[Inferior 1 \(process \d+\) exited with code 07\]/);
  assert.equal(ts.status, 7);
  assert.match(ts.out, /watched AAAA xyz wide 567800001234/);
});
