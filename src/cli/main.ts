// tsemu-<arch>: the qemu-user-compatible command line. Parses options, loads the program, runs
// the guest and exits with its status. Every user error is one line on stderr and a non-zero
// status; an internal error is reported as such, never as a bare stack trace.
import * as fs from "fs";
import * as path from "path";
import { AddressSpace } from "../memory/address-space";
import { ExecEngine } from "../exec/cpu-exec";
import { Log, helpText } from "../util/log";
import { CPUX86State, R_CS, R_DS, R_ES, R_ESP, R_SS, SEG_LIMIT, SEG_SEL, EIP } from "../target/i386/cpu";
import { I386Frontend } from "../target/i386/frontend";
import { Task } from "../linux-user/task";
import { hostsys } from "../linux-user/host";
import { loadElf, LoadError } from "../linux-user/elfload";
import { SyscallDispatcher } from "../linux-user/syscall";
import { I386_SYSCALLS } from "../linux-user/i386/syscall-table";
import { I386_ARCH_SYSCALLS } from "../linux-user/i386/syscalls";
import { cpuLoop } from "../linux-user/i386/cpu-loop";
import { I386_VDSO, mapSigtramp } from "../linux-user/i386/signal";
import { reserveHostFds } from "../linux-user/syscalls/fs";
import { allocGuestMemory } from "../linux-user/host";
import { InfoRequest, OptionError, parseOptions, usage } from "./options";
import { GdbConnection } from "../gdbstub/connection";
import { GdbSession } from "../gdbstub/session";
import { I386_GDB } from "../gdbstub/i386-regs";

export const VERSION = "0.1.0";

function hostFdsOpen(): number[] {
  try {
    return fs.readdirSync("/proc/self/fd").map(Number).filter((n) => n > 2);
  } catch {
    return [];
  }
}

export function main(arch: string): void {
  const cmd = `tsemu-${arch}`;
  let status: number;
  try {
    status = run(cmd, process.argv.slice(2));
    // the guest ran: leave without V8's teardown (tools/bundle.js needs the normal exit)
    const quick = hostsys().exit;
    if (quick && !process.env.TSEMU_WRITE_CODE_CACHE) quick(status);
  } catch (e) {
    if (e instanceof InfoRequest) {
      if (e.message === "help") process.stdout.write(usage(cmd, arch));
      else process.stdout.write(`${cmd} version ${VERSION} (tsemu)\nA QEMU-style user-mode emulator in TypeScript\n`);
      status = 0;
    } else if (e instanceof OptionError || e instanceof LoadError) {
      process.stderr.write(`${cmd}: ${e.message}\n`);
      status = 1;
    } else {
      const err = e as Error;
      process.stderr.write(`${cmd}: internal error: ${err && err.message ? err.message : String(e)}\n`);
      if (process.env.TSEMU_DEBUG) process.stderr.write(String(err && err.stack) + "\n");
      status = 70;
    }
  }
  process.exit(status);
}

function run(cmd: string, argv: string[]): number {
  const opts = parseOptions(argv, process.env);
  const log = new Log();
  if (opts.logItems === "help") {
    process.stdout.write("Log items (comma separated):\n" + helpText() + "\n");
    return 0;
  }
  if (opts.logItems) {
    const err = log.enable(opts.logItems);
    if (err) throw new OptionError(err.split("\n").pop()!);
  }
  if (opts.logFile) {
    try {
      log.setFile(opts.logFile);
    } catch (e) {
      throw new OptionError(`cannot open log file '${opts.logFile}': ${(e as Error).message}`);
    }
  }
  // accepted for qemu compatibility, but not implemented yet: say so instead of ignoring them
  if (opts.plugins.length) throw new OptionError("-plugin: plugins are not available yet");
  if (opts.cpuModel === "help") {
    process.stdout.write("Available CPUs:\n  i686\n");
    return 0;
  }

  const gdb = opts.gdbPort ? listenForGdb(opts.gdbPort) : null;
  const mem = new AddressSpace(allocGuestMemory());
  const cpu = new CPUX86State(mem);
  const frontend = new I386Frontend(cpu);
  const engine = new ExecEngine(frontend, mem, cpu, log);
  if (opts.oneInsnPerTb) engine.maxInsns = 1;
  if (log.enabled("nochain")) engine.chaining = false;
  // show the JavaScript of every block, not only of those that become hot
  if (log.enabled("out_asm")) engine.interpretFirst = false;
  const task = new Task(mem, cpu, engine, log);
  task.prefix = opts.prefix;

  const env: string[] = [];
  const envMap = new Map<string, string>(Object.entries(process.env).map(([k, v]) => [k, v ?? ""]));
  for (const kv of opts.setEnv) {
    const eq = kv.indexOf("=");
    if (eq > 0) envMap.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  for (const k of opts.unsetEnv) envMap.delete(k);
  for (const [k, v] of envMap) env.push(`${k}=${v}`);

  const prog = opts.program;
  task.exePath = path.resolve(prog);
  const guestArgv = [opts.argv0 ?? prog, ...opts.args];
  const img = loadElf(task, prog, guestArgv, env, { machine: 3, platform: "i686", hwcap: 0x178bfbff & 0x8111, dynBase: 0x56555000, vdso: I386_VDSO });
  mapSigtramp(task);
  const R = cpu.R;
  R[R_ESP] = img.sp;
  R[EIP] = img.entry;
  R[SEG_SEL + R_CS] = 0x23;
  for (const s of [R_DS, R_ES, R_SS]) R[SEG_SEL + s] = 0x2b;
  for (let s = 0; s < 6; s++) R[SEG_LIMIT + s] = -1;
  if (log.enabled("page")) log.write(pageDump(mem, img.entry, img.brk, img.sp));
  reserveHostFds(hostFdsOpen());

  const syscalls = new SyscallDispatcher(I386_SYSCALLS, I386_ARCH_SYSCALLS);
  syscalls.strace = opts.strace || log.enabled("strace");
  if (gdb) {
    // stopped at the first instruction until gdb connects and resumes the guest
    const session = new GdbSession(gdb, task, engine, cpu, I386_GDB, { sp: img.sp, vdso: I386_VDSO.base });
    session.start();
    const status = task.exitStatus ?? cpuLoop(task, engine, syscalls, cmd);
    session.exited(status, task.termSignal);
    return status;
  }
  return cpuLoop(task, engine, syscalls, cmd);
}

/** -g [host:]port: listen for gdb (on the loopback interface unless a host is given). */
function listenForGdb(spec: string): GdbConnection {
  const m = /^(?:([0-9.]+):)?([0-9]+)$/.exec(spec);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port > 0 && port < 65536)) throw new OptionError(`-g: invalid port '${spec}' (expected [address:]port)`);
  const c = GdbConnection.listen(m[1] ?? "127.0.0.1", port);
  if (typeof c === "string") throw new OptionError(`-g: ${c}`);
  return c;
}

/** -d page: the guest memory map after loading, as qemu prints it. */
function pageDump(mem: AddressSpace, entry: number, brk: number, sp: number): string {
  const lines = ["start    end      size     prot"];
  let p = 0;
  const prot = (f: number) => (f & 1 ? "r" : "-") + (f & 2 ? "w" : "-") + (f & 4 ? "x" : "-");
  while (p < 1 << 20) {
    const f = mem.pages[p] & 0x27;
    if (!(f & 0x20)) {
      p++;
      continue;
    }
    let q = p;
    while (q < 1 << 20 && (mem.pages[q] & 0x27) === f) q++;
    const hx = (v: number) => (v >>> 0).toString(16).padStart(8, "0");
    lines.push(`${hx(p << 12)}-${hx(q << 12)} ${hx((q - p) << 12)} ${prot(f)}`);
    p = q;
  }
  const hx = (v: number) => "0x" + (v >>> 0).toString(16).padStart(8, "0");
  lines.push(`start_brk   ${hx(brk)}`, `entry       ${hx(entry)}`, `stack_start ${hx(sp)}`);
  return lines.join("\n") + "\n";
}
