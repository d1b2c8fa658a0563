// T32 (Thumb-2 32-bit) translators, one per t32-table.ts entry, built on the shared generators.
import type { Fields } from "../bitstring";
import { MO_16, MO_32, MO_8, MO_SIGN } from "../../../ir/opcodes";
import { ArmDisasContext } from "./context";
import { Dp, genDp, shiftImm, shiftReg, SHIFT_ASR, SHIFT_LSL, SHIFT_LSR, SHIFT_ROR, Operand } from "./dp";
import { AddrMode, genClrex, genLdm, genLdrex, genLoad, genLoadDual, genStm, genStore, genStoreDual, genStrex } from "./ldst";
import {
  genDiv, genDualMul, genDualMulLong, genMul, genMulHalf, genMulHalfLong, genMulLong, genMulMsw, genMulWordHalf, genUmaal, genUsad8,
} from "./mul";
import {
  EXT_SB, EXT_SB16, EXT_SH, EXT_UB, EXT_UB16, EXT_UH, genBfi, genBfx, genClz, genExtend, genParallel, genPkh, genQAddSub, genRev,
  genSat, genSat16, genSel, PAR_ADD16, PAR_ADD8, PAR_ASX, PAR_Q, PAR_S, PAR_SAX, PAR_SH, PAR_SUB16, PAR_SUB8, PAR_U, PAR_UH,
  PAR_UQ, REV_16, REV_32, REV_BIT, REV_SH,
} from "./media";
import { genCoproc, genMrs, genMsr, genUndefined } from "./misc";
import { genCall, sext } from "./branch";

type T = (s: ArmDisasContext, f: Fields) => void;

/** ThumbExpandImm_C: the 12-bit modified immediate of T32 data processing, with its carry-out */
export function thumbExpandImm(imm12: number): { v: number; rotated: boolean } {
  if ((imm12 >>> 10) === 0) {
    const b = imm12 & 0xff;
    switch ((imm12 >>> 8) & 3) {
      case 0:
        return { v: b, rotated: false };
      case 1:
        return { v: (b << 16) | b, rotated: false };
      case 2:
        return { v: ((b << 24) | (b << 8)) >>> 0, rotated: false };
      default:
        return { v: ((b << 24) | (b << 16) | (b << 8) | b) >>> 0, rotated: false };
    }
  }
  const unrot = 0x80 | (imm12 & 0x7f);
  const rot = imm12 >>> 7;
  return { v: ((unrot >>> rot) | (unrot << (32 - rot))) >>> 0, rotated: true };
}
function tconst(s: ArmDisasContext, imm12: number): Operand {
  const e = thumbExpandImm(imm12);
  return { val: s.c(e.v | 0), carry: e.rotated ? s.c(e.v >>> 31) : -1 };
}

// ---- load/store multiple ------------------------------------------------------------------------
/** the list may not hold SP; a store may not hold PC; a load not both PC and LR */
function badList(regs: number, load: boolean): boolean {
  return (regs & (1 << 13)) !== 0 || (!load && (regs & (1 << 15)) !== 0) || (load && (regs & 0xc000) === 0xc000) || regs === 0;
}
// STM<c>.W <Rn>{!}, <registers>
function t32_STM(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, false)) return genUndefined(s);
  genStm(s, f.n, f.R, true, false, f.W === 1);
}
// LDM<c>.W <Rn>{!}, <registers>
function t32_LDM(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, true)) return genUndefined(s);
  genLdm(s, f.n, f.R, true, false, f.W === 1);
}
// POP<c>.W <registers>
function t32_POP(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, true)) return genUndefined(s);
  genLdm(s, 13, f.R, true, false, true);
}
// PUSH<c>.W <registers>
function t32_PUSH(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, false)) return genUndefined(s);
  genStm(s, 13, f.R, false, true, true);
}
// STMDB<c> <Rn>{!}, <registers>
function t32_STMDB(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, false)) return genUndefined(s);
  genStm(s, f.n, f.R, false, true, f.W === 1);
}
// LDMDB<c> <Rn>{!}, <registers>
function t32_LDMDB(s: ArmDisasContext, f: Fields): void {
  if (badList(f.R, true)) return genUndefined(s);
  genLdm(s, f.n, f.R, false, true, f.W === 1);
}

// ---- exclusives, table branches, doubleword ---------------------------------------------------------
function addrPlus(s: ArmDisasContext, n: number, off: number): number {
  const t = s.tmp();
  s.f.addi(t, s.reg(n), off);
  return t;
}
// STREX<c> <Rd>, <Rt>, [<Rn>{, #<imm8 * 4>}]
function t32_STREX(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, addrPlus(s, f.n, f.i * 4), 2); }
// LDREX<c> <Rt>, [<Rn>{, #<imm8 * 4>}]
function t32_LDREX(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, addrPlus(s, f.n, f.i * 4), 2); }
// STREXB<c> <Rd>, <Rt>, [<Rn>]
function t32_STREXB(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, s.reg(f.n), 0); }
// STREXH<c> <Rd>, <Rt>, [<Rn>]
function t32_STREXH(s: ArmDisasContext, f: Fields): void { genStrex(s, f.d, f.t, -1, s.reg(f.n), 1); }
// STREXD<c> <Rd>, <Rt>, <Rt2>, [<Rn>]   (Rd is in bits 3:0, Rt2 in 11:8 here)
function t32_STREXD(s: ArmDisasContext, f: Fields): void { genStrex(s, f.m, f.t, f.d, s.reg(f.n), 3); }
// LDREXB<c> <Rt>, [<Rn>]
function t32_LDREXB(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, s.reg(f.n), 0); }
// LDREXH<c> <Rt>, [<Rn>]
function t32_LDREXH(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, -1, s.reg(f.n), 1); }
// LDREXD<c> <Rt>, <Rt2>, [<Rn>]
function t32_LDREXD(s: ArmDisasContext, f: Fields): void { genLdrex(s, f.t, f.d, s.reg(f.n), 3); }
/** TBB/TBH: branch forward by twice the byte/halfword at Rn + Rm (<< 1) */
function genTableBranch(s: ArmDisasContext, f: Fields, half: boolean): void {
  const fn = s.f;
  const a = s.tmp(), v = s.tmp(), t = s.tmp();
  if (half) {
    fn.shli(a, s.reg(f.m), 1);
    fn.add(a, a, s.reg(f.n));
  } else fn.add(a, s.reg(f.n), s.reg(f.m));
  fn.ld(v, a, half ? MO_16 : MO_8);
  fn.shli(t, v, 1);
  fn.addi(t, t, s.pcRead);
  s.branchWritePc(t);
}
// TBB<c> [<Rn>, <Rm>]
function t32_TBB(s: ArmDisasContext, f: Fields): void { genTableBranch(s, f, false); }
// TBH<c> [<Rn>, <Rm>, LSL #1]
function t32_TBH(s: ArmDisasContext, f: Fields): void { genTableBranch(s, f, true); }
function dualMode(s: ArmDisasContext, f: Fields): AddrMode | null {
  if (f.P === 0 && f.W === 0) return null;
  return { n: f.n, offset: s.c(f.i * 4), add: f.U === 1, index: f.P === 1, wback: f.W === 1 };
}
// STRD<c> <Rt>, <Rt2>, [<Rn>{, #+/-<imm8 * 4>}]{!}
function t32_STRD_imm(s: ArmDisasContext, f: Fields): void {
  const m = dualMode(s, f);
  if (!m) return genUndefined(s);
  genStoreDual(s, f.t, f.d, m);
}
// LDRD<c> <Rt>, <Rt2>, [<Rn>{, #+/-<imm8 * 4>}]{!}
function t32_LDRD_imm(s: ArmDisasContext, f: Fields): void {
  const m = dualMode(s, f);
  if (!m || f.t === f.d) return genUndefined(s);
  genLoadDual(s, f.t, f.d, m);
}

// ---- data processing (shifted register) ------------------------------------------------------------
function dpShifted(s: ArmDisasContext, f: Fields, op: Dp, invert = false): void {
  const S = f.S === 1 || (op >= Dp.TST && op <= Dp.CMN);
  const b = shiftImm(s, s.reg(f.m), f.r, f.v, S);
  if (invert) {
    const t = s.tmp();
    s.f.unop("not", t, b.val);
    b.val = t;
  }
  genDp(s, op, S, f.d ?? 0, op === Dp.MOV || op === Dp.MVN ? -1 : s.reg(f.n), b);
}
function movShift(s: ArmDisasContext, f: Fields, type: number, amt: number): void {
  genDp(s, Dp.MOV, f.S === 1, f.d, -1, shiftImm(s, s.reg(f.m), type, amt, f.S === 1));
}
// TST<c>.W <Rn>, <Rm>{, <shift>}
function t32_TST_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.TST); }
// AND{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_AND_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.AND); }
// BIC{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_BIC_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.BIC); }
// MOV{S}<c>.W <Rd>, <Rm>
function t32_MOV_reg(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_LSL, 0); }
// RRX{S}<c> <Rd>, <Rm>
function t32_RRX(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_ROR, 0); }
// LSL{S}<c>.W <Rd>, <Rm>, #<imm5>
function t32_LSL_imm(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_LSL, f.v); }
// LSR{S}<c>.W <Rd>, <Rm>, #<imm5>
function t32_LSR_imm(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_LSR, f.v); }
// ASR{S}<c>.W <Rd>, <Rm>, #<imm5>
function t32_ASR_imm(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_ASR, f.v); }
// ROR{S}<c> <Rd>, <Rm>, #<imm5>
function t32_ROR_imm(s: ArmDisasContext, f: Fields): void { movShift(s, f, SHIFT_ROR, f.v); }
// ORR{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_ORR_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.ORR); }
// MVN{S}<c>.W <Rd>, <Rm>{, <shift>}
function t32_MVN_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.MVN); }
// ORN{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function t32_ORN_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.ORR, true); }
// TEQ<c> <Rn>, <Rm>{, <shift>}
function t32_TEQ_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.TEQ); }
// EOR{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_EOR_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.EOR); }
// PKHBT<c> <Rd>, <Rn>, <Rm>{, LSL #<imm>}
function t32_PKHBT(s: ArmDisasContext, f: Fields): void { genPkh(s, f.d, f.n, f.m, 0, f.v); }
// PKHTB<c> <Rd>, <Rn>, <Rm>{, ASR #<imm>}
function t32_PKHTB(s: ArmDisasContext, f: Fields): void { genPkh(s, f.d, f.n, f.m, 1, f.v); }
// CMN<c>.W <Rn>, <Rm>{, <shift>}
function t32_CMN_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.CMN); }
// ADD{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_ADD_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.ADD); }
// ADC{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_ADC_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.ADC); }
// SBC{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_SBC_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.SBC); }
// CMP<c>.W <Rn>, <Rm>{, <shift>}
function t32_CMP_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.CMP); }
// SUB{S}<c>.W <Rd>, <Rn>, <Rm>{, <shift>}
function t32_SUB_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.SUB); }
// RSB{S}<c> <Rd>, <Rn>, <Rm>{, <shift>}
function t32_RSB_reg(s: ArmDisasContext, f: Fields): void { dpShifted(s, f, Dp.RSB); }

// ---- data processing (modified immediate) ----------------------------------------------------------
function dpImm(s: ArmDisasContext, f: Fields, op: Dp, invert = false): void {
  const S = f.S === 1 || (op >= Dp.TST && op <= Dp.CMN);
  const b = tconst(s, f.i);
  if (invert) b.val = s.c(~thumbExpandImm(f.i).v);
  genDp(s, op, S, f.d ?? 0, op === Dp.MOV || op === Dp.MVN ? -1 : s.reg(f.n), b);
}
// TST<c> <Rn>, #<const>
function t32_TST_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.TST); }
// AND{S}<c> <Rd>, <Rn>, #<const>
function t32_AND_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.AND); }
// BIC{S}<c> <Rd>, <Rn>, #<const>
function t32_BIC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.BIC); }
// MOV{S}<c>.W <Rd>, #<const>
function t32_MOV_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.MOV); }
// ORR{S}<c> <Rd>, <Rn>, #<const>
function t32_ORR_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ORR); }
// MVN{S}<c> <Rd>, #<const>
function t32_MVN_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.MVN); }
// ORN{S}<c> <Rd>, <Rn>, #<const>
function t32_ORN_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ORR, true); }
// TEQ<c> <Rn>, #<const>
function t32_TEQ_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.TEQ); }
// EOR{S}<c> <Rd>, <Rn>, #<const>
function t32_EOR_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.EOR); }
// CMN<c> <Rn>, #<const>
function t32_CMN_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.CMN); }
// ADD{S}<c>.W <Rd>, <Rn>, #<const>
function t32_ADD_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ADD); }
// ADC{S}<c> <Rd>, <Rn>, #<const>
function t32_ADC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.ADC); }
// SBC{S}<c> <Rd>, <Rn>, #<const>
function t32_SBC_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.SBC); }
// CMP<c>.W <Rn>, #<const>
function t32_CMP_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.CMP); }
// SUB{S}<c>.W <Rd>, <Rn>, #<const>
function t32_SUB_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.SUB); }
// RSB{S}<c>.W <Rd>, <Rn>, #<const>
function t32_RSB_imm(s: ArmDisasContext, f: Fields): void { dpImm(s, f, Dp.RSB); }

// ---- plain binary immediate ----------------------------------------------------------------------------
// ADR<c>.W <Rd>, <label>   (after the current instruction)
function t32_ADR_add(s: ArmDisasContext, f: Fields): void { s.setReg(f.d, s.c(((s.pcRead & ~3) + f.i) | 0)); }
// ADR<c>.W <Rd>, <label>   (before the current instruction)
function t32_ADR_sub(s: ArmDisasContext, f: Fields): void { s.setReg(f.d, s.c(((s.pcRead & ~3) - f.i) | 0)); }
// ADDW<c> <Rd>, <Rn>, #<imm12>
function t32_ADDW(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.ADD, false, f.d, s.reg(f.n), { val: s.c(f.i), carry: -1 }); }
// SUBW<c> <Rd>, <Rn>, #<imm12>
function t32_SUBW(s: ArmDisasContext, f: Fields): void { genDp(s, Dp.SUB, false, f.d, s.reg(f.n), { val: s.c(f.i), carry: -1 }); }
// MOVW<c> <Rd>, #<imm16>
function t32_MOVW(s: ArmDisasContext, f: Fields): void { s.setReg(f.d, s.c((f.j << 12) | f.i)); }
// MOVT<c> <Rd>, #<imm16>
function t32_MOVT(s: ArmDisasContext, f: Fields): void {
  const t = s.tmp();
  s.f.andi(t, s.reg(f.d), 0xffff);
  s.f.ori(t, t, ((f.j << 12) | f.i) << 16);
  s.setReg(f.d, t);
}
// SSAT16<c> <Rd>, #<imm>, <Rn>
function t32_SSAT16(s: ArmDisasContext, f: Fields): void { genSat16(s, f.d, f.n, f.i + 1, true); }
// SSAT<c> <Rd>, #<imm>, <Rn>{, <shift>}
function t32_SSAT(s: ArmDisasContext, f: Fields): void { genSat(s, f.d, f.n, f.i + 1, f.r, f.v, true); }
// SBFX<c> <Rd>, <Rn>, #<lsb>, #<width>
function t32_SBFX(s: ArmDisasContext, f: Fields): void { genBfx(s, f.d, f.n, f.b, f.w + 1, true); }
// BFC<c> <Rd>, #<lsb>, #<width>
function t32_BFC(s: ArmDisasContext, f: Fields): void { genBfi(s, f.d, -1, f.b, f.w); }
// BFI<c> <Rd>, <Rn>, #<lsb>, #<width>
function t32_BFI(s: ArmDisasContext, f: Fields): void { genBfi(s, f.d, f.n, f.b, f.w); }
// USAT16<c> <Rd>, #<imm4>, <Rn>
function t32_USAT16(s: ArmDisasContext, f: Fields): void { genSat16(s, f.d, f.n, f.i, false); }
// USAT<c> <Rd>, #<imm5>, <Rn>{, <shift>}
function t32_USAT(s: ArmDisasContext, f: Fields): void { genSat(s, f.d, f.n, f.i, f.r, f.v, false); }
// UBFX<c> <Rd>, <Rn>, #<lsb>, #<width>
function t32_UBFX(s: ArmDisasContext, f: Fields): void { genBfx(s, f.d, f.n, f.b, f.w + 1, false); }

// ---- branches and miscellaneous control ----------------------------------------------------------------------
// MSR<c> <spec_reg>, <Rn>
function t32_MSR_reg(s: ArmDisasContext, f: Fields): void { genMsr(s, s.reg(f.n), f.k, f.R === 1); }
// NOP<c>.W and the other hints
function t32_NOP(_s: ArmDisasContext, _f: Fields): void {}
function t32_YIELD(_s: ArmDisasContext, _f: Fields): void {}
function t32_WFE(_s: ArmDisasContext, _f: Fields): void {}
function t32_WFI(_s: ArmDisasContext, _f: Fields): void {}
function t32_SEV(_s: ArmDisasContext, _f: Fields): void {}
function t32_DBG(_s: ArmDisasContext, _f: Fields): void {}
function t32_HINT(_s: ArmDisasContext, _f: Fields): void {}
// CLREX<c>
function t32_CLREX(s: ArmDisasContext, _f: Fields): void { genClrex(s); }
// DSB<c> #<option>, DMB<c> #<option>, ISB<c> #<option>
function t32_DSB(_s: ArmDisasContext, _f: Fields): void {}
function t32_DMB(_s: ArmDisasContext, _f: Fields): void {}
function t32_ISB(_s: ArmDisasContext, _f: Fields): void {}
// BXJ<c> <Rm>   (as BX)
function t32_BXJ(s: ArmDisasContext, f: Fields): void { s.bxWritePc(s.reg(f.m)); }
// MRS<c> <Rd>, <spec_reg>
function t32_MRS(s: ArmDisasContext, f: Fields): void { genMrs(s, f.d, f.R === 1); }
// UDF<c>.W #<imm16>
function t32_UDF(s: ArmDisasContext, _f: Fields): void { genUndefined(s); }
// B<c>.W <label>   (T3: the condition is in the encoding; the translate loop applies it)
function t32_B_cond(s: ArmDisasContext, f: Fields): void {
  if (f.c >= 14) return genUndefined(s);
  const off = sext((f.S << 20) | (f.K << 19) | (f.J << 18) | (f.j << 12) | (f.i << 1), 21);
  s.branchTo((s.pcRead + off) | 0);
}
/** the 25-bit offset of B.W/BL/BLX: S:I1:I2:imm10:imm11:'0', I = NOT(J XOR S) */
function branchOffset(f: Fields): number {
  const i1 = (f.J ^ f.S) ^ 1, i2 = (f.K ^ f.S) ^ 1;
  return sext((f.S << 24) | (i1 << 23) | (i2 << 22) | (f.j << 12) | (f.i << 1), 25);
}
// B<c>.W <label>
function t32_B(s: ArmDisasContext, f: Fields): void { s.branchTo((s.pcRead + branchOffset(f)) | 0); }
// BL<c> <label>
function t32_BL(s: ArmDisasContext, f: Fields): void { genCall(s, (s.pcRead + branchOffset(f)) | 0, true); }
// BLX<c> <label>   (to ARM code: the target is word aligned)
function t32_BLX_imm(s: ArmDisasContext, f: Fields): void {
  const off = branchOffset({ ...f, i: f.i << 1 });
  genCall(s, ((s.pcRead & ~3) + off) | 0, false);
}

// ---- loads and stores ----------------------------------------------------------------------------------------
function lit(s: ArmDisasContext, f: Fields): AddrMode {
  return { n: 15, offset: s.c(f.i), add: f.U === 1, index: true, wback: false };
}
function imm12(s: ArmDisasContext, f: Fields): AddrMode {
  return { n: f.n, offset: s.c(f.i), add: true, index: true, wback: false };
}
/** the imm8 forms: P U W (P = 1, U = 1, W = 0 is the unprivileged form, the same in user mode) */
function imm8(s: ArmDisasContext, f: Fields): AddrMode | null {
  if (f.P === 0 && f.W === 0) return null;
  return { n: f.n, offset: s.c(f.i), add: f.U === 1, index: f.P === 1, wback: f.W === 1 };
}
function regLsl(s: ArmDisasContext, f: Fields): AddrMode {
  return { n: f.n, offset: shiftImm(s, s.reg(f.m), SHIFT_LSL, f.v, false).val, add: true, index: true, wback: false };
}
function load(s: ArmDisasContext, f: Fields, memop: number, m: AddrMode | null): void {
  if (!m) return genUndefined(s);
  genLoad(s, f.t, memop, m);
}
function store(s: ArmDisasContext, f: Fields, memop: number, m: AddrMode | null): void {
  if (!m || f.n === 15) return genUndefined(s);
  genStore(s, f.t, memop, m);
}
// PLD/PLI: preload hints, no architectural effect
function t32_PLD_lit(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLI_lit(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLD_imm12(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLD_imm8(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLD_reg(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLI_imm12(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLI_imm8(_s: ArmDisasContext, _f: Fields): void {}
function t32_PLI_reg(_s: ArmDisasContext, _f: Fields): void {}
// LDRB<c>.W <Rt>, <label>   (and the other literal loads)
function t32_LDRB_lit(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8, lit(s, f)); }
function t32_LDRSB_lit(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8 | MO_SIGN, lit(s, f)); }
function t32_LDRH_lit(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16, lit(s, f)); }
function t32_LDRSH_lit(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16 | MO_SIGN, lit(s, f)); }
function t32_LDR_lit(s: ArmDisasContext, f: Fields): void { load(s, f, MO_32, lit(s, f)); }
// STRB<c>.W <Rt>, [<Rn>, #<imm12>] / STRB<c> <Rt>, [<Rn>, #+/-<imm8>]{!} / STRB<c>.W <Rt>, [<Rn>, <Rm>{, LSL #<imm2>}]
function t32_STRB_imm12(s: ArmDisasContext, f: Fields): void { store(s, f, MO_8, imm12(s, f)); }
function t32_STRB_imm8(s: ArmDisasContext, f: Fields): void { store(s, f, MO_8, imm8(s, f)); }
function t32_STRB_reg(s: ArmDisasContext, f: Fields): void { store(s, f, MO_8, regLsl(s, f)); }
// STRH (same three forms)
function t32_STRH_imm12(s: ArmDisasContext, f: Fields): void { store(s, f, MO_16, imm12(s, f)); }
function t32_STRH_imm8(s: ArmDisasContext, f: Fields): void { store(s, f, MO_16, imm8(s, f)); }
function t32_STRH_reg(s: ArmDisasContext, f: Fields): void { store(s, f, MO_16, regLsl(s, f)); }
// STR (same three forms)
function t32_STR_imm12(s: ArmDisasContext, f: Fields): void { store(s, f, MO_32, imm12(s, f)); }
function t32_STR_imm8(s: ArmDisasContext, f: Fields): void { store(s, f, MO_32, imm8(s, f)); }
function t32_STR_reg(s: ArmDisasContext, f: Fields): void { store(s, f, MO_32, regLsl(s, f)); }
// LDRB, LDRSB, LDRH, LDRSH, LDR (immediate 12, immediate 8, register)
function t32_LDRB_imm12(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8, imm12(s, f)); }
function t32_LDRB_imm8(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8, imm8(s, f)); }
function t32_LDRB_reg(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8, regLsl(s, f)); }
function t32_LDRSB_imm12(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8 | MO_SIGN, imm12(s, f)); }
function t32_LDRSB_imm8(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8 | MO_SIGN, imm8(s, f)); }
function t32_LDRSB_reg(s: ArmDisasContext, f: Fields): void { load(s, f, MO_8 | MO_SIGN, regLsl(s, f)); }
function t32_LDRH_imm12(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16, imm12(s, f)); }
function t32_LDRH_imm8(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16, imm8(s, f)); }
function t32_LDRH_reg(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16, regLsl(s, f)); }
function t32_LDRSH_imm12(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16 | MO_SIGN, imm12(s, f)); }
function t32_LDRSH_imm8(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16 | MO_SIGN, imm8(s, f)); }
function t32_LDRSH_reg(s: ArmDisasContext, f: Fields): void { load(s, f, MO_16 | MO_SIGN, regLsl(s, f)); }
function t32_LDR_imm12(s: ArmDisasContext, f: Fields): void { load(s, f, MO_32, imm12(s, f)); }
function t32_LDR_imm8(s: ArmDisasContext, f: Fields): void { load(s, f, MO_32, imm8(s, f)); }
function t32_LDR_reg(s: ArmDisasContext, f: Fields): void { load(s, f, MO_32, regLsl(s, f)); }

// ---- data processing (register) ---------------------------------------------------------------------------------
function shiftRegT32(s: ArmDisasContext, f: Fields, type: number): void {
  genDp(s, Dp.MOV, f.S === 1, f.d, -1, shiftReg(s, s.reg(f.n), type, s.reg(f.m), f.S === 1));
}
// LSL{S}<c>.W <Rd>, <Rn>, <Rm>
function t32_LSL_reg(s: ArmDisasContext, f: Fields): void { shiftRegT32(s, f, SHIFT_LSL); }
// LSR{S}<c>.W <Rd>, <Rn>, <Rm>
function t32_LSR_reg(s: ArmDisasContext, f: Fields): void { shiftRegT32(s, f, SHIFT_LSR); }
// ASR{S}<c>.W <Rd>, <Rn>, <Rm>
function t32_ASR_reg(s: ArmDisasContext, f: Fields): void { shiftRegT32(s, f, SHIFT_ASR); }
// ROR{S}<c>.W <Rd>, <Rn>, <Rm>
function t32_ROR_reg(s: ArmDisasContext, f: Fields): void { shiftRegT32(s, f, SHIFT_ROR); }
// SXTH<c>.W <Rd>, <Rm>{, <rotation>} ... UXTAB<c> <Rd>, <Rn>, <Rm>{, <rotation>}
function t32_SXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SH, f.d, -1, f.m, f.o); }
function t32_SXTAH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SH, f.d, f.n, f.m, f.o); }
function t32_UXTH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UH, f.d, -1, f.m, f.o); }
function t32_UXTAH(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UH, f.d, f.n, f.m, f.o); }
function t32_SXTB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB16, f.d, -1, f.m, f.o); }
function t32_SXTAB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB16, f.d, f.n, f.m, f.o); }
function t32_UXTB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB16, f.d, -1, f.m, f.o); }
function t32_UXTAB16(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB16, f.d, f.n, f.m, f.o); }
function t32_SXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB, f.d, -1, f.m, f.o); }
function t32_SXTAB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_SB, f.d, f.n, f.m, f.o); }
function t32_UXTB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB, f.d, -1, f.m, f.o); }
function t32_UXTAB(s: ArmDisasContext, f: Fields): void { genExtend(s, EXT_UB, f.d, f.n, f.m, f.o); }
// SADD8<c> <Rd>, <Rn>, <Rm> ... UHSAX<c> <Rd>, <Rn>, <Rm>: the parallel add/subtract family
function t32_SADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ADD8, f.d, f.n, f.m); }
function t32_SADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ADD16, f.d, f.n, f.m); }
function t32_SASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_ASX, f.d, f.n, f.m); }
function t32_SSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SUB8, f.d, f.n, f.m); }
function t32_SSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SUB16, f.d, f.n, f.m); }
function t32_SSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_S, PAR_SAX, f.d, f.n, f.m); }
function t32_QADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ADD8, f.d, f.n, f.m); }
function t32_QADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ADD16, f.d, f.n, f.m); }
function t32_QASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_ASX, f.d, f.n, f.m); }
function t32_QSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SUB8, f.d, f.n, f.m); }
function t32_QSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SUB16, f.d, f.n, f.m); }
function t32_QSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_Q, PAR_SAX, f.d, f.n, f.m); }
function t32_SHADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ADD8, f.d, f.n, f.m); }
function t32_SHADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ADD16, f.d, f.n, f.m); }
function t32_SHASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_ASX, f.d, f.n, f.m); }
function t32_SHSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SUB8, f.d, f.n, f.m); }
function t32_SHSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SUB16, f.d, f.n, f.m); }
function t32_SHSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_SH, PAR_SAX, f.d, f.n, f.m); }
function t32_UADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ADD8, f.d, f.n, f.m); }
function t32_UADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ADD16, f.d, f.n, f.m); }
function t32_UASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_ASX, f.d, f.n, f.m); }
function t32_USUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SUB8, f.d, f.n, f.m); }
function t32_USUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SUB16, f.d, f.n, f.m); }
function t32_USAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_U, PAR_SAX, f.d, f.n, f.m); }
function t32_UQADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ADD8, f.d, f.n, f.m); }
function t32_UQADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ADD16, f.d, f.n, f.m); }
function t32_UQASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_ASX, f.d, f.n, f.m); }
function t32_UQSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SUB8, f.d, f.n, f.m); }
function t32_UQSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SUB16, f.d, f.n, f.m); }
function t32_UQSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UQ, PAR_SAX, f.d, f.n, f.m); }
function t32_UHADD8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ADD8, f.d, f.n, f.m); }
function t32_UHADD16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ADD16, f.d, f.n, f.m); }
function t32_UHASX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_ASX, f.d, f.n, f.m); }
function t32_UHSUB8(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SUB8, f.d, f.n, f.m); }
function t32_UHSUB16(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SUB16, f.d, f.n, f.m); }
function t32_UHSAX(s: ArmDisasContext, f: Fields): void { genParallel(s, PAR_UH, PAR_SAX, f.d, f.n, f.m); }
// QADD<c> <Rd>, <Rm>, <Rn> and QDADD, QSUB, QDSUB
function t32_QADD(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, false, false); }
function t32_QDADD(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, false, true); }
function t32_QSUB(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, true, false); }
function t32_QDSUB(s: ArmDisasContext, f: Fields): void { genQAddSub(s, f.d, f.m, f.n, true, true); }
// REV<c>.W <Rd>, <Rm> and REV16, RBIT, REVSH (Rm is encoded twice; the copies must agree)
function rev(s: ArmDisasContext, f: Fields, kind: number): void {
  if (f.n !== f.m) return genUndefined(s);
  genRev(s, kind, f.d, f.m);
}
function t32_REV(s: ArmDisasContext, f: Fields): void { rev(s, f, REV_32); }
function t32_REV16(s: ArmDisasContext, f: Fields): void { rev(s, f, REV_16); }
function t32_RBIT(s: ArmDisasContext, f: Fields): void { rev(s, f, REV_BIT); }
function t32_REVSH(s: ArmDisasContext, f: Fields): void { rev(s, f, REV_SH); }
// SEL<c> <Rd>, <Rn>, <Rm>
function t32_SEL(s: ArmDisasContext, f: Fields): void { genSel(s, f.d, f.n, f.m); }
// CLZ<c> <Rd>, <Rm>
function t32_CLZ(s: ArmDisasContext, f: Fields): void {
  if (f.n !== f.m) return genUndefined(s);
  genClz(s, f.d, f.m);
}

// ---- multiplies -------------------------------------------------------------------------------------------------
function t32_MUL(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, -1, false, false); }
function t32_MLA(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, f.a, false, false); }
function t32_MLS(s: ArmDisasContext, f: Fields): void { genMul(s, f.d, f.n, f.m, f.a, true, false); }
function t32_SMULxy(s: ArmDisasContext, f: Fields): void { genMulHalf(s, f.d, f.n, f.m, -1, f.x, f.y); }
function t32_SMLAxy(s: ArmDisasContext, f: Fields): void { genMulHalf(s, f.d, f.n, f.m, f.a, f.x, f.y); }
function t32_SMUAD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, -1, false, f.M); }
function t32_SMLAD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, f.a, false, f.M); }
function t32_SMULWy(s: ArmDisasContext, f: Fields): void { genMulWordHalf(s, f.d, f.n, f.m, -1, f.y); }
function t32_SMLAWy(s: ArmDisasContext, f: Fields): void { genMulWordHalf(s, f.d, f.n, f.m, f.a, f.y); }
function t32_SMUSD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, -1, true, f.M); }
function t32_SMLSD(s: ArmDisasContext, f: Fields): void { genDualMul(s, f.d, f.n, f.m, f.a, true, f.M); }
function t32_SMMUL(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, -1, false, f.M === 1); }
function t32_SMMLA(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, f.a, false, f.M === 1); }
function t32_SMMLS(s: ArmDisasContext, f: Fields): void { genMulMsw(s, f.d, f.n, f.m, f.a, true, f.M === 1); }
function t32_USAD8(s: ArmDisasContext, f: Fields): void { genUsad8(s, f.d, f.n, f.m, -1); }
function t32_USADA8(s: ArmDisasContext, f: Fields): void { genUsad8(s, f.d, f.n, f.m, f.a); }
function t32_SMULL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, true, false, false); }
function t32_SDIV(s: ArmDisasContext, f: Fields): void { genDiv(s, f.d, f.n, f.m, true); }
function t32_UMULL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, false, false, false); }
function t32_UDIV(s: ArmDisasContext, f: Fields): void { genDiv(s, f.d, f.n, f.m, false); }
function t32_SMLAL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, true, true, false); }
function t32_SMLALxy(s: ArmDisasContext, f: Fields): void { genMulHalfLong(s, f.l, f.h, f.n, f.m, f.x, f.y); }
function t32_SMLALD(s: ArmDisasContext, f: Fields): void { genDualMulLong(s, f.l, f.h, f.n, f.m, false, f.M); }
function t32_SMLSLD(s: ArmDisasContext, f: Fields): void { genDualMulLong(s, f.l, f.h, f.n, f.m, true, f.M); }
function t32_UMLAL(s: ArmDisasContext, f: Fields): void { genMulLong(s, f.l, f.h, f.n, f.m, false, true, false); }
function t32_UMAAL(s: ArmDisasContext, f: Fields): void { genUmaal(s, f.l, f.h, f.n, f.m); }

// MCR<c> / MRC<c> <coproc>, <opc1>, <Rt>, <CRn>, <CRm>{, <opc2>}
function t32_MCR(s: ArmDisasContext, f: Fields): void { genCoproc(s, false, f.p, f.o, f.n, f.m, f.q, f.t); }
function t32_MRC(s: ArmDisasContext, f: Fields): void { genCoproc(s, true, f.p, f.o, f.n, f.m, f.q, f.t); }

export const T32_TRANSLATORS: Record<string, T> = {
  t32_STM, t32_LDM, t32_POP, t32_PUSH, t32_STMDB, t32_LDMDB,
  t32_STREX, t32_LDREX, t32_STREXB, t32_STREXH, t32_STREXD, t32_LDREXB, t32_LDREXH, t32_LDREXD, t32_TBB, t32_TBH,
  t32_STRD_imm, t32_LDRD_imm,
  t32_TST_reg, t32_AND_reg, t32_BIC_reg, t32_MOV_reg, t32_RRX, t32_LSL_imm, t32_LSR_imm, t32_ASR_imm, t32_ROR_imm,
  t32_ORR_reg, t32_MVN_reg, t32_ORN_reg, t32_TEQ_reg, t32_EOR_reg, t32_PKHBT, t32_PKHTB, t32_CMN_reg, t32_ADD_reg,
  t32_ADC_reg, t32_SBC_reg, t32_CMP_reg, t32_SUB_reg, t32_RSB_reg,
  t32_TST_imm, t32_AND_imm, t32_BIC_imm, t32_MOV_imm, t32_ORR_imm, t32_MVN_imm, t32_ORN_imm, t32_TEQ_imm, t32_EOR_imm,
  t32_CMN_imm, t32_ADD_imm, t32_ADC_imm, t32_SBC_imm, t32_CMP_imm, t32_SUB_imm, t32_RSB_imm,
  t32_ADR_add, t32_ADDW, t32_MOVW, t32_ADR_sub, t32_SUBW, t32_MOVT, t32_SSAT16, t32_SSAT, t32_SBFX, t32_BFC, t32_BFI,
  t32_USAT16, t32_USAT, t32_UBFX,
  t32_MSR_reg, t32_NOP, t32_YIELD, t32_WFE, t32_WFI, t32_SEV, t32_DBG, t32_HINT, t32_CLREX, t32_DSB, t32_DMB, t32_ISB,
  t32_BXJ, t32_MRS, t32_UDF, t32_B_cond, t32_B, t32_BLX_imm, t32_BL,
  t32_PLD_lit, t32_PLI_lit, t32_LDRB_lit, t32_LDRSB_lit, t32_LDRH_lit, t32_LDRSH_lit, t32_LDR_lit,
  t32_PLD_imm12, t32_PLD_imm8, t32_PLD_reg, t32_PLI_imm12, t32_PLI_imm8, t32_PLI_reg,
  t32_STRB_imm12, t32_STRB_imm8, t32_STRB_reg, t32_STRH_imm12, t32_STRH_imm8, t32_STRH_reg,
  t32_STR_imm12, t32_STR_imm8, t32_STR_reg, t32_LDRB_imm12, t32_LDRB_imm8, t32_LDRB_reg,
  t32_LDRSB_imm12, t32_LDRSB_imm8, t32_LDRSB_reg, t32_LDRH_imm12, t32_LDRH_imm8, t32_LDRH_reg,
  t32_LDRSH_imm12, t32_LDRSH_imm8, t32_LDRSH_reg, t32_LDR_imm12, t32_LDR_imm8, t32_LDR_reg,
  t32_LSL_reg, t32_LSR_reg, t32_ASR_reg, t32_ROR_reg,
  t32_SXTH, t32_SXTAH, t32_UXTH, t32_UXTAH, t32_SXTB16, t32_SXTAB16, t32_UXTB16, t32_UXTAB16, t32_SXTB, t32_SXTAB,
  t32_UXTB, t32_UXTAB,
  t32_SADD8, t32_SADD16, t32_SASX, t32_SSUB8, t32_SSUB16, t32_SSAX, t32_QADD8, t32_QADD16, t32_QASX, t32_QSUB8,
  t32_QSUB16, t32_QSAX, t32_SHADD8, t32_SHADD16, t32_SHASX, t32_SHSUB8, t32_SHSUB16, t32_SHSAX,
  t32_UADD8, t32_UADD16, t32_UASX, t32_USUB8, t32_USUB16, t32_USAX, t32_UQADD8, t32_UQADD16, t32_UQASX, t32_UQSUB8,
  t32_UQSUB16, t32_UQSAX, t32_UHADD8, t32_UHADD16, t32_UHASX, t32_UHSUB8, t32_UHSUB16, t32_UHSAX,
  t32_QADD, t32_QDADD, t32_QSUB, t32_QDSUB, t32_REV, t32_REV16, t32_RBIT, t32_REVSH, t32_SEL, t32_CLZ,
  t32_MUL, t32_MLA, t32_MLS, t32_SMULxy, t32_SMLAxy, t32_SMUAD, t32_SMLAD, t32_SMULWy, t32_SMLAWy, t32_SMUSD, t32_SMLSD,
  t32_SMMUL, t32_SMMLA, t32_SMMLS, t32_USAD8, t32_USADA8, t32_SMULL, t32_SDIV, t32_UMULL, t32_UDIV, t32_SMLAL,
  t32_SMLALxy, t32_SMLALD, t32_SMLSLD, t32_UMLAL, t32_UMAAL, t32_MCR, t32_MRC,
};
