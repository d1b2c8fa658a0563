// DisasContext for ARM: the per-block translation state shared by the A32 and T32 translators,
// and the plumbing they all use — register reads (r15 reads as the instruction's address + 8 in
// ARM state, + 4 in Thumb), the ways of writing the pc (branch, BX interworking, ALU and load
// writes), condition tests, NZCV updates and block exits. QEMU's translate.c helpers
// (load_reg, store_reg, gen_bx, arm_test_cc, gen_add_CC ...).
//
// Flags follow QEMU's scheme (see cpu.ts): NF and ZF hold the result, CF is 0/1, VF's sign is V.
// They are computed eagerly into their globals; the optimizer's dead-code pass drops the ones a
// later instruction of the block overwrites before anything reads them.
//
// Rule every translator follows so that faults are precise: do all guest memory accesses of an
// instruction before writing any guest register (the backend's catch relies on it).
import { GlobalDef, IRFunc, Ty } from "../../../ir/ir";
import { Cond, EXIT_EXCEPTION, invertCond } from "../../../ir/opcodes";
import { CF, CONDEXEC, EXCP, EXCP_INFO, NF, PC, REG_NAMES, VF, ZF } from "../cpu";

/** The ARM frontend's globals: temps 0..19 of every block (r0-r14, the interworking pc, NZCV). */
export const G_PC = 15, G_NF = 16, G_ZF = 17, G_CF = 18, G_VF = 19;
export const ARM_GLOBALS: GlobalDef[] = [
  ...REG_NAMES.map((name, env) => ({ name, env })),
  { name: "nf", env: NF },
  { name: "zf", env: ZF },
  { name: "cf", env: CF },
  { name: "vf", env: VF },
];
if (ARM_GLOBALS[G_PC].env !== PC) throw new Error("ARM_GLOBALS: pc slot");

export const COND_AL = 14;

export class ArmDisasContext {
  readonly f: IRFunc;
  /** address of the instruction being translated (without the Thumb bit) */
  pc = 0;
  /** where the next instruction starts */
  nextPc = 0;
  /** set by a translator that ended the block (emitted its own exit) */
  isJmp = false;
  /** the block ends with a call: where that call returns, or -1 */
  returnPc = -1;
  /** label that skips the current conditional instruction, or -1 */
  condLabel = -1;
  /** the encoding of the current instruction (for EXCP_INFO of undefined ones) */
  word = 0;
  /**
   * Thumb IT state (ITSTATE[7:0], 0 outside IT blocks) of the current instruction and after it,
   * and the value known to be in the CONDEXEC word. Exits leave CONDEXEC = itNext (itCur when
   * the exception is taken at the instruction itself), so that signal frames, the next block's
   * entry check and a restarted instruction see the architectural state.
   */
  itCur = 0;
  itNext = 0;
  itStored = 0;

  constructor(
    blockPc: number,
    /** translating Thumb code (the interworking pc has bit 0 set) */
    readonly thumb: boolean,
  ) {
    this.f = new IRFunc(ARM_GLOBALS, blockPc);
  }

  tmp(): number {
    return this.f.newTemp(Ty.I32);
  }
  c(v: number): number {
    return this.f.const32(v);
  }

  /** the pc as this instruction reads r15: its address + 8 (ARM) or + 4 (Thumb) */
  get pcRead(): number {
    return (this.pc + (this.thumb ? 4 : 8)) | 0;
  }

  // ---- registers ----------------------------------------------------------------------------
  /**
   * Rn's value as a fresh temp (r15: the read pc). The copy keeps the old value after the
   * register is written; copy propagation removes it when nothing writes in between.
   */
  reg(n: number): number {
    if (n === 15) return this.c(this.pcRead);
    const t = this.tmp();
    this.f.mov(t, n);
    return t;
  }
  /** Rn for address computations of literal loads and ADR: r15 reads as Align(PC, 4). */
  regAligned(n: number): number {
    if (n === 15) return this.c(this.pcRead & ~3);
    return this.reg(n);
  }
  /** Write a general register; r15 is a write of the pc that ends the block (ALUWritePC). */
  setReg(n: number, v: number): void {
    if (n === 15) this.aluWritePc(v);
    else this.f.mov(n, v);
  }
  /** A load's write of the pc (LoadWritePC): interworking, as BX. */
  setRegFromLoad(n: number, v: number): void {
    if (n === 15) this.bxWritePc(v);
    else this.f.mov(n, v);
  }

  // ---- pc writes (all end the block) ---------------------------------------------------------
  /** BranchWritePC: stay in the current instruction set. */
  branchWritePc(v: number): void {
    const t = this.tmp();
    if (this.thumb) this.f.ori(t, v, 1);
    else this.f.andi(t, v, ~3);
    this.f.mov(G_PC, t);
    this.endIndirect();
  }
  /** BXWritePC: bit 0 of the target selects Thumb state (kept in bit 0 of the pc global). */
  bxWritePc(v: number): void {
    this.f.mov(G_PC, v);
    this.endIndirect();
  }
  /** ALUWritePC: interworking in ARM state (ARMv7), a plain branch in Thumb state. */
  aluWritePc(v: number): void {
    if (this.thumb) this.branchWritePc(v);
    else this.bxWritePc(v);
  }
  private endIndirect(): void {
    this.syncIT(this.itNext);
    this.f.lookupAndGoto();
    this.isJmp = true;
  }
  /** in an IT block: 16-bit data-processing instructions do not set flags */
  get inIT(): boolean {
    return this.itCur !== 0;
  }
  /** Make CONDEXEC hold `it` on the path being generated (an exit). */
  syncIT(it: number): void {
    if (it !== this.itStored) this.f.stEnv(this.c(it), CONDEXEC);
  }
  /** Jump to a constant address in the given state through chain slot n. */
  gotoTb(n: number, target: number, thumb = this.thumb): void {
    this.syncIT(this.itNext);
    this.f.movi(G_PC, thumb ? target | 1 : target & ~1);
    this.f.gotoTb(n);
  }
  /** Direct branch ending the block. */
  branchTo(target: number, thumb = this.thumb): void {
    this.gotoTb(0, target, thumb);
    this.isJmp = true;
  }

  /** Leave the block with an exception; the pc global is `pc` (in the current state). */
  genException(excp: number, pc: number, info = 0): void {
    this.syncIT(pc === this.pc ? this.itCur : this.itNext);
    this.f.movi(G_PC, this.thumb ? pc | 1 : pc);
    this.f.stEnv(this.c(excp), EXCP);
    this.f.stEnv(this.c(info), EXCP_INFO);
    this.f.exitTb(EXIT_EXCEPTION);
    this.isJmp = true;
  }

  // ---- conditions ---------------------------------------------------------------------------
  /**
   * Branch to `label` when condition `cond` (0..13, the ARM encoding) is FALSE. QEMU's
   * arm_test_cc, inverted: the instruction body follows when the condition holds.
   */
  brUnlessCond(cond: number, label: number): void {
    const f = this.f;
    const zero = this.c(0);
    const inv = cond & 1; // odd conditions are the inverses of even ones
    let v: number, c: Cond;
    switch (cond >> 1) {
      case 0: // EQ: Z set, ZF == 0
        v = G_ZF;
        c = Cond.NE;
        break;
      case 1: // CS
        v = G_CF;
        c = Cond.EQ;
        break;
      case 2: // MI
        v = G_NF;
        c = Cond.GE;
        break;
      case 3: // VS
        v = G_VF;
        c = Cond.GE;
        break;
      case 4: { // HI: C set and Z clear  <=>  (-CF & ZF) != 0
        v = this.tmp();
        f.unop("neg", v, G_CF);
        f.and(v, v, G_ZF);
        c = Cond.EQ;
        break;
      }
      case 5: { // GE: N == V
        v = this.tmp();
        f.xor(v, G_NF, G_VF);
        c = Cond.LT;
        break;
      }
      case 6: { // GT: Z clear and N == V  <=>  (ZF & ~((NF ^ VF) >> 31)) != 0
        v = this.tmp();
        f.xor(v, G_NF, G_VF);
        f.sari(v, v, 31);
        f.binop("andc", v, G_ZF, v);
        c = Cond.EQ;
        break;
      }
      default:
        throw new Error("brUnlessCond: AL");
    }
    f.brcond(inv ? invertCond(c) : c, v, zero, label);
  }

  /** Start a conditional instruction: its body is skipped unless `cond` holds. */
  startCond(cond: number): void {
    if (cond >= COND_AL) return;
    this.condLabel = this.f.newLabel();
    this.brUnlessCond(cond, this.condLabel);
  }
  /**
   * End the instruction: the skip label of a conditional one, then, when its body ended the
   * block (a conditional branch), the fall-through exit.
   */
  endCond(): void {
    if (this.condLabel < 0) return;
    this.f.setLabel(this.condLabel);
    this.condLabel = -1;
    if (this.isJmp) this.gotoTb(1, this.nextPc);
  }

  // ---- flags --------------------------------------------------------------------------------
  /** N and Z from a result */
  setNZ(res: number): void {
    this.f.mov(G_NF, res);
    this.f.mov(G_ZF, res);
  }
  /** res = a + b setting NZCV; returns res (a temp) */
  addCC(a: number, b: number): number {
    const f = this.f;
    const res = this.tmp(), cf = this.tmp(), zero = this.c(0);
    f.emit("add2", Ty.I32, [res, cf], [a, zero, b, zero]);
    this.setAddV(res, a, b);
    f.mov(G_CF, cf);
    this.setNZ(res);
    return res;
  }
  /** res = a + b + C setting NZCV */
  adcCC(a: number, b: number): number {
    const f = this.f;
    const res = this.tmp(), cf = this.tmp(), zero = this.c(0);
    f.emit("add2", Ty.I32, [res, cf], [a, zero, G_CF, zero]);
    f.emit("add2", Ty.I32, [res, cf], [res, cf, b, zero]);
    this.setAddV(res, a, b);
    f.mov(G_CF, cf);
    this.setNZ(res);
    return res;
  }
  /** res = a - b setting NZCV (C = no borrow) */
  subCC(a: number, b: number): number {
    const f = this.f;
    const res = this.tmp(), cf = this.tmp(), v = this.tmp(), t = this.tmp();
    f.sub(res, a, b);
    f.setcond(Cond.GEU, cf, a, b);
    f.xor(v, res, a);
    f.xor(t, a, b);
    f.and(G_VF, v, t);
    f.mov(G_CF, cf);
    this.setNZ(res);
    return res;
  }
  /** res = a - b - !C = a + ~b + C setting NZCV */
  sbcCC(a: number, b: number): number {
    const nb = this.tmp();
    this.f.unop("not", nb, b);
    return this.adcCC(a, nb);
  }
  /** V of an addition: (res ^ a) & ~(a ^ b) */
  private setAddV(res: number, a: number, b: number): void {
    const f = this.f;
    const v = this.tmp(), t = this.tmp();
    f.xor(v, res, a);
    f.xor(t, a, b);
    f.binop("andc", G_VF, v, t);
  }
  /** a + b + C without flags */
  adc(a: number, b: number): number {
    const t = this.tmp();
    this.f.add(t, a, b);
    this.f.add(t, t, G_CF);
    return t;
  }
  /** a - b - !C = a + ~b + C without flags */
  sbc(a: number, b: number): number {
    const t = this.tmp();
    this.f.sub(t, a, b);
    this.f.add(t, t, G_CF);
    this.f.addi(t, t, -1);
    return t;
  }
}

