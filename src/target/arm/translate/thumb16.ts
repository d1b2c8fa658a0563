// T16 translators, one per t16-table.ts entry, built on the shared generators. Outside an IT
// block the data-processing forms set the flags (ADDS); inside one they do not and take the
// block's condition, which the translate loop applies.
import type { Fields } from "../bitstring";
import { MO_16, MO_32, MO_8, MO_SIGN } from "../../../ir/opcodes";
import { ARM_EXCP_BKPT } from "../cpu";
import { ArmDisasContext } from "./context";
import { Dp, genDp, shiftImm, shiftReg, SHIFT_ASR, SHIFT_LSL, SHIFT_LSR, SHIFT_ROR, Operand } from "./dp";
import { AddrMode, genLdm, genLoad, genStm, genStore } from "./ldst";
import { genMul } from "./mul";
import { EXT_SB, EXT_SH, EXT_UB, EXT_UH, genExtend, genRev, REV_16, REV_32, REV_SH } from "./media";
import { genSvc, genUndefined } from "./misc";
import { genCallIndirect, sext } from "./branch";
import { Cond } from "../../../ir/opcodes";

type T = (s: ArmDisasContext, f: Fields) => void;

const imm = (s: ArmDisasContext, v: number): Operand => ({ val: s.c(v), carry: -1 });
const rm = (s: ArmDisasContext, m: number): Operand => ({ val: s.reg(m), carry: -1 });
const offset = (s: ArmDisasContext, n: number, off: number): AddrMode => ({ n, offset: s.c(off), add: true, index: true, wback: false });
const regOffset = (s: ArmDisasContext, n: number, m: number): AddrMode => ({ n, offset: s.reg(m), add: true, index: true, wback: false });

// MOVS <Rd>, <Rm>   (LSL #0, not allowed in an IT block)
function t16_MOV_reg_T2(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, true, f.d, -1, rm(s, f.m)); }
// LSLS <Rd>, <Rm>, #<imm5>
function t16_LSL_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, !s.inIT, f.d, -1, shiftImm(s, s.reg(f.m), SHIFT_LSL, f.i, !s.inIT)); }
// LSRS <Rd>, <Rm>, #<imm5>
function t16_LSR_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, !s.inIT, f.d, -1, shiftImm(s, s.reg(f.m), SHIFT_LSR, f.i, !s.inIT)); }
// ASRS <Rd>, <Rm>, #<imm5>
function t16_ASR_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, !s.inIT, f.d, -1, shiftImm(s, s.reg(f.m), SHIFT_ASR, f.i, !s.inIT)); }
// ADDS <Rd>, <Rn>, <Rm>
function t16_ADD_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, !s.inIT, f.d, s.reg(f.n), rm(s, f.m)); }
// SUBS <Rd>, <Rn>, <Rm>
function t16_SUB_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.SUB, !s.inIT, f.d, s.reg(f.n), rm(s, f.m)); }
// ADDS <Rd>, <Rn>, #<imm3>
function t16_ADD_imm3(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, !s.inIT, f.d, s.reg(f.n), imm(s, f.i)); }
// SUBS <Rd>, <Rn>, #<imm3>
function t16_SUB_imm3(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.SUB, !s.inIT, f.d, s.reg(f.n), imm(s, f.i)); }
// MOVS <Rd>, #<imm8>
function t16_MOV_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, !s.inIT, f.d, -1, imm(s, f.i)); }
// CMP <Rn>, #<imm8>
function t16_CMP_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.CMP, true, 0, s.reg(f.n), imm(s, f.i)); }
// ADDS <Rdn>, #<imm8>
function t16_ADD_imm8(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, !s.inIT, f.d, s.reg(f.d), imm(s, f.i)); }
// SUBS <Rdn>, #<imm8>
function t16_SUB_imm8(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.SUB, !s.inIT, f.d, s.reg(f.d), imm(s, f.i)); }

/** <op>S <Rdn>, <Rm> */
function dp2(s: ArmDisasContext, f: Fields, op: Dp): void { genDp(s, op, !s.inIT, f.d, s.reg(f.d), rm(s, f.m)); }
/** shifts by register: Rdn = Rdn shifted by Rm[7:0] */
function shift2(s: ArmDisasContext, f: Fields, type: number): void {
  genDp(s, Dp.MOV, !s.inIT, f.d, -1, shiftReg(s, s.reg(f.d), type, s.reg(f.m), !s.inIT));
}
// ANDS <Rdn>, <Rm>
function t16_AND_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.AND); }
// EORS <Rdn>, <Rm>
function t16_EOR_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.EOR); }
// LSLS <Rdn>, <Rm>
function t16_LSL_reg(s: ArmDisasContext, f: Fields): void { shift2(s, f, SHIFT_LSL); }
// LSRS <Rdn>, <Rm>
function t16_LSR_reg(s: ArmDisasContext, f: Fields): void { shift2(s, f, SHIFT_LSR); }
// ASRS <Rdn>, <Rm>
function t16_ASR_reg(s: ArmDisasContext, f: Fields): void { shift2(s, f, SHIFT_ASR); }
// ADCS <Rdn>, <Rm>
function t16_ADC_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.ADC); }
// SBCS <Rdn>, <Rm>
function t16_SBC_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.SBC); }
// RORS <Rdn>, <Rm>
function t16_ROR_reg(s: ArmDisasContext, f: Fields): void { shift2(s, f, SHIFT_ROR); }
// TST <Rn>, <Rm>
function t16_TST_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.TST, true, 0, s.reg(f.n), rm(s, f.m)); }
// RSBS <Rd>, <Rn>, #0
function t16_RSB_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.RSB, !s.inIT, f.d, s.reg(f.n), imm(s, 0)); }
// CMP <Rn>, <Rm>
function t16_CMP_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.CMP, true, 0, s.reg(f.n), rm(s, f.m)); }
// CMN <Rn>, <Rm>
function t16_CMN_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.CMN, true, 0, s.reg(f.n), rm(s, f.m)); }
// ORRS <Rdn>, <Rm>
function t16_ORR_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.ORR); }
// MULS <Rdm>, <Rn>, <Rdm>
function t16_MUL(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.d, -1, false, !s.inIT); }
// BICS <Rdn>, <Rm>
function t16_BIC_reg(s: ArmDisasContext, f: Fields): void { dp2(s, f, Dp.BIC); }
// MVNS <Rd>, <Rm>
function t16_MVN_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MVN, !s.inIT, f.d, -1, rm(s, f.m)); }

// ADD<c> <Rdn>, <Rm>   (high registers; no flags; Rd = pc branches)
function t16_ADD_reg_T2(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, false, f.D, s.reg(f.D), rm(s, f.m)); }
// CMP<c> <Rn>, <Rm>   (high registers)
function t16_CMP_reg_T2(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.CMP, true, 0, s.reg(f.N), rm(s, f.m)); }
// MOV<c> <Rd>, <Rm>   (high registers; no flags)
function t16_MOV_reg(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.MOV, false, f.D, -1, rm(s, f.m)); }
// BX<c> <Rm>
function t16_BX(s: ArmDisasContext, f: Fields): void { s.bxWritePc(s.reg(f.m)); }
// BLX<c> <Rm>
function t16_BLX_reg(s: ArmDisasContext, f: Fields): void { genCallIndirect(s, f.m); }
// LDR<c> <Rt>, <label>   (Align(PC, 4) + imm8 * 4)
function t16_LDR_lit(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, offset(s, 15, f.i * 4)); }

// STR<c> <Rt>, [<Rn>, <Rm>]
function t16_STR_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_32, regOffset(s, f.n, f.m)); }
// STRH<c> <Rt>, [<Rn>, <Rm>]
function t16_STRH_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_16, regOffset(s, f.n, f.m)); }
// STRB<c> <Rt>, [<Rn>, <Rm>]
function t16_STRB_reg(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_8, regOffset(s, f.n, f.m)); }
// LDRSB<c> <Rt>, [<Rn>, <Rm>]
function t16_LDRSB_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8 | MO_SIGN, regOffset(s, f.n, f.m)); }
// LDR<c> <Rt>, [<Rn>, <Rm>]
function t16_LDR_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, regOffset(s, f.n, f.m)); }
// LDRH<c> <Rt>, [<Rn>, <Rm>]
function t16_LDRH_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16, regOffset(s, f.n, f.m)); }
// LDRB<c> <Rt>, [<Rn>, <Rm>]
function t16_LDRB_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8, regOffset(s, f.n, f.m)); }
// LDRSH<c> <Rt>, [<Rn>, <Rm>]
function t16_LDRSH_reg(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16 | MO_SIGN, regOffset(s, f.n, f.m)); }
// STR<c> <Rt>, [<Rn>{, #<imm5 * 4>}]
function t16_STR_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_32, offset(s, f.n, f.i * 4)); }
// LDR<c> <Rt>, [<Rn>{, #<imm5 * 4>}]
function t16_LDR_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, offset(s, f.n, f.i * 4)); }
// STRB<c> <Rt>, [<Rn>{, #<imm5>}]
function t16_STRB_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_8, offset(s, f.n, f.i)); }
// LDRB<c> <Rt>, [<Rn>{, #<imm5>}]
function t16_LDRB_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_8, offset(s, f.n, f.i)); }
// STRH<c> <Rt>, [<Rn>{, #<imm5 * 2>}]
function t16_STRH_imm(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_16, offset(s, f.n, f.i * 2)); }
// LDRH<c> <Rt>, [<Rn>{, #<imm5 * 2>}]
function t16_LDRH_imm(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_16, offset(s, f.n, f.i * 2)); }
// STR<c> <Rt>, [SP, #<imm8 * 4>]
function t16_STR_sp(s: ArmDisasContext, f: Fields): void { genStore(s, f.t, MO_32, offset(s, 13, f.i * 4)); }
// LDR<c> <Rt>, [SP, #<imm8 * 4>]
function t16_LDR_sp(s: ArmDisasContext, f: Fields): void { genLoad(s, f.t, MO_32, offset(s, 13, f.i * 4)); }

// ADR<c> <Rd>, <label>
function t16_ADR(s: ArmDisasContext, f: Fields): void { s.setReg(f.d, s.c(((s.pcRead & ~3) + f.i * 4) | 0)); }
// ADD<c> <Rd>, SP, #<imm8 * 4>
function t16_ADD_sp_imm(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, false, f.d, s.reg(13), imm(s, f.i * 4)); }
// ADD<c> SP, SP, #<imm7 * 4>
function t16_ADD_sp_sp(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, false, 13, s.reg(13), imm(s, f.i * 4)); }
// SUB<c> SP, SP, #<imm7 * 4>
function t16_SUB_sp_sp(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.SUB, false, 13, s.reg(13), imm(s, f.i * 4)); }
/** CBZ/CBNZ: compare and branch forward by i:imm5:'0' */
function genCb(s: ArmDisasContext, f: Fields, nonzero: boolean): void {
  const skip = s.f.newLabel();
  s.f.brcond(nonzero ? Cond.EQ : Cond.NE, s.reg(f.n), s.c(0), skip);
  s.gotoTb(0, (s.pcRead + f.i * 2) | 0);
  s.f.setLabel(skip);
  s.gotoTb(1, s.nextPc);
  s.isJmp = true;
}
// CBZ <Rn>, <label>
function t16_CBZ(s: ArmDisasContext, f: Fields): void { genCb(s, f, false); }
// CBNZ <Rn>, <label>
function t16_CBNZ(s: ArmDisasContext, f: Fields): void { genCb(s, f, true); }
// SXTH<c> <Rd>, <Rm>
function t16_SXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SH, f.d, -1, f.m, 0); }
// SXTB<c> <Rd>, <Rm>
function t16_SXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB, f.d, -1, f.m, 0); }
// UXTH<c> <Rd>, <Rm>
function t16_UXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UH, f.d, -1, f.m, 0); }
// UXTB<c> <Rd>, <Rm>
function t16_UXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB, f.d, -1, f.m, 0); }
// PUSH<c> <registers>   (LR with M)
function t16_PUSH(s: ArmDisasContext, f: Fields): void {
  const regs = f.R | (f.M << 14);
  if (regs === 0) return genUndefined(s);
  genStm(s, 13, regs, false, true, true);
}
// POP<c> <registers>   (PC with P)
function t16_POP(s: ArmDisasContext, f: Fields): void {
  const regs = f.R | (f.P << 15);
  if (regs === 0) return genUndefined(s);
  genLdm(s, 13, regs, true, false, true);
}
// SETEND <endian_specifier>
function t16_SETEND(s: ArmDisasContext, f: Fields): void { if (f.E) genUndefined(s); }
// REV<c> <Rd>, <Rm>
function t16_REV(s: ArmDisasContext, f: Fields): void { genRev(s, REV_32, f.d, f.m); }
// REV16<c> <Rd>, <Rm>
function t16_REV16(s: ArmDisasContext, f: Fields): void { genRev(s, REV_16, f.d, f.m); }
// REVSH<c> <Rd>, <Rm>
function t16_REVSH(s: ArmDisasContext, f: Fields): void { genRev(s, REV_SH, f.d, f.m); }
// BKPT #<imm8>
function t16_BKPT(s: ArmDisasContext, _f: Fields): void { s.genException(ARM_EXCP_BKPT, s.pc, s.word); }
// NOP<c>, YIELD<c>, WFE<c>, WFI<c>, SEV<c> and the other hints: no effect here
function t16_NOP(_s: ArmDisasContext, _f: Fields): void {}
function t16_YIELD(_s: ArmDisasContext, _f: Fields): void {}
function t16_WFE(_s: ArmDisasContext, _f: Fields): void {}
function t16_WFI(_s: ArmDisasContext, _f: Fields): void {}
function t16_SEV(_s: ArmDisasContext, _f: Fields): void {}
function t16_HINT(_s: ArmDisasContext, _f: Fields): void {}
// IT{<x>{<y>{<z>}}} <firstcond>   (the translate loop follows the IT state from here)
function t16_IT(s: ArmDisasContext, f: Fields): void {
  if (f.c === 15 || (f.c === 14 && (f.o & (f.o - 1)) !== 0) || s.inIT) return genUndefined(s);
  s.itNext = (f.c << 4) | f.o;
}
// STM<c> <Rn>!, <registers>
function t16_STM(s: ArmDisasContext, f: Fields): void {
  if (f.R === 0) return genUndefined(s);
  genStm(s, f.n, f.R, true, false, true);
}
// LDM<c> <Rn>{!}, <registers>   (writeback unless Rn is loaded)
function t16_LDM(s: ArmDisasContext, f: Fields): void {
  if (f.R === 0) return genUndefined(s);
  genLdm(s, f.n, f.R, true, false, (f.R & (1 << f.n)) === 0);
}
// UDF #<imm8>
function t16_UDF(s: ArmDisasContext, _f: Fields): void { genUndefined(s); }
// SVC<c> #<imm8>
function t16_SVC(s: ArmDisasContext, f: Fields): void { genSvc(s, f.i); }
// B<c> <label>   (the condition is applied by the translate loop)
function t16_B_cond(s: ArmDisasContext, f: Fields): void { s.branchTo((s.pcRead + sext(f.i << 1, 9)) | 0); }
// B<c> <label>
function t16_B(s: ArmDisasContext, f: Fields): void { s.branchTo((s.pcRead + sext(f.i << 1, 12)) | 0); }

export const T16_TRANSLATORS: Record<string, T> = {
  t16_MOV_reg_T2, t16_LSL_imm, t16_LSR_imm, t16_ASR_imm, t16_ADD_reg, t16_SUB_reg, t16_ADD_imm3, t16_SUB_imm3,
  t16_MOV_imm, t16_CMP_imm, t16_ADD_imm8, t16_SUB_imm8,
  t16_AND_reg, t16_EOR_reg, t16_LSL_reg, t16_LSR_reg, t16_ASR_reg, t16_ADC_reg, t16_SBC_reg, t16_ROR_reg,
  t16_TST_reg, t16_RSB_imm, t16_CMP_reg, t16_CMN_reg, t16_ORR_reg, t16_MUL, t16_BIC_reg, t16_MVN_reg,
  t16_ADD_reg_T2, t16_CMP_reg_T2, t16_MOV_reg, t16_BX, t16_BLX_reg, t16_LDR_lit,
  t16_STR_reg, t16_STRH_reg, t16_STRB_reg, t16_LDRSB_reg, t16_LDR_reg, t16_LDRH_reg, t16_LDRB_reg, t16_LDRSH_reg,
  t16_STR_imm, t16_LDR_imm, t16_STRB_imm, t16_LDRB_imm, t16_STRH_imm, t16_LDRH_imm, t16_STR_sp, t16_LDR_sp,
  t16_ADR, t16_ADD_sp_imm, t16_ADD_sp_sp, t16_SUB_sp_sp, t16_CBZ, t16_CBNZ, t16_SXTH, t16_SXTB, t16_UXTH, t16_UXTB,
  t16_PUSH, t16_SETEND, t16_REV, t16_REV16, t16_REVSH, t16_POP, t16_BKPT,
  t16_NOP, t16_YIELD, t16_WFE, t16_WFI, t16_SEV, t16_HINT, t16_IT,
  t16_STM, t16_LDM, t16_UDF, t16_SVC, t16_B_cond, t16_B,
};
