// AT&T-syntax disassembler for `-d in_asm`, plugins and gdb's x/i fallback. It prints the
// DecodedInsn that the translator also consumes, so what the log shows is what was translated.
import { decode, DecodedInsn, FetchFn, OpKind, Operand, REP_NZ, REP_Z } from "./decode";
import { REG_NAMES, SEG_NAMES } from "./cpu";

const R8 = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"];
const R16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"];

export function regName(size: number, r: number): string {
  return "%" + (size === 1 ? R8[r] : size === 2 ? R16[r] : REG_NAMES[r]);
}
// as qemu's disassembler (capstone) prints numbers: 0..9 in decimal, the rest in hex
const hex = (v: number): string => (v < 0 ? "-" + hex(-v) : v <= 9 ? String(v) : "0x" + v.toString(16));

function memText(insn: DecodedInsn, o: Operand): string {
  if (o.reg >= 0) {
    // string operand: X = ds:esi (overridable), Y = es:edi
    const si = o.reg === 6;
    const seg = si ? (insn.seg >= 0 ? insn.seg : 3) : 0;
    const r = insn.adsize === 2 ? R16[o.reg] : REG_NAMES[o.reg];
    return `%${SEG_NAMES[seg]}:(%${r})`;
  }
  const m = insn.mem!;
  const names = insn.adsize === 2 ? R16 : REG_NAMES;
  let s = insn.seg >= 0 ? `%${SEG_NAMES[insn.seg]}:` : "";
  if (m.base < 0 && m.index < 0) return s + hex(insn.adsize === 2 ? m.disp & 0xffff : m.disp >>> 0);
  if (m.disp !== 0) s += hex(m.disp);
  s += "(";
  if (m.base >= 0) s += "%" + names[m.base];
  if (m.index >= 0) s += ",%" + names[m.index] + "," + (1 << m.scale);
  return s + ")";
}

function operandText(insn: DecodedInsn, o: Operand): string {
  switch (o.kind) {
    case OpKind.REG:
      return regName(o.size, o.reg);
    case OpKind.MEM:
      return memText(insn, o);
    case OpKind.IMM:
      return "$" + hex(o.size === 4 ? o.imm >>> 0 : o.imm & ((1 << (o.size * 8)) - 1));
    case OpKind.SEG:
      return "%" + SEG_NAMES[o.reg];
    case OpKind.ST:
      return o.reg === 0 && insn.entry.operands.includes("ST") ? "%st" : `%st(${o.reg})`;
    case OpKind.REL:
      return hex(o.imm >>> 0);
    case OpKind.FAR:
      return `$${hex(o.reg)},$${hex(o.imm >>> 0)}`;
    case OpKind.XMM:
      return `%xmm${o.reg}`;
    case OpKind.MMX:
      return `%mm${o.reg}`;
  }
}

const SUFFIX: Record<number, string> = { 1: "b", 2: "w", 4: "l" };

export function formatInsn(insn: DecodedInsn): string {
  let mnem = insn.entry.mnem;
  const ops = insn.ops;
  const x87 = mnem[0] === "f";
  if (insn.entry.simd) {
    // no operand-size suffix, except where the integer operand's size is ambiguous in memory
    if ((mnem === "cvtsi2ss" || mnem === "cvtsi2sd") && ops[1].kind === OpKind.MEM) mnem += "l";
  } else if (mnem === "cwtl" && insn.opsize === 2) mnem = "cbtw";
  else if (mnem === "cltd" && insn.opsize === 2) mnem = "cwtd";
  else if (mnem === "movzb" || mnem === "movzw" || mnem === "movsb" || mnem === "movsw") {
    mnem = mnem + (insn.opsize === 2 ? "w" : "l");
  } else if (!x87 && insn.entry.cc === undefined && mnem !== "bswap" && mnem !== "lea" && mnem !== "jmp" && mnem !== "call") {
    // the operand size as a suffix, as qemu's log shows it (movl, addb, pushl...)
    const sized = ops.find((o) => (o.kind === OpKind.REG || o.kind === OpKind.MEM || o.kind === OpKind.IMM) && o.size > 0 && o.size <= 4);
    if (sized) mnem += SUFFIX[sized.size];
  } else if (mnem === "lea" || (insn.entry.cc !== undefined && mnem.startsWith("cmov"))) mnem += SUFFIX[insn.opsize];
  else if (["pushf", "popf", "pusha", "popa", "iret"].includes(mnem)) mnem += insn.opsize === 2 ? "w" : "l";
  let prefix = "";
  if (insn.lock) prefix += "lock ";
  if (insn.rep === REP_Z) prefix += ["cmps", "scas"].some((s) => mnem.startsWith(s)) ? "repz " : "rep ";
  else if (insn.rep === REP_NZ) prefix += "repnz ";
  const text = ops.slice().reverse().map((o) => operandText(insn, o));
  const star = insn.indirect ? "*" : "";
  return (prefix + mnem).padEnd(8) + (text.length ? " " + star + text.join(", ") : "");
}

/** Disassemble one instruction; returns its length and text (or a .byte line if invalid). */
export function disassemble(pc: number, fetch: FetchFn): { len: number; text: string } {
  const d = decode(pc, fetch);
  if ("error" in d) {
    const b = fetch(pc);
    return { len: 1, text: b < 0 ? "(bad)" : `.byte 0x${b.toString(16)}` };
  }
  return { len: d.len, text: formatInsn(d) };
}
