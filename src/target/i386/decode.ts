// i386 instruction decoder: prefixes, opcode maps, ModRM/SIB, displacement and immediates, driven
// by opcode-table.ts. Produces a DecodedInsn that the translator and the disassembler both read.
import { MapEntry, ONE_BYTE, OpEntry, TWO_BYTE, X87_MEM, X87_REG, X87_REG_FIXED } from "./opcode-table";

export const enum OpKind {
  REG = 0, // general register; size 1 uses al cl dl bl ah ch dh bh numbering
  MEM = 1,
  IMM = 2,
  SEG = 3,
  ST = 4, // x87 stack register ST(reg)
  REL = 5, // branch target (absolute address in imm)
  FAR = 6, // ptr16:32 immediate (imm = offset, reg = selector)
  XMM = 7, // SSE register xmm<reg>
  MMX = 8, // MMX register mm<reg>
}

export interface Operand {
  kind: OpKind;
  /** size in bytes (0 when not meaningful, e.g. lea's memory operand) */
  size: number;
  reg: number;
  imm: number;
}

export interface MemRef {
  base: number; // -1 if none
  index: number; // -1 if none
  scale: number; // log2
  disp: number;
}

export interface DecodedInsn {
  pc: number;
  len: number;
  entry: OpEntry;
  opsize: 2 | 4;
  adsize: 2 | 4;
  /** segment override (R_ES..R_GS) or -1 */
  seg: number;
  /** 0, REP_Z (F3) or REP_NZ (F2) */
  rep: number;
  lock: boolean;
  modrm: number;
  mem: MemRef | null;
  ops: Operand[];
  /** call/jmp through a register or memory operand (AT&T '*') */
  indirect: boolean;
  /** the prefix bytes 66/F2/F3 seen (SSE needs them as opcode extensions) */
  prefix66: boolean;
}

export const REP_Z = 1, REP_NZ = 2;

export type DecodeResult = DecodedInsn | { error: "fault"; addr: number } | { error: "invalid" };

/** Byte at an address, or -1 if it cannot be fetched (unmapped or not executable). */
export type FetchFn = (addr: number) => number;

const MAX_INSN_LEN = 15;

class Fault {
  constructor(readonly addr: number) {}
}
class TooLong {}
const TOO_LONG = new TooLong();

// Decoder state for the instruction being decoded, kept at module level so that decoding
// allocates no closures (the translator decodes every guest instruction it meets).
let dPc = 0;
let dP = 0;
let dFetch: FetchFn = () => -1;
let dModrm = -1;

function byte(): number {
  if (dP - dPc >= MAX_INSN_LEN) throw TOO_LONG;
  const b = dFetch(dP >>> 0);
  if (b < 0) throw new Fault(dP >>> 0);
  dP = (dP + 1) >>> 0;
  return b;
}
function imm(size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v |= byte() << (8 * i);
  return size === 1 ? (v << 24) >> 24 : size === 2 ? (v << 16) >> 16 : v | 0;
}
function readModrm(): number {
  return dModrm < 0 ? (dModrm = byte()) : dModrm;
}
function fromMap(me: MapEntry): OpEntry | null {
  if (me === null) return null;
  if ("group" in me) return me.group[(readModrm() >> 3) & 7];
  if ("memReg" in me) return me.memReg[readModrm() >= 0xc0 ? 1 : 0];
  if ("prefixed" in me) throw new Error("opcode table: nested prefixed entry");
  return me;
}
const BASES16 = [[3, 6], [3, 7], [5, 6], [5, 7], [6, -1], [7, -1], [5, -1], [3, -1]];
/** The ModRM (and SIB, displacement) of insn: sets insn.modrm and, for memory forms, insn.mem. */
function decodeModrmMem(insn: DecodedInsn): void {
  const mr = readModrm();
  insn.modrm = mr;
  const mod = mr >> 6, rm = mr & 7;
  if (mod === 3) return;
  if (insn.adsize === 2) {
    let [base, index] = BASES16[rm];
    let disp = 0;
    if (mod === 0 && rm === 6) { base = -1; disp = imm(2) & 0xffff; }
    else if (mod === 1) disp = imm(1);
    else if (mod === 2) disp = imm(2);
    insn.mem = { base, index, scale: 0, disp };
    return;
  }
  let base = rm, index = -1, scale = 0, disp = 0;
  if (rm === 4) {
    const sib = byte();
    scale = sib >> 6;
    index = (sib >> 3) & 7;
    if (index === 4) index = -1;
    base = sib & 7;
    if (base === 5 && mod === 0) { base = -1; disp = imm(4); }
  } else if (rm === 5 && mod === 0) { base = -1; disp = imm(4); }
  if (mod === 1) disp = imm(1);
  else if (mod === 2) disp = imm(4);
  insn.mem = { base, index, scale, disp };
}
function sizeOf(c: string, opsize: number): number {
  switch (c) {
    case "b": return 1;
    case "w": return 2;
    case "d": return 4;
    case "v": case "z": return opsize;
    case "q": return 8;
    case "t": return 10;
    case "p": return opsize + 2;
    case "x": case "ps": case "pd": case "dq": return 16;
    case "ss": return 4;
    case "sd": return 8;
    default: return 0;
  }
}

export function decode(pc: number, fetch: FetchFn): DecodeResult {
  pc >>>= 0;
  dPc = pc;
  dP = pc;
  dFetch = fetch;
  dModrm = -1;
  try {
    let opsize: 2 | 4 = 4, adsize: 2 | 4 = 4, seg = -1, rep = 0, lock = false, p66 = false;
    let b: number;
    for (;;) {
      b = byte();
      if (b === 0x66) { opsize = 2; p66 = true; }
      else if (b === 0x67) adsize = 2;
      else if (b === 0xf0) lock = true;
      else if (b === 0xf2) rep = REP_NZ;
      else if (b === 0xf3) rep = REP_Z;
      else if (b === 0x26) seg = 0;
      else if (b === 0x2e) seg = 1;
      else if (b === 0x36) seg = 2;
      else if (b === 0x3e) seg = 3;
      else if (b === 0x64) seg = 4;
      else if (b === 0x65) seg = 5;
      else break;
    }
    let entry: OpEntry | null = null;
    let opByte = b;
    if (b === 0x0f) {
      opByte = byte();
      let me = TWO_BYTE[opByte];
      if (me !== null && "prefixed" in me) {
        // SSE: F3/F2 (whichever came last) or else 66 select the form and are no longer prefixes
        if (rep !== 0) {
          me = me.prefixed[rep === REP_Z ? 2 : 3];
          rep = 0;
        } else if (p66) {
          me = me.prefixed[1];
          opsize = 4;
          p66 = false;
        } else me = me.prefixed[0];
      }
      entry = fromMap(me);
    } else if (b >= 0xd8 && b <= 0xdf) {
      const mr = readModrm();
      const row = b - 0xd8;
      if (mr >= 0xc0) entry = X87_REG_FIXED.get((b << 8) | mr) ?? X87_REG[row][(mr >> 3) & 7];
      else entry = X87_MEM[row][(mr >> 3) & 7];
    } else entry = fromMap(ONE_BYTE[b]);
    if (entry === null) return { error: "invalid" };

    const insn: DecodedInsn = {
      pc, len: 0, entry, opsize, adsize, seg, rep, lock, modrm: -1, mem: null, ops: [],
      indirect: false, prefix66: p66,
    };
    let memSizeInvalid = false;
    for (let spec of entry.operands) {
      if (spec[0] === "*") { insn.indirect = true; spec = spec.slice(1); }
      const k = spec[0];
      const sz = sizeOf(spec.slice(1), opsize);
      switch (k) {
        case "E":
        case "M":
        case "R": {
          if (insn.modrm < 0) decodeModrmMem(insn);
          const mr = insn.modrm;
          if (mr >= 0xc0) {
            if (k === "M") memSizeInvalid = true;
            insn.ops.push({ kind: OpKind.REG, size: sz, reg: mr & 7, imm: 0 });
          } else {
            if (k === "R") memSizeInvalid = true;
            insn.ops.push({ kind: OpKind.MEM, size: sz, reg: -1, imm: 0 });
          }
          break;
        }
        case "V":
        case "P":
          if (insn.modrm < 0) decodeModrmMem(insn);
          insn.ops.push({ kind: k === "V" ? OpKind.XMM : OpKind.MMX, size: sz, reg: (insn.modrm >> 3) & 7, imm: 0 });
          break;
        case "W":
        case "Q":
        case "U":
        case "N": {
          if (insn.modrm < 0) decodeModrmMem(insn);
          const mr = insn.modrm;
          const kind = k === "W" || k === "U" ? OpKind.XMM : OpKind.MMX;
          if (mr >= 0xc0) insn.ops.push({ kind, size: sz, reg: mr & 7, imm: 0 });
          else {
            if (k === "U" || k === "N") memSizeInvalid = true;
            insn.ops.push({ kind: OpKind.MEM, size: sz, reg: -1, imm: 0 });
          }
          break;
        }
        case "G":
          if (insn.modrm < 0) decodeModrmMem(insn);
          insn.ops.push({ kind: OpKind.REG, size: sz, reg: (insn.modrm >> 3) & 7, imm: 0 });
          break;
        case "S":
          if (spec === "Sw") {
            if (insn.modrm < 0) decodeModrmMem(insn);
            const r = (insn.modrm >> 3) & 7;
            if (r > 5) return { error: "invalid" };
            insn.ops.push({ kind: OpKind.SEG, size: 2, reg: r, imm: 0 });
          } else if (spec.startsWith("Sreg:")) {
            insn.ops.push({ kind: OpKind.SEG, size: 2, reg: +spec.slice(5), imm: 0 });
          } else if (spec === "ST") {
            insn.ops.push({ kind: OpKind.ST, size: 10, reg: 0, imm: 0 });
          } else if (spec === "STi") {
            insn.ops.push({ kind: OpKind.ST, size: 10, reg: readModrm() & 7, imm: 0 });
            insn.modrm = dModrm;
          }
          break;
        case "I":
          if (spec === "Ibs") insn.ops.push({ kind: OpKind.IMM, size: opsize, reg: -1, imm: imm(1) });
          else {
            const isz = spec === "Iv" || spec === "Iz" ? opsize : sz;
            const v = imm(isz);
            insn.ops.push({ kind: OpKind.IMM, size: isz, reg: -1, imm: isz === 1 ? v & 0xff : isz === 2 ? v & 0xffff : v });
          }
          break;
        case "J": {
          const rel = imm(spec === "Jb" ? 1 : opsize);
          insn.ops.push({ kind: OpKind.REL, size: opsize, reg: -1, imm: rel });
          break;
        }
        case "O": {
          const addr = imm(adsize);
          insn.mem = { base: -1, index: -1, scale: 0, disp: adsize === 2 ? addr & 0xffff : addr };
          insn.ops.push({ kind: OpKind.MEM, size: sz, reg: -1, imm: 0 });
          break;
        }
        case "X":
        case "Y":
          insn.ops.push({ kind: OpKind.MEM, size: sz, reg: k === "X" ? 6 : 7, imm: 0 });
          break;
        case "Z":
          insn.ops.push({ kind: OpKind.REG, size: sz, reg: opByte & 7, imm: 0 });
          break;
        case "A":
          if (spec === "AL") insn.ops.push({ kind: OpKind.REG, size: 1, reg: 0, imm: 0 });
          else if (spec === "AX") insn.ops.push({ kind: OpKind.REG, size: 2, reg: 0, imm: 0 });
          else if (spec === "Ap") {
            const off = imm(opsize);
            const sel = imm(2) & 0xffff;
            insn.ops.push({ kind: OpKind.FAR, size: opsize + 2, reg: sel, imm: off });
          }
          break;
        case "e":
          insn.ops.push({ kind: OpKind.REG, size: opsize, reg: 0, imm: 0 });
          break;
        case "C":
          insn.ops.push({ kind: OpKind.REG, size: 1, reg: 1, imm: 0 });
          break;
        case "D":
          insn.ops.push({ kind: OpKind.REG, size: 2, reg: 2, imm: 0 });
          break;
        case "1":
          insn.ops.push({ kind: OpKind.IMM, size: 1, reg: -1, imm: 1 });
          break;
        default:
          throw new Error("opcode table: unknown operand " + spec);
      }
    }
    if (dModrm >= 0 && insn.modrm < 0) insn.modrm = dModrm;
    if (memSizeInvalid) return { error: "invalid" };
    if (lock && (!entry.lockable || insn.mem === null)) return { error: "invalid" };
    insn.len = (dP - pc) >>> 0;
    // relative targets become absolute now that the length is known
    for (const o of insn.ops) {
      if (o.kind === OpKind.REL) {
        o.imm = (pc + insn.len + o.imm) | 0;
        if (opsize === 2) o.imm &= 0xffff;
      }
    }
    return insn;
  } catch (err) {
    if (err instanceof Fault) return { error: "fault", addr: err.addr };
    if (err === TOO_LONG) return { error: "invalid" };
    throw err;
  }
}
