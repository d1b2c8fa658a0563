// THE VFP and Advanced SIMD decode table (coprocessors 10 and 11, and the unconditional SIMD
// spaces), in A32 form: T32 words are mapped onto it by the decoder (VFP encodings are the A32
// ones with cond = 1110; T32 SIMD data processing 111U1111... is A32 1111001U...). Same format
// as a32-table.ts; translators are `vfp_<name>`.
//
// Field letters: c cond   z sz (1: double precision)   d n m register numbers with their extra
// bits D N M (Dd = D:d, Sd = d:D)   t Rt   e Rt2 (two-register moves: n)   i immediates
// P U W index bits   o opcode bits   r the FPSCR/system register number   x sx (fixed-point size)
// a the low bit of a fixed-point imm5 (imm4:a)   E VCMPE   u unsigned
// SIMD: Q quadword   z size   U unsigned   o type/cmode   L with imm6 the shift size   N (ld/st) structures - 1
import type { BitEntry } from "./bitstring";

export const VFP_TABLE: readonly BitEntry[] = [
  // ---- data processing (three registers) ---------------------------------------------------------------
  { name: "VMLA", pattern: "cccc11100D00nnnndddd101zN0M0mmmm", asm: "vmla<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VMLS", pattern: "cccc11100D00nnnndddd101zN1M0mmmm", asm: "vmls<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VNMLS", pattern: "cccc11100D01nnnndddd101zN0M0mmmm", asm: "vnmls<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VNMLA", pattern: "cccc11100D01nnnndddd101zN1M0mmmm", asm: "vnmla<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VMUL", pattern: "cccc11100D10nnnndddd101zN0M0mmmm", asm: "vmul<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VNMUL", pattern: "cccc11100D10nnnndddd101zN1M0mmmm", asm: "vnmul<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VADD", pattern: "cccc11100D11nnnndddd101zN0M0mmmm", asm: "vadd<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VSUB", pattern: "cccc11100D11nnnndddd101zN1M0mmmm", asm: "vsub<c>.<fdt> <Vd>, <Vn>, <Vm>" },
  { name: "VDIV", pattern: "cccc11101D00nnnndddd101zN0M0mmmm", asm: "vdiv<c>.<fdt> <Vd>, <Vn>, <Vm>" },

  // ---- data processing (other) -----------------------------------------------------------------------------
  { name: "VMOV_imm", pattern: "cccc11101D11iiiidddd101z0000iiii", asm: "vmov<c>.<fdt> <Vd>, <vfpimm>" },
  { name: "VMOV_reg", pattern: "cccc11101D110000dddd101z01M0mmmm", asm: "vmov<c>.<fdt> <Vd>, <Vm>" },
  { name: "VABS", pattern: "cccc11101D110000dddd101z11M0mmmm", asm: "vabs<c>.<fdt> <Vd>, <Vm>" },
  { name: "VNEG", pattern: "cccc11101D110001dddd101z01M0mmmm", asm: "vneg<c>.<fdt> <Vd>, <Vm>" },
  { name: "VSQRT", pattern: "cccc11101D110001dddd101z11M0mmmm", asm: "vsqrt<c>.<fdt> <Vd>, <Vm>" },
  { name: "VCMP", pattern: "cccc11101D110100dddd101zE1M0mmmm", asm: "vcmp<e><c>.<fdt> <Vd>, <Vm>" },
  { name: "VCMP_zero", pattern: "cccc11101D110101dddd101zE1000000", asm: "vcmp<e><c>.<fdt> <Vd>, #0" },
  { name: "VCVT_fp", pattern: "cccc11101D110111dddd101z11M0mmmm", asm: "vcvt<c>.<cvtfp> <Vdx>, <Vm>" },
  { name: "VCVT_from_int", pattern: "cccc11101D111000dddd101zo1M0mmmm", asm: "vcvt<c>.<fdt>.<idt> <Vd>, <Sm>" },
  { name: "VCVT_to_int", pattern: "cccc11101D11110odddd101zr1M0mmmm", asm: "vcvt<rnd><c>.<idt16>.<fdt> <Sd>, <Vm>" },
  { name: "VCVT_fixed", pattern: "cccc11101D111o1udddd101zx1a0iiii", asm: "vcvt<c>.<fixdt> <Vd>, <Vd>, <fbits>" },

  // ---- transfers between core and extension registers ---------------------------------------------------------
  { name: "VMOV_core_sp", pattern: "cccc1110000onnnntttt1010N0010000", asm: "vmov<c> <coresp>" },
  { name: "VMSR", pattern: "cccc11101110rrrrtttt101000010000", asm: "vmsr<c> <sysreg>, <Rt>" },
  { name: "VMRS", pattern: "cccc11101111rrrrtttt101000010000", asm: "vmrs<c> <Rtnzcv>, <sysreg>" },
  { name: "VMOV_core_scalar", pattern: "cccc111000i0ddddtttt1011D0010000", asm: "vmov<c>.32 <Dd>[<i>], <Rt>" },
  { name: "VMOV_scalar_core", pattern: "cccc111000i1nnnntttt1011N0010000", asm: "vmov<c>.32 <Rt>, <Dn>[<i>]" },
  { name: "VMOV_core_scalar8", pattern: "cccc11100oo0ddddtttt1011Dpp10000", asm: "vmov<c>.<lanesize> <Dd>[<lane>], <Rt>" },
  { name: "VMOV_scalar8_core", pattern: "cccc1110Uoo1nnnntttt1011Npp10000", asm: "vmov<c>.<lanedt> <Rt>, <Dn>[<lane>]" },
  { name: "VDUP_core", pattern: "cccc11101BQ0ddddtttt1011D0E10000", asm: "vdup<c>.<dupsize> <Qd>, <Rt>" },
  { name: "VMOV_2core_2sp", pattern: "cccc1100010onnnntttt101000M1mmmm", asm: "vmov<c> <core2sp>" },
  { name: "VMOV_2core_dp", pattern: "cccc1100010onnnntttt101100M1mmmm", asm: "vmov<c> <core2dp>" },

  // ---- loads and stores ------------------------------------------------------------------------------------------
  { name: "VSTR", pattern: "cccc1101UD00nnnndddd101ziiiiiiii", asm: "vstr<c> <Vd>, <vaddr>" },
  { name: "VLDR", pattern: "cccc1101UD01nnnndddd101ziiiiiiii", asm: "vldr<c> <Vd>, <vaddr>" },
  { name: "VPUSH", pattern: "cccc11010D101101dddd101ziiiiiiii", asm: "vpush<c> <vlist>" },
  { name: "VPOP", pattern: "cccc11001D111101dddd101ziiiiiiii", asm: "vpop<c> <vlist>" },
  { name: "VSTM", pattern: "cccc110PUDW0nnnndddd101ziiiiiiii", asm: "vstm<vam><c> <Rn><wb>, <vlist>" },
  { name: "VLDM", pattern: "cccc110PUDW1nnnndddd101ziiiiiiii", asm: "vldm<vam><c> <Rn><wb>, <vlist>" },

  // ---- Advanced SIMD element and structure loads/stores (A32 1111 0100 xxx0) ------------------------------
  { name: "VST_multi", pattern: "111101000D00nnnnddddoooozzaammmm", asm: "vst<nst>.<esize> <nlist>, <naddr>" },
  { name: "VLD_multi", pattern: "111101000D10nnnnddddoooozzaammmm", asm: "vld<nst>.<esize> <nlist>, <naddr>" },
  { name: "VLD_all", pattern: "111101001D10nnnndddd11NNzzTammmm", asm: "vld<nall>.<esize> <nlist>, <naddr>" },
  { name: "VST_lane", pattern: "111101001D00nnnnddddzzNNiiiimmmm", asm: "vst<nall>.<esize> <nlist>, <naddr>" },
  { name: "VLD_lane", pattern: "111101001D10nnnnddddzzNNiiiimmmm", asm: "vld<nall>.<esize> <nlist>, <naddr>" },

  // ---- Advanced SIMD data processing (A32 1111 001x) ----------------------------------------------------------
  { name: "VMOV_imm_simd", pattern: "1111001a1D000bbbddddoooo0Qp1iiii", asm: "vmov.<cmode> <Qd>, <simdimm>" },
  { name: "VAND", pattern: "111100100D00nnnndddd0001NQM1mmmm", asm: "vand <Qd>, <Qn>, <Qm>" },
  { name: "VBIC", pattern: "111100100D01nnnndddd0001NQM1mmmm", asm: "vbic <Qd>, <Qn>, <Qm>" },
  { name: "VORR", pattern: "111100100D10nnnndddd0001NQM1mmmm", asm: "vorr <Qd>, <Qn>, <Qm>" },
  { name: "VORN", pattern: "111100100D11nnnndddd0001NQM1mmmm", asm: "vorn <Qd>, <Qn>, <Qm>" },
  { name: "VEOR", pattern: "111100110D00nnnndddd0001NQM1mmmm", asm: "veor <Qd>, <Qn>, <Qm>" },
  { name: "VBSL", pattern: "111100110D01nnnndddd0001NQM1mmmm", asm: "vbsl <Qd>, <Qn>, <Qm>" },
  { name: "VBIT", pattern: "111100110D10nnnndddd0001NQM1mmmm", asm: "vbit <Qd>, <Qn>, <Qm>" },
  { name: "VBIF", pattern: "111100110D11nnnndddd0001NQM1mmmm", asm: "vbif <Qd>, <Qn>, <Qm>" },
  { name: "VHADD", pattern: "1111001U0Dzznnnndddd0000NQM0mmmm", asm: "vhadd.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VQADD", pattern: "1111001U0Dzznnnndddd0000NQM1mmmm", asm: "vqadd.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VRHADD", pattern: "1111001U0Dzznnnndddd0001NQM0mmmm", asm: "vrhadd.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VHSUB", pattern: "1111001U0Dzznnnndddd0010NQM0mmmm", asm: "vhsub.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VQSUB", pattern: "1111001U0Dzznnnndddd0010NQM1mmmm", asm: "vqsub.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VCGT", pattern: "1111001U0Dzznnnndddd0011NQM0mmmm", asm: "vcgt.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VCGE", pattern: "1111001U0Dzznnnndddd0011NQM1mmmm", asm: "vcge.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VSHL_reg", pattern: "1111001U0Dzznnnndddd0100NQM0mmmm", asm: "vshl.<sdt> <Qd>, <Qm>, <Qn>" },
  { name: "VQSHL_reg", pattern: "1111001U0Dzznnnndddd0100NQM1mmmm", asm: "vqshl.<sdt> <Qd>, <Qm>, <Qn>" },
  { name: "VRSHL", pattern: "1111001U0Dzznnnndddd0101NQM0mmmm", asm: "vrshl.<sdt> <Qd>, <Qm>, <Qn>" },
  { name: "VQRSHL", pattern: "1111001U0Dzznnnndddd0101NQM1mmmm", asm: "vqrshl.<sdt> <Qd>, <Qm>, <Qn>" },
  { name: "VMAX", pattern: "1111001U0Dzznnnndddd0110NQM0mmmm", asm: "vmax.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VMIN", pattern: "1111001U0Dzznnnndddd0110NQM1mmmm", asm: "vmin.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VABD", pattern: "1111001U0Dzznnnndddd0111NQM0mmmm", asm: "vabd.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VABA", pattern: "1111001U0Dzznnnndddd0111NQM1mmmm", asm: "vaba.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VADD_int", pattern: "111100100Dzznnnndddd1000NQM0mmmm", asm: "vadd.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VSUB_int", pattern: "111100110Dzznnnndddd1000NQM0mmmm", asm: "vsub.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VTST", pattern: "111100100Dzznnnndddd1000NQM1mmmm", asm: "vtst.<esize> <Qd>, <Qn>, <Qm>" },
  { name: "VCEQ", pattern: "111100110Dzznnnndddd1000NQM1mmmm", asm: "vceq.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VMLA_int", pattern: "111100100Dzznnnndddd1001NQM0mmmm", asm: "vmla.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VMLS_int", pattern: "111100110Dzznnnndddd1001NQM0mmmm", asm: "vmls.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VMUL_int", pattern: "111100100Dzznnnndddd1001NQM1mmmm", asm: "vmul.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VPMAX", pattern: "1111001U0Dzznnnndddd1010N0M0mmmm", asm: "vpmax.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VPMIN", pattern: "1111001U0Dzznnnndddd1010N0M1mmmm", asm: "vpmin.<sdt> <Qd>, <Qn>, <Qm>" },
  { name: "VPADD_int", pattern: "111100100Dzznnnndddd1011N0M1mmmm", asm: "vpadd.<idt8> <Qd>, <Qn>, <Qm>" },
  { name: "VSHR", pattern: "1111001U1Diiiiiidddd0000LQM1mmmm", asm: "vshr.<shdt> <Qd>, <Qm>, <shr>" },
  { name: "VSRA", pattern: "1111001U1Diiiiiidddd0001LQM1mmmm", asm: "vsra.<shdt> <Qd>, <Qm>, <shr>" },
  { name: "VSHL_imm", pattern: "111100101Diiiiiidddd0101LQM1mmmm", asm: "vshl.<shdti> <Qd>, <Qm>, <shl>" },
];
