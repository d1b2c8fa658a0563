// Advanced SIMD (NEON) translators, one per vfp-table.ts SIMD entry: element and structure loads
// and stores, VDUP, scalar moves, the modified-immediate moves and the three-register integer
// and bitwise operations, shifts by immediate. Element work is done by helpers/neon.ts.
import type { Fields } from "../bitstring";
import { HELPER_NO_FAULT, registerHelper } from "../../../ir/ir";
import { VFP_W } from "../cpu";
import {
  neon3, neonDup, neonLdStLane, neonLdStMulti, neonShiftImm, N3_ABA, N3_ABD, N3_ADD, N3_AND, N3_BIC, N3_BIF, N3_BIT, N3_BSL,
  N3_CEQ, N3_CGE, N3_CGT, N3_EOR, N3_HADD, N3_HSUB, N3_MAX, N3_MIN, N3_MLA, N3_MLS, N3_MUL, N3_ORN, N3_ORR, N3_PADD, N3_PMAX,
  N3_PMIN, N3_QADD, N3_QRSHL, N3_QSHL, N3_QSUB, N3_RHADD, N3_RSHL, N3_SHL, N3_SUB, N3_TST,
} from "../helpers/neon";
import { ArmDisasContext } from "./context";
import { genUndefined } from "./misc";

type T = (s: ArmDisasContext, f: Fields) => void;

const helper_ldst_multi = registerHelper({ name: "neon_ldst_multi", flags: 0, ret: 0, fn: neonLdStMulti });
const helper_ldst_lane = registerHelper({ name: "neon_ldst_lane", flags: 0, ret: 0, fn: neonLdStLane });
const helper_dup = registerHelper({ name: "neon_dup", flags: HELPER_NO_FAULT, ret: null, fn: neonDup });
const helper_3 = registerHelper({ name: "neon_3same", flags: HELPER_NO_FAULT, ret: null, fn: neon3 });
const helper_shift_imm = registerHelper({ name: "neon_shift_imm", flags: HELPER_NO_FAULT, ret: null, fn: neonShiftImm });

const dreg = (d: number, D: number) => (D << 4) | d;

/** the post-indexing of element loads/stores: Rm = 15 none, 13 by the transfer size, else by Rm */
function writeback(s: ArmDisasContext, n: number, m: number, bytes: number): void {
  if (m === 15) return;
  const t = s.tmp();
  if (m === 13) s.f.addi(t, s.reg(n), bytes);
  else s.f.add(t, s.reg(n), s.reg(m));
  s.setReg(n, t);
}

/** (total registers, structure size, register spacing) by the multiple-structure type field */
const MULTI: Record<number, [number, number, number]> = {
  0b0111: [1, 1, 1], 0b1010: [2, 1, 1], 0b0110: [3, 1, 1], 0b0010: [4, 1, 1],
  0b1000: [2, 2, 1], 0b1001: [2, 2, 2], 0b0011: [4, 2, 2],
  0b0100: [3, 3, 1], 0b0101: [3, 3, 2], 0b0000: [4, 4, 1], 0b0001: [4, 4, 2],
};
function genMulti(s: ArmDisasContext, f: Fields, load: boolean): void {
  const kind = MULTI[f.o];
  const d = dreg(f.d, f.D);
  if (!kind || f.n === 15) return genUndefined(s);
  const [nregs, nstruct, inc] = kind;
  if ((nstruct === 1 ? d + nregs : d + (nstruct - 1) * inc + nregs / nstruct) > 32 || (nstruct > 1 && f.z === 3)) return genUndefined(s);
  const r = s.tmp();
  s.f.call(helper_ldst_multi, [r], [s.c(load ? 1 : 0), s.reg(f.n), s.c(d), s.c(nregs), s.c(nstruct), s.c(inc), s.c(f.z)]);
  writeback(s, f.n, f.m, 8 * nregs);
}
/** single structure to one lane: size z, the lane index and spacing from index_align */
function genLane(s: ArmDisasContext, f: Fields, load: boolean): void {
  const size = f.z;
  const nstruct = f.N + 1;
  const ia = f.i;
  const lane = ia >> (size + 1);
  const inc = size === 0 ? 1 : (ia >> size) & 1 ? 2 : 1;
  const d = dreg(f.d, f.D);
  if (f.n === 15 || d + (nstruct - 1) * inc > 31) return genUndefined(s);
  s.f.call(helper_ldst_lane, [s.tmp()], [s.c(load ? 1 : 0), s.reg(f.n), s.c(d), s.c(nstruct), s.c(inc), s.c(size), s.c(lane), s.c(1)]);
  writeback(s, f.n, f.m, nstruct << size);
}

// VST{1-4}.<size> <list>, [<Rn>{:<align>}]{!}   (multiple structures)
function vfp_VST_multi(s: ArmDisasContext, f: Fields): void { genMulti(s, f, false); }
// VLD{1-4}.<size> <list>, [<Rn>{:<align>}]{!}
function vfp_VLD_multi(s: ArmDisasContext, f: Fields): void { genMulti(s, f, true); }
// VST{1-4}.<size> <list[x]>, [<Rn>]{!}   (one lane)
function vfp_VST_lane(s: ArmDisasContext, f: Fields): void { genLane(s, f, false); }
// VLD{1-4}.<size> <list[x]>, [<Rn>]{!}
function vfp_VLD_lane(s: ArmDisasContext, f: Fields): void { genLane(s, f, true); }
// VLD{1-4}.<size> <list[]>, [<Rn>]{!}   (to all lanes)
function vfp_VLD_all(s: ArmDisasContext, f: Fields): void {
  const size = f.z;
  const nstruct = f.N + 1;
  const d = dreg(f.d, f.D);
  if (size === 3 || f.n === 15) return genUndefined(s);
  // VLD1: T selects one or two registers; VLD2-4: T selects the spacing
  const regsAll = nstruct === 1 ? f.T + 1 : 1;
  const inc = nstruct === 1 ? 1 : f.T + 1;
  s.f.call(helper_ldst_lane, [s.tmp()], [s.c(1), s.reg(f.n), s.c(d), s.c(nstruct), s.c(inc), s.c(size), s.c(-1), s.c(regsAll)]);
  writeback(s, f.n, f.m, nstruct << size);
}
// VDUP<c>.<size> <Qd>, <Rt>
function vfp_VDUP_core(s: ArmDisasContext, f: Fields): void {
  const size = f.B ? 0 : f.E ? 1 : 2;
  if (f.B && f.E) return genUndefined(s);
  const d = dreg(f.d, f.D);
  if (f.Q && d & 1) return genUndefined(s);
  s.f.call(helper_dup, [], [s.c(d), s.c(f.Q ? 2 : 1), s.c(size), s.reg(f.t)]);
}
// VMOV<c>.<size> <Dd[x]>, <Rt>   (8- and 16-bit lanes; 32-bit is VMOV_core_scalar)
function vfp_VMOV_core_scalar8(s: ArmDisasContext, f: Fields): void {
  const d = dreg(f.d, f.D);
  const opc = (f.o << 2) | f.p; // opc1:opc2
  const [size, lane] = opc & 8 ? [0, opc & 7] : [1, (opc >> 1) & 3];
  if (!(opc & 8) && !(opc & 1)) return genUndefined(s);
  s.f.call(helper_ldst_lane_reg, [], [s.c(d), s.c(size), s.c(lane), s.reg(f.t)]);
}
const helper_ldst_lane_reg = registerHelper({
  name: "neon_set_lane", flags: HELPER_NO_FAULT, ret: null,
  fn: (cpu: { U8: Uint8Array }, d: number, size: number, lane: number, v: number) => {
    const off = 512 + 8 * d + (lane << size);
    cpu.U8[off] = v;
    if (size) cpu.U8[off + 1] = v >>> 8;
  },
});
const helper_get_lane = registerHelper({
  name: "neon_get_lane", flags: HELPER_NO_FAULT, ret: 0,
  fn: (cpu: { U8: Uint8Array }, n: number, size: number, lane: number, unsigned: number) => {
    const off = 512 + 8 * n + (lane << size);
    const v = size ? cpu.U8[off] | (cpu.U8[off + 1] << 8) : cpu.U8[off];
    return unsigned ? v : size ? (v << 16) >> 16 : (v << 24) >> 24;
  },
});
// VMOV<c>.<dt> <Rt>, <Dn[x]>   (8- and 16-bit lanes, sign- or zero-extended)
function vfp_VMOV_scalar8_core(s: ArmDisasContext, f: Fields): void {
  const n = dreg(f.n, f.N);
  const opc = (f.o << 2) | f.p;
  const [size, lane] = opc & 8 ? [0, opc & 7] : [1, (opc >> 1) & 3];
  if (!(opc & 8) && !(opc & 1)) return genUndefined(s);
  const r = s.tmp();
  s.f.call(helper_get_lane, [r], [s.c(n), s.c(size), s.c(lane), s.c(f.U)]);
  s.setReg(f.t, r);
}

/** AdvSIMDExpandImm: the 64-bit pattern of a modified immediate as [lo, hi] words */
export function simdExpandImm(op: number, cmode: number, imm8: number): [number, number] | null {
  let w: number;
  switch (cmode >> 1) {
    case 0: w = imm8; break;
    case 1: w = imm8 << 8; break;
    case 2: w = imm8 << 16; break;
    case 3: w = imm8 << 24; break;
    case 4: w = imm8 | (imm8 << 16); break;
    case 5: w = (imm8 << 8) | (imm8 << 24); break;
    case 6: w = cmode & 1 ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff; break;
    default:
      if (!(cmode & 1) && !op) {
        w = imm8 | (imm8 << 8) | (imm8 << 16) | (imm8 << 24);
        break;
      }
      if (!(cmode & 1) && op) {
        let lo = 0, hi = 0;
        for (let b = 0; b < 8; b++) {
          if (!(imm8 & (1 << b))) continue;
          if (b < 4) lo |= 0xff << (8 * b);
          else hi |= 0xff << (8 * (b - 4));
        }
        return [lo | 0, hi | 0];
      }
      if (!op) {
        // single-precision float immediate
        const a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1;
        w = (a << 31) | ((b ^ 1) << 30) | ((b ? 0x1f : 0) << 25) | ((imm8 & 0x3f) << 19);
        break;
      }
      return null;
  }
  return [w | 0, w | 0];
}
/** VMOV/VMVN/VORR/VBIC (immediate) on the register words */
function vfp_VMOV_imm_simd(s: ArmDisasContext, f: Fields): void {
  const imm8 = (f.a << 7) | (f.b << 4) | f.i;
  const cmode = f.o;
  const op = f.p;
  const d = dreg(f.d, f.D);
  if (f.Q && d & 1) return genUndefined(s);
  const v = simdExpandImm(op, cmode, imm8);
  if (!v) return genUndefined(s);
  const fn = s.f;
  const words = f.Q ? 4 : 2;
  // cmode 0xx1 / 10x1 are VORR (op 0) / VBIC (op 1); the others VMOV (op 0) / VMVN (op 1, except cmode 1110)
  const logical = (cmode & 1) === 1 && cmode < 12;
  const invert = op === 1 && cmode !== 14 && !logical;
  for (let k = 0; k < words; k++) {
    const w = VFP_W + 2 * d + k;
    const imm = v[k & 1];
    if (logical) {
      const t = s.tmp();
      fn.ldEnv(t, w);
      if (op) fn.andi(t, t, ~imm);
      else fn.ori(t, t, imm);
      fn.stEnv(t, w);
    } else fn.stEnv(s.c(invert ? ~imm : imm), w);
  }
}

/** three registers of the same length: D (Q = 0) or Q (Q = 1, even register numbers) */
function gen3(s: ArmDisasContext, f: Fields, op: number, forceSize = -1): void {
  const d = dreg(f.d, f.D), n = dreg(f.n, f.N), m = dreg(f.m, f.M);
  if (f.Q && (d & 1 || n & 1 || m & 1)) return genUndefined(s);
  const size = forceSize >= 0 ? forceSize : f.z;
  s.f.call(helper_3, [], [s.c(op), s.c(size), s.c(f.U ?? 0), s.c(d), s.c(n), s.c(m), s.c(f.Q ? 2 : 1)]);
}
// VAND / VBIC / VORR / VORN / VEOR / VBSL / VBIT / VBIF <Qd>, <Qn>, <Qm>
function vfp_VAND(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_AND, 0); }
function vfp_VBIC(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_BIC, 0); }
function vfp_VORR(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_ORR, 0); }
function vfp_VORN(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_ORN, 0); }
function vfp_VEOR(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_EOR, 0); }
function vfp_VBSL(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_BSL, 0); }
function vfp_VBIT(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_BIT, 0); }
function vfp_VBIF(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_BIF, 0); }
// V<op>.<dt> <Qd>, <Qn>, <Qm>: the integer three-same family
function vfp_VHADD(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_HADD); }
function vfp_VQADD(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_QADD); }
function vfp_VRHADD(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_RHADD); }
function vfp_VHSUB(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_HSUB); }
function vfp_VQSUB(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_QSUB); }
function vfp_VCGT(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_CGT); }
function vfp_VCGE(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_CGE); }
function vfp_VSHL_reg(s: ArmDisasContext, f: Fields): void { gen3swap(s, f, N3_SHL); }
function vfp_VRSHL(s: ArmDisasContext, f: Fields): void { gen3swap(s, f, N3_RSHL); }
function vfp_VQSHL_reg(s: ArmDisasContext, f: Fields): void { gen3swap(s, f, N3_QSHL); }
function vfp_VQRSHL(s: ArmDisasContext, f: Fields): void { gen3swap(s, f, N3_QRSHL); }
function vfp_VMAX(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_MAX); }
function vfp_VMIN(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_MIN); }
function vfp_VABD(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_ABD); }
function vfp_VABA(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_ABA); }
function vfp_VADD_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_ADD); }
function vfp_VSUB_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_SUB); }
function vfp_VTST(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_TST); }
function vfp_VCEQ(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_CEQ); }
function vfp_VMLA_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_MLA); }
function vfp_VMLS_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_MLS); }
function vfp_VMUL_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_MUL); }
function vfp_VPMAX(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_PMAX); }
function vfp_VPMIN(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_PMIN); }
function vfp_VPADD_int(s: ArmDisasContext, f: Fields): void { gen3(s, f, N3_PADD); }
/** VSHL (register) and friends shift Vm by Vn: the helper takes the value first */
function gen3swap(s: ArmDisasContext, f: Fields, op: number): void {
  gen3(s, { ...f, n: f.m, N: f.M, m: f.n, M: f.N }, op);
}

/** shifts by immediate: imm6 with L encodes the size (highest set bit) and the amount */
function shiftInfo(f: Fields): { size: number; amount: number } | null {
  const l = f.L, imm6 = f.i;
  if (l) return { size: 3, amount: imm6 };
  if (imm6 & 0x20) return { size: 2, amount: imm6 - 32 };
  if (imm6 & 0x10) return { size: 1, amount: imm6 - 16 };
  if (imm6 & 0x08) return { size: 0, amount: imm6 - 8 };
  return null;
}
function genShiftImm(s: ArmDisasContext, f: Fields, kind: number): void {
  const si = shiftInfo(f);
  const d = dreg(f.d, f.D), m = dreg(f.m, f.M);
  if (!si || (f.Q && (d & 1 || m & 1))) return genUndefined(s);
  // right shifts count down from the element size; left shifts up from zero
  const amount = kind === 2 ? si.amount : (8 << si.size) - si.amount;
  s.f.call(helper_shift_imm, [], [s.c(kind), s.c(si.size), s.c(f.U), s.c(d), s.c(m), s.c(f.Q ? 2 : 1), s.c(amount)]);
}
// VSHR.<dt> <Qd>, <Qm>, #<imm>
function vfp_VSHR(s: ArmDisasContext, f: Fields): void { genShiftImm(s, f, 0); }
// VSRA.<dt> <Qd>, <Qm>, #<imm>
function vfp_VSRA(s: ArmDisasContext, f: Fields): void { genShiftImm(s, f, 1); }
// VSHL.I<size> <Qd>, <Qm>, #<imm>
function vfp_VSHL_imm(s: ArmDisasContext, f: Fields): void { genShiftImm(s, f, 2); }

export const NEON_TRANSLATORS: Record<string, T> = {
  vfp_VST_multi, vfp_VLD_multi, vfp_VST_lane, vfp_VLD_lane, vfp_VLD_all, vfp_VDUP_core, vfp_VMOV_core_scalar8,
  vfp_VMOV_scalar8_core, vfp_VMOV_imm_simd,
  vfp_VAND, vfp_VBIC, vfp_VORR, vfp_VORN, vfp_VEOR, vfp_VBSL, vfp_VBIT, vfp_VBIF,
  vfp_VHADD, vfp_VQADD, vfp_VRHADD, vfp_VHSUB, vfp_VQSUB, vfp_VCGT, vfp_VCGE, vfp_VSHL_reg, vfp_VRSHL, vfp_VQSHL_reg,
  vfp_VQRSHL, vfp_VMAX, vfp_VMIN, vfp_VABD, vfp_VABA, vfp_VADD_int, vfp_VSUB_int, vfp_VTST, vfp_VCEQ, vfp_VMLA_int,
  vfp_VMLS_int, vfp_VMUL_int, vfp_VPMAX, vfp_VPMIN, vfp_VPADD_int, vfp_VSHR, vfp_VSRA, vfp_VSHL_imm,
};
