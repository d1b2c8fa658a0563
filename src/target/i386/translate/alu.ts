// Integer ALU instructions: arithmetic and logic, inc/dec/neg/not, moves and extensions, xchg,
// cmpxchg, xadd, multiply, setcc/cmovcc, bit tests and scans, and the flag instructions.
// Division, rotates and the rarer shifts are helpers (helpers/alu.ts); everything else is inline IR.
import { Cond } from "../../../ir/opcodes";
import { DecodedInsn, OpKind } from "../decode";
import {
  CC_OP_ADC, CC_OP_ADD, CC_OP_CLR, CC_OP_DEC, CC_OP_EFLAGS, CC_OP_INC, CC_OP_LOGIC, CC_OP_MUL,
  CC_OP_SAR, CC_OP_SBB, CC_OP_SHL, CC_OP_SUB,
} from "../cc";
import { DisasContext, G_CC_DST, G_CC_OP, G_CC_SRC, G_CC_SRC2, G_DF } from "./context";
import { genCF, genComputeEflags, genCond } from "./cond";
import * as H from "../helpers/alu";
import { R_EAX, R_EDX, SEG_SEL } from "../cpu";

export type Handler = (s: DisasContext, insn: DecodedInsn) => void;

const sizeIdx = (size: number) => (size === 1 ? 0 : size === 2 ? 1 : 2);

/** Set the flags of a finished operation: result and second operand, under cc family `op`. */
function setFlags(s: DisasContext, family: number, size: number, dst: number, src = -1, src2 = -1): void {
  const f = s.f;
  if (src >= 0) f.mov(G_CC_SRC, src);
  if (src2 >= 0) f.mov(G_CC_SRC2, src2);
  f.mov(G_CC_DST, dst);
  s.setCcOp(family + sizeIdx(size));
}

function setEflagsTemp(s: DisasContext, fl: number): void {
  s.f.mov(G_CC_SRC, fl);
  s.setCcOp(CC_OP_EFLAGS);
}

// ADD <E>, <G> / ADD <G>, <E> / ADD <A>, #imm and group 1: add or adc sbb and sub xor cmp
function genAlu(s: DisasContext, insn: DecodedInsn): void {
  const mnem = insn.entry.mnem;
  const [d, so] = insn.ops;
  const size = d.size;
  const f = s.f;
  // xor/sub of a register with itself: result 0, flags known (CC_OP_CLR), no dependency
  if ((mnem === "xor" || mnem === "sub") && so.kind === OpKind.REG && d.kind === OpKind.REG && so.reg === d.reg) {
    s.storeReg(size, d.reg, s.c(0));
    f.movi(G_CC_DST, 0);
    s.setCcOp(mnem === "xor" ? CC_OP_CLR : CC_OP_SUB + sizeIdx(size));
    if (mnem === "sub") f.movi(G_CC_SRC, 0);
    return;
  }
  const a = s.loadOp(d);
  const b = s.loadOp(so);
  const r = s.tmp();
  let cf = -1;
  switch (mnem) {
    case "add": f.add(r, a, b); break;
    case "sub": case "cmp": f.sub(r, a, b); break;
    case "and": case "test": f.and(r, a, b); break;
    case "or": f.or(r, a, b); break;
    case "xor": f.xor(r, a, b); break;
    case "adc":
      cf = genCF(s);
      f.add(r, a, b);
      f.add(r, r, cf);
      break;
    case "sbb":
      cf = genCF(s);
      f.sub(r, a, b);
      f.sub(r, r, cf);
      break;
  }
  if (mnem !== "cmp" && mnem !== "test") s.storeOp(d, r);
  switch (mnem) {
    case "add": return setFlags(s, CC_OP_ADD, size, r, b);
    case "sub": case "cmp": return setFlags(s, CC_OP_SUB, size, r, b);
    case "adc": return setFlags(s, CC_OP_ADC, size, r, b, cf);
    case "sbb": return setFlags(s, CC_OP_SBB, size, r, b, cf);
    default: return setFlags(s, CC_OP_LOGIC, size, r);
  }
}

// INC <E> / DEC <E>: CF is preserved, so the old CF is the lazy state's src
function genIncDec(s: DisasContext, insn: DecodedInsn): void {
  const d = insn.ops[0];
  const a = s.loadOp(d);
  const cf = genCF(s);
  const r = s.tmp();
  s.f.addi(r, a, insn.entry.mnem === "inc" ? 1 : -1);
  s.storeOp(d, r);
  setFlags(s, insn.entry.mnem === "inc" ? CC_OP_INC : CC_OP_DEC, d.size, r, cf);
}

// NEG <E>: flags as for 0 - x
function trans_neg(s: DisasContext, insn: DecodedInsn): void {
  const d = insn.ops[0];
  const a = s.loadOp(d);
  const r = s.tmp();
  s.f.unop("neg", r, a);
  s.storeOp(d, r);
  setFlags(s, CC_OP_SUB, d.size, r, a);
}

// NOT <E>: no flags
function trans_not(s: DisasContext, insn: DecodedInsn): void {
  const d = insn.ops[0];
  const a = s.loadOp(d);
  const r = s.tmp();
  s.f.unop("not", r, a);
  s.storeOp(d, r);
}

// MOV <dst>, <src> (general, immediate, moffs, segment registers)
function trans_mov(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  if (d.kind === OpKind.SEG) {
    const v = s.loadOp(so);
    s.f.call(H.helper_load_seg, [], [s.c(d.reg), v]);
    return;
  }
  let v: number;
  if (so.kind === OpKind.SEG) {
    v = s.tmp();
    s.f.ldEnv(v, SEG_SEL + so.reg);
  } else v = s.loadOp(so);
  // a segment register stored to a 32-bit register is zero-extended
  s.storeOp(d.kind === OpKind.MEM && so.kind === OpKind.SEG ? { ...d, size: 2 } : d, v);
}

// LEA <G>, <M>
function trans_lea(s: DisasContext, insn: DecodedInsn): void {
  s.storeReg(insn.opsize, insn.ops[0].reg, s.addr(true));
}

// MOVZX/MOVSX <Gv>, <Eb|Ew>
function genExtend(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const v = s.loadOp(so);
  const signed = insn.entry.mnem.startsWith("movs");
  let r = v;
  if (signed) {
    r = s.tmp();
    s.f.unop(so.size === 1 ? "ext8s" : "ext16s", r, v);
  }
  s.storeReg(d.size, d.reg, r);
}

// XCHG <E>, <G>
function trans_xchg(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const a = s.loadOp(d);
  let b = s.loadOp(so);
  if (b === so.reg && so.kind === OpKind.REG) {
    // keep the old value: storing d first could overwrite the register b aliases
    const t = s.tmp();
    s.f.mov(t, b);
    b = t;
  }
  let aa = a;
  if (d.kind === OpKind.REG && a === d.reg) {
    aa = s.tmp();
    s.f.mov(aa, a);
  }
  s.storeOp(d, b);
  s.storeOp(so, aa);
}

// CMPXCHG <E>, <G>
function trans_cmpxchg(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const size = d.size;
  const f = s.f;
  const dest = s.loadOp(d);
  const dv = s.tmp();
  f.mov(dv, dest);
  const src = s.loadOp(so);
  const acc = s.loadReg(size, R_EAX);
  const dm = s.tmp();
  f.andi(dm, dv, size === 4 ? -1 : (1 << (size * 8)) - 1);
  const am = acc;
  const nv = s.tmp();
  f.movcond(Cond.EQ, nv, dm, am, src, dv);
  s.storeOp(d, nv); // the hardware always writes the destination
  // the accumulator changes only on a mismatch (and may itself have been the destination)
  const na = s.tmp();
  f.movcond(Cond.EQ, na, dm, am, s.loadReg(size, R_EAX), dv);
  s.storeReg(size, R_EAX, na);
  const r = s.tmp();
  f.sub(r, am, dm);
  setFlags(s, CC_OP_SUB, size, r, dm);
}

// XADD <E>, <G>
function trans_xadd(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const a = s.tmp();
  s.f.mov(a, s.loadOp(d));
  const b = s.tmp();
  s.f.mov(b, s.loadOp(so));
  const r = s.tmp();
  s.f.add(r, a, b);
  s.storeOp(so, a);
  s.storeOp(d, r);
  setFlags(s, CC_OP_ADD, d.size, r, b);
}

// MUL/IMUL <E> (one operand: eDX:eAX = eAX * E), DIV/IDIV <E>
function genMulDiv(s: DisasContext, insn: DecodedInsn): void {
  const mnem = insn.entry.mnem;
  const o = insn.ops[0];
  const size = o.size;
  const f = s.f;
  if (mnem === "div" || mnem === "idiv") {
    const v = s.loadOp(o);
    const h = mnem === "div" ? H.helper_div : H.helper_idiv;
    f.call(h, [], [s.c(size), v]);
    return;
  }
  const signed = mnem === "imul";
  const v = s.loadOp(o);
  if (size === 4) {
    const lo = s.tmp(), hi = s.tmp();
    f.emit(signed ? "muls2" : "mulu2", 0, [lo, hi], [R_EAX, v]);
    const ov = s.tmp();
    if (signed) {
      const sg = s.tmp();
      f.sari(sg, lo, 31);
      f.sub(ov, hi, sg);
    } else f.mov(ov, hi);
    f.mov(R_EAX, lo);
    f.mov(R_EDX, hi);
    return setFlags(s, CC_OP_MUL, 4, lo, ov);
  }
  const a = s.tmp(), b = s.tmp(), r = s.tmp(), ov = s.tmp();
  const ext = size === 1 ? (signed ? "ext8s" : "ext8u") : signed ? "ext16s" : "ext16u";
  f.unop(ext, a, R_EAX);
  f.unop(ext, b, v);
  f.binop("mul", r, a, b);
  if (size === 1) {
    s.storeReg(2, R_EAX, r);
    if (signed) {
      const t = s.tmp();
      f.unop("ext8s", t, r);
      f.sub(ov, r, t);
    } else f.shri(ov, r, 8);
  } else {
    const hi = s.tmp();
    f.shri(hi, r, 16);
    s.storeReg(2, R_EAX, r);
    s.storeReg(2, R_EDX, hi);
    if (signed) {
      const t = s.tmp();
      f.unop("ext16s", t, r);
      f.sub(ov, r, t);
    } else f.mov(ov, hi);
  }
  setFlags(s, CC_OP_MUL, size, r, ov);
}

// IMUL <G>, <E> / IMUL <G>, <E>, #imm
function trans_imul(s: DisasContext, insn: DecodedInsn): void {
  if (insn.ops.length === 1) return genMulDiv(s, insn);
  const d = insn.ops[0];
  const a = s.loadOp(insn.ops[1]);
  const b = insn.ops.length === 3 ? s.loadOp(insn.ops[2]) : s.loadOp(d);
  const f = s.f;
  const ov = s.tmp();
  if (d.size === 4) {
    const lo = s.tmp(), hi = s.tmp(), sg = s.tmp();
    f.emit("muls2", 0, [lo, hi], [a, b]);
    f.sari(sg, lo, 31);
    f.sub(ov, hi, sg);
    s.storeReg(4, d.reg, lo);
    return setFlags(s, CC_OP_MUL, 4, lo, ov);
  }
  const x = s.tmp(), y = s.tmp(), r = s.tmp(), t = s.tmp();
  f.unop("ext16s", x, a);
  f.unop("ext16s", y, b);
  f.binop("mul", r, x, y);
  f.unop("ext16s", t, r);
  f.sub(ov, r, t);
  s.storeReg(2, d.reg, r);
  setFlags(s, CC_OP_MUL, 2, r, ov);
}

// SHL/SAL/SHR/SAR <E>, 1|imm|CL inline; ROL/ROR/RCL/RCR via helper
function genShift(s: DisasContext, insn: DecodedInsn): void {
  const mnem = insn.entry.mnem;
  const [d, co] = insn.ops;
  const size = d.size;
  const f = s.f;
  if (mnem === "rol" || mnem === "ror" || mnem === "rcl" || mnem === "rcr") {
    const a = s.loadOp(d);
    const cnt = s.loadOp(co);
    const r = s.tmp();
    f.call(H.helper_rotate, [r], [s.c(["rol", "ror", "rcl", "rcr"].indexOf(mnem)), s.c(size), a, cnt]);
    s.storeOp(d, r);
    s.ccOpDynamic();
    return;
  }
  const left = mnem === "shl" || mnem === "sal";
  const arith = mnem === "sar";
  let a = s.loadOp(d);
  if (arith && size < 4) {
    const t = s.tmp();
    f.unop(size === 1 ? "ext8s" : "ext16s", t, a);
    a = t;
  }
  const op = left ? "shl" : arith ? "sar" : "shr";
  const family = left ? CC_OP_SHL : CC_OP_SAR;
  if (co.kind === OpKind.IMM) {
    const c = co.imm & 31;
    if (c === 0) {
      // flags and operand unchanged, but a memory operand is still accessed
      return;
    }
    const r = s.tmp(), src = s.tmp();
    if (c > size * 8 - 1 && !arith && size < 4) f.movi(r, 0);
    else f.binopi(op, r, a, c);
    if (c - 1 > 31) f.movi(src, 0);
    else f.binopi(op, src, a, c - 1);
    s.storeOp(d, r);
    return setFlags(s, family, size, r, src);
  }
  // count in CL: a zero count leaves the flags alone, selected with movcond
  const cnt = s.tmp(), cm1 = s.tmp(), r = s.tmp(), src = s.tmp();
  f.andi(cnt, s.loadOp(co), 31);
  f.addi(cm1, cnt, -1);
  f.andi(cm1, cm1, 31);
  f.binop(op, r, a, cnt);
  f.binop(op, src, a, cm1);
  s.storeOp(d, r);
  const zero = s.c(0);
  f.movcond(Cond.NE, G_CC_DST, cnt, zero, r, G_CC_DST);
  f.movcond(Cond.NE, G_CC_SRC, cnt, zero, src, G_CC_SRC);
  f.movcond(Cond.NE, G_CC_OP, cnt, zero, s.c(family + sizeIdx(size)), G_CC_OP);
  s.ccOpDynamic();
}

// SHLD/SHRD <E>, <G>, imm|CL
function genShiftDouble(s: DisasContext, insn: DecodedInsn): void {
  const [d, g, co] = insn.ops;
  const a = s.loadOp(d);
  const b = s.loadOp(g);
  const cnt = s.loadOp(co);
  const r = s.tmp();
  s.f.call(H.helper_shiftd, [r], [s.c(insn.entry.mnem === "shld" ? 0 : 1), s.c(d.size), a, b, cnt]);
  s.storeOp(d, r);
  s.ccOpDynamic();
}

// SETcc <Eb>
function trans_setcc(s: DisasContext, insn: DecodedInsn): void {
  const t = genCond(s, insn.entry.cc!);
  const r = s.tmp();
  s.f.setcond(t.cond, r, t.a, t.b);
  s.storeOp(insn.ops[0], r);
}

// CMOVcc <G>, <E>: the source is read even when the condition is false
function trans_cmovcc(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const v = s.loadOp(so);
  const t = genCond(s, insn.entry.cc!);
  const r = s.tmp();
  s.f.movcond(t.cond, r, t.a, t.b, v, d.reg);
  s.storeReg(d.size, d.reg, r);
}

// BT/BTS/BTR/BTC <E>, <G>|imm: CF = the bit; ZF kept; with a register offset a memory operand
// is addressed as a bit string (the offset may reach outside the operand)
function genBitTest(s: DisasContext, insn: DecodedInsn): void {
  const mnem = insn.entry.mnem;
  const [d, bo] = insn.ops;
  const size = d.size;
  const f = s.f;
  const bits = size * 8;
  const off = s.loadOp(bo);
  const bit = s.tmp();
  f.andi(bit, off, bits - 1);
  let target = d;
  if (d.kind === OpKind.MEM && bo.kind === OpKind.REG) {
    // address += (signed offset >> log2(bits)) * size
    const disp = s.tmp(), addr = s.tmp();
    const sext = bo.size === 2 ? s.tmp() : off;
    if (bo.size === 2) f.unop("ext16s", sext, off);
    f.sari(disp, sext, bits === 32 ? 5 : 4);
    f.shli(disp, disp, bits === 32 ? 2 : 1);
    f.add(addr, s.addr(), disp);
    const v = s.load(size, addr);
    return finishBitTest(s, mnem, size, v, bit, (r) => s.store(size, addr, r));
  }
  const v = s.loadOp(target);
  finishBitTest(s, mnem, size, v, bit, (r) => s.storeOp(target, r));
}
function finishBitTest(s: DisasContext, mnem: string, size: number, v: number, bit: number, store: (r: number) => void): void {
  const f = s.f;
  const cf = s.tmp();
  f.binop("shr", cf, v, bit);
  f.andi(cf, cf, 1);
  if (mnem !== "bt") {
    const m = s.tmp(), r = s.tmp();
    f.binop("shl", m, s.c(1), bit);
    if (mnem === "bts") f.or(r, v, m);
    else if (mnem === "btr") f.binop("andc", r, v, m);
    else f.xor(r, v, m);
    store(r);
  }
  const fl = genComputeEflags(s);
  const nf = s.tmp();
  f.andi(nf, fl, ~1);
  f.or(nf, nf, cf);
  setEflagsTemp(s, nf);
}

// BSF/BSR <G>, <E>: ZF = (source == 0), destination unchanged then
function genBitScan(s: DisasContext, insn: DecodedInsn): void {
  const [d, so] = insn.ops;
  const f = s.f;
  const v = s.loadOp(so);
  const r = s.tmp();
  if (insn.entry.mnem === "bsf") f.binop("ctz", r, v, s.c(0));
  else {
    f.binop("clz", r, v, s.c(0));
    f.xori(r, r, 31);
  }
  const res = s.tmp();
  f.movcond(Cond.EQ, res, v, s.c(0), d.reg, r);
  s.storeReg(d.size, d.reg, res);
  setFlags(s, CC_OP_LOGIC, 4, v);
}

// BSWAP <Zd>
function trans_bswap(s: DisasContext, insn: DecodedInsn): void {
  const r = insn.ops[0].reg;
  if (insn.opsize === 2) s.storeReg(2, r, s.c(0)); // undefined on hardware; zero like most CPUs
  else s.f.unop("bswap32", r, r);
}

// CWTL/CBTW and CLTD/CWTD
function trans_cwtl(s: DisasContext, insn: DecodedInsn): void {
  const t = s.tmp();
  if (insn.opsize === 2) {
    s.f.unop("ext8s", t, R_EAX);
    s.storeReg(2, R_EAX, t);
  } else s.f.unop("ext16s", R_EAX, R_EAX);
}
function trans_cltd(s: DisasContext, insn: DecodedInsn): void {
  if (insn.opsize === 2) {
    const t = s.tmp();
    s.f.unop("ext16s", t, R_EAX);
    s.f.sari(t, t, 16);
    s.storeReg(2, R_EDX, t);
  } else s.f.sari(R_EDX, R_EAX, 31);
}

// CLC, STC, CMC: edit CF in the computed flags
function genCarryOp(s: DisasContext, insn: DecodedInsn): void {
  const fl = genComputeEflags(s);
  const nf = s.tmp();
  if (insn.entry.mnem === "clc") s.f.andi(nf, fl, ~1);
  else if (insn.entry.mnem === "stc") s.f.ori(nf, fl, 1);
  else s.f.xori(nf, fl, 1);
  setEflagsTemp(s, nf);
}
// CLD, STD
function trans_cld(s: DisasContext): void {
  s.f.movi(G_DF, 1);
}
function trans_std(s: DisasContext): void {
  s.f.movi(G_DF, -1);
}
// LAHF: AH = SF ZF 0 AF 0 PF 1 CF
function trans_lahf(s: DisasContext): void {
  const fl = genComputeEflags(s);
  const t = s.tmp();
  s.f.andi(t, fl, 0xd5);
  s.f.ori(t, t, 2);
  s.storeReg(1, 4, t);
}
// SAHF: SF ZF AF PF CF = AH
function trans_sahf(s: DisasContext): void {
  const fl = genComputeEflags(s);
  const ah = s.loadReg(1, 4);
  const nf = s.tmp(), t = s.tmp();
  s.f.andi(nf, fl, 0x800);
  s.f.andi(t, ah, 0xd5);
  s.f.or(nf, nf, t);
  setEflagsTemp(s, nf);
}
// SALC (undocumented): AL = CF ? 0xff : 0
function trans_salc(s: DisasContext): void {
  const cf = genCF(s);
  const t = s.tmp();
  s.f.unop("neg", t, cf);
  s.storeReg(1, R_EAX, t);
}

export const ALU_HANDLERS: Record<string, Handler> = {
  add: genAlu, or: genAlu, adc: genAlu, sbb: genAlu, and: genAlu, sub: genAlu, xor: genAlu,
  cmp: genAlu, test: genAlu,
  inc: genIncDec, dec: genIncDec, neg: trans_neg, not: trans_not,
  mov: trans_mov, lea: trans_lea,
  movzb: genExtend, movzw: genExtend, movsb: genExtend, movsw: genExtend,
  xchg: trans_xchg, cmpxchg: trans_cmpxchg, xadd: trans_xadd,
  mul: genMulDiv, div: genMulDiv, idiv: genMulDiv, imul: trans_imul,
  shl: genShift, sal: genShift, shr: genShift, sar: genShift,
  rol: genShift, ror: genShift, rcl: genShift, rcr: genShift,
  shld: genShiftDouble, shrd: genShiftDouble,
  setcc: trans_setcc, cmovcc: trans_cmovcc,
  bt: genBitTest, bts: genBitTest, btr: genBitTest, btc: genBitTest,
  bsf: genBitScan, bsr: genBitScan, bswap: trans_bswap,
  cwtl: trans_cwtl, cltd: trans_cltd,
  clc: genCarryOp, stc: genCarryOp, cmc: genCarryOp, cld: trans_cld, std: trans_std,
  lahf: trans_lahf, sahf: trans_sahf, salc: trans_salc,
};
