// x87 floating point (D8-DF): each instruction becomes one call of a helper in helpers/fpu.ts,
// which owns the FPU state. The translator computes memory operand addresses, passes ST indices
// and operation codes as constants, and bridges to the integer side: EFLAGS for fcomi and fcmov,
// AX for fnstsw. fldcw/fnstcw are inline because compiled float-to-int conversions run them in
// pairs around every fistp.
import { DecodedInsn, OpKind } from "../decode";
import { FP_LAST_INSN, FPUC, R_EAX } from "../cpu";
import { CC_OP_EFLAGS } from "../cc";
import { DisasContext, G_CC_SRC } from "./context";
import { genCond } from "./cond";
import * as H from "../helpers/fpu";
import type { Handler } from "./alu";

/**
 * Record the instruction's address as the FPU instruction pointer (fnstenv/fnsave report it, and
 * position-independent code has used `fldz; fnstenv` to find its own address). Control
 * instructions leave it alone, as on hardware.
 */
function fip(s: DisasContext, insn: DecodedInsn): void {
  s.f.stEnv(s.c(insn.pc), FP_LAST_INSN);
}

/** A non-control x87 instruction: one helper call with the given constant/temp arguments. */
function call(helper: number, args: (s: DisasContext, insn: DecodedInsn) => number[]): Handler {
  return (s, insn) => {
    fip(s, insn);
    s.f.call(helper, [], args(s, insn));
  };
}
const consts = (...v: number[]) => (s: DisasContext): number[] => v.map((x) => s.c(x));
const memAnd = (...v: number[]) => (s: DisasContext): number[] => [s.addr(), ...v.map((x) => s.c(x))];
/** the ModRM reg field: the arithmetic op of the memory forms (add mul com comp sub subr div divr) */
const regField = (insn: DecodedInsn): number => (insn.modrm >> 3) & 7;

export const X87_HANDLERS: Record<string, Handler> = {};
const X = X87_HANDLERS;

// ---- loads and stores ---------------------------------------------------------------------------
X.flds = call(H.helper_fld_f32, memAnd());
X.fldl = call(H.helper_fld_f64, memAnd());
X.fldt = call(H.helper_fld_f80, memAnd());
X.filds = call(H.helper_fild_i16, memAnd());
X.fildl = call(H.helper_fild_i32, memAnd());
X.fildll = call(H.helper_fild_i64, memAnd());
X.fbld = call(H.helper_fbld, memAnd());
X.fsts = call(H.helper_fst_f32, memAnd(0));
X.fstps = call(H.helper_fst_f32, memAnd(1));
X.fstl = call(H.helper_fst_f64, memAnd(0));
X.fstpl = call(H.helper_fst_f64, memAnd(1));
X.fstpt = call(H.helper_fstp_f80, memAnd());
// integer stores: 0 fist, 1 fistp, 2 fisttp
X.fists = call(H.helper_fist_i16, memAnd(0));
X.fistps = call(H.helper_fist_i16, memAnd(1));
X.fisttps = call(H.helper_fist_i16, memAnd(2));
X.fistl = call(H.helper_fist_i32, memAnd(0));
X.fistpl = call(H.helper_fist_i32, memAnd(1));
X.fisttpl = call(H.helper_fist_i32, memAnd(2));
X.fistpll = call(H.helper_fist_i64, memAnd(1));
X.fisttpll = call(H.helper_fist_i64, memAnd(2));
X.fbstp = call(H.helper_fbstp, memAnd());

// FLD ST(i), FST/FSTP ST(i), FXCH ST(i), FFREE/FFREEP ST(i)
X.fld = call(H.helper_fld_st, (s, insn) => [s.c(insn.ops[0].reg)]);
X.fst = call(H.helper_fst_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(0)]);
X.fstp = call(H.helper_fst_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(1)]);
X.fxch = call(H.helper_fxch, (s, insn) => [s.c(insn.ops[0].reg)]);
X.ffree = call(H.helper_ffree, (s, insn) => [s.c(insn.ops[0].reg), s.c(0)]);
X.ffreep = call(H.helper_ffree, (s, insn) => [s.c(insn.ops[0].reg), s.c(1)]);

// FLD1 FLDL2T FLDL2E FLDPI FLDLG2 FLDLN2 FLDZ (helpers/fpu.ts CONSTS order)
["fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2", "fldz"].forEach((m, k) => {
  X[m] = call(H.helper_fld_const, consts(k));
});

// ---- arithmetic ------------------------------------------------------------------------------------
// Memory forms: the op is the ModRM reg field, the helper is chosen by the operand type.
const MEM_FORMS: [string[], string, number][] = [
  [["fadd", "fmul", "fcom", "fcomp", "fsub", "fsubr", "fdiv", "fdivr"], "s", H.helper_farith_f32],
  [["fadd", "fmul", "fcom", "fcomp", "fsub", "fsubr", "fdiv", "fdivr"], "l", H.helper_farith_f64],
  [["fiadd", "fimul", "ficom", "ficomp", "fisub", "fisubr", "fidiv", "fidivr"], "l", H.helper_farith_i32],
  [["fiadd", "fimul", "ficom", "ficomp", "fisub", "fisubr", "fidiv", "fidivr"], "s", H.helper_farith_i16],
];
for (const [names, suffix, helper] of MEM_FORMS) {
  for (const n of names) X[n + suffix] = call(helper, (s, insn) => [s.c(regField(insn)), s.addr()]);
}

// Register forms. The opcode table names them with Intel semantics and lists operands
// destination first, so "fsubr STi,ST" is ST(i) = ST(0) - ST(i) whatever the AT&T spelling.
const REG_OPS: Record<string, number> = { fadd: 0, fmul: 1, fsub: 4, fsubr: 5, fdiv: 6, fdivr: 7 };
for (const [n, op] of Object.entries(REG_OPS)) {
  for (const pop of [0, 1]) {
    X[pop ? n + "p" : n] = call(H.helper_farith_st, (s, insn) => [
      s.c(op), s.c(insn.ops[0].reg), s.c(insn.ops[1].reg), s.c(pop),
    ]);
  }
}

// ---- compares ----------------------------------------------------------------------------------------
// FCOM/FCOMP/FUCOM/FUCOMP ST(i), FCOMPP, FUCOMPP: C3 C2 C0
X.fcom = call(H.helper_fcom_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(0), s.c(0)]);
X.fcomp = call(H.helper_fcom_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(1), s.c(0)]);
X.fucom = call(H.helper_fcom_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(0), s.c(1)]);
X.fucomp = call(H.helper_fcom_st, (s, insn) => [s.c(insn.ops[0].reg), s.c(1), s.c(1)]);
X.fcompp = call(H.helper_fcom_st, consts(1, 2, 0));
X.fucompp = call(H.helper_fcom_st, consts(1, 2, 1));

// FCOMI/FCOMIP/FUCOMI/FUCOMIP ST, ST(i): ZF PF CF from the helper, OF SF AF cleared
function genFcomi(s: DisasContext, insn: DecodedInsn): void {
  const m = insn.entry.mnem;
  fip(s, insn);
  const fl = s.tmp();
  s.f.call(H.helper_fcomi, [fl], [s.c(insn.ops[1].reg), s.c(m.endsWith("p") ? 1 : 0), s.c(m.startsWith("fu") ? 1 : 0)]);
  s.f.mov(G_CC_SRC, fl);
  s.setCcOp(CC_OP_EFLAGS);
}
X.fcomi = X.fcomip = X.fucomi = X.fucomip = genFcomi;

// FCMOVcc ST, ST(i): the EFLAGS condition (SDM cc numbering) as a 0/1 argument
const FCMOV_CC: Record<string, number> = {
  fcmovb: 2, fcmove: 4, fcmovbe: 6, fcmovu: 10, fcmovnb: 3, fcmovne: 5, fcmovnbe: 7, fcmovnu: 11,
};
for (const [n, cc] of Object.entries(FCMOV_CC)) {
  X[n] = (s, insn) => {
    fip(s, insn);
    const t = genCond(s, cc);
    const c = s.tmp();
    s.f.setcond(t.cond, c, t.a, t.b);
    s.f.call(H.helper_fcmov, [], [c, s.c(insn.ops[1].reg)]);
  };
}

// ---- operand-less instructions --------------------------------------------------------------------
for (const [n, helper] of Object.entries(H.FPU_SIMPLE_HELPERS)) {
  // fninit and fnclex are control instructions: they do not set the instruction pointer
  X[n] = n === "fninit" || n === "fnclex" ? (s) => s.f.call(helper, [], []) : call(helper, () => []);
}
X.fnop = (s, insn) => fip(s, insn);

// ---- control -------------------------------------------------------------------------------------------
// FLDCW m16 / FNSTCW m16: the control word is a plain state word that helpers read when they round
X.fldcw = (s) => {
  const v = s.load(2, s.addr());
  const cw = s.tmp();
  s.f.andi(cw, v, H.FPUC_WRITABLE);
  s.f.ori(cw, cw, H.FPUC_FIXED);
  s.f.stEnv(cw, FPUC);
};
X.fnstcw = (s) => {
  const v = s.tmp();
  s.f.ldEnv(v, FPUC);
  s.store(2, s.addr(), v);
};
// FNSTSW m16 / FNSTSW AX
X.fnstsw = (s, insn) => {
  const v = s.tmp();
  s.f.call(H.helper_fnstsw, [v], []);
  if (insn.ops[0].kind === OpKind.REG) s.storeReg(2, R_EAX, v);
  else s.store(2, s.addr(), v);
};
X.fnstenv = (s) => s.f.call(H.helper_fnstenv, [], [s.addr()]);
X.fldenv = (s) => s.f.call(H.helper_fldenv, [], [s.addr()]);
X.fnsave = (s) => s.f.call(H.helper_fnsave, [], [s.addr()]);
X.frstor = (s) => s.f.call(H.helper_frstor, [], [s.addr()]);
