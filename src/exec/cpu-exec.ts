// cpu_exec: run translated blocks until one raises an exception (syscall, fault, trap...).
//
// Blocks are cached by guest pc (user mode has no other state that changes translation; a
// change of translation options flushes). A block leaving through `goto_tb n` is chained: it keeps
// a direct reference to its successor, so the common path is one call per block with no lookup.
// Indirect jumps (`lookup_and_goto_ptr`) go through a small direct-mapped jump cache before the
// full map. Writing to a page that holds translated code invalidates that page's blocks.
//
// Debugging (gdbstub), as QEMU does it but per block: a breakpoint drops only the blocks that
// contain its address (and the regions holding them); blocks translated afterwards end before it,
// and the block at the address itself only raises EXCP_DEBUG. Code without breakpoints keeps its
// blocks and regions. Single-stepping runs one instruction per run() in the IR interpreter.
import { instantiate, makeRuntime, Runtime, TBFunction, generateSource, generateRegionSource, CompileOptions } from "../backend/js/emit";
import type { IRFunc } from "../ir/ir";
import { interpret, prepare, InterpEnv } from "../ir/interp";
import { EXIT_CHAIN0, EXIT_CHAIN1, EXIT_EXCEPTION, EXIT_LOOKUP } from "../ir/opcodes";
import { optimize, verify } from "../ir/opt";
import { printIR } from "../ir/printer";
import { AddressSpace, PAGE_BITS } from "../memory/address-space";
import type { Frontend } from "./frontend";
import { Log } from "../util/log";
import { EXCP_DEBUG, EXCP_INTERRUPT, EXCP_SMC, SMC_RESTART } from "./exceptions";

export class TranslationBlock {
  jmp0: TranslationBlock | null = null;
  jmp1: TranslationBlock | null = null;
  /** blocks indirect jumps from here went to, the first few (region formation follows them) */
  readonly inds: TranslationBlock[] = [];
  valid = true;
  execCount = 0;
  /** regions containing this block; its fn is then the last region's function */
  readonly regions: Region[] = [];
  constructor(
    readonly pc: number,
    readonly end: number,
    public fn: TBFunction,
    public source: string,
    readonly insnCount: number,
    /** optimized IR, kept to compile the block into regions */
    readonly ir: IRFunc,
    /** where the call that ends this block returns, or -1 */
    readonly returnPc: number,
  ) {}
}

/** Hot blocks compiled together into one function (see generateRegionSource). */
export class Region {
  constructor(readonly members: TranslationBlock[]) {}
}

/** Executions a new block is interpreted before it is compiled to JavaScript. */
const COMPILE_AFTER = 16;
/** Executions after which a block seeds a region. */
const HOT = 2000;
/** Blocks joining a region must have run at least this often. */
const WARM = 50;
const MAX_REGION = 16;
/** ...and at most this many IR ops, which keeps its JavaScript well under V8's optimization limit. */
const MAX_REGION_OPS = 1200;
/** Indirect-jump targets remembered per block. */
const MAX_INDS = 2;

export interface ExecStats {
  translated: number;
  invalidated: number;
  flushes: number;
  regions: number;
}

const JC_BITS = 12;
const JC_SIZE = 1 << JC_BITS;

export class ExecEngine {
  private cache = new Map<number, TranslationBlock>();
  private jc: (TranslationBlock | null)[] = new Array(JC_SIZE).fill(null);
  private pageTbs = new Map<number, TranslationBlock[]>();
  private rt: Runtime;
  private pcIndex: number;
  private excIndex: number;
  maxInsns = 512;
  chaining = true;
  compileOptions: CompileOptions = {};
  /**
   * Blocks run() may still start before it returns EXCP_INTERRUPT (region-internal jumps count
   * too). The OS layer keeps it small while a guest timer is armed and huge otherwise. It lives in
   * the runtime object the generated code shares.
   */
  get budget(): number {
    return this.rt.budget;
  }
  set budget(v: number) {
    this.rt.budget = v;
  }
  readonly stats: ExecStats = { translated: 0, invalidated: 0, flushes: 0, regions: 0 };
  /** compile hot loops into regions (off with -d nochain and in single-step mode) */
  regionsEnabled = true;
  /** interpret new blocks until they are hot (off: compile every block at once, as with -d out_asm) */
  interpretFirst = true;
  private interpreted: TBFunction = () => 0;
  private interpEnv: InterpEnv;
  /** the block being executed (null outside generated code): self-modification is checked against it */
  private current: TranslationBlock | null = null;
  /** guest addresses with a debugger breakpoint */
  private breakpoints = new Set<number>();
  /** run one instruction per run(), then report EXCP_DEBUG (gdb stepi) */
  singleStep = false;
  private stepDone = false;
  /** a debug event (watchpoint hit) to report at the next instruction boundary */
  private debugPending = false;

  constructor(
    readonly frontend: Frontend,
    readonly mem: AddressSpace,
    readonly cpu: { R: Int32Array },
    readonly log: Log,
  ) {
    this.rt = makeRuntime(cpu.R, frontend.target);
    this.interpEnv = { R: cpu.R, mem, cpu, pcIndex: frontend.target.pcIndex, onFault: this.rt.onFault };
    this.pcIndex = frontend.target.pcIndex;
    this.excIndex = frontend.target.excIndex;
    mem.onCodeWrite = (page) => this.invalidatePage(page);
  }

  /** Drop every translation (options changed, breakpoints set, exec of a new image). */
  flush(): void {
    for (const tb of this.cache.values()) tb.valid = false;
    for (const page of this.pageTbs.keys()) this.mem.clearCode(page);
    this.cache.clear();
    this.pageTbs.clear();
    this.jc.fill(null);
    this.stats.flushes++;
  }

  /**
   * A store is about to modify `page`: drop its translations. If the running block is one of them
   * and has instructions after the current one, the store is abandoned (SMC_RESTART) and the
   * instruction is redone alone, as QEMU does, so the rest of the block runs from the new code.
   */
  invalidatePage(page: number): void {
    const tbs = this.pageTbs.get(page);
    this.mem.clearCode(page);
    if (!tbs) return;
    this.pageTbs.delete(page);
    for (const tb of tbs) {
      this.drop(tb);
      // a region's function holds this block's old code: retire the other members too
      for (const r of tb.regions) for (const m of r.members) this.drop(m);
    }
    const cur = this.current;
    if (cur !== null && !cur.valid && (cur.insnCount > 1 || cur.regions.length > 0)) throw SMC_RESTART;
  }

  private drop(tb: TranslationBlock): void {
    if (!tb.valid) return;
    tb.valid = false;
    this.stats.invalidated++;
    if (this.cache.get(tb.pc) === tb) this.cache.delete(tb.pc);
    const slot = (tb.pc ^ (tb.pc >>> JC_BITS)) & (JC_SIZE - 1);
    if (this.jc[slot] === tb) this.jc[slot] = null;
  }

  /**
   * Compile the hot blocks reachable from `entry` (through chain links and recent indirect
   * targets) into one region function, installed as the function of each member.
   */
  private formRegion(entry: TranslationBlock): void {
    if (entry.insnCount === 0) return; // a breakpoint's block
    const members: TranslationBlock[] = [entry];
    const seen = new Set<TranslationBlock>(members);
    // V8 optimizes functions only up to a bytecode size: bound the region by its IR size too
    let ops = entry.ir.ops.length;
    // best first: grow along the hottest known successor of any member
    const frontier: TranslationBlock[] = [];
    const expand = (m: TranslationBlock) => {
      // a call's return site belongs with it: the callee's `ret` goes there
      const ret = m.returnPc >= 0 ? this.cache.get(m.returnPc) ?? null : null;
      for (const n of [m.jmp0, m.jmp1, ret, ...m.inds]) {
        if (n !== null && n.valid && !seen.has(n) && n.execCount >= WARM && n.insnCount > 0) {
          seen.add(n);
          frontier.push(n);
        }
      }
    };
    expand(entry);
    while (frontier.length && members.length < MAX_REGION) {
      let best = 0;
      for (let i = 1; i < frontier.length; i++) if (frontier[i].execCount > frontier[best].execCount) best = i;
      const n = frontier.splice(best, 1)[0];
      if (ops + n.ir.ops.length > MAX_REGION_OPS) continue;
      members.push(n);
      ops += n.ir.ops.length;
      expand(n);
    }
    const inRegion = new Set(members);
    const loops = members.some((m) => inRegion.has(m.jmp0!) || inRegion.has(m.jmp1!) || m.inds.some((n) => inRegion.has(n)));
    if (!loops) return;
    const source = generateRegionSource(members.map((m) => m.ir), this.frontend.target, this.compileOptions, true);
    if (this.log.enabled("out_asm")) log_region(this.log, members, source);
    const fn = instantiate(source, this.cpu, this.mem, this.rt);
    const region = new Region(members);
    for (const m of members) {
      m.regions.push(region);
      // a block already in a region keeps entering that one: moving it would cut the older
      // region's loops at this block (the new region still runs when entered at its seed)
      if (m === entry || m.regions.length === 1) m.fn = fn;
    }
    this.stats.regions++;
  }

  private translate(pc: number, maxInsns = this.maxInsns, cache = true): TranslationBlock {
    const log = this.log;
    if (this.breakpoints.size !== 0 && cache) {
      if (this.breakpoints.has(pc)) return this.breakpointBlock(pc);
      maxInsns = this.insnsBeforeBreakpoint(pc, maxInsns);
    }
    const block = this.frontend.translate(pc, maxInsns);
    const f = block.ir;
    if (log.enabled("in_asm")) log.write(`----------------\nIN: \n${block.disassembly()}\n\n`);
    if (log.enabled("op")) log.write(`OP:\n${printIR(f)}\n`);
    if (process.env.TSEMU_VERIFY) verify(f);
    const tb = new TranslationBlock(pc, block.end, this.interpreted, "", block.insnCount, f, block.returnPc);
    if (this.interpretFirst && cache) {
      // run it in the IR interpreter until it proves hot, then compile
      const prepared = prepare(f);
      let runs = 0;
      tb.fn = () => {
        if (++runs > COMPILE_AFTER) {
          this.compile(tb);
          return tb.fn();
        }
        return interpret(prepared, this.interpEnv);
      };
    } else this.compile(tb);
    this.stats.translated++;
    if (!cache) return tb;
    const p0 = pc >>> PAGE_BITS;
    const p1 = (block.end - 1) >>> PAGE_BITS;
    for (let p = p0; p <= p1; p++) {
      let list = this.pageTbs.get(p);
      if (!list) this.pageTbs.set(p, (list = []));
      list.push(tb);
      this.mem.markCode(p);
    }
    this.cache.set(pc, tb);
    return tb;
  }

  /** Compile a block's IR to its JavaScript function (unless a region already replaced it). */
  private compile(tb: TranslationBlock): void {
    const f = tb.ir;
    optimize(f);
    if (process.env.TSEMU_VERIFY) verify(f);
    if (this.log.enabled("op_opt")) this.log.write(`OP after optimization and liveness analysis:\n${printIR(f)}\n`);
    const source = generateSource(f, this.frontend.target, this.compileOptions);
    if (this.log.enabled("out_asm")) this.log.write(`OUT: [size=${source.length}]\n${source}\n`);
    tb.source = source;
    if (tb.regions.length === 0) tb.fn = instantiate(source, this.cpu, this.mem, this.rt);
  }

  lookup(pc: number): TranslationBlock {
    const slot = (pc ^ (pc >>> JC_BITS)) & (JC_SIZE - 1);
    let tb = this.jc[slot];
    if (tb !== null && tb.pc === pc) return tb;
    tb = this.cache.get(pc) ?? this.translate(pc);
    this.jc[slot] = tb;
    return tb;
  }

  /** Run until an exception; returns the exception number (EXCP_* or a guest vector). */
  run(): number {
    if (this.debugPending) {
      this.debugPending = false;
      return EXCP_DEBUG;
    }
    if (this.singleStep) return this.runStep();
    const R = this.cpu.R;
    const pcIndex = this.pcIndex;
    if (this.log.enabled("exec") || this.log.enabled("cpu") || !this.chaining) return this.runLogged();
    let tb = this.lookup(R[pcIndex] >>> 0);
    const regions = this.regionsEnabled && this.maxInsns > 1;
    const rt = this.rt;
    for (;;) {
      if (--rt.budget < 0) {
        this.current = null;
        return this.takeDebugEvent(EXCP_INTERRUPT);
      }
      this.current = tb;
      const r = tb.fn();
      if (++tb.execCount === HOT && regions && tb.valid) this.formRegion(tb);
      if (r === EXIT_CHAIN0) {
        let n = tb.jmp0;
        if (n === null || !n.valid) {
          n = this.lookup(R[pcIndex] >>> 0);
          if (tb.valid) tb.jmp0 = n;
        }
        tb = n;
      } else if (r === EXIT_CHAIN1) {
        let n = tb.jmp1;
        if (n === null || !n.valid) {
          n = this.lookup(R[pcIndex] >>> 0);
          if (tb.valid) tb.jmp1 = n;
        }
        tb = n;
      } else if (r === EXIT_LOOKUP) {
        const n = this.lookup(R[pcIndex] >>> 0);
        const inds = tb.inds;
        if (inds.length < MAX_INDS && !inds.includes(n)) inds.push(n);
        tb = n;
      } else {
        const ex = R[this.excIndex];
        if (ex === EXCP_SMC) {
          const e2 = this.runOneInsn();
          if (e2 !== -1) return e2;
          if (this.debugPending) return this.takeDebugEvent(EXCP_DEBUG);
          tb = this.lookup(R[pcIndex] >>> 0);
          continue;
        }
        this.current = null;
        return ex;
      }
    }
  }

  /** Execute the instruction at pc in a throw-away one-instruction block; -1 or an exception. */
  private runOneInsn(): number {
    const R = this.cpu.R;
    const tb = this.translate(R[this.pcIndex] >>> 0, 1, false);
    this.current = tb;
    const r = tb.fn();
    this.current = null;
    return r === EXIT_CHAIN0 || r === EXIT_CHAIN1 || r === EXIT_LOOKUP ? -1 : R[this.excIndex];
  }

  /** The same loop, one lookup per block, with `-d exec` / `-d cpu` output. */
  private runLogged(): number {
    const R = this.cpu.R;
    const log = this.log;
    for (;;) {
      if (--this.budget < 0) return this.takeDebugEvent(EXCP_INTERRUPT);
      const pc = R[this.pcIndex] >>> 0;
      const tb = this.lookup(pc);
      if (log.enabled("cpu")) log.write(this.frontend.dumpState());
      if (log.enabled("exec")) log.write(`Trace 0: ${tb.pc.toString(16).padStart(8, "0")} [${pc.toString(16).padStart(8, "0")}/0x0]\n`);
      this.current = tb;
      const r = tb.fn();
      this.current = null;
      if (r !== EXIT_CHAIN0 && r !== EXIT_CHAIN1 && r !== EXIT_LOOKUP) {
        const ex = R[this.excIndex];
        if (ex !== EXCP_SMC) return ex;
        const e2 = this.runOneInsn();
        if (e2 !== -1) return e2;
        if (this.debugPending) return this.takeDebugEvent(EXCP_DEBUG);
      }
    }
  }

  // ---- debugging -----------------------------------------------------------------------------
  /** Set a breakpoint: only the blocks containing addr are retranslated. */
  insertBreakpoint(addr: number): void {
    addr >>>= 0;
    if (this.breakpoints.has(addr)) return;
    this.breakpoints.add(addr);
    this.invalidateAt(addr);
  }
  removeBreakpoint(addr: number): void {
    addr >>>= 0;
    if (this.breakpoints.delete(addr)) this.invalidateAt(addr);
  }
  removeAllBreakpoints(): void {
    for (const a of [...this.breakpoints]) this.removeBreakpoint(a);
  }
  /** The guest resumes under the debugger: a new step may start. */
  resumed(): void {
    this.stepDone = false;
    this.debugPending = false;
  }
  /**
   * A watchpoint fired. If the access happened inside a block with more instructions (or a
   * region), returns true: the caller throws SMC_RESTART, the access is abandoned and the
   * instruction is redone alone, after which the stop is reported at the next instruction. Else
   * the stop is taken once the current instruction completes (it ends the block, or the system call
   * in progress returns).
   */
  debugStop(): boolean {
    const cur = this.current;
    if (cur !== null && (cur.insnCount > 1 || cur.regions.length > 0)) return true;
    this.debugPending = true;
    this.rt.budget = 0;
    return false;
  }

  private takeDebugEvent(otherwise: number): number {
    if (!this.debugPending) return otherwise;
    this.debugPending = false;
    return EXCP_DEBUG;
  }

  /** One instruction, interpreted (nothing is cached), then EXCP_DEBUG at the next run(). */
  private runStep(): number {
    if (this.stepDone) {
      this.stepDone = false;
      return EXCP_DEBUG;
    }
    const R = this.cpu.R;
    this.stepDone = true;
    const block = this.frontend.translate(R[this.pcIndex] >>> 0, 1);
    this.current = null;
    const r = interpret(prepare(block.ir), this.interpEnv);
    if (r === EXIT_CHAIN0 || r === EXIT_CHAIN1 || r === EXIT_LOOKUP) {
      this.stepDone = false;
      this.debugPending = false;
      return EXCP_DEBUG;
    }
    // a system call or a fault: the step is reported once the OS layer has dealt with it
    return R[this.excIndex];
  }

  /** Drop the blocks whose code covers addr, and every region holding one of them. */
  private invalidateAt(addr: number): void {
    const tbs = this.pageTbs.get(addr >>> PAGE_BITS);
    if (!tbs) return;
    for (const tb of tbs) {
      if (!tb.valid || addr < tb.pc || addr >= tb.end) continue;
      this.drop(tb);
      for (const r of tb.regions) for (const m of r.members) this.drop(m);
    }
  }

  /** The block at a breakpoint: it stops before executing anything. */
  private breakpointBlock(pc: number): TranslationBlock {
    const R = this.cpu.R;
    const pcIndex = this.pcIndex, excIndex = this.excIndex;
    const fn = () => {
      R[pcIndex] = pc;
      R[excIndex] = EXCP_DEBUG;
      return EXIT_EXCEPTION;
    };
    const block = this.frontend.translate(pc, 1);
    const tb = new TranslationBlock(pc, pc + 1, fn, "", 0, block.ir, -1);
    const page = pc >>> PAGE_BITS;
    let list = this.pageTbs.get(page);
    if (!list) this.pageTbs.set(page, (list = []));
    list.push(tb);
    this.mem.markCode(page);
    this.cache.set(pc, tb);
    return tb;
  }

  /** How many instructions from pc a block may hold without reaching a breakpoint. */
  private insnsBeforeBreakpoint(pc: number, maxInsns: number): number {
    // x86 instructions are at most 15 bytes: most blocks are nowhere near a breakpoint
    let near = false;
    for (const b of this.breakpoints) if (b > pc && b - pc < 16 * maxInsns) near = true;
    if (!near) return maxInsns;
    const probe = this.frontend.translate(pc, maxInsns);
    let n = 0;
    for (const i of probe.ir.ops) {
      if (i.op !== "insn_start") continue;
      const at = (i.consts[0] as number) >>> 0;
      if (at !== pc && this.breakpoints.has(at)) return n;
      n++;
    }
    return maxInsns;
  }
}

function log_region(log: Log, members: TranslationBlock[], source: string): void {
  const pcs = members.map((m) => "0x" + m.pc.toString(16).padStart(8, "0")).join(" ");
  log.write(`OUT: region of ${members.length} blocks: ${pcs} [size=${source.length}]\n${source}\n`);
}
