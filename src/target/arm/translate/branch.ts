// Branches: B, BL, BLX (immediate, register), BX and BXJ, with ARM/Thumb interworking through
// bit 0 of the pc global. Shared generators first, then the A32 translators.
import type { Fields } from "../bitstring";
import { ArmDisasContext } from "./context";

type T = (s: ArmDisasContext, f: Fields) => void;

/** the link value: the next instruction, with bit 0 set in Thumb state */
export function linkValue(s: ArmDisasContext): number {
  return s.thumb ? s.nextPc | 1 : s.nextPc;
}
/** BL/BLX to a constant target in the given state */
export function genCall(s: ArmDisasContext, target: number, thumb: boolean): void {
  s.f.movi(14, linkValue(s));
  s.returnPc = linkValue(s);
  s.branchTo(target, thumb);
}
/** BLX <Rm>: the target is read before LR is written (BLX LR works) */
export function genCallIndirect(s: ArmDisasContext, m: number): void {
  const t = s.reg(m);
  s.f.movi(14, linkValue(s));
  s.returnPc = linkValue(s);
  s.bxWritePc(t);
}

/** sign-extend the low `bits` bits */
export function sext(v: number, bits: number): number {
  return (v << (32 - bits)) >> (32 - bits);
}

// B<c> <label>
function arm_B(s: ArmDisasContext, f: Fields): void {
  s.branchTo((s.pcRead + (sext(f.i, 24) << 2)) | 0);
}
// BL<c> <label>
function arm_BL(s: ArmDisasContext, f: Fields): void {
  genCall(s, (s.pcRead + (sext(f.i, 24) << 2)) | 0, false);
}
// BLX <label>   (to Thumb code; H selects the halfword)
function arm_BLX_imm(s: ArmDisasContext, f: Fields): void {
  genCall(s, (s.pcRead + (sext(f.i, 24) << 2) + (f.H << 1)) | 0, true);
}
// BX<c> <Rm>
function arm_BX(s: ArmDisasContext, f: Fields): void {
  s.bxWritePc(s.reg(f.m));
}
// BXJ<c> <Rm>   (no Jazelle: behaves as BX)
function arm_BXJ(s: ArmDisasContext, f: Fields): void {
  s.bxWritePc(s.reg(f.m));
}
// BLX<c> <Rm>
function arm_BLX_reg(s: ArmDisasContext, f: Fields): void {
  genCallIndirect(s, f.m);
}

export const A32_BRANCH: Record<string, T> = { arm_B, arm_BL, arm_BLX_imm, arm_BX, arm_BXJ, arm_BLX_reg };
