// SSE/SSE2 (and the MMX forms of the integer instructions): one translator per mnemonic family.
//
// XMM registers are four 32-bit words of the CPU state each (R[XMM_W + 4*reg + lane]). Moves,
// the bitwise ops and 32-bit lane shuffles become inline IR: ld_env/st_env of lanes and 32-bit
// guest loads/stores. Everything else is a helper call (helpers/sse-float.ts, helpers/sse-int.ts)
// taking the destination's and source's positions in the state as constants; a memory source is
// first copied into the scratch register XMM_TMP, so helpers never touch guest memory and cannot
// fault except through #XM.
import { DecodedInsn, Operand, OpKind } from "../decode";
import { MXCSR, R_EDI, SEG_BASE, XMM_BYTES } from "../cpu";
import { CC_OP_EFLAGS } from "../cc";
import { Cond } from "../../../ir/opcodes";
import { DisasContext, G_CC_SRC } from "./context";
import {
  ARITH_NAMES, CVT_DQ2PD, CVT_DQ2PS, CVT_PD2DQ, CVT_PD2PS, CVT_PS2DQ, CVT_PS2PD, CVT_SD2SS, CVT_SI2SD, CVT_SI2SS,
  CVT_SS2SD, CVT_TPD2DQ, CVT_TPS2DQ, helper_ldmxcsr, helper_sse_approx, helper_sse_arith, helper_sse_cmp, helper_sse_comi,
  helper_sse_cvt, helper_sse_cvt2si, KIND_PD, KIND_PS, KIND_SD, KIND_SS,
} from "../helpers/sse-float";
import {
  helper_maskmov, helper_movmsk, helper_pextrw, helper_pinsrw, helper_pint, helper_pshift, helper_pshuf, PINT,
  SHIFT_NAMES,
} from "../helpers/sse-int";
import type { Handler } from "./alu";
import { trans_illegal } from "./control";

/** word index of XMM0 lane 0, and of the scratch register that holds a memory source */
const XMM_W = XMM_BYTES >> 2;
export const XMM_TMP_W = XMM_W + 32;

const xw = (r: number): number => XMM_W + 4 * r;

function addrPlus(s: DisasContext, a: number, k: number): number {
  if (k === 0) return a;
  const t = s.tmp();
  s.f.addi(t, a, k);
  return t;
}

/** The lanes (32-bit temps) of the first n words of an XMM register or memory operand. */
function lanes(s: DisasContext, o: Operand, n: number): number[] {
  const out: number[] = [];
  if (o.kind === OpKind.XMM) {
    for (let i = 0; i < n; i++) {
      const t = s.tmp();
      s.f.ldEnv(t, xw(o.reg) + i);
      out.push(t);
    }
  } else {
    const a = s.addr();
    for (let i = 0; i < n; i++) out.push(s.load(4, addrPlus(s, a, 4 * i)));
  }
  return out;
}
/** Write temps to the first words of XMM register r, starting at lane `from`. */
function setLanes(s: DisasContext, r: number, vals: number[], from = 0): void {
  vals.forEach((v, i) => s.f.stEnv(v, xw(r) + from + i));
}
function storeLanes(s: DisasContext, vals: number[]): void {
  const a = s.addr();
  vals.forEach((v, i) => s.store(4, addrPlus(s, a, 4 * i), v));
}
function zeros(s: DisasContext, n: number): number[] {
  return Array.from({ length: n }, () => s.c(0));
}
/** Word index of a source for a helper: the register, or the scratch register loaded from memory. */
function srcWord(s: DisasContext, o: Operand): number {
  if (o.kind === OpKind.XMM) return xw(o.reg);
  const n = Math.max(1, o.size >> 2);
  const vals = lanes(s, o, n);
  vals.forEach((v, i) => s.f.stEnv(v, XMM_TMP_W + i));
  return XMM_TMP_W;
}
const byteOf = (w: number): number => w << 2;

// ---- moves -------------------------------------------------------------------------------------------
// MOVAPS/MOVUPS/MOVAPD/MOVUPD/MOVDQA/MOVDQU/MOVNTPS/MOVNTPD/MOVNTDQ xmm/m128, xmm/m128
function trans_mov128(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  const v = lanes(s, src, 4);
  if (dst.kind === OpKind.XMM) setLanes(s, dst.reg, v);
  else storeLanes(s, v);
}
// MOVSS xmm, xmm/m32 | m32, xmm — MOVSD (SSE2) the same with 64 bits. A load zeroes the upper lanes.
function genMovScalar(n: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    const v = lanes(s, src, n);
    if (dst.kind === OpKind.MEM) storeLanes(s, v);
    else setLanes(s, dst.reg, src.kind === OpKind.MEM ? [...v, ...zeros(s, 4 - n)] : v);
  };
}
// MOVLPS/MOVLPD xmm, m64 | m64, xmm — MOVHPS/MOVHPD the high half
function genMovHalf(high: boolean): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    if (dst.kind === OpKind.MEM) {
      const t0 = s.tmp(), t1 = s.tmp();
      s.f.ldEnv(t0, xw(src.reg) + (high ? 2 : 0));
      s.f.ldEnv(t1, xw(src.reg) + (high ? 3 : 1));
      storeLanes(s, [t0, t1]);
    } else setLanes(s, dst.reg, lanes(s, src, 2), high ? 2 : 0);
  };
}
// MOVHLPS xmm, xmm: low half = source's high half; MOVLHPS: high half = source's low half
function trans_movhlps(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  const v = lanes(s, src, 4);
  setLanes(s, dst.reg, [v[2], v[3]], 0);
}
function trans_movlhps(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  setLanes(s, dst.reg, lanes(s, src, 2), 2);
}
// MOVQ xmm, xmm/m64 (F3 0F 7E) | xmm/m64, xmm (66 0F D6): the low 64 bits; a register destination
// gets its upper half zeroed
function trans_movq(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  if (dst.kind === OpKind.MMX || src.kind === OpKind.MMX) return mmxPending(s, insn);
  const v = lanes(s, src, 2);
  if (dst.kind === OpKind.MEM) storeLanes(s, v);
  else setLanes(s, dst.reg, [...v, ...zeros(s, 2)]);
}
// MOVD xmm, r/m32 | r/m32, xmm
function trans_movd(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  if (dst.kind === OpKind.MMX || src.kind === OpKind.MMX) return mmxPending(s, insn);
  if (dst.kind === OpKind.XMM) setLanes(s, dst.reg, [s.loadOp(src), ...zeros(s, 3)]);
  else {
    const t = s.tmp();
    s.f.ldEnv(t, xw(src.reg));
    s.storeOp(dst, t);
  }
}
// MOVNTI m32, r32
function trans_movnti(s: DisasContext, insn: DecodedInsn): void {
  s.storeOp(insn.ops[0], s.loadOp(insn.ops[1]));
}

// ---- bitwise ops, inline --------------------------------------------------------------------------------
// ANDPS/ANDPD/PAND, ANDNPS/ANDNPD/PANDN, ORPS/ORPD/POR, XORPS/XORPD/PXOR xmm, xmm/m128
function genLogic(op: "and" | "andn" | "or" | "xor"): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
    // xor/andn of a register with itself is zero whatever it held (the common zeroing idiom)
    if ((op === "xor" || op === "andn") && src.kind === OpKind.XMM && src.reg === dst.reg) {
      setLanes(s, dst.reg, zeros(s, 4));
      return;
    }
    const b = lanes(s, src, 4);
    const a = lanes(s, dst, 4);
    const r = a.map((x, i) => {
      const t = s.tmp();
      if (op === "andn") s.f.binop("andc", t, b[i], x);
      else s.f.binop(op, t, x, b[i]);
      return t;
    });
    setLanes(s, dst.reg, r);
  };
}

// ---- packed integer helpers -------------------------------------------------------------------------------
function genPint(op: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
    const sw = srcWord(s, src);
    s.f.call(helper_pint, [], [s.c(op), s.c(byteOf(xw(dst.reg))), s.c(byteOf(sw)), s.c(16)]);
  };
}
// PSRLW/PSRLD/PSRLQ/PSRAW/PSRAD/PSLLW/PSLLD/PSLLQ xmm, xmm/m128 | xmm, imm8; PSRLDQ/PSLLDQ xmm, imm8
function genShift(kind: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
    let count: number;
    if (src.kind === OpKind.IMM) count = s.c(src.imm & 0xff);
    else {
      // the count is the source's low 64 bits: anything above 2^32 shifts everything out
      const [lo, hi] = lanes(s, src, 2);
      count = s.tmp();
      s.f.movcond(Cond.NE, count, hi, s.c(0), s.c(-1), lo);
    }
    s.f.call(helper_pshift, [], [s.c(kind), s.c(byteOf(xw(dst.reg))), count, s.c(16)]);
  };
}
// PSHUFD/PSHUFHW/PSHUFLW xmm, xmm/m128, imm8; SHUFPS/SHUFPD xmm, xmm/m128, imm8
function genShuf(kind: number): Handler {
  return (s, insn) => {
    const [dst, src, imm] = insn.ops;
    if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
    const sw = srcWord(s, src);
    s.f.call(helper_pshuf, [], [s.c(kind), s.c(byteOf(xw(dst.reg))), s.c(byteOf(sw)), s.c(imm.imm & 0xff)]);
  };
}
// PMOVMSKB r32, xmm; MOVMSKPS r32, xmm; MOVMSKPD r32, xmm
function genMovmsk(kind: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    if (src.kind === OpKind.MMX) return mmxPending(s, insn);
    const t = s.tmp();
    s.f.call(helper_movmsk, [t], [s.c(kind), s.c(byteOf(xw(src.reg))), s.c(16)]);
    s.storeReg(4, dst.reg, t);
  };
}
// PEXTRW r32, xmm, imm8
function trans_pextrw(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src, imm] = insn.ops;
  if (src.kind === OpKind.MMX) return mmxPending(s, insn);
  const t = s.tmp();
  s.f.call(helper_pextrw, [t], [s.c(byteOf(xw(src.reg))), s.c(imm.imm & 7)]);
  s.storeReg(4, dst.reg, t);
}
// PINSRW xmm, r32/m16, imm8
function trans_pinsrw(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src, imm] = insn.ops;
  if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
  const v = src.kind === OpKind.REG ? s.loadReg(4, src.reg) : s.load(2, s.addr());
  s.f.call(helper_pinsrw, [], [s.c(byteOf(xw(dst.reg))), v, s.c(imm.imm & 7)]);
}
// MASKMOVDQU xmm, xmm: byte-masked store to DS:EDI
function trans_maskmov(s: DisasContext, insn: DecodedInsn): void {
  const [dst, src] = insn.ops;
  if (dst.kind === OpKind.MMX) return mmxPending(s, insn);
  let a = R_EDI;
  if (insn.adsize === 2) {
    a = s.tmp();
    s.f.andi(a, R_EDI, 0xffff);
  }
  if (insn.seg >= 4) {
    const b = s.tmp(), t = s.tmp();
    s.f.ldEnv(b, SEG_BASE + insn.seg);
    s.f.add(t, a, b);
    a = t;
  }
  s.f.call(helper_maskmov, [], [s.c(byteOf(xw(dst.reg))), s.c(byteOf(xw(src.reg))), s.c(16), a]);
}

// ---- floating point -----------------------------------------------------------------------------------------
const KINDS: Record<string, number> = { ps: KIND_PS, pd: KIND_PD, ss: KIND_SS, sd: KIND_SD };
// ADDPS/ADDPD/ADDSS/ADDSD ... SQRTSD xmm, xmm/mem
function genArith(kind: number, op: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    s.f.call(helper_sse_arith, [], [s.c(kind), s.c(op), s.c(xw(dst.reg)), s.c(srcWord(s, src))]);
  };
}
// CMPPS/CMPPD/CMPSS/CMPSD xmm, xmm/mem, imm8
function genCmp(kind: number): Handler {
  return (s, insn) => {
    const [dst, src, imm] = insn.ops;
    s.f.call(helper_sse_cmp, [], [s.c(kind), s.c(imm.imm & 7), s.c(xw(dst.reg)), s.c(srcWord(s, src))]);
  };
}
// COMISS/UCOMISS/COMISD/UCOMISD xmm, xmm/mem: ZF PF CF
function genComi(kind: number, signaling: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    const fl = s.tmp();
    s.f.call(helper_sse_comi, [fl], [s.c(kind), s.c(signaling), s.c(xw(dst.reg)), s.c(srcWord(s, src))]);
    s.f.mov(G_CC_SRC, fl);
    s.setCcOp(CC_OP_EFLAGS);
  };
}
// CVT* between XMM formats
function genCvt(op: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    s.f.call(helper_sse_cvt, [], [s.c(op), s.c(xw(dst.reg)), s.c(srcWord(s, src))]);
  };
}
// CVTSI2SS/CVTSI2SD xmm, r/m32
function genCvtSi(op: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    s.f.call(helper_sse_cvt, [], [s.c(op), s.c(xw(dst.reg)), s.loadOp(src)]);
  };
}
// CVT(T)SS2SI/CVT(T)SD2SI r32, xmm/mem
function genCvt2si(kind: number, trunc: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    const t = s.tmp();
    s.f.call(helper_sse_cvt2si, [t], [s.c(kind), s.c(trunc), s.c(srcWord(s, src))]);
    s.storeReg(4, dst.reg, t);
  };
}
// RCPPS/RCPSS/RSQRTPS/RSQRTSS xmm, xmm/mem
function genApprox(scalar: number, sqrt: number): Handler {
  return (s, insn) => {
    const [dst, src] = insn.ops;
    s.f.call(helper_sse_approx, [], [s.c(scalar), s.c(sqrt), s.c(xw(dst.reg)), s.c(srcWord(s, src))]);
  };
}
// LDMXCSR m32 / STMXCSR m32
function trans_ldmxcsr(s: DisasContext): void {
  s.f.call(helper_ldmxcsr, [], [s.load(4, s.addr())]);
}
function trans_stmxcsr(s: DisasContext): void {
  const t = s.tmp();
  s.f.ldEnv(t, MXCSR);
  s.store(4, s.addr(), t);
}

/** MMX forms wait for the shared x87/MMX register layout: #UD until then. */
function mmxPending(s: DisasContext, insn: DecodedInsn): void {
  trans_illegal(s, insn);
}

export const SSE_HANDLERS: Record<string, Handler> = {};
const H = SSE_HANDLERS;
for (const m of ["movaps", "movups", "movapd", "movupd", "movdqa", "movdqu", "movntps", "movntpd", "movntdq"]) H[m] = trans_mov128;
H.movss = genMovScalar(1);
H.movsd = genMovScalar(2);
H.movlps = H.movlpd = genMovHalf(false);
H.movhps = H.movhpd = genMovHalf(true);
H.movhlps = trans_movhlps;
H.movlhps = trans_movlhps;
H.movq = trans_movq;
H.movd = trans_movd;
H.movnti = trans_movnti;
for (const [m, op] of [["and", "and"], ["andn", "andn"], ["or", "or"], ["xor", "xor"]] as const) {
  H[m + "ps"] = H[m + "pd"] = H["p" + m] = genLogic(op);
}
for (const [m, op] of Object.entries(PINT)) if (!H[m]) H[m] = genPint(op);
// the float unpacks are the dword/qword integer unpacks
H.unpcklps = genPint(PINT.punpckldq);
H.unpckhps = genPint(PINT.punpckhdq);
H.unpcklpd = genPint(PINT.punpcklqdq);
H.unpckhpd = genPint(PINT.punpckhqdq);
SHIFT_NAMES.forEach((m, k) => (H[m] = genShift(k)));
H.pshufd = genShuf(0);
H.pshufhw = genShuf(1);
H.pshuflw = genShuf(2);
H.shufps = genShuf(4);
H.shufpd = genShuf(5);
H.pmovmskb = genMovmsk(0);
H.movmskps = genMovmsk(1);
H.movmskpd = genMovmsk(2);
H.pextrw = trans_pextrw;
H.pinsrw = trans_pinsrw;
H.maskmovdqu = trans_maskmov;
ARITH_NAMES.forEach((name, op) => {
  for (const [suffix, kind] of Object.entries(KINDS)) H[name + suffix] = genArith(kind, op);
});
for (const [suffix, kind] of Object.entries(KINDS)) H["cmp" + suffix] = genCmp(kind);
H.comiss = genComi(KIND_SS, 1);
H.ucomiss = genComi(KIND_SS, 0);
H.comisd = genComi(KIND_SD, 1);
H.ucomisd = genComi(KIND_SD, 0);
H.cvtsi2ss = genCvtSi(CVT_SI2SS);
H.cvtsi2sd = genCvtSi(CVT_SI2SD);
H.cvtss2sd = genCvt(CVT_SS2SD);
H.cvtsd2ss = genCvt(CVT_SD2SS);
H.cvtdq2ps = genCvt(CVT_DQ2PS);
H.cvtps2dq = genCvt(CVT_PS2DQ);
H.cvttps2dq = genCvt(CVT_TPS2DQ);
H.cvtdq2pd = genCvt(CVT_DQ2PD);
H.cvtpd2dq = genCvt(CVT_PD2DQ);
H.cvttpd2dq = genCvt(CVT_TPD2DQ);
H.cvtps2pd = genCvt(CVT_PS2PD);
H.cvtpd2ps = genCvt(CVT_PD2PS);
H.cvtss2si = genCvt2si(KIND_SS, 0);
H.cvttss2si = genCvt2si(KIND_SS, 1);
H.cvtsd2si = genCvt2si(KIND_SD, 0);
H.cvttsd2si = genCvt2si(KIND_SD, 1);
H.rcpps = genApprox(0, 0);
H.rcpss = genApprox(1, 0);
H.rsqrtps = genApprox(0, 1);
H.rsqrtss = genApprox(1, 1);
H.ldmxcsr = trans_ldmxcsr;
H.stmxcsr = trans_stmxcsr;
