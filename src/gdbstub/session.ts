// A gdb session on a linux-user guest: the DebugTarget the protocol stub works on (registers from
// the guest's register table, memory, break- and watchpoints, files) and the TaskDebugger the OS
// layer calls (every signal, debug exceptions). It drives the connection: whenever the guest
// stops it reports why and serves gdb's packets until gdb resumes, detaches, kills or goes away.
//
// Stops travel the way signals do, as in qemu-user: a breakpoint, step or watchpoint (EXCP_DEBUG)
// queues a SIGTRAP, and every signal about to be delivered is shown to gdb first; gdb's resume
// packet says which signal, if any, the guest then gets. If gdb disconnects or is killed, the
// session detaches: breakpoints and watchpoints go, and the guest runs on undisturbed.
import * as fs from "fs";
import { ExecEngine } from "../exec/cpu-exec";
import { SMC_RESTART } from "../exec/exceptions";
import { NUM_PAGES, PAGE_BITS, PAGE_CODE, PAGE_SIZE, PAGE_VALID, setAccessHook } from "../memory/address-space";
import type { Task, TaskDebugger } from "../linux-user/task";
import { STACK_SIZE, STACK_TOP } from "../linux-user/task";
import type { PendingSignal } from "../linux-user/signal-state";
import { SIGINT, SIGKILL, SIGTRAP } from "../linux-user/signal-state";
import { forceKernelSignal, sendUserSignal } from "../linux-user/signal";
import { GdbConnection } from "./connection";
import { GdbArch, targetXml } from "./tdesc";
import { BP_HW, BP_SW, DebugTarget, GdbStub, ResumeAction, StopReason, WP_ACCESS, WP_READ, WP_WRITE } from "./stub";

const AT_PHDR = 3, AT_SYSINFO_EHDR = 33;

interface Watchpoint {
  type: number;
  addr: number;
  len: number;
}

export class GdbSession<C extends { R: Int32Array }> implements DebugTarget, TaskDebugger {
  readonly stub: GdbStub;
  readonly pid = process.pid;
  readonly regCount: number;
  readonly expedite: number[];
  private swBreaks = new Set<number>();
  private hwBreaks = new Set<number>();
  private watchpoints: Watchpoint[] = [];
  private watchHit: { type: number; addr: number } | null = null;
  /** a SIGTRAP we queued for a debug stop, and the signal gdb is told it is (SIGINT for Ctrl-C) */
  private debugStop = 0;
  /** a signal gdb asked to deliver: let it through once without stopping */
  private passSignal = 0;
  private auxvData: Uint8Array;
  private memFd = -1;
  private xml: string;

  constructor(
    private readonly conn: GdbConnection,
    private readonly t: Task,
    private readonly engine: ExecEngine,
    private readonly cpu: C,
    private readonly arch: GdbArch<C>,
    /** the initial stack pointer (argc, argv, envp, auxv) */
    initialSp: number,
  ) {
    this.stub = new GdbStub(this);
    this.regCount = arch.regs.length;
    this.expedite = [arch.pc, arch.sp, arch.fp];
    this.xml = targetXml(arch);
    this.auxvData = readAuxv(t, initialSp);
  }

  /** Wait for gdb and serve it until it first resumes the guest (stopped at its first instruction). */
  start(): void {
    if (!this.conn.accept()) {
      this.t.debugger = null;
      return;
    }
    this.t.debugger = this;
    const a = this.serve(null);
    const sig = this.apply(a, 0);
    if (sig) this.queueFromGdb(sig);
  }

  // ---- TaskDebugger ------------------------------------------------------------------------------
  debugException(t: Task): void {
    this.debugStop = SIGTRAP;
    forceKernelSignal(t, SIGTRAP);
  }

  /** Called at EXCP_INTERRUPT while attached: gdb's Ctrl-C stops the guest with SIGINT. */
  poll(t: Task): void {
    if (!this.conn.interrupted()) return;
    if (!this.conn.connected) {
      this.detach();
      return;
    }
    this.debugStop = SIGINT;
    forceKernelSignal(t, SIGTRAP);
  }

  signal(t: Task, ps: PendingSignal): PendingSignal | null {
    if (this.passSignal === ps.sig) {
      this.passSignal = 0;
      return ps;
    }
    const debug = ps.sig === SIGTRAP && this.debugStop !== 0;
    const reason: StopReason = { signal: debug ? this.debugStop : ps.sig };
    this.debugStop = 0;
    if (debug && reason.signal === SIGTRAP) {
      const pc = this.cpu.R[this.engine.frontend.target.pcIndex] >>> 0;
      if (this.watchHit) reason.watch = this.watchHit;
      else if (!this.engine.singleStep) {
        if (this.hwBreaks.has(pc)) reason.breakpoint = BP_HW;
        else if (this.swBreaks.has(pc)) reason.breakpoint = BP_SW;
      }
    }
    const a = this.serve(reason);
    const sig = this.apply(a, debug ? 0 : ps.sig);
    if (sig === 0) return null;
    if (sig === ps.sig && !debug) return ps;
    this.queueFromGdb(sig);
    return null;
  }

  /** The guest is gone: tell gdb how (W or X) and close. */
  exited(status: number, signal: number): void {
    if (!this.conn.connected) return;
    this.conn.send(this.stub.exitReply(status, signal));
    this.closeDown();
  }

  // ---- serving gdb -------------------------------------------------------------------------------
  /** Report a stop (unless null: the initial one, which gdb asks for) and serve until resumed. */
  private serve(stop: StopReason | null): ResumeAction {
    const c = this.conn;
    if (stop !== null) c.send(this.stub.stopReply(stop));
    for (;;) {
      const ev = c.next();
      if (ev === null) return { kind: "detach" }; // gdb went away
      switch (ev.kind) {
        case "packet": {
          c.ack(true);
          const r = this.stub.handle(ev.data);
          if (r.reply !== undefined) c.send(r.reply);
          if (r.noAck) c.noAck = true;
          if (r.action) return r.action;
          break;
        }
        case "bad-checksum":
          c.ack(false);
          break;
        case "oversized":
          c.ack(true);
          c.send("E01");
          break;
        case "nack":
          c.retransmit();
          break;
        default:
          break; // acks, and Ctrl-C while already stopped
      }
    }
  }

  /** Carry out gdb's decision; returns the signal the guest gets (`original` on detach). */
  private apply(a: ResumeAction, original: number): number {
    this.watchHit = null;
    if (a.kind === "resume") {
      this.engine.singleStep = a.step;
      this.engine.resumed();
      return a.signal;
    }
    if (a.kind === "kill") {
      this.closeDown();
      this.t.exitStatus = 128 + SIGKILL;
      this.t.termSignal = SIGKILL;
      return 0;
    }
    this.detach();
    return original;
  }

  private queueFromGdb(sig: number): void {
    this.passSignal = sig;
    sendUserSignal(this.t, sig, 0, true);
  }

  private detach(): void {
    this.closeDown();
  }

  /** Remove every trace of the debugger: the guest runs on as if started without -g. */
  private closeDown(): void {
    this.engine.removeAllBreakpoints();
    this.swBreaks.clear();
    this.hwBreaks.clear();
    if (this.watchpoints.length) {
      this.watchpoints = [];
      this.setWatching(false);
    }
    this.engine.singleStep = false;
    this.engine.resumed();
    this.conn.close();
    this.conn.closeListener();
    this.stub.reset();
    if (this.memFd >= 0) fs.closeSync(this.memFd);
    this.memFd = -1;
    this.t.debugger = null;
  }

  // ---- DebugTarget: registers ----------------------------------------------------------------
  readReg(n: number): Uint8Array {
    return this.arch.regs[n].get(this.cpu);
  }
  writeReg(n: number, v: Uint8Array): void {
    this.arch.regs[n].set(this.cpu, v);
  }
  regSize(n: number): number {
    return this.arch.regs[n].bitsize >> 3;
  }
  setPc(pc: number): void {
    this.cpu.R[this.engine.frontend.target.pcIndex] = pc;
  }
  targetXml(): string {
    return this.xml;
  }

  // ---- memory: through /proc/self/mem, as ptrace would (ignores protections, never faults) -----
  private procMem(): number {
    if (this.memFd < 0) this.memFd = fs.openSync("/proc/self/mem", "r+");
    return this.memFd;
  }
  readMemory(addr: number, len: number): Uint8Array {
    const out = Buffer.alloc(len);
    let done = 0;
    while (done < len) {
      const a = addr + done;
      if (a > 0xffffffff || !(this.t.mem.pages[a >>> PAGE_BITS] & PAGE_VALID)) break;
      const n = Math.min(len - done, PAGE_SIZE - (a & (PAGE_SIZE - 1)));
      let got = 0;
      try {
        got = fs.readSync(this.procMem(), out, done, n, this.t.G + a);
      } catch {
        got = 0; // a file mapping's page past the end of the file
      }
      done += got;
      if (got < n) break;
    }
    return out.subarray(0, done);
  }
  writeMemory(addr: number, data: Uint8Array): boolean {
    const len = data.length;
    if (len === 0) return true;
    if (addr + len > 2 ** 32) return false;
    const p0 = addr >>> PAGE_BITS, p1 = (addr + len - 1) >>> PAGE_BITS;
    for (let p = p0; p <= p1; p++) if (!(this.t.mem.pages[p] & PAGE_VALID)) return false;
    try {
      if (fs.writeSync(this.procMem(), data, 0, len, this.t.G + addr) !== len) return false;
    } catch {
      return false;
    }
    // code gdb patched must be translated again
    for (let p = p0; p <= p1; p++) if (this.t.mem.pages[p] & PAGE_CODE) this.t.mem.onCodeWrite(p);
    return true;
  }

  // ---- breakpoints and watchpoints -----------------------------------------------------------
  insertPoint(type: number, addr: number, len: number): boolean | null {
    if (type === BP_SW || type === BP_HW) {
      (type === BP_SW ? this.swBreaks : this.hwBreaks).add(addr);
      this.engine.insertBreakpoint(addr);
      return true;
    }
    if (type !== WP_WRITE && type !== WP_READ && type !== WP_ACCESS) return null;
    if (len === 0 || len > 0x10000) return false;
    if (!this.watchpoints.some((w) => w.type === type && w.addr === addr && w.len === len)) {
      this.watchpoints.push({ type, addr, len });
      if (this.watchpoints.length === 1) this.setWatching(true);
    }
    return true;
  }
  removePoint(type: number, addr: number, len: number): boolean | null {
    if (type === BP_SW || type === BP_HW) {
      const set = type === BP_SW ? this.swBreaks : this.hwBreaks;
      if (!set.delete(addr)) return false;
      if (!this.swBreaks.has(addr) && !this.hwBreaks.has(addr)) this.engine.removeBreakpoint(addr);
      return true;
    }
    if (type !== WP_WRITE && type !== WP_READ && type !== WP_ACCESS) return null;
    const i = this.watchpoints.findIndex((w) => w.type === type && w.addr === addr && w.len === len);
    if (i < 0) return false;
    this.watchpoints.splice(i, 1);
    if (this.watchpoints.length === 0) this.setWatching(false);
    return true;
  }

  /**
   * Watchpoints hook the access layer: every load and store — generated code (recompiled to call
   * the access functions), helpers, system-call buffers — is checked. Without watchpoints the
   * hook is off and blocks are compiled with the inline fast path again.
   */
  private setWatching(on: boolean): void {
    setAccessHook(on ? (a, size, isWrite) => this.access(a, size, isWrite) : null);
    this.engine.compileOptions = { ...this.engine.compileOptions, slowMemory: on };
    this.engine.flush();
  }
  private access(a: number, size: number, isWrite: boolean): void {
    if (this.watchHit !== null) return;
    for (const w of this.watchpoints) {
      if (a >= w.addr + w.len || w.addr >= a + size) continue;
      if ((w.type === WP_WRITE && !isWrite) || (w.type === WP_READ && isWrite)) continue;
      // inside a longer block: abandon the access and redo the instruction alone
      if (this.engine.debugStop()) throw SMC_RESTART;
      this.watchHit = { type: w.type, addr: Math.max(a, w.addr) >>> 0 };
      return;
    }
  }

  // ---- files, auxv, monitor --------------------------------------------------------------------
  auxv(): Uint8Array {
    return this.auxvData;
  }
  execFile(): string {
    return this.t.exePath;
  }
  private isProc(path: string, name: string): boolean {
    return path === `/proc/self/${name}` || path === `/proc/${this.pid}/${name}`;
  }
  synthetic(path: string): Buffer | null {
    return this.isProc(path, "maps") ? Buffer.from(this.mapsText(), "latin1") : null;
  }
  hostPath(path: string): string {
    return this.isProc(path, "exe") ? this.t.exePath : this.t.hostPath(path);
  }
  readlink(path: string): string | null {
    return this.isProc(path, "exe") ? this.t.exePath : null;
  }

  monitor(cmd: string): string {
    const words = cmd.split(/\s+/).filter(Boolean);
    switch (words[0] ?? "help") {
      case "help":
        return MONITOR_HELP;
      case "regs":
      case "registers":
        return this.engine.frontend.dumpState();
      case "maps":
      case "mappings":
        return this.mapsText();
      case "stats": {
        const s = this.engine.stats;
        return `blocks translated ${s.translated}, invalidated ${s.invalidated}, flushes ${s.flushes}, regions ${s.regions}\n`;
      }
      default:
        return `unknown monitor command '${words[0]}'; 'monitor help' lists them\n`;
    }
  }

  /** The guest's memory map in /proc/PID/maps format, from the page table. */
  mapsText(): string {
    const pages = this.t.mem.pages;
    const lines: string[] = [];
    const hx = (v: number) => (v >>> 0).toString(16).padStart(8, "0");
    const t = this.t;
    const exeEnd = t.brkStart >>> PAGE_BITS;
    let p = 0;
    while (p < NUM_PAGES) {
      const f = pages[p] & 0x27;
      if (!(f & PAGE_VALID) || p >= 0xffff0) {
        p++;
        continue;
      }
      let q = p;
      while (q < NUM_PAGES && (pages[q] & 0x27) === f && !(q === exeEnd && q !== p)) q++;
      const start = p * PAGE_SIZE, end = q * PAGE_SIZE;
      let name = "";
      if (start >= t.brkStart && end <= Math.max(t.brk, t.brkStart) + PAGE_SIZE && t.brk > t.brkStart) name = "[heap]";
      else if (end <= STACK_TOP && start >= STACK_TOP - STACK_SIZE) name = "[stack]";
      else if (start === this.auxvEntry(AT_SYSINFO_EHDR)) name = "[vdso]";
      else if (end <= t.brkStart && start < t.brkStart && start >= this.exeLow()) name = t.exePath;
      const perm = (f & 1 ? "r" : "-") + (f & 2 ? "w" : "-") + (f & 4 ? "x" : "-") + "p";
      lines.push(`${hx(start)}-${hx(end)} ${perm} 00000000 00:00 0${name ? " ".repeat(10) + name : ""}`);
      p = q;
    }
    return lines.join("\n") + "\n";
  }
  private auxvEntry(type: number): number {
    const dv = new DataView(this.auxvData.buffer, this.auxvData.byteOffset, this.auxvData.length);
    for (let i = 0; i + 8 <= this.auxvData.length; i += 8) if (dv.getUint32(i, true) === type) return dv.getUint32(i + 4, true);
    return -1;
  }
  /** lowest address of the executable's image: AT_PHDR's page and the mapped pages just below it */
  private exeLow(): number {
    let p = this.auxvEntry(AT_PHDR) >>> PAGE_BITS;
    while (p > 0 && this.t.mem.pages[p - 1] & PAGE_VALID) p--;
    return p * PAGE_SIZE;
  }
}

const MONITOR_HELP = `tsemu monitor commands:
  help        this list
  regs        the CPU registers, as -d cpu shows them
  maps        the guest memory map (as /proc/PID/maps)
  stats       translation counters (blocks translated and invalidated, regions)
`;

/** The auxiliary vector the loader put on the initial stack, as bytes (qXfer:auxv:read). */
function readAuxv(t: Task, sp: number): Uint8Array {
  const u8 = t.mem.u8;
  const dv = t.mem.dv;
  const word = (a: number) => dv.getUint32(a >>> 0, true);
  if (!(t.mem.pages[sp >>> PAGE_BITS] & PAGE_VALID)) return new Uint8Array(0);
  let a = sp + 4 + 4 * (word(sp) + 1); // argc, argv[], NULL
  while (word(a) !== 0) a += 4; // envp[]
  a += 4;
  const start = a;
  while (word(a) !== 0 && a - start < 4096) a += 8;
  return u8.slice(start, a + 8);
}

