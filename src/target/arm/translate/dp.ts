// Data-processing instructions: the shifter operands (immediate, immediate shift, register
// shift, each with its carry-out) and the sixteen operations, shared by A32 and T32, then the A32
// translators, one per table entry.
import { Cond } from "../../../ir/opcodes";
import { registerHelper, HELPER_PURE } from "../../../ir/ir";
import type { Fields } from "../bitstring";
import { ARM_EXCP_UDEF } from "../cpu";
import { ArmDisasContext, G_CF } from "./context";

export const SHIFT_LSL = 0, SHIFT_LSR = 1, SHIFT_ASR = 2, SHIFT_ROR = 3;

/** A shifter result: the operand, and its carry-out as a 0/1 temp (-1: C unchanged). */
export interface Operand {
  val: number;
  carry: number;
}

/** ARMExpandImm_C: imm8 rotated right by 2 * imm12[11:8]; the carry is bit 31 if rotated. */
export function expandImmA32(s: ArmDisasContext, imm12: number): Operand {
  const rot = (imm12 >>> 8) * 2;
  const v = rot === 0 ? imm12 & 0xff : ((imm12 & 0xff) >>> rot) | ((imm12 & 0xff) << (32 - rot));
  return { val: s.c(v | 0), carry: rot === 0 ? -1 : s.c(v >>> 31) };
}
/** Value of ARMExpandImm (the disassembler's view) */
export function armExpandImm(imm12: number): number {
  const rot = (imm12 >>> 8) * 2;
  const i8 = imm12 & 0xff;
  return rot === 0 ? i8 : ((i8 >>> rot) | (i8 << (32 - rot))) >>> 0;
}

/** Shift by an immediate as encoded (DecodeImmShift: LSR/ASR #0 mean 32, ROR #0 is RRX). */
export function shiftImm(s: ArmDisasContext, v: number, type: number, imm5: number, wantCarry: boolean): Operand {
  const f = s.f;
  const r = s.tmp();
  let carry = -1;
  const bitOf = (pos: number) => {
    if (!wantCarry) return -1;
    const c = s.tmp();
    if (pos === 31) f.shri(c, v, 31);
    else {
      if (pos === 0) f.andi(c, v, 1);
      else {
        f.shri(c, v, pos);
        f.andi(c, c, 1);
      }
    }
    return c;
  };
  switch (type) {
    case SHIFT_LSL:
      if (imm5 === 0) return { val: v, carry: -1 };
      carry = bitOf(32 - imm5);
      f.shli(r, v, imm5);
      break;
    case SHIFT_LSR:
      if (imm5 === 0) {
        carry = bitOf(31);
        f.movi(r, 0);
      } else {
        carry = bitOf(imm5 - 1);
        f.shri(r, v, imm5);
      }
      break;
    case SHIFT_ASR:
      if (imm5 === 0) {
        carry = bitOf(31);
        f.sari(r, v, 31);
      } else {
        carry = bitOf(imm5 - 1);
        f.sari(r, v, imm5);
      }
      break;
    default:
      if (imm5 === 0) {
        // RRX: C:Rm[31:1]
        carry = bitOf(0);
        const t = s.tmp();
        f.shri(r, v, 1);
        f.shli(t, G_CF, 31);
        f.or(r, r, t);
      } else {
        carry = bitOf(imm5 - 1);
        f.binopi("rotr", r, v, imm5);
      }
  }
  return { val: r, carry };
}

/** Carry-out of a register-controlled shift (amount = Rs[7:0]); `c` is the old C. */
function shiftCarry(v: number, type: number, amt: number, c: number): number {
  amt &= 0xff;
  if (amt === 0) return c;
  switch (type) {
    case SHIFT_LSL:
      return amt > 32 ? 0 : (v >>> (32 - amt)) & 1;
    case SHIFT_LSR:
      return amt > 32 ? 0 : (v >>> (amt - 1)) & 1;
    case SHIFT_ASR:
      return amt >= 32 ? v >>> 31 : (v >>> (amt - 1)) & 1;
    default:
      return (v >>> ((amt - 1) & 31)) & 1;
  }
}
const helper_shift_carry = registerHelper({
  name: "arm_shift_carry", flags: HELPER_PURE, ret: 0,
  fn: (_cpu: unknown, v: number, type: number, amt: number, c: number) => shiftCarry(v, type, amt, c),
});

/** Shift by Rs[7:0] (register-shifted register operands and LSL/LSR/ASR/ROR (register)). */
export function shiftReg(s: ArmDisasContext, v: number, type: number, rs: number, wantCarry: boolean): Operand {
  const f = s.f;
  const amt = s.tmp(), r = s.tmp(), zero = s.c(0);
  f.andi(amt, rs, 0xff);
  let carry = -1;
  if (wantCarry) {
    carry = s.tmp();
    f.call(helper_shift_carry, [carry], [v, s.c(type), amt, G_CF]);
  }
  switch (type) {
    case SHIFT_LSL:
    case SHIFT_LSR: {
      // amounts of 32 and more give 0
      const t = s.tmp();
      f.andi(t, amt, 31);
      f.binop(type === SHIFT_LSL ? "shl" : "shr", r, v, t);
      f.movcond(Cond.GTU, r, amt, s.c(31), zero, r);
      break;
    }
    case SHIFT_ASR: {
      const t = s.tmp();
      f.movcond(Cond.GTU, t, amt, s.c(31), s.c(31), amt);
      f.binop("sar", r, v, t);
      break;
    }
    default:
      f.binop("rotr", r, v, amt);
  }
  return { val: r, carry };
}

// ---- the sixteen operations ---------------------------------------------------------------------
export const enum Dp {
  AND, EOR, SUB, RSB, ADD, ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, MOV, BIC, MVN,
}

/**
 * Rd = Rn op operand, setting flags if `S` (logical ops: NZ and the shifter's C; arithmetic: NZCV).
 * `n` is a temp (ignored by MOV/MVN). TST/TEQ/CMP/CMN only set flags. Rd = 15 writes the pc
 * (ALUWritePC); with S that is an exception return, undefined in user mode.
 */
export function genDp(s: ArmDisasContext, op: Dp, S: boolean, d: number, n: number, b: Operand): void {
  const f = s.f;
  if (S && d === 15 && op !== Dp.TST && op !== Dp.TEQ && op !== Dp.CMP && op !== Dp.CMN) {
    s.genException(ARM_EXCP_UDEF, s.pc, s.word);
    return;
  }
  let res = s.tmp();
  let logical = false;
  switch (op) {
    case Dp.AND:
    case Dp.TST:
      f.and(res, n, b.val);
      logical = true;
      break;
    case Dp.EOR:
    case Dp.TEQ:
      f.xor(res, n, b.val);
      logical = true;
      break;
    case Dp.ORR:
      f.or(res, n, b.val);
      logical = true;
      break;
    case Dp.BIC:
      f.binop("andc", res, n, b.val);
      logical = true;
      break;
    case Dp.MOV:
      res = b.val;
      logical = true;
      break;
    case Dp.MVN:
      f.unop("not", res, b.val);
      logical = true;
      break;
    case Dp.ADD:
    case Dp.CMN:
      if (S) res = s.addCC(n, b.val);
      else f.add(res, n, b.val);
      break;
    case Dp.SUB:
    case Dp.CMP:
      if (S) res = s.subCC(n, b.val);
      else f.sub(res, n, b.val);
      break;
    case Dp.RSB:
      if (S) res = s.subCC(b.val, n);
      else f.sub(res, b.val, n);
      break;
    case Dp.ADC:
      res = S ? s.adcCC(n, b.val) : s.adc(n, b.val);
      break;
    case Dp.SBC:
      res = S ? s.sbcCC(n, b.val) : s.sbc(n, b.val);
      break;
    case Dp.RSC:
      res = S ? s.sbcCC(b.val, n) : s.sbc(b.val, n);
      break;
  }
  if (logical && S) {
    s.setNZ(res);
    if (b.carry >= 0) f.mov(G_CF, b.carry);
  }
  if (op >= Dp.TST && op <= Dp.CMN) return;
  s.setReg(d, res);
}

// ---- A32 translators --------------------------------------------------------------------------
type T = (s: ArmDisasContext, f: Fields) => void;

function dpImm(s: ArmDisasContext, f: Fields, op: Dp): void {
  const S = f.S === 1 || (op >= Dp.TST && op <= Dp.CMN);
  const b = expandImmA32(s, f.i);
  genDp(s, op, S, f.d, op === Dp.MOV || op === Dp.MVN ? -1 : s.reg(f.n), b);
}
function dpReg(s: ArmDisasContext, f: Fields, op: Dp): void {
  const S = f.S === 1 || (op >= Dp.TST && op <= Dp.CMN);
  const n = op === Dp.MOV || op === Dp.MVN ? -1 : s.reg(f.n);
  const b = shiftImm(s, s.reg(f.m), f.r, f.v, S);
  genDp(s, op, S, f.d, n, b);
}
function dpRsr(s: ArmDisasContext, f: Fields, op: Dp): void {
  const S = f.S === 1 || (op >= Dp.TST && op <= Dp.CMN);
  const n = op === Dp.MOV || op === Dp.MVN ? -1 : s.reg(f.n);
  const b = shiftReg(s, s.reg(f.m), f.r, s.reg(f.s), S);
  genDp(s, op, S, f.d, n, b);
}
/** MOV-class shifts (LSL/LSR/ASR/ROR by immediate; RRX): the value is Rm */
function movShiftImm(s: ArmDisasContext, f: Fields, type: number, imm5: number): void {
  const S = f.S === 1;
  genDp(s, Dp.MOV, S, f.d, -1, shiftImm(s, s.reg(f.m), type, imm5, S));
}
/** LSL/LSR/ASR/ROR (register): the value is Rn (bits 3:0, field m here), the amount Rm (field s) */
function movShiftReg(s: ArmDisasContext, f: Fields, type: number): void {
  const S = f.S === 1;
  genDp(s, Dp.MOV, S, f.d, -1, shiftReg(s, s.reg(f.m), type, s.reg(f.s), S));
}

// AND{S}<c> <Rd>, <Rn>, #<const>
function arm_AND_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.AND); }
// EOR{S}<c> <Rd>, <Rn>, #<const>
function arm_EOR_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.EOR); }
// SUB{S}<c> <Rd>, <Rn>, #<const>
function arm_SUB_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.SUB); }
// RSB{S}<c> <Rd>, <Rn>, #<const>
function arm_RSB_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.RSB); }
// ADD{S}<c> <Rd>, <Rn>, #<const>
function arm_ADD_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ADD); }
// ADC{S}<c> <Rd>, <Rn>, #<const>
function arm_ADC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ADC); }
// SBC{S}<c> <Rd>, <Rn>, #<const>
function arm_SBC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.SBC); }
// RSC{S}<c> <Rd>, <Rn>, #<const>
function arm_RSC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.RSC); }
// TST<c> <Rn>, #<const>
function arm_TST_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.TST); }
// TEQ<c> <Rn>, #<const>
function arm_TEQ_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.TEQ); }
// CMP<c> <Rn>, #<const>
function arm_CMP_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.CMP); }
// CMN<c> <Rn>, #<const>
function arm_CMN_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.CMN); }
// ORR{S}<c> <Rd>, <Rn>, #<const>
function arm_ORR_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ORR); }
// MOV{S}<c> <Rd>, #<const>
function arm_MOV_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.MOV); }
// BIC{S}<c> <Rd>, <Rn>, #<const>
function arm_BIC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.BIC); }
// MVN{S}<c> <Rd>, #<const>
function arm_MVN_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.MVN); }

// AND{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_AND_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.AND); }
// EOR{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_EOR_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.EOR); }
// SUB{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_SUB_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.SUB); }
// RSB{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_RSB_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.RSB); }
// ADD{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_ADD_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.ADD); }
// ADC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_ADC_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.ADC); }
// SBC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_SBC_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.SBC); }
// RSC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_RSC_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.RSC); }
// TST<c> <Rn>, <Rm>{, <shift>}
function arm_TST_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.TST); }
// TEQ<c> <Rn>, <Rm>{, <shift>}
function arm_TEQ_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.TEQ); }
// CMP<c> <Rn>, <Rm>{, <shift>}
function arm_CMP_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.CMP); }
// CMN<c> <Rn>, <Rm>{, <shift>}
function arm_CMN_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.CMN); }
// ORR{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_ORR_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.ORR); }
// BIC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function arm_BIC_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.BIC); }
// MVN{S}<c> <Rd>, <Rm>{, <shift>}
function arm_MVN_reg(s: ArmDisasContext, f: Fields): void { dpReg(s, f, Dp.MVN); }
// MOV{S}<c> <Rd>, <Rm>
function arm_MOV_reg(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_LSL, 0); }
// RRX{S}<c> <Rd>, <Rm>
function arm_RRX(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_ROR, 0); }
// LSL{S}<c> <Rd>, <Rm>, #<imm5>
function arm_LSL_imm(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_LSL, f.v); }
// LSR{S}<c> <Rd>, <Rm>, #<imm5>
function arm_LSR_imm(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_LSR, f.v); }
// ASR{S}<c> <Rd>, <Rm>, #<imm5>
function arm_ASR_imm(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_ASR, f.v); }
// ROR{S}<c> <Rd>, <Rm>, #<imm5>
function arm_ROR_imm(s: ArmDisasContext, f: Fields): void { movShiftImm(s, f, SHIFT_ROR, f.v); }

// AND{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_AND_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.AND); }
// EOR{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_EOR_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.EOR); }
// SUB{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_SUB_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.SUB); }
// RSB{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_RSB_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.RSB); }
// ADD{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_ADD_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.ADD); }
// ADC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_ADC_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.ADC); }
// SBC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_SBC_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.SBC); }
// RSC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_RSC_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.RSC); }
// TST<c> <Rn>, <Rm>, <type> <Rs>
function arm_TST_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.TST); }
// TEQ<c> <Rn>, <Rm>, <type> <Rs>
function arm_TEQ_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.TEQ); }
// CMP<c> <Rn>, <Rm>, <type> <Rs>
function arm_CMP_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.CMP); }
// CMN<c> <Rn>, <Rm>, <type> <Rs>
function arm_CMN_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.CMN); }
// ORR{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_ORR_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.ORR); }
// BIC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs>
function arm_BIC_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.BIC); }
// MVN{S}<c> <Rd>, <Rm>, <type> <Rs>
function arm_MVN_rsr(s: ArmDisasContext, f: Fields): void { dpRsr(s, f, Dp.MVN); }
// LSL{S}<c> <Rd>, <Rn>, <Rm>
function arm_LSL_reg(s: ArmDisasContext, f: Fields): void { movShiftReg(s, f, SHIFT_LSL); }
// LSR{S}<c> <Rd>, <Rn>, <Rm>
function arm_LSR_reg(s: ArmDisasContext, f: Fields): void { movShiftReg(s, f, SHIFT_LSR); }
// ASR{S}<c> <Rd>, <Rn>, <Rm>
function arm_ASR_reg(s: ArmDisasContext, f: Fields): void { movShiftReg(s, f, SHIFT_ASR); }
// ROR{S}<c> <Rd>, <Rn>, <Rm>
function arm_ROR_reg(s: ArmDisasContext, f: Fields): void { movShiftReg(s, f, SHIFT_ROR); }

// MOVW<c> <Rd>, #<imm16>
function arm_MOVW(s: ArmDisasContext, f: Fields): void {
  s.setReg(f.d, s.c(f.i));
}
// MOVT<c> <Rd>, #<imm16>
function arm_MOVT(s: ArmDisasContext, f: Fields): void {
  const t = s.tmp();
  s.f.andi(t, s.reg(f.d), 0xffff);
  s.f.ori(t, t, f.i << 16);
  s.setReg(f.d, t);
}

export const A32_DP: Record<string, T> = {
  arm_AND_imm, arm_EOR_imm, arm_SUB_imm, arm_RSB_imm, arm_ADD_imm, arm_ADC_imm, arm_SBC_imm, arm_RSC_imm,
  arm_TST_imm, arm_TEQ_imm, arm_CMP_imm, arm_CMN_imm, arm_ORR_imm, arm_MOV_imm, arm_BIC_imm, arm_MVN_imm,
  arm_AND_reg, arm_EOR_reg, arm_SUB_reg, arm_RSB_reg, arm_ADD_reg, arm_ADC_reg, arm_SBC_reg, arm_RSC_reg,
  arm_TST_reg, arm_TEQ_reg, arm_CMP_reg, arm_CMN_reg, arm_ORR_reg, arm_BIC_reg, arm_MVN_reg,
  arm_MOV_reg, arm_RRX, arm_LSL_imm, arm_LSR_imm, arm_ASR_imm, arm_ROR_imm,
  arm_AND_rsr, arm_EOR_rsr, arm_SUB_rsr, arm_RSB_rsr, arm_ADD_rsr, arm_ADC_rsr, arm_SBC_rsr, arm_RSC_rsr,
  arm_TST_rsr, arm_TEQ_rsr, arm_CMP_rsr, arm_CMN_rsr, arm_ORR_rsr, arm_BIC_rsr, arm_MVN_rsr,
  arm_LSL_reg, arm_LSR_reg, arm_ASR_reg, arm_ROR_reg,
  arm_MOVW, arm_MOVT,
};
