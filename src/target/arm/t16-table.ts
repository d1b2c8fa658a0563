// THE T16 (16-bit Thumb) decode table, ARMv7-A, in the ARM ARM's encoding diagrams. Read by the
// decoder, the disassembler and the translator (`t16_<name>`), like a32-table.ts.
//
// Field letters: d Rd   n Rn   m Rm   t Rt   i immediate   R register list   c cond   D the high
// bit of Rd (D:ddd)   M PUSH's LR bit   P POP's PC bit   o an opcode field   E endianness
// Data-processing instructions set the flags outside an IT block only (`{s}` in the templates);
// inside one they take the block's condition (`<c>`).
import type { BitEntry } from "./bitstring";

export const T16_TABLE: readonly BitEntry[] = [
  // ---- shift (immediate), add, subtract, move, compare ------------------------------------------
  { name: "MOV_reg_T2", pattern: "0000000000mmmddd", asm: "movs <Rd>, <Rm>" },
  { name: "LSL_imm", pattern: "00000iiiiimmmddd", asm: "lsl{s}<c> <Rd>, <Rm>, <imm>" },
  { name: "LSR_imm", pattern: "00001iiiiimmmddd", asm: "lsr{s}<c> <Rd>, <Rm>, <imm5_32>" },
  { name: "ASR_imm", pattern: "00010iiiiimmmddd", asm: "asr{s}<c> <Rd>, <Rm>, <imm5_32>" },
  { name: "ADD_reg", pattern: "0001100mmmnnnddd", asm: "add{s}<c> <Rd>, <Rn>, <Rm>" },
  { name: "SUB_reg", pattern: "0001101mmmnnnddd", asm: "sub{s}<c> <Rd>, <Rn>, <Rm>" },
  { name: "ADD_imm3", pattern: "0001110iiinnnddd", asm: "add{s}<c> <Rd>, <Rn>, <imm>" },
  { name: "SUB_imm3", pattern: "0001111iiinnnddd", asm: "sub{s}<c> <Rd>, <Rn>, <imm>" },
  { name: "MOV_imm", pattern: "00100dddiiiiiiii", asm: "mov{s}<c> <Rd>, <imm>" },
  { name: "CMP_imm", pattern: "00101nnniiiiiiii", asm: "cmp<c> <Rn>, <imm>" },
  { name: "ADD_imm8", pattern: "00110dddiiiiiiii", asm: "add{s}<c> <Rd>, <imm>" },
  { name: "SUB_imm8", pattern: "00111dddiiiiiiii", asm: "sub{s}<c> <Rd>, <imm>" },

  // ---- data processing (register) ---------------------------------------------------------------
  { name: "AND_reg", pattern: "0100000000mmmddd", asm: "and{s}<c> <Rd>, <Rm>" },
  { name: "EOR_reg", pattern: "0100000001mmmddd", asm: "eor{s}<c> <Rd>, <Rm>" },
  { name: "LSL_reg", pattern: "0100000010mmmddd", asm: "lsl{s}<c> <Rd>, <Rm>" },
  { name: "LSR_reg", pattern: "0100000011mmmddd", asm: "lsr{s}<c> <Rd>, <Rm>" },
  { name: "ASR_reg", pattern: "0100000100mmmddd", asm: "asr{s}<c> <Rd>, <Rm>" },
  { name: "ADC_reg", pattern: "0100000101mmmddd", asm: "adc{s}<c> <Rd>, <Rm>" },
  { name: "SBC_reg", pattern: "0100000110mmmddd", asm: "sbc{s}<c> <Rd>, <Rm>" },
  { name: "ROR_reg", pattern: "0100000111mmmddd", asm: "ror{s}<c> <Rd>, <Rm>" },
  { name: "TST_reg", pattern: "0100001000mmmnnn", asm: "tst<c> <Rn>, <Rm>" },
  { name: "RSB_imm", pattern: "0100001001nnnddd", asm: "rsb{s}<c> <Rd>, <Rn>, #0" },
  { name: "CMP_reg", pattern: "0100001010mmmnnn", asm: "cmp<c> <Rn>, <Rm>" },
  { name: "CMN_reg", pattern: "0100001011mmmnnn", asm: "cmn<c> <Rn>, <Rm>" },
  { name: "ORR_reg", pattern: "0100001100mmmddd", asm: "orr{s}<c> <Rd>, <Rm>" },
  { name: "MUL", pattern: "0100001101nnnddd", asm: "mul{s}<c> <Rd>, <Rn>, <Rd>" },
  { name: "BIC_reg", pattern: "0100001110mmmddd", asm: "bic{s}<c> <Rd>, <Rm>" },
  { name: "MVN_reg", pattern: "0100001111mmmddd", asm: "mvn{s}<c> <Rd>, <Rm>" },

  // ---- special data processing and branch/exchange ------------------------------------------------
  { name: "ADD_reg_T2", pattern: "01000100DmmmmDDD", asm: "add<c> <RD>, <Rm>" },
  { name: "CMP_reg_T2", pattern: "01000101NmmmmNNN", asm: "cmp<c> <RN>, <Rm>" },
  { name: "MOV_reg", pattern: "01000110DmmmmDDD", asm: "mov<c> <RD>, <Rm>" },
  { name: "BX", pattern: "010001110mmmm000", asm: "bx<c> <Rm>" },
  { name: "BLX_reg", pattern: "010001111mmmm000", asm: "blx<c> <Rm>" },
  { name: "LDR_lit", pattern: "01001tttiiiiiiii", asm: "ldr<c> <Rt>, <lit8>" },

  // ---- load/store single data item ----------------------------------------------------------------
  { name: "STR_reg", pattern: "0101000mmmnnnttt", asm: "str<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "STRH_reg", pattern: "0101001mmmnnnttt", asm: "strh<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "STRB_reg", pattern: "0101010mmmnnnttt", asm: "strb<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "LDRSB_reg", pattern: "0101011mmmnnnttt", asm: "ldrsb<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "LDR_reg", pattern: "0101100mmmnnnttt", asm: "ldr<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "LDRH_reg", pattern: "0101101mmmnnnttt", asm: "ldrh<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "LDRB_reg", pattern: "0101110mmmnnnttt", asm: "ldrb<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "LDRSH_reg", pattern: "0101111mmmnnnttt", asm: "ldrsh<c> <Rt>, [<Rn>, <Rm>]" },
  { name: "STR_imm", pattern: "01100iiiiinnnttt", asm: "str<c> <Rt>, <addr_i5x4>" },
  { name: "LDR_imm", pattern: "01101iiiiinnnttt", asm: "ldr<c> <Rt>, <addr_i5x4>" },
  { name: "STRB_imm", pattern: "01110iiiiinnnttt", asm: "strb<c> <Rt>, <addr_i5>" },
  { name: "LDRB_imm", pattern: "01111iiiiinnnttt", asm: "ldrb<c> <Rt>, <addr_i5>" },
  { name: "STRH_imm", pattern: "10000iiiiinnnttt", asm: "strh<c> <Rt>, <addr_i5x2>" },
  { name: "LDRH_imm", pattern: "10001iiiiinnnttt", asm: "ldrh<c> <Rt>, <addr_i5x2>" },
  { name: "STR_sp", pattern: "10010tttiiiiiiii", asm: "str<c> <Rt>, <addr_sp>" },
  { name: "LDR_sp", pattern: "10011tttiiiiiiii", asm: "ldr<c> <Rt>, <addr_sp>" },

  // ---- PC/SP-relative addresses ---------------------------------------------------------------------
  { name: "ADR", pattern: "10100dddiiiiiiii", asm: "adr<c> <Rd>, <imm8x4>" },
  { name: "ADD_sp_imm", pattern: "10101dddiiiiiiii", asm: "add<c> <Rd>, sp, <imm8x4>" },

  // ---- miscellaneous ----------------------------------------------------------------------------------
  { name: "ADD_sp_sp", pattern: "101100000iiiiiii", asm: "add<c> sp, <imm8x4>" },
  { name: "SUB_sp_sp", pattern: "101100001iiiiiii", asm: "sub<c> sp, <imm8x4>" },
  { name: "CBZ", pattern: "101100i1iiiiinnn", asm: "cbz <Rn>, <cblabel>" },
  { name: "CBNZ", pattern: "101110i1iiiiinnn", asm: "cbnz <Rn>, <cblabel>" },
  { name: "SXTH", pattern: "1011001000mmmddd", asm: "sxth<c> <Rd>, <Rm>" },
  { name: "SXTB", pattern: "1011001001mmmddd", asm: "sxtb<c> <Rd>, <Rm>" },
  { name: "UXTH", pattern: "1011001010mmmddd", asm: "uxth<c> <Rd>, <Rm>" },
  { name: "UXTB", pattern: "1011001011mmmddd", asm: "uxtb<c> <Rd>, <Rm>" },
  { name: "PUSH", pattern: "1011010MRRRRRRRR", asm: "push<c> <pushlist>" },
  { name: "SETEND", pattern: "101101100101E000", asm: "setend <endian>" },
  { name: "REV", pattern: "1011101000mmmddd", asm: "rev<c> <Rd>, <Rm>" },
  { name: "REV16", pattern: "1011101001mmmddd", asm: "rev16<c> <Rd>, <Rm>" },
  { name: "REVSH", pattern: "1011101011mmmddd", asm: "revsh<c> <Rd>, <Rm>" },
  { name: "POP", pattern: "1011110PRRRRRRRR", asm: "pop<c> <poplist>" },
  { name: "BKPT", pattern: "10111110iiiiiiii", asm: "bkpt <imm>" },
  { name: "NOP", pattern: "1011111100000000", asm: "nop<c>" },
  { name: "YIELD", pattern: "1011111100010000", asm: "yield<c>" },
  { name: "WFE", pattern: "1011111100100000", asm: "wfe<c>" },
  { name: "WFI", pattern: "1011111100110000", asm: "wfi<c>" },
  { name: "SEV", pattern: "1011111101000000", asm: "sev<c>" },
  { name: "HINT", pattern: "10111111iiii0000", asm: "hint<c> <imm>" },
  { name: "IT", pattern: "10111111ccccoooo", asm: "it<itmask> <firstcond>" },

  // ---- load/store multiple, conditional branch, supervisor call, unconditional branch -----------------
  { name: "STM", pattern: "11000nnnRRRRRRRR", asm: "stm<c> <Rn>!, <registers>" },
  { name: "LDM", pattern: "11001nnnRRRRRRRR", asm: "ldm<c> <Rn><ldmwb>, <registers>" },
  { name: "UDF", pattern: "11011110iiiiiiii", asm: "udf <imm>" },
  { name: "SVC", pattern: "11011111iiiiiiii", asm: "svc<c> <imm>" },
  { name: "B_cond", pattern: "1101cccciiiiiiii", asm: "b<c> <label8>" },
  { name: "B", pattern: "11100iiiiiiiiiii", asm: "b<c> <label11>" },
];
