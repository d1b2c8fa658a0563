// THE VFP and Advanced SIMD decode table (coprocessors 10 and 11, and the unconditional SIMD
// spaces), in A32 form: T32 words are mapped onto it by the decoder (VFP encodings are the A32
// ones with cond = 1110; T32 SIMD data processing 111U1111... is A32 1111001U...). Same format
// as a32-table.ts; translators are `vfp_<name>`.
//
// Field letters: c cond   z sz (1: double precision)   d n m register numbers with their extra
// bits D N M (Dd = D:d, Sd = d:D)   t Rt   e Rt2 (two-register moves: n)   i immediates
// P U W index bits   o opcode bits   r the FPSCR/system register number   x sx (fixed-point size)
// a the low bit of a fixed-point imm5 (imm4:a)   E VCMPE   u unsigned
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
  { name: "VMOV_2core_2sp", pattern: "cccc1100010onnnntttt101000M1mmmm", asm: "vmov<c> <core2sp>" },
  { name: "VMOV_2core_dp", pattern: "cccc1100010onnnntttt101100M1mmmm", asm: "vmov<c> <core2dp>" },

  // ---- loads and stores ------------------------------------------------------------------------------------------
  { name: "VSTR", pattern: "cccc1101UD00nnnndddd101ziiiiiiii", asm: "vstr<c> <Vd>, <vaddr>" },
  { name: "VLDR", pattern: "cccc1101UD01nnnndddd101ziiiiiiii", asm: "vldr<c> <Vd>, <vaddr>" },
  { name: "VPUSH", pattern: "cccc11010D101101dddd101ziiiiiiii", asm: "vpush<c> <vlist>" },
  { name: "VPOP", pattern: "cccc11001D111101dddd101ziiiiiiii", asm: "vpop<c> <vlist>" },
  { name: "VSTM", pattern: "cccc110PUDW0nnnndddd101ziiiiiiii", asm: "vstm<vam><c> <Rn><wb>, <vlist>" },
  { name: "VLDM", pattern: "cccc110PUDW1nnnndddd101ziiiiiiii", asm: "vldm<vam><c> <Rn><wb>, <vlist>" },
];
