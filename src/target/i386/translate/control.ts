// Control transfer and stack instructions: jmp/jcc/call/ret/loop, push/pop and their
// multi-register forms, enter/leave, pushf/popf, and the instructions that leave the block to the
// exec loop: int/int3/into/ud2/hlt/privileged ones (guest exceptions) and int $0x80 (syscall).
import { Cond } from "../../../ir/opcodes";
import { EXIT_EXCEPTION } from "../../../ir/opcodes";
import { HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, registerHelper } from "../../../ir/ir";
import { EXCP_SYSCALL } from "../../../exec/exceptions";
import { DecodedInsn, OpKind } from "../decode";
import { CPUX86State, EXCP, EXCP_INFO, R_EBP, R_ECX, R_ESP, SEG_SEL } from "../cpu";
import { DisasContext, G_EIP } from "./context";
import { genCond } from "./cond";
import { EXCP_BP, EXCP_GP, EXCP_OF, EXCP_UD, loadSeg } from "../helpers/alu";
import type { Handler } from "./alu";

/** Leave the block raising exception `excp` with eip = `pc` (fault) or the next insn (trap). */
export function genException(s: DisasContext, excp: number, pc: number, info = 0): void {
  s.f.movi(G_EIP, pc);
  const t = s.c(excp);
  s.f.stEnv(t, EXCP);
  s.f.stEnv(s.c(info), EXCP_INFO);
  s.f.exitTb(EXIT_EXCEPTION);
  s.isJmp = true;
}

// ---- stack primitives -------------------------------------------------------------------------
function push(s: DisasContext, size: number, v: number): void {
  const t = s.tmp();
  s.f.addi(t, R_ESP, -size);
  s.store(size, t, v);
  s.f.mov(R_ESP, t);
}
/** Load the value at the top of the stack; the caller adds `size` to esp afterwards. */
function top(s: DisasContext, size: number, offset = 0): number {
  const a = s.tmp();
  s.f.addi(a, R_ESP, offset);
  return s.load(size, offset ? a : R_ESP);
}

// PUSH <src>
function trans_push(s: DisasContext, insn: DecodedInsn): void {
  const o = insn.ops[0];
  if (o.kind === OpKind.SEG) {
    const v = s.tmp(), t = s.tmp();
    s.f.ldEnv(v, SEG_SEL + o.reg);
    s.f.addi(t, R_ESP, -insn.opsize);
    s.store(2, t, v); // recent CPUs write only the selector's 16 bits
    s.f.mov(R_ESP, t);
    return;
  }
  let v = s.loadOp(o);
  if (o.kind === OpKind.REG && o.reg === R_ESP && insn.opsize === 4) {
    // push %esp pushes the value before the decrement
    const c = s.tmp();
    s.f.mov(c, v);
    v = c;
  }
  push(s, insn.opsize, v);
}

// POP <dst>
function trans_pop(s: DisasContext, insn: DecodedInsn): void {
  const o = insn.ops[0];
  const size = insn.opsize;
  const v = top(s, size);
  if (o.kind === OpKind.SEG) {
    s.f.call(helper_pop_seg, [], [s.c(o.reg), v]);
    s.f.addi(R_ESP, R_ESP, size);
    return;
  }
  // the destination address uses the incremented esp, as the hardware does
  s.f.addi(R_ESP, R_ESP, size);
  s.storeOp(o, v);
}
const helper_pop_seg = registerHelper({
  name: "pop_seg", flags: 0, ret: null,
  fn: (cpu: CPUX86State, seg: number, sel: number) => loadSeg(cpu, seg, sel),
});

// PUSHA / POPA
function trans_pusha(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const t = s.tmp();
  for (let r = 0; r < 8; r++) {
    s.f.addi(t, R_ESP, -size * (r + 1));
    s.store(size, t, s.loadReg(size, r));
  }
  s.f.addi(R_ESP, R_ESP, -8 * size);
}
function trans_popa(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const vals: number[] = [];
  for (let r = 7; r >= 0; r--) {
    const v = top(s, size, (7 - r) * size);
    const c = s.tmp();
    s.f.mov(c, v);
    vals[r] = c;
  }
  for (let r = 0; r < 8; r++) if (r !== R_ESP) s.storeReg(size, r, vals[r]);
  s.f.addi(R_ESP, R_ESP, 8 * size);
}

// ENTER #size, #level
function trans_enter(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const frame = insn.ops[0].imm & 0xffff;
  const level = insn.ops[1].imm & 31;
  const f = s.f;
  const t = s.tmp(), fp = s.tmp();
  f.addi(t, R_ESP, -size);
  s.store(size, t, s.loadReg(size, R_EBP));
  f.mov(fp, t);
  if (level > 0) {
    for (let i = 1; i < level; i++) {
      const a = s.tmp();
      f.addi(a, R_EBP, -size * i);
      const v = s.load(size, a);
      f.addi(t, t, -size);
      s.store(size, t, v);
    }
    f.addi(t, t, -size);
    s.store(size, t, fp);
  }
  f.addi(t, t, -frame);
  s.storeReg(size, R_EBP, fp);
  f.mov(R_ESP, t);
}

// LEAVE
function trans_leave(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const v = s.load(size, R_EBP);
  s.f.addi(R_ESP, R_EBP, size);
  s.storeReg(size, R_EBP, v);
}

// PUSHF / POPF (popf cannot change IOPL, IF or VM in user mode)
const helper_read_eflags = registerHelper({
  name: "read_eflags", flags: HELPER_READS_GLOBALS, ret: 0,
  fn: (cpu: CPUX86State) => cpu.getEflags() & ~0x30000,
});
const helper_write_eflags = registerHelper({
  name: "write_eflags", flags: HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS, ret: null,
  fn: (cpu: CPUX86State, v: number, mask: number) => cpu.setEflags(v, mask),
});
function trans_pushf(s: DisasContext, insn: DecodedInsn): void {
  const v = s.tmp();
  s.f.call(helper_read_eflags, [v], []);
  push(s, insn.opsize, v);
}
function trans_popf(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const v = top(s, size);
  const c = s.tmp();
  s.f.mov(c, v);
  s.f.addi(R_ESP, R_ESP, size);
  // CF PF AF ZF SF TF DF OF NT AC ID (user-writable bits)
  s.f.call(helper_write_eflags, [], [c, s.c(size === 2 ? 0x4dd5 & 0xffff : 0x244dd5)]);
  s.ccOpDynamic();
}

// ---- jumps ---------------------------------------------------------------------------------------
// JMP rel / JMP *<E>
function trans_jmp(s: DisasContext, insn: DecodedInsn): void {
  const o = insn.ops[0];
  if (o.kind === OpKind.REL) s.gotoTb(0, o.imm);
  else {
    const t = s.loadOp(o);
    s.jumpIndirect(insn.opsize === 2 ? andMask(s, t) : t);
  }
  s.isJmp = true;
}
function andMask(s: DisasContext, t: number): number {
  const r = s.tmp();
  s.f.andi(r, t, 0xffff);
  return r;
}
// Jcc rel
function trans_jcc(s: DisasContext, insn: DecodedInsn): void {
  const t = genCond(s, insn.entry.cc!);
  const taken = s.f.newLabel();
  s.f.brcond(t.cond, t.a, t.b, taken);
  s.gotoTb(1, s.nextPc);
  s.f.setLabel(taken);
  s.gotoTb(0, insn.ops[0].imm);
  s.isJmp = true;
}
// CALL rel / CALL *<E>
function trans_call(s: DisasContext, insn: DecodedInsn): void {
  const o = insn.ops[0];
  const size = insn.opsize;
  if (o.kind === OpKind.REL) {
    push(s, size, s.c(s.nextPc));
    s.gotoTb(0, o.imm);
  } else {
    const target = s.tmp();
    s.f.mov(target, s.loadOp(o));
    push(s, size, s.c(s.nextPc));
    s.jumpIndirect(size === 2 ? andMask(s, target) : target);
  }
  s.returnPc = s.nextPc;
  s.isJmp = true;
}
// RET / RET #imm
function trans_ret(s: DisasContext, insn: DecodedInsn): void {
  const size = insn.opsize;
  const t = s.tmp();
  s.f.mov(t, top(s, size));
  const extra = insn.ops.length ? insn.ops[0].imm & 0xffff : 0;
  s.f.addi(R_ESP, R_ESP, size + extra);
  s.jumpIndirect(size === 2 ? andMask(s, t) : t);
  s.isJmp = true;
}
// LOOP/LOOPE/LOOPNE/JECXZ rel
function genLoop(s: DisasContext, insn: DecodedInsn): void {
  const mnem = insn.entry.mnem;
  const f = s.f;
  const taken = f.newLabel();
  const count = insn.adsize === 2 ? s.loadReg(2, R_ECX) : R_ECX;
  if (mnem === "jecxz") f.brcond(Cond.EQ, count, s.c(0), taken);
  else {
    const zf = mnem === "loop" ? null : genCond(s, 4);
    const n = s.tmp();
    f.addi(n, count, -1);
    if (insn.adsize === 2) f.andi(n, n, 0xffff);
    s.storeReg(insn.adsize, R_ECX, n);
    if (zf === null) f.brcond(Cond.NE, n, s.c(0), taken);
    else {
      const z = s.tmp();
      f.setcond(zf.cond, z, zf.a, zf.b);
      const nz = s.tmp();
      f.setcond(Cond.NE, nz, n, s.c(0));
      // loope: ZF && ecx != 0; loopne: !ZF && ecx != 0
      if (mnem === "loopne") f.xori(z, z, 1);
      f.and(z, z, nz);
      f.brcond(Cond.NE, z, s.c(0), taken);
    }
  }
  s.gotoTb(1, s.nextPc);
  f.setLabel(taken);
  s.gotoTb(0, insn.ops[0].imm);
  s.isJmp = true;
}

// ---- exceptions and system instructions --------------------------------------------------------------
// INT #imm: int $0x80 is the Linux system call; other vectors fault like the kernel's #GP
function trans_int(s: DisasContext, insn: DecodedInsn): void {
  const vec = insn.ops[0].imm & 0xff;
  if (vec === 0x80) genException(s, EXCP_SYSCALL, s.nextPc);
  else genException(s, EXCP_GP, insn.pc, vec * 8 + 2);
}
function trans_int3(s: DisasContext): void {
  genException(s, EXCP_BP, s.nextPc);
}
function trans_into(s: DisasContext): void {
  const t = genCond(s, 0);
  const no = s.f.newLabel();
  s.f.brcond((t.cond ^ 1) as Cond, t.a, t.b, no);
  genException(s, EXCP_OF, s.nextPc);
  s.f.setLabel(no);
  s.gotoTb(0, s.nextPc);
}
export function trans_illegal(s: DisasContext, insn: DecodedInsn): void {
  genException(s, EXCP_UD, insn.pc);
}
function trans_privileged(s: DisasContext, insn: DecodedInsn): void {
  genException(s, EXCP_GP, insn.pc);
}

export const CONTROL_HANDLERS: Record<string, Handler> = {
  push: trans_push, pop: trans_pop, pusha: trans_pusha, popa: trans_popa,
  enter: trans_enter, leave: trans_leave, pushf: trans_pushf, popf: trans_popf,
  jmp: trans_jmp, jcc: trans_jcc, call: trans_call, ret: trans_ret,
  loop: genLoop, loope: genLoop, loopne: genLoop, jecxz: genLoop,
  int: trans_int, int3: trans_int3, into: trans_into, int1: trans_int3,
  ud2: trans_illegal, syscall: trans_illegal,
  hlt: trans_privileged, cli: trans_privileged, sti: trans_privileged, in: trans_privileged,
  out: trans_privileged, iret: trans_privileged, lcall: trans_privileged, ljmp: trans_privileged,
  lret: trans_privileged, bound: trans_privileged,
};
