// DisasContext: the per-block translation state shared by the instruction translators, and the
// operand plumbing they all use (QEMU's gen_op_mov_v_reg, gen_lea_modrm, gen_op_st_v, set_cc_op).
//
// Rule every translator follows so that faults are precise: do all guest memory accesses of an
// instruction before writing any guest register (the backend's catch relies on it).
import { IRFunc, GlobalDef, Ty } from "../../../ir/ir";
import { MO_16, MO_32, MO_8, MO_SIGN } from "../../../ir/opcodes";
import { CC_DST, CC_OP, CC_SRC, CC_SRC2, DF, EIP, R_DS, SEG_BASE, REG_NAMES } from "../cpu";
import { CC_OP_DYNAMIC, ccLiveInputs } from "../cc";
import { DecodedInsn, OpKind, Operand } from "../decode";

/** The i386 frontend's globals: temps 0..13 of every block, in this order. */
export const G_EIP = 8, G_CC_OP = 9, G_CC_DST = 10, G_CC_SRC = 11, G_CC_SRC2 = 12, G_DF = 13;
export const I386_GLOBALS: GlobalDef[] = [
  ...REG_NAMES.map((name, env) => ({ name, env })),
  { name: "eip", env: EIP },
  { name: "cc_op", env: CC_OP },
  { name: "cc_dst", env: CC_DST },
  { name: "cc_src", env: CC_SRC },
  { name: "cc_src2", env: CC_SRC2 },
  { name: "df", env: DF },
];

export const MO_SIZE_OF: Record<number, number> = { 1: MO_8, 2: MO_16, 4: MO_32 };

export class DisasContext {
  readonly f: IRFunc;
  /** cc_op as known at translation time (CC_OP_DYNAMIC: read the global) */
  ccOp = CC_OP_DYNAMIC;
  /** the instruction being translated, and where the next one starts */
  insn!: DecodedInsn;
  nextPc = 0;
  /** set by a translator that ended the block (emitted its own exit) */
  isJmp = false;
  /** the block ends with a call: where that call returns (region formation follows it), or -1 */
  returnPc = -1;
  /** the memory operand's address of the current instruction, computed once */
  private addrTemp = -1;

  constructor(pc: number) {
    this.f = new IRFunc(I386_GLOBALS, pc);
  }

  startInsn(insn: DecodedInsn): void {
    this.insn = insn;
    this.nextPc = (insn.pc + insn.len) | 0;
    this.addrTemp = -1;
    this.f.insnStart(insn.pc);
  }

  tmp(): number {
    return this.f.newTemp(Ty.I32);
  }
  c(v: number): number {
    return this.f.const32(v);
  }

  // ---- lazy flags -------------------------------------------------------------------------------
  /** Record how the flags were produced; drops cc inputs the new op does not read. */
  setCcOp(op: number): void {
    if (op === this.ccOp) return;
    const dead = ~ccLiveInputs(op) & ccLiveInputs(this.ccOp);
    if (this.ccOp !== CC_OP_DYNAMIC) {
      if (dead & 1) this.f.discard(G_CC_DST);
      if (dead & 2) this.f.discard(G_CC_SRC);
      if (dead & 4) this.f.discard(G_CC_SRC2);
    }
    this.ccOp = op;
    this.f.movi(G_CC_OP, op);
  }
  /** cc_op becomes unknown (after a helper that set it, or at a label merging paths) */
  ccOpDynamic(): void {
    this.ccOp = CC_OP_DYNAMIC;
  }

  // ---- registers ----------------------------------------------------------------------------
  /**
   * Value of a general register of the given size, zero-extended (8-bit: al..bh numbering), as a
   * fresh temp: it keeps the old value after the register is written (copy propagation removes
   * the copy when nothing writes the register in between).
   */
  loadReg(size: number, r: number): number {
    const t = this.tmp();
    if (size === 4) {
      this.f.mov(t, r);
      return t;
    }
    if (size === 2) this.f.unop("ext16u", t, r);
    else if (r < 4) this.f.unop("ext8u", t, r);
    else {
      this.f.shri(t, r - 4, 8);
      this.f.andi(t, t, 0xff);
    }
    return t;
  }
  /** Write the low `size` bytes of v into a general register, keeping the other bits. */
  storeReg(size: number, r: number, v: number): void {
    const f = this.f;
    if (size === 4) return f.mov(r, v);
    if (size === 2) {
      const t = this.tmp();
      f.andi(t, v, 0xffff);
      f.andi(r, r, ~0xffff);
      f.or(r, r, t);
    } else if (r < 4) {
      const t = this.tmp();
      f.andi(t, v, 0xff);
      f.andi(r, r, ~0xff);
      f.or(r, r, t);
    } else {
      const t = this.tmp();
      f.andi(t, v, 0xff);
      f.shli(t, t, 8);
      f.andi(r - 4, r - 4, ~0xff00);
      f.or(r - 4, r - 4, t);
    }
  }

  // ---- memory operands ----------------------------------------------------------------------
  /** Add the base of segment `seg` if it can be non-zero (user mode: FS and GS, or overrides). */
  private addSegBase(t: number, seg: number): number {
    if (seg < 0 || seg === R_DS) return t;
    const b = this.tmp();
    this.f.ldEnv(b, SEG_BASE + seg);
    const r = this.tmp();
    this.f.add(r, t, b);
    return r;
  }
  /** Effective address of the ModRM memory operand, including the segment base unless lea. */
  addr(forLea = false): number {
    if (this.addrTemp >= 0 && !forLea) return this.addrTemp;
    const insn = this.insn;
    const m = insn.mem!;
    const f = this.f;
    let a: number;
    if (m.base < 0 && m.index < 0) a = this.c(m.disp);
    else {
      a = this.tmp();
      if (m.base >= 0 && m.index >= 0) {
        if (m.scale) {
          f.shli(a, m.index, m.scale);
          f.add(a, a, m.base);
        } else f.add(a, m.base, m.index);
        if (m.disp) f.addi(a, a, m.disp);
      } else if (m.base >= 0) {
        if (m.disp) f.addi(a, m.base, m.disp);
        else a = m.base;
      } else {
        f.shli(a, m.index, m.scale);
        if (m.disp) f.addi(a, a, m.disp);
      }
      if (insn.adsize === 2) {
        const t = this.tmp();
        f.andi(t, a, 0xffff);
        a = t;
      }
    }
    if (forLea) return a;
    // ES, CS, SS and DS are flat (base 0) in user mode: only FS and GS overrides add a base
    a = this.addSegBase(a, insn.seg >= 4 ? insn.seg : -1);
    this.addrTemp = a;
    return a;
  }
  /** Address of a string operand: X = seg:esi (DS default), Y = es:edi. */
  stringAddr(isSrc: boolean): number {
    const insn = this.insn;
    const r = isSrc ? 6 : 7;
    let a = r;
    if (insn.adsize === 2) {
      a = this.tmp();
      this.f.andi(a, r, 0xffff);
    }
    return isSrc ? this.addSegBase(a, insn.seg >= 4 ? insn.seg : -1) : a;
  }

  load(size: number, addr: number, signed = false): number {
    const t = this.tmp();
    this.f.ld(t, addr, MO_SIZE_OF[size] | (signed ? MO_SIGN : 0));
    return t;
  }
  store(size: number, addr: number, v: number): void {
    this.f.st(v, addr, MO_SIZE_OF[size]);
  }

  /** Value of an operand (REG, MEM, IMM), zero-extended for sub-word sizes except immediates. */
  loadOp(o: Operand): number {
    switch (o.kind) {
      case OpKind.REG:
        return this.loadReg(o.size, o.reg);
      case OpKind.MEM:
        return this.load(o.size, o.reg >= 0 ? this.stringAddr(o.reg === 6) : this.addr());
      case OpKind.IMM:
        return this.c(o.imm);
      default:
        throw new Error("loadOp: operand kind " + o.kind);
    }
  }
  storeOp(o: Operand, v: number): void {
    if (o.kind === OpKind.REG) this.storeReg(o.size, o.reg, v);
    else if (o.kind === OpKind.MEM) this.store(o.size, o.reg >= 0 ? this.stringAddr(o.reg === 6) : this.addr(), v);
    else throw new Error("storeOp: operand kind " + o.kind);
  }

  // ---- block exits --------------------------------------------------------------------------
  /** Jump to a constant target through chain slot n. */
  gotoTb(n: number, target: number): void {
    this.f.movi(G_EIP, target);
    this.f.gotoTb(n);
  }
  /** Jump to the address in temp t (indirect: ret, jmp *%eax). */
  jumpIndirect(t: number): void {
    this.f.mov(G_EIP, t);
    this.f.lookupAndGoto();
  }
}
