// Random i386 integer instruction sequence generator for the differential tester.
//
// Everything here is deterministic given (seed, sequence index): the same pair always
// yields the same initial machine state and the same instruction sequence, which is what
// makes `difftest --seed S --only I` replays possible.
//
// Model
// -----
// A sequence is a list of *units*. A unit is one instruction under test plus the "guard"
// instructions that make it well defined (e.g. `orl $v, %ecx` before `bsfl %ecx, %eax` so
// the source is nonzero, or `leal 12(%ebp), %esi` before a string instruction). Guards only
// ever write registers/flags/scratch memory, so any subset of units (in order) is again a
// valid sequence as long as flag inputs stay defined; the shrinker relies on that.
//
// Every instruction carries the set of status flags it reads and a transfer function over
// the set of *defined* status flags (per the Intel SDM). The generator never emits an
// instruction that reads an undefined flag (it inserts a flag-defining "fixup" unit first),
// so register and memory results are always fully defined, and at the end of a sequence
// only the flags still defined are compared.
//
// Invariants of generated code: %esp is never read or written, %ebp always points at the
// 256-byte scratch buffer (`dt_scratch`) and is never written, memory accesses stay inside
// that buffer, no control transfer, no system call, DF is 0 between units.

export type Size = 8 | 16 | 32;

// EFLAGS bits
export const CF = 0x001;
export const PF = 0x004;
export const AF = 0x010;
export const ZF = 0x040;
export const SF = 0x080;
export const DF = 0x400;
export const OF = 0x800;
export const STATUS = CF | PF | AF | ZF | SF | OF;
export const FLAG_NAMES: ReadonlyArray<[string, number]> = [
  ["CF", CF], ["PF", PF], ["AF", AF], ["ZF", ZF], ["SF", SF], ["OF", OF], ["DF", DF],
];

export const SCRATCH_SIZE = 256;
export const SCRATCH_SYM = "dt_scratch";

/** Register order used for the initial/final state (esp is not part of the state). */
export const STATE_REGS = ["eax", "ecx", "edx", "ebx", "ebp", "esi", "edi"] as const;
export const EBP_SLOT = 4;

// ---------------------------------------------------------------------------------------
// PRNG: mulberry32 (32-bit state, good enough for test generation, trivially portable).

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }
  /** integer in [lo, hi] */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  bool(p = 0.5): boolean {
    return this.u32() / 4294967296 < p;
  }
  pick<T>(a: readonly T[]): T {
    if (a.length === 0) throw new Error("pick from empty array");
    return a[this.int(a.length)] as T;
  }
  weighted<T extends { weight: number }>(a: readonly T[]): T {
    let total = 0;
    for (const x of a) total += x.weight;
    let r = (this.u32() / 4294967296) * total;
    for (const x of a) {
      r -= x.weight;
      if (r < 0) return x;
    }
    return a[a.length - 1] as T;
  }
}

/** Per-sequence seed derived from (run seed, sequence index). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul((index + 1) >>> 0, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------
// Flag bookkeeping

/** Maps the set of defined status flags before an instruction to the set after it. */
export type FlagFx = (defined: number) => number;
export const NOFX: FlagFx = (d) => d;
/** Flags in `def` become defined, flags in `undef` become undefined, the rest are unaffected. */
export function fx(def: number, undef = 0): FlagFx {
  return (d) => ((d | def) & ~undef) & STATUS;
}
/** The instruction behaves like one of `alts` (e.g. shift by an unknown %cl). */
export function anyOf(alts: FlagFx[]): FlagFx {
  return (d) => alts.reduce((acc, f) => acc & f(d), STATUS);
}

export interface Insn {
  asm: string;
  reads: number; // status flags read (must be defined)
  fx: FlagFx;
}

export interface Unit {
  tmpl: string; // template name (for statistics)
  insns: Insn[];
}

export interface InitState {
  regs: number[]; // STATE_REGS order; the ebp slot is replaced by the scratch address
  flags: number; // value loaded with popfl
  mem: Uint8Array; // initial scratch contents
}

export interface Sequence {
  seed: number;
  index: number;
  init: InitState;
  units: Unit[];
  /** status flags defined at the end of the sequence */
  definedOut: number;
}

/**
 * Runs the flag-definedness analysis. Returns null if some instruction would read an
 * undefined flag, else the set of defined flags at the end.
 */
export function analyze(units: readonly Unit[], start = STATUS): number | null {
  let d = start;
  for (const u of units) {
    for (const i of u.insns) {
      if (i.reads & ~d) return null;
      d = i.fx(d);
    }
  }
  return d;
}

export function sequenceAsm(units: readonly Unit[]): string[] {
  const out: string[] = [];
  for (const u of units) for (const i of u.insns) out.push(i.asm);
  return out;
}

export function flagsToString(f: number, mask = STATUS | DF): string {
  return FLAG_NAMES.filter(([, b]) => mask & b)
    .map(([n, b]) => `${n}=${f & b ? 1 : 0}`)
    .join(" ");
}

// ---------------------------------------------------------------------------------------
// Registers and operands

const R32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"];
const R16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"];
const R8 = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"];
export const EAX = 0, ECX = 1, EDX = 2, EBX = 3, EBP = 5, ESI = 6, EDI = 7;
/** 32/16-bit registers that may be written */
const WRITABLE = [0, 1, 2, 3, 6, 7];
/** 32/16-bit registers that may be read (%ebp holds the constant scratch address) */
const READABLE = [0, 1, 2, 3, 5, 6, 7];
const ALL8 = [0, 1, 2, 3, 4, 5, 6, 7];

const SUFFIX: Record<Size, string> = { 8: "b", 16: "w", 32: "l" };

function regName(size: Size, n: number): string {
  return "%" + (size === 32 ? R32[n] : size === 16 ? R16[n] : R8[n]);
}
/** underlying 32-bit register of register number n of the given size */
function gpr(size: Size, n: number): number {
  return size === 8 ? n & 3 : n;
}
function maskOf(size: Size): number {
  return size === 32 ? 0xffffffff : (1 << size) - 1;
}
function signed(v: number, size: Size): number {
  const m = maskOf(size);
  v = (v & m) >>> 0;
  const sign = size === 32 ? 0x80000000 : 1 << (size - 1);
  return v >= sign ? v - (size === 32 ? 4294967296 : 1 << size) : v;
}
function hex(v: number): string {
  return "0x" + (v >>> 0).toString(16);
}
/** immediate text: small values in signed decimal (GAS then picks imm8 encodings) */
function immText(v: number, size: Size): string {
  const s = signed(v, size);
  return s >= -128 && s <= 127 ? `$${s}` : `$${hex((v & maskOf(size)) >>> 0)}`;
}

/** "interesting" operand-size values, plus plain random ones */
function pickValue(rng: Rng, size: Size): number {
  const m = maskOf(size);
  const sign = size === 32 ? 0x80000000 : 1 << (size - 1);
  switch (rng.int(12)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return m >>> 0;
    case 3: return sign >>> 0;
    case 4: return (sign - 1) >>> 0;
    case 5: return (sign + 1) >>> 0;
    case 6: return rng.int(16);
    case 7: return (rng.range(-128, 127) & m) >>> 0;
    case 8: return ((m - rng.int(16)) & m) >>> 0;
    default: return (rng.u32() & m) >>> 0;
  }
}

const CONDS: ReadonlyArray<[string, number]> = [
  ["o", OF], ["no", OF], ["b", CF], ["ae", CF], ["e", ZF], ["ne", ZF], ["be", CF | ZF],
  ["a", CF | ZF], ["s", SF], ["ns", SF], ["p", PF], ["np", PF], ["l", SF | OF],
  ["ge", SF | OF], ["le", ZF | SF | OF], ["g", ZF | SF | OF],
];
// alternative spellings of the same condition codes (same encodings)
const COND_ALIASES: Record<string, string[]> = {
  b: ["c", "nae"], ae: ["nc", "nb"], e: ["z"], ne: ["nz"], be: ["na"], a: ["nbe"],
  p: ["pe"], np: ["po"], l: ["nge"], ge: ["nl"], le: ["ng"], g: ["nle"],
};

// ---------------------------------------------------------------------------------------
// Unit builder

interface MemOpts {
  lo?: number; // bytes that must be addressable below the operand
  hi?: number; // bytes that must be addressable above the operand
  avoid?: number[]; // GPRs written by this unit's guards (cannot serve as base/index)
  noSeg?: boolean;
}

export class UnitBuilder {
  private addrGuards: Insn[] = [];
  private guards: Insn[] = [];
  private main: Insn[] = [];
  /** "{disp32} " when the current memory operand should use a 32-bit displacement */
  pseudo = "";
  constructor(readonly rng: Rng, readonly tmpl: string) {}

  guard(asm: string, fxf: FlagFx = NOFX, reads = 0): void {
    this.guards.push({ asm, reads, fx: fxf });
  }
  emit(asm: string, reads = 0, fxf: FlagFx = NOFX): void {
    this.main.push({ asm, reads, fx: fxf });
  }
  unit(): Unit {
    return { tmpl: this.tmpl, insns: [...this.addrGuards, ...this.guards, ...this.main] };
  }

  /** writable register (never esp/ebp) */
  wreg(size: Size): { n: number; text: string } {
    const n = this.rng.pick(size === 8 ? ALL8 : WRITABLE);
    return { n, text: regName(size, n) };
  }
  /** readable register (may be ebp/bp) */
  rreg(size: Size): { n: number; text: string } {
    const n = this.rng.pick(size === 8 ? ALL8 : READABLE);
    return { n, text: regName(size, n) };
  }

  /** memory operand of `size` bytes inside the scratch buffer; returns text and offset */
  mem(bytes: number, o: MemOpts = {}): { text: string; off: number } {
    const rng = this.rng;
    const lo = o.lo ?? 0, hi = o.hi ?? 0;
    const avoid = o.avoid ?? [];
    const off = rng.range(lo, SCRATCH_SIZE - bytes - hi);
    const free = WRITABLE.filter((r) => !avoid.includes(r));
    let text: string;
    let mode = rng.int(20);
    if ((mode >= 13) && free.length < 2) mode = 0;
    if (mode < 8) {
      // disp(%ebp): disp8 or disp32 chosen by the assembler, sometimes forced to disp32
      text = off === 0 && rng.bool() ? "(%ebp)" : `${off}(%ebp)`;
      if (rng.bool(0.15)) this.pseudo = "{disp32} ";
    } else if (mode < 11) {
      text = `${SCRATCH_SYM}+${off}`; // absolute (mod=00 rm=101; moffs for mov with %eax)
    } else if (mode < 13) {
      text = `${off}(,%ebp,1)`; // SIB without base, index=ebp
    } else if (mode < 16) {
      // base %ebp + index*scale, index register loaded with a small known value
      const idx = rng.pick(free);
      const scale = rng.pick([1, 2, 4, 8]);
      const k = rng.range(-8, 8);
      this.addrGuards.push({ asm: `movl $${k}, ${regName(32, idx)}`, reads: 0, fx: NOFX });
      text = `${off - k * scale}(%ebp,${regName(32, idx)},${scale})`;
    } else {
      // another base register pointing somewhere around the buffer, optionally with an index
      const base = rng.pick(free);
      const bOff = rng.range(-64, SCRATCH_SIZE + 64);
      this.addrGuards.push({ asm: `leal ${bOff}(%ebp), ${regName(32, base)}`, reads: 0, fx: NOFX });
      if (rng.bool(0.4)) {
        const idx = rng.pick(free.filter((r) => r !== base));
        const scale = rng.pick([1, 2, 4, 8]);
        const k = rng.range(-8, 8);
        this.addrGuards.push({ asm: `movl $${k}, ${regName(32, idx)}`, reads: 0, fx: NOFX });
        text = `${off - bOff - k * scale}(${regName(32, base)},${regName(32, idx)},${scale})`;
      } else {
        const d = off - bOff;
        text = d === 0 && rng.bool() ? `(${regName(32, base)})` : `${d}(${regName(32, base)})`;
        if (rng.bool(0.15)) this.pseudo = "{disp32} ";
      }
    }
    if (!o.noSeg && rng.bool(0.06)) text = rng.pick(["%ds:", "%es:", "%ss:"]) + text;
    return { text, off };
  }
}

// ---------------------------------------------------------------------------------------
// Instruction templates: the single source of truth for what the generator emits.
//
// Operand kinds (AT&T order, destination last):
//   r  writable register of the operand size (never esp/ebp; all 8 byte registers)
//   s  readable register (r plus %ebp/%bp, which hold the scratch address)
//   m  scratch memory operand of the operand size
//   i  immediate of the operand size     1  the constant 1      k  an imm8 count/bit index
//   c  %cl

export interface Template {
  name: string;
  mn: string[]; // mnemonics (without size suffix); one is picked per instance
  sizes: Size[];
  forms: string[]; // comma-separated operand kinds, "" for none
  reads?: number; // status flags read
  def?: number; // status flags defined
  undef?: number; // status flags left undefined
  lock?: boolean; // may take a lock prefix when the destination is memory
  swap?: boolean; // reg,reg form has two encodings: randomly use {load}/{store}
  nosuffix?: boolean;
  weight: number;
  /** custom builder; defaults to the generic operand-kind builder */
  build?: (b: UnitBuilder, t: Template, mn: string, size: Size, form: string[]) => void;
  note?: string;
}

const ARITH = STATUS;
const LOGIC_DEF = CF | OF | SF | ZF | PF;

function genericBuild(b: UnitBuilder, t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const ops: string[] = [];
  let memDst = false;
  form.forEach((k, idx) => {
    const last = idx === form.length - 1;
    switch (k) {
      case "r": ops.push(b.wreg(size).text); break;
      case "s": ops.push(b.rreg(size).text); break;
      case "m": ops.push(b.mem(size / 8).text); if (last) memDst = true; break;
      case "i": ops.push(immText(pickValue(rng, size), size)); break;
      case "1": ops.push("$1"); break;
      default: throw new Error(`generic builder: operand kind ${k} in ${t.name}`);
    }
  });
  let pfx = b.pseudo;
  if (t.lock && memDst && rng.bool(0.3)) pfx = "lock " + pfx;
  if (t.swap && form.length === 2 && form[0] === "s" && form[1] !== "m" && rng.bool(0.5)) pfx += rng.pick(["{load} ", "{store} "]);
  const name = mn + (t.nosuffix ? "" : SUFFIX[size]);
  b.emit(`${pfx}${name}${ops.length ? " " + ops.join(", ") : ""}`, t.reads ?? 0, fx(t.def ?? 0, t.undef ?? 0));
}

// --- shifts and rotates ------------------------------------------------------------------

function shiftFx(mn: string, size: Size, count: number): FlagFx {
  const c = count & 31;
  if (c === 0) return NOFX; // masked count 0: flags unaffected
  const of1 = c === 1 ? OF : 0;
  const ofU = c === 1 ? 0 : OF;
  switch (mn) {
    case "shl": case "sal": case "shr": {
      // CF is undefined for SHL/SHR when count >= operand size; AF always undefined
      const cfU = c >= size ? CF : 0;
      return fx((SF | ZF | PF | CF | of1) & ~cfU, AF | ofU | cfU);
    }
    case "sar":
      return fx(SF | ZF | PF | CF | of1, AF | ofU);
    default: // rol ror rcl rcr: only CF and OF
      return fx(CF | of1, ofU);
  }
}

function pickCount(rng: Rng, size: Size): number {
  return rng.pick([0, 1, 2, 3, rng.int(size), size - 1, size, size + 1, 16, 17, 31, 32, 33, rng.int(256)]);
}

function buildShift(b: UnitBuilder, _t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const [cnt, dst] = form as [string, string];
  let count: number | null;
  let ctext: string;
  if (cnt === "1") {
    count = 1;
    ctext = "$1";
  } else if (cnt === "k") {
    count = pickCount(rng, size);
    ctext = `$${count}`;
  } else {
    ctext = "%cl";
    if (rng.bool(0.75)) {
      count = pickCount(rng, size);
      b.guard(`movb $${count}, %cl`);
    } else count = null; // whatever %cl holds: analyse all 32 masked counts
  }
  const d = dst === "r" ? b.wreg(size).text : b.mem(size / 8, { avoid: [ECX] }).text;
  const f = count === null ? anyOf(Array.from({ length: 32 }, (_, c) => shiftFx(mn, size, c))) : shiftFx(mn, size, count);
  const reads = mn === "rcl" || mn === "rcr" ? CF : 0;
  b.emit(`${b.pseudo}${mn}${SUFFIX[size]} ${ctext}, ${d}`, reads, f);
}

function buildShiftDouble(b: UnitBuilder, _t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const [cnt, , dst] = form as [string, string, string];
  // 16-bit forms with a (masked) count above 16 leave the result undefined: never generated
  const ok = (c: number): boolean => size === 32 || (c & 31) <= 16;
  const pick = (): number => {
    for (;;) {
      const c = rng.pick([0, 1, 2, rng.int(size), size - 1, size, 31, 32, 33, 48, rng.int(256)]);
      if (ok(c)) return c;
    }
  };
  let count: number | null;
  let ctext: string;
  if (cnt === "k") {
    count = pick();
    ctext = `$${count}`;
  } else {
    ctext = "%cl";
    if (size === 16 || rng.bool(0.75)) {
      count = pick();
      b.guard(`movb $${count}, %cl`);
    } else count = null;
  }
  const src = b.rreg(size).text;
  const d = dst === "r" ? b.wreg(size).text : b.mem(size / 8, { avoid: [ECX] }).text;
  const f1 = (c: number): FlagFx =>
    (c & 31) === 0 ? NOFX : fx(SF | ZF | PF | CF | ((c & 31) === 1 ? OF : 0), AF | ((c & 31) === 1 ? 0 : OF));
  const f = count === null ? anyOf(Array.from({ length: 32 }, (_, c) => f1(c))) : f1(count);
  b.emit(`${b.pseudo}${mn}${SUFFIX[size]} ${ctext}, ${src}, ${d}`, 0, f);
}

// --- division with guarded operands ---------------------------------------------------------

function buildDiv(b: UnitBuilder, _t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const s = SUFFIX[size];
  const hiReg = size === 8 ? "%ah" : size === 16 ? "%dx" : "%edx";
  // divisor: a register other than the high half of the dividend, or memory
  let dv: string;
  if (form[0] === "r") {
    const cands = size === 8 ? [0, 1, 2, 3, 5, 6, 7] : [0, 1, 3, 6, 7];
    dv = regName(size, rng.pick(cands));
  } else {
    dv = b.mem(size / 8, { avoid: [EAX, EDX] }).text;
  }
  const pfx = b.pseudo;
  if (mn === "div") {
    // high half < 2^k <= divisor  =>  quotient fits, divisor nonzero
    const k = rng.int(size);
    const hiMask = 2 ** k - 1;
    const bit = 2 ** k;
    const orv = (((rng.u32() & ~hiMask) | bit) & maskOf(size)) >>> 0;
    b.guard(`and${s} ${immText(hiMask, size)}, ${hiReg}`, fx(LOGIC_DEF, AF));
    b.guard(`${pfx}or${s} ${immText(orv, size)}, ${dv}`, fx(LOGIC_DEF, AF));
  } else {
    // divisor has bit i set and bit j clear: never 0 or -1; dividend sign-extended
    const i = rng.int(size);
    let j = rng.int(size - 1);
    if (j >= i) j++;
    b.guard(`${pfx}or${s} ${immText(2 ** i, size)}, ${dv}`, fx(LOGIC_DEF, AF));
    b.guard(`${pfx}and${s} ${immText((maskOf(size) - 2 ** j) >>> 0, size)}, ${dv}`, fx(LOGIC_DEF, AF));
    b.guard(size === 8 ? "cbtw" : size === 16 ? "cwtd" : "cltd");
  }
  b.emit(`${pfx}${mn}${s} ${dv}`, 0, fx(0, STATUS));
}

// --- bit tests -----------------------------------------------------------------------------

function buildBt(b: UnitBuilder, _t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const s = SUFFIX[size];
  const f = fx(CF, OF | SF | AF | PF); // ZF unaffected
  const writes = mn !== "bt";
  const [src, dst] = form as [string, string];
  let lock = "";
  if (src === "k") {
    const imm = rng.pick([0, 1, size - 1, size, rng.int(size), rng.int(256)]);
    const d = dst === "m" ? b.mem(size / 8).text : writes ? b.wreg(size).text : b.rreg(size).text;
    if (dst === "m" && writes && rng.bool(0.3)) lock = "lock ";
    b.emit(`${lock}${b.pseudo}${mn}${s} $${imm}, ${d}`, 0, f);
  } else if (dst !== "m") {
    const off = b.rreg(size).text;
    const d = writes ? b.wreg(size).text : b.rreg(size).text;
    b.emit(`${mn}${s} ${off}, ${d}`, 0, f);
  } else {
    // register bit offset into memory addresses a bit string: clamp it to [-64, 63]
    const r = b.wreg(size);
    const m = b.mem(size / 8, { lo: 8, hi: 8, avoid: [gpr(size, r.n)] });
    if (rng.bool()) b.guard(`and${s} $63, ${r.text}`, fx(LOGIC_DEF, AF));
    else b.guard(`or${s} $-64, ${r.text}`, fx(LOGIC_DEF, AF));
    if (writes && rng.bool(0.3)) lock = "lock ";
    b.emit(`${lock}${b.pseudo}${mn}${s} ${r.text}, ${m.text}`, 0, f);
  }
}

function buildBsf(b: UnitBuilder, _t: Template, mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const s = SUFFIX[size];
  // the source is forced nonzero (destination is undefined for a zero source)
  const v = rng.bool(0.6) ? 2 ** rng.int(size) : ((rng.u32() & maskOf(size)) >>> 0) || 1;
  let src: string;
  if (form[0] === "r") src = b.wreg(size).text;
  else src = b.mem(size / 8).text;
  const pfx = b.pseudo;
  b.guard(`${pfx}or${s} ${immText(v, size)}, ${src}`, fx(LOGIC_DEF, AF));
  b.emit(`${pfx}${mn}${s} ${src}, ${b.wreg(size).text}`, 0, fx(ZF, CF | OF | SF | AF | PF));
}

// --- conditional ---------------------------------------------------------------------------

function pickCond(rng: Rng): [string, number] {
  const [cc, flags] = rng.pick(CONDS);
  const al = COND_ALIASES[cc];
  return [al && rng.bool(0.3) ? rng.pick(al) : cc, flags];
}

function buildSetcc(b: UnitBuilder, _t: Template, _mn: string, _size: Size, form: string[]): void {
  const [cc, reads] = pickCond(b.rng);
  const d = form[0] === "r" ? b.wreg(8).text : b.mem(1).text;
  b.emit(`${b.pseudo}set${cc} ${d}`, reads, NOFX);
}

function buildCmov(b: UnitBuilder, _t: Template, _mn: string, size: Size, form: string[]): void {
  const [cc, reads] = pickCond(b.rng);
  const src = form[0] === "s" ? b.rreg(size).text : b.mem(size / 8).text;
  b.emit(`${b.pseudo}cmov${cc} ${src}, ${b.wreg(size).text}`, reads, NOFX);
}

// --- exchange / compare-exchange -------------------------------------------------------------

function buildCmpxchg(b: UnitBuilder, _t: Template, _mn: string, size: Size, form: string[]): void {
  const rng = b.rng;
  const s = SUFFIX[size];
  const acc = regName(size, 0);
  const src = b.rreg(size).text;
  let dst: string;
  let lock = "";
  if (form[1] === "m") {
    dst = b.mem(size / 8, { avoid: [EAX] }).text;
    if (rng.bool(0.3)) lock = "lock ";
  } else dst = b.wreg(size).text;
  const pfx = b.pseudo;
  // sometimes make the comparison succeed
  if (rng.bool(0.4)) b.guard(`${pfx}mov${s} ${dst}, ${acc}`);
  b.emit(`${lock}${pfx}cmpxchg${s} ${src}, ${dst}`, 0, fx(ARITH));
}

function buildCmpxchg8b(b: UnitBuilder): void {
  const rng = b.rng;
  const m = b.mem(8, { avoid: [EAX, EDX] });
  const pfx = b.pseudo;
  if (rng.bool(0.4)) {
    b.guard(`movl ${m.off}(%ebp), %eax`);
    b.guard(`movl ${m.off + 4}(%ebp), %edx`);
  }
  b.emit(`${rng.bool(0.3) ? "lock " : ""}${pfx}cmpxchg8b ${m.text}`, 0, fx(ZF));
}

// --- address arithmetic, extensions ------------------------------------------------------------

function buildLea(b: UnitBuilder, _t: Template, _mn: string, size: Size): void {
  const rng = b.rng;
  const base = rng.bool(0.85) ? regName(32, rng.pick(READABLE)) : "";
  const index = rng.bool(0.6) || !base ? regName(32, rng.pick(READABLE)) : "";
  const scale = rng.pick([1, 2, 4, 8]);
  const disp = rng.pick([0, 0, rng.range(-128, 127), signed(rng.u32(), 32), rng.range(-4096, 4096)]);
  const text = (disp !== 0 ? String(disp) : "") + `(${base}${index ? `,${index},${scale}` : ""})`;
  const pfx = rng.bool(0.1) && base ? "{disp32} " : "";
  b.emit(`${pfx}lea${SUFFIX[size]} ${text}, ${b.wreg(size).text}`, 0, NOFX);
}

function buildExt(b: UnitBuilder, _t: Template, mn: string, _size: Size, form: string[]): void {
  // mn: movzbw movzbl movzwl movsbw movsbl movswl
  const from: Size = mn[4] === "b" ? 8 : 16;
  const to: Size = mn[5] === "w" ? 16 : 32;
  const src = form[0] === "s" ? b.rreg(from).text : b.mem(from / 8).text;
  b.emit(`${b.pseudo}${mn} ${src}, ${b.wreg(to).text}`, 0, NOFX);
}

// --- BCD ------------------------------------------------------------------------------------

function buildAamAad(b: UnitBuilder, _t: Template, mn: string): void {
  const rng = b.rng;
  const f = fx(SF | ZF | PF, OF | AF | CF);
  if (rng.bool(0.4)) b.emit(mn, 0, f); // base 10
  else b.emit(`${mn} $${mn === "aam" ? rng.range(1, 255) : rng.int(256)}`, 0, f);
}

// --- string instructions -----------------------------------------------------------------------

function buildString(b: UnitBuilder, _t: Template, mn: string, size: Size): void {
  const rng = b.rng;
  const es = size / 8;
  const usesSrc = mn === "movs" || mn === "lods" || mn === "cmps";
  const usesDst = mn !== "lods";
  let rep = "";
  if (rng.bool(0.6)) {
    rep = mn === "cmps" || mn === "scas" ? rng.pick(["repe ", "repne ", "repz ", "repnz "]) : "rep ";
  }
  const n = rep ? rng.range(0, 8) : 1;
  const down = rng.bool(0.25);
  const start = (): number => {
    if (n === 0) return rng.int(SCRATCH_SIZE);
    return down ? rng.range((n - 1) * es, SCRATCH_SIZE - es) : rng.range(0, SCRATCH_SIZE - n * es);
  };
  if (down) b.guard("std");
  if (usesSrc) b.guard(`leal ${start()}(%ebp), %esi`);
  if (usesDst) b.guard(`leal ${start()}(%ebp), %edi`);
  if (rep) b.guard(`movl $${n}, %ecx`);
  const cmp = mn === "cmps" || mn === "scas";
  b.emit(`${rep}${mn}${SUFFIX[size]}`, 0, cmp && n > 0 ? fx(ARITH) : NOFX);
  if (down) b.emit("cld");
}

function buildXlat(b: UnitBuilder): void {
  const rng = b.rng;
  if (rng.bool()) {
    b.guard("leal (%ebp), %ebx");
  } else {
    b.guard("andb $127, %al", fx(LOGIC_DEF, AF));
    b.guard(`leal ${rng.range(0, 128)}(%ebp), %ebx`);
  }
  b.emit("xlatb");
}

// ---------------------------------------------------------------------------------------------

const ALU_FORMS = ["s,r", "m,r", "s,m", "i,r", "i,m"];
const CMP_FORMS = ["s,s", "m,s", "s,m", "i,s", "i,m"];

export const TEMPLATES: Template[] = [
  { name: "add/sub", mn: ["add", "sub"], sizes: [8, 16, 32], forms: ALU_FORMS, def: ARITH, lock: true, swap: true, weight: 10 },
  { name: "adc/sbb", mn: ["adc", "sbb"], sizes: [8, 16, 32], forms: ALU_FORMS, reads: CF, def: ARITH, lock: true, swap: true, weight: 8 },
  { name: "cmp", mn: ["cmp"], sizes: [8, 16, 32], forms: CMP_FORMS, def: ARITH, swap: true, weight: 5 },
  { name: "and/or/xor", mn: ["and", "or", "xor"], sizes: [8, 16, 32], forms: ALU_FORMS, def: LOGIC_DEF, undef: AF, lock: true, swap: true, weight: 9 },
  { name: "test", mn: ["test"], sizes: [8, 16, 32], forms: ["s,s", "s,m", "m,s", "i,s", "i,m"], def: LOGIC_DEF, undef: AF, weight: 4 },
  { name: "mov", mn: ["mov"], sizes: [8, 16, 32], forms: ALU_FORMS, swap: true, weight: 6 },
  { name: "inc/dec", mn: ["inc", "dec"], sizes: [8, 16, 32], forms: ["r", "m"], def: OF | SF | ZF | AF | PF, lock: true, weight: 5 },
  { name: "neg", mn: ["neg"], sizes: [8, 16, 32], forms: ["r", "m"], def: ARITH, lock: true, weight: 3 },
  { name: "not", mn: ["not"], sizes: [8, 16, 32], forms: ["r", "m"], lock: true, weight: 2 },
  { name: "shift", mn: ["shl", "sal", "shr", "sar"], sizes: [8, 16, 32], forms: ["1,r", "1,m", "k,r", "k,m", "c,r", "c,m"], weight: 9, build: buildShift },
  { name: "rotate", mn: ["rol", "ror"], sizes: [8, 16, 32], forms: ["1,r", "1,m", "k,r", "k,m", "c,r", "c,m"], weight: 6, build: buildShift },
  { name: "rotate-carry", mn: ["rcl", "rcr"], sizes: [8, 16, 32], forms: ["1,r", "1,m", "k,r", "k,m", "c,r", "c,m"], reads: CF, weight: 6, build: buildShift },
  { name: "shld/shrd", mn: ["shld", "shrd"], sizes: [16, 32], forms: ["k,s,r", "k,s,m", "c,s,r", "c,s,m"], weight: 5, build: buildShiftDouble },
  { name: "mul/imul1", mn: ["mul", "imul"], sizes: [8, 16, 32], forms: ["s", "m"], def: CF | OF, undef: SF | ZF | AF | PF, weight: 5 },
  { name: "imul2", mn: ["imul"], sizes: [16, 32], forms: ["s,r", "m,r"], def: CF | OF, undef: SF | ZF | AF | PF, weight: 3 },
  { name: "imul3", mn: ["imul"], sizes: [16, 32], forms: ["i,s,r", "i,m,r"], def: CF | OF, undef: SF | ZF | AF | PF, weight: 3 },
  { name: "div/idiv", mn: ["div", "idiv"], sizes: [8, 16, 32], forms: ["r", "m"], weight: 4, build: buildDiv, note: "operands guarded: divisor nonzero, quotient fits" },
  { name: "bt", mn: ["bt", "bts", "btr", "btc"], sizes: [16, 32], forms: ["k,r", "k,m", "s,r", "s,m"], weight: 5, build: buildBt },
  { name: "bsf/bsr", mn: ["bsf", "bsr"], sizes: [16, 32], forms: ["r", "m"], weight: 3, build: buildBsf, note: "source forced nonzero" },
  { name: "bswap", mn: ["bswap"], sizes: [32], forms: ["r"], weight: 1, note: "32-bit only (16-bit form is undefined)" },
  { name: "setcc", mn: ["set"], sizes: [8], forms: ["r", "m"], weight: 4, build: buildSetcc },
  { name: "cmovcc", mn: ["cmov"], sizes: [16, 32], forms: ["s,r", "m,r"], weight: 4, build: buildCmov },
  { name: "xchg", mn: ["xchg"], sizes: [8, 16, 32], forms: ["r,r", "r,m", "m,r"], weight: 3 },
  { name: "xadd", mn: ["xadd"], sizes: [8, 16, 32], forms: ["r,r", "r,m"], def: ARITH, lock: true, weight: 3 },
  { name: "cmpxchg", mn: ["cmpxchg"], sizes: [8, 16, 32], forms: ["s,r", "s,m"], weight: 3, build: buildCmpxchg },
  { name: "cmpxchg8b", mn: ["cmpxchg8b"], sizes: [32], forms: ["m"], weight: 1, build: buildCmpxchg8b },
  { name: "lea", mn: ["lea"], sizes: [16, 32], forms: ["m,r"], weight: 4, build: buildLea },
  { name: "movzx/movsx", mn: ["movzbw", "movzbl", "movzwl", "movsbw", "movsbl", "movswl"], sizes: [32], forms: ["s,r", "m,r"], weight: 4, build: buildExt },
  { name: "cbw/cwde/cwd/cdq", mn: ["cbtw", "cwtl", "cwtd", "cltd"], sizes: [32], forms: [""], nosuffix: true, weight: 2 },
  { name: "lahf", mn: ["lahf"], sizes: [32], forms: [""], nosuffix: true, reads: SF | ZF | AF | PF | CF, weight: 1 },
  { name: "sahf", mn: ["sahf"], sizes: [32], forms: [""], nosuffix: true, def: SF | ZF | AF | PF | CF, weight: 1 },
  { name: "clc/stc", mn: ["clc", "stc"], sizes: [32], forms: [""], nosuffix: true, def: CF, weight: 1 },
  { name: "cmc", mn: ["cmc"], sizes: [32], forms: [""], nosuffix: true, reads: CF, def: CF, weight: 1 },
  { name: "daa/das", mn: ["daa", "das"], sizes: [32], forms: [""], nosuffix: true, reads: AF | CF, def: CF | AF | SF | ZF | PF, undef: OF, weight: 2 },
  { name: "aaa/aas", mn: ["aaa", "aas"], sizes: [32], forms: [""], nosuffix: true, reads: AF, def: AF | CF, undef: OF | SF | ZF | PF, weight: 2 },
  { name: "aam/aad", mn: ["aam", "aad"], sizes: [32], forms: [""], weight: 2, build: buildAamAad, note: "aam immediate nonzero" },
  { name: "string", mn: ["movs", "stos", "lods", "cmps", "scas"], sizes: [8, 16, 32], forms: [""], weight: 4, build: buildString },
  { name: "xlat", mn: ["xlat"], sizes: [8], forms: [""], weight: 1, build: buildXlat },
];

const FIXUP: Template = TEMPLATES.find((t) => t.name === "add/sub") as Template;

export function buildUnit(rng: Rng, t: Template): Unit {
  const b = new UnitBuilder(rng, t.name);
  const mn = rng.pick(t.mn);
  const size = rng.pick(t.sizes);
  const formStr = rng.pick(t.forms);
  const form = formStr === "" ? [] : formStr.split(",");
  (t.build ?? genericBuild)(b, t, mn, size, form);
  return b.unit();
}

// ---------------------------------------------------------------------------------------------

export interface GenOptions {
  maxUnits?: number; // units per sequence are uniform in [1, maxUnits] (plus fixups)
  exclude?: string[]; // template names (or mnemonics) not to generate
}

/** templates left after removing excluded template names / mnemonics */
export function selectTemplates(exclude: readonly string[] = []): Template[] {
  if (!exclude.length) return TEMPLATES;
  const ex = new Set(exclude);
  for (const e of ex) {
    if (!TEMPLATES.some((t) => t.name === e || t.mn.includes(e))) throw new Error(`--exclude: no template or mnemonic named '${e}'`);
  }
  const out: Template[] = [];
  for (const t of TEMPLATES) {
    if (ex.has(t.name)) continue;
    const mn = t.mn.filter((m) => !ex.has(m));
    if (mn.length === 0) continue;
    out.push(mn.length === t.mn.length ? t : { ...t, mn, weight: (t.weight * mn.length) / t.mn.length });
  }
  if (!out.length) throw new Error("--exclude: nothing left to generate");
  return out;
}

export function genInit(rng: Rng): InitState {
  const regs = STATE_REGS.map((_, i) => (i === EBP_SLOT ? 0 : pickValue(rng, 32)));
  let flags = 0x202;
  for (const [, bit] of FLAG_NAMES) if (bit !== DF && rng.bool()) flags |= bit;
  const mem = new Uint8Array(SCRATCH_SIZE);
  for (let i = 0; i < SCRATCH_SIZE; i += 4) {
    const v = rng.bool(0.2) ? pickValue(rng, 32) : rng.u32();
    mem[i] = v & 0xff;
    mem[i + 1] = (v >>> 8) & 0xff;
    mem[i + 2] = (v >>> 16) & 0xff;
    mem[i + 3] = v >>> 24;
  }
  return { regs, flags, mem };
}

export function genSequence(seed: number, index: number, opts: GenOptions = {}): Sequence {
  const rng = new Rng(mixSeed(seed, index));
  const init = genInit(rng);
  const templates = selectTemplates(opts.exclude);
  const n = rng.range(1, opts.maxUnits ?? 16);
  const units: Unit[] = [];
  let defined = STATUS;
  for (let k = 0; k < n; k++) {
    const u = buildUnit(rng, rng.weighted(templates));
    let after = analyze([u], defined);
    if (after === null) {
      // the unit reads flags that are currently undefined: define them all first
      const f = buildUnit(rng, FIXUP);
      units.push(f);
      defined = analyze([f], defined) as number;
      after = analyze([u], defined);
      if (after === null) throw new Error(`internal: unit not valid after fixup: ${sequenceAsm([u]).join("; ")}`);
    }
    units.push(u);
    defined = after;
  }
  return { seed, index, init, units, definedOut: defined };
}

/** same initial state, different units (used by the shrinker) */
export function withUnits(seq: Sequence, units: Unit[]): Sequence | null {
  const d = analyze(units);
  return d === null ? null : { ...seq, units, definedOut: d };
}

// ---------------------------------------------------------------------------------------------
// Assembly output: one function per sequence plus a table consumed by harness.c
//
//   struct dt_entry { void (*fn)(void); u32 id; u32 regs[7]; u32 flags; const u8 *mem; };

export function emitAsm(seqs: readonly Sequence[]): string {
  const L: string[] = [];
  L.push("# generated by tests/difftest/gen.ts", "\t.text");
  seqs.forEach((s, k) => {
    L.push(`# seed ${s.seed} sequence ${s.index}`, `\t.p2align 4`, `dt_seq_${k}:`);
    for (const line of sequenceAsm(s.units)) L.push("\t" + line);
    L.push("\tret");
  });
  L.push("\t.section .rodata", "\t.p2align 2", "\t.globl dt_count", "dt_count:", `\t.long ${seqs.length}`);
  L.push("\t.globl dt_table", "dt_table:");
  seqs.forEach((s, k) => {
    const words = [`dt_seq_${k}`, String(s.index), ...s.init.regs.map(hex), hex(s.init.flags), `dt_mem_${k}`];
    L.push(`\t.long ${words.join(", ")}`);
  });
  seqs.forEach((s, k) => {
    L.push(`dt_mem_${k}:`);
    for (let i = 0; i < SCRATCH_SIZE; i += 16) {
      L.push("\t.byte " + Array.from(s.init.mem.subarray(i, i + 16), (x) => String(x)).join(","));
    }
  });
  L.push("");
  return L.join("\n");
}
