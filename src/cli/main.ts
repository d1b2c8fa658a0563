// tsemu-<arch>: the qemu-user-compatible command line. Parses options, loads the program, runs
// the guest and exits with its status. Every user error is one line on stderr and a non-zero
// status; an internal error is reported as such, never as a bare stack trace.
import * as fs from "fs";
import * as path from "path";
import { AddressSpace } from "../memory/address-space";
import { ExecEngine } from "../exec/cpu-exec";
import { Log, helpText } from "../util/log";
import { Task } from "../linux-user/task";
import { hostsys } from "../linux-user/host";
import { loadElf, LoadError } from "../linux-user/elfload";
import { SyscallDispatcher } from "../linux-user/syscall";
import type { LinuxTarget } from "../linux-user/target";
import { reserveHostFds } from "../linux-user/syscalls/fs";
import { allocGuestMemory } from "../linux-user/host";
import { InfoRequest, OptionError, parseOptions, usage } from "./options";
import { GdbConnection } from "../gdbstub/connection";
import { GdbSession } from "../gdbstub/session";

export const VERSION = "0.1.0";

/** The guests, by command name; required on demand so that one command loads one frontend. */
const TARGETS: Record<string, () => LinuxTarget> = {
  i386: () => require("../linux-user/i386/target").I386_TARGET,
  arm: () => require("../linux-user/arm/target").ARM_TARGET,
};

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
    status = run(cmd, arch, process.argv.slice(2));
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

function run(cmd: string, arch: string, argv: string[]): number {
  const target = TARGETS[arch]?.();
  if (!target) throw new OptionError(`unknown guest architecture '${arch}'`);
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
    process.stdout.write("Available CPUs:\n" + target.cpuModels.map((m) => `  ${m}\n`).join(""));
    return 0;
  }

  if (opts.gdbPort && !target.gdb) throw new OptionError(`-g: no gdb support for ${arch} yet`);
  const gdb = opts.gdbPort ? listenForGdb(opts.gdbPort) : null;
  const mem = new AddressSpace(allocGuestMemory());
  const made = target.createCpu(mem, opts.cpuModel);
  if (!made) throw new OptionError(`unable to find CPU model '${opts.cpuModel}'`);
  const { cpu, frontend } = made;
  const engine = new ExecEngine(frontend, mem, cpu, log);
  if (opts.oneInsnPerTb) engine.maxInsns = 1;
  if (log.enabled("nochain")) engine.chaining = false;
  // show the JavaScript of every block, not only of those that become hot
  if (log.enabled("out_asm")) engine.interpretFirst = false;
  const task = new Task(mem, cpu, engine, log, target.abi);
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
  const img = loadElf(task, prog, guestArgv, env, target.elf);
  target.startProcess(task, img);
  if (log.enabled("page")) log.write(pageDump(mem, img.entry, img.brk, img.sp));
  reserveHostFds(hostFdsOpen());

  const syscalls = new SyscallDispatcher(target.syscalls, target.archSyscalls);
  syscalls.strace = opts.strace || log.enabled("strace");
  if (gdb) {
    // stopped at the first instruction until gdb connects and resumes the guest
    const session = new GdbSession(gdb, task, engine, cpu, target.gdb!, img.sp);
    session.start();
    const status = task.exitStatus ?? target.cpuLoop(task, engine, syscalls, cmd);
    session.exited(status, task.termSignal);
    return status;
  }
  return target.cpuLoop(task, engine, syscalls, cmd);
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
