// The i386 opcode map, written like the Intel SDM's Appendix A tables: one source of truth for the
// decoder (decode.ts), the AT&T disassembler (disas.ts), the translator's dispatch (translate/) and
// the decoder fuzzer, which draws encodings from these tables.
//
// Operand letters (SDM A.2): E = ModRM r/m, G = ModRM reg, M = ModRM memory only, R = ModRM
// register only, S = segment register in ModRM reg, I = immediate, J = relative branch target,
// O = moffs (absolute address), X = DS:eSI string source, Y = ES:eDI string destination,
// A = far pointer. Sizes: b byte, w word, d dword, v word or dword (operand size), z the same for
// immediates, q qword, p far pointer, t 80-bit. Extras here: "Ibs" an imm8 sign-extended to the
// operand size, "Zb"/"Zv" the register in the opcode's low 3 bits, "AL"/"CL"/"DX"/"eAX" fixed
// registers, "1" the constant 1, "Sreg:<n>" a fixed segment register.
//
// `cc` is the condition (0-15, SDM order o no b ae e ne be a s ns p np l ge le g) of jcc/setcc/cmovcc.

export interface OpEntry {
  mnem: string;
  operands: string[];
  cc?: number;
  /** the instruction is invalid with a LOCK prefix unless this is set */
  lockable?: boolean;
  /** ends a translation block (control transfer, or changes state the translator assumed) */
  endsTb?: boolean;
}

export type MapEntry = OpEntry | { group: (OpEntry | null)[]; operands?: string } | null;

const e = (mnem: string, ops = "", extra: Partial<OpEntry> = {}): OpEntry => ({
  mnem,
  operands: ops ? ops.split(",") : [],
  ...extra,
});
const L = { lockable: true };
const END = { endsTb: true };

export const CC_NAMES = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"];

/** The eight ALU ops of 00-3F and group 1, in opcode order. */
const ALU = ["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"];
const SHIFT = ["rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar"];

function grp(ops: string, names: (string | null)[], extra: (n: string) => Partial<OpEntry> = () => ({})): MapEntry {
  return { group: names.map((n) => (n === null ? null : e(n, ops, extra(n)))) };
}

export const ONE_BYTE: MapEntry[] = new Array(256).fill(null);
export const TWO_BYTE: MapEntry[] = new Array(256).fill(null);

for (let i = 0; i < 8; i++) {
  const m = ALU[i];
  const lk = m === "cmp" ? {} : L;
  ONE_BYTE[i * 8 + 0] = e(m, "Eb,Gb", lk);
  ONE_BYTE[i * 8 + 1] = e(m, "Ev,Gv", lk);
  ONE_BYTE[i * 8 + 2] = e(m, "Gb,Eb");
  ONE_BYTE[i * 8 + 3] = e(m, "Gv,Ev");
  ONE_BYTE[i * 8 + 4] = e(m, "AL,Ib");
  ONE_BYTE[i * 8 + 5] = e(m, "eAX,Iz");
}
ONE_BYTE[0x06] = e("push", "Sreg:0");
ONE_BYTE[0x07] = e("pop", "Sreg:0", END);
ONE_BYTE[0x0e] = e("push", "Sreg:1");
ONE_BYTE[0x16] = e("push", "Sreg:2");
ONE_BYTE[0x17] = e("pop", "Sreg:2", END);
ONE_BYTE[0x1e] = e("push", "Sreg:3");
ONE_BYTE[0x1f] = e("pop", "Sreg:3", END);
ONE_BYTE[0x27] = e("daa");
ONE_BYTE[0x2f] = e("das");
ONE_BYTE[0x37] = e("aaa");
ONE_BYTE[0x3f] = e("aas");
for (let r = 0; r < 8; r++) {
  ONE_BYTE[0x40 + r] = e("inc", "Zv");
  ONE_BYTE[0x48 + r] = e("dec", "Zv");
  ONE_BYTE[0x50 + r] = e("push", "Zv");
  ONE_BYTE[0x58 + r] = e("pop", "Zv");
  ONE_BYTE[0x90 + r] = r === 0 ? e("nop") : e("xchg", "Zv,eAX");
  ONE_BYTE[0xb0 + r] = e("mov", "Zb,Ib");
  ONE_BYTE[0xb8 + r] = e("mov", "Zv,Iv");
}
ONE_BYTE[0x60] = e("pusha");
ONE_BYTE[0x61] = e("popa");
ONE_BYTE[0x62] = e("bound", "Gv,M");
ONE_BYTE[0x68] = e("push", "Iz");
ONE_BYTE[0x69] = e("imul", "Gv,Ev,Iz");
ONE_BYTE[0x6a] = e("push", "Ibs");
ONE_BYTE[0x6b] = e("imul", "Gv,Ev,Ibs");
for (let c = 0; c < 16; c++) ONE_BYTE[0x70 + c] = e("j" + CC_NAMES[c], "Jb", { cc: c, endsTb: true });
ONE_BYTE[0x80] = grp("Eb,Ib", ALU, (n) => (n === "cmp" ? {} : L));
ONE_BYTE[0x81] = grp("Ev,Iz", ALU, (n) => (n === "cmp" ? {} : L));
ONE_BYTE[0x82] = grp("Eb,Ib", ALU, (n) => (n === "cmp" ? {} : L));
ONE_BYTE[0x83] = grp("Ev,Ibs", ALU, (n) => (n === "cmp" ? {} : L));
ONE_BYTE[0x84] = e("test", "Eb,Gb");
ONE_BYTE[0x85] = e("test", "Ev,Gv");
ONE_BYTE[0x86] = e("xchg", "Eb,Gb", L);
ONE_BYTE[0x87] = e("xchg", "Ev,Gv", L);
ONE_BYTE[0x88] = e("mov", "Eb,Gb");
ONE_BYTE[0x89] = e("mov", "Ev,Gv");
ONE_BYTE[0x8a] = e("mov", "Gb,Eb");
ONE_BYTE[0x8b] = e("mov", "Gv,Ev");
ONE_BYTE[0x8c] = e("mov", "Ev,Sw");
ONE_BYTE[0x8d] = e("lea", "Gv,M");
ONE_BYTE[0x8e] = e("mov", "Sw,Ew", END);
ONE_BYTE[0x8f] = grp("Ev", ["pop", null, null, null, null, null, null, null]);
ONE_BYTE[0x98] = e("cwtl"); // cbw with 0x66
ONE_BYTE[0x99] = e("cltd"); // cwd with 0x66
ONE_BYTE[0x9a] = e("lcall", "Ap", END);
ONE_BYTE[0x9b] = e("fwait");
ONE_BYTE[0x9c] = e("pushf");
ONE_BYTE[0x9d] = e("popf", "", END);
ONE_BYTE[0x9e] = e("sahf");
ONE_BYTE[0x9f] = e("lahf");
ONE_BYTE[0xa0] = e("mov", "AL,Ob");
ONE_BYTE[0xa1] = e("mov", "eAX,Ov");
ONE_BYTE[0xa2] = e("mov", "Ob,AL");
ONE_BYTE[0xa3] = e("mov", "Ov,eAX");
ONE_BYTE[0xa4] = e("movs", "Yb,Xb");
ONE_BYTE[0xa5] = e("movs", "Yv,Xv");
ONE_BYTE[0xa6] = e("cmps", "Xb,Yb");
ONE_BYTE[0xa7] = e("cmps", "Xv,Yv");
ONE_BYTE[0xa8] = e("test", "AL,Ib");
ONE_BYTE[0xa9] = e("test", "eAX,Iz");
ONE_BYTE[0xaa] = e("stos", "Yb,AL");
ONE_BYTE[0xab] = e("stos", "Yv,eAX");
ONE_BYTE[0xac] = e("lods", "AL,Xb");
ONE_BYTE[0xad] = e("lods", "eAX,Xv");
ONE_BYTE[0xae] = e("scas", "AL,Yb");
ONE_BYTE[0xaf] = e("scas", "eAX,Yv");
ONE_BYTE[0xc0] = grp("Eb,Ib", SHIFT);
ONE_BYTE[0xc1] = grp("Ev,Ib", SHIFT);
ONE_BYTE[0xc2] = e("ret", "Iw", END);
ONE_BYTE[0xc3] = e("ret", "", END);
ONE_BYTE[0xc4] = e("les", "Gv,Mp", END);
ONE_BYTE[0xc5] = e("lds", "Gv,Mp", END);
ONE_BYTE[0xc6] = grp("Eb,Ib", ["mov", null, null, null, null, null, null, null]);
ONE_BYTE[0xc7] = grp("Ev,Iz", ["mov", null, null, null, null, null, null, null]);
ONE_BYTE[0xc8] = e("enter", "Iw,Ib");
ONE_BYTE[0xc9] = e("leave");
ONE_BYTE[0xca] = e("lret", "Iw", END);
ONE_BYTE[0xcb] = e("lret", "", END);
ONE_BYTE[0xcc] = e("int3", "", END);
ONE_BYTE[0xcd] = e("int", "Ib", END);
ONE_BYTE[0xce] = e("into", "", END);
ONE_BYTE[0xcf] = e("iret", "", END);
ONE_BYTE[0xd0] = grp("Eb,1", SHIFT);
ONE_BYTE[0xd1] = grp("Ev,1", SHIFT);
ONE_BYTE[0xd2] = grp("Eb,CL", SHIFT);
ONE_BYTE[0xd3] = grp("Ev,CL", SHIFT);
ONE_BYTE[0xd4] = e("aam", "Ib");
ONE_BYTE[0xd5] = e("aad", "Ib");
ONE_BYTE[0xd6] = e("salc");
ONE_BYTE[0xd7] = e("xlat");
// 0xd8-0xdf: x87 escape, decoded by the X87 tables below
ONE_BYTE[0xe0] = e("loopne", "Jb", END);
ONE_BYTE[0xe1] = e("loope", "Jb", END);
ONE_BYTE[0xe2] = e("loop", "Jb", END);
ONE_BYTE[0xe3] = e("jecxz", "Jb", END);
ONE_BYTE[0xe4] = e("in", "AL,Ib", END);
ONE_BYTE[0xe5] = e("in", "eAX,Ib", END);
ONE_BYTE[0xe6] = e("out", "Ib,AL", END);
ONE_BYTE[0xe7] = e("out", "Ib,eAX", END);
ONE_BYTE[0xe8] = e("call", "Jz", END);
ONE_BYTE[0xe9] = e("jmp", "Jz", END);
ONE_BYTE[0xea] = e("ljmp", "Ap", END);
ONE_BYTE[0xeb] = e("jmp", "Jb", END);
ONE_BYTE[0xec] = e("in", "AL,DX", END);
ONE_BYTE[0xed] = e("in", "eAX,DX", END);
ONE_BYTE[0xee] = e("out", "DX,AL", END);
ONE_BYTE[0xef] = e("out", "DX,eAX", END);
ONE_BYTE[0xf1] = e("int1", "", END);
ONE_BYTE[0xf4] = e("hlt", "", END);
ONE_BYTE[0xf5] = e("cmc");
ONE_BYTE[0xf6] = grp("Eb", ["test", "test", "not", "neg", "mul", "imul", "div", "idiv"], (n) => (n === "not" || n === "neg" ? L : {}));
ONE_BYTE[0xf7] = grp("Ev", ["test", "test", "not", "neg", "mul", "imul", "div", "idiv"], (n) => (n === "not" || n === "neg" ? L : {}));
ONE_BYTE[0xf8] = e("clc");
ONE_BYTE[0xf9] = e("stc");
ONE_BYTE[0xfa] = e("cli", "", END);
ONE_BYTE[0xfb] = e("sti", "", END);
ONE_BYTE[0xfc] = e("cld");
ONE_BYTE[0xfd] = e("std");
ONE_BYTE[0xfe] = grp("Eb", ["inc", "dec", null, null, null, null, null, null], () => L);
ONE_BYTE[0xff] = {
  group: [
    e("inc", "Ev", L), e("dec", "Ev", L), e("call", "*Ev", END), e("lcall", "*Mp", END),
    e("jmp", "*Ev", END), e("ljmp", "*Mp", END), e("push", "Ev"), null,
  ],
};
// test with an immediate operand (group 3 /0 and /1)
for (const op of [0xf6, 0xf7]) {
  const g = (ONE_BYTE[op] as { group: OpEntry[] }).group;
  const imm = op === 0xf6 ? "Ib" : "Iz";
  g[0] = e("test", `E${op === 0xf6 ? "b" : "v"},${imm}`);
  g[1] = e("test", `E${op === 0xf6 ? "b" : "v"},${imm}`);
}

// ---- two-byte map (0F xx) ----------------------------------------------------------------------
TWO_BYTE[0x05] = e("syscall", "", END);
TWO_BYTE[0x0b] = e("ud2", "", END);
TWO_BYTE[0x0d] = grp("M", ["prefetch", "prefetchw", "prefetch", "prefetch", "prefetch", "prefetch", "prefetch", "prefetch"]);
TWO_BYTE[0x18] = grp("M", ["prefetchnta", "prefetcht0", "prefetcht1", "prefetcht2", "nopl", "nopl", "nopl", "nopl"]);
for (let i = 0x19; i <= 0x1f; i++) TWO_BYTE[i] = e("nopl", "Ev");
TWO_BYTE[0x31] = e("rdtsc");
for (let c = 0; c < 16; c++) {
  TWO_BYTE[0x40 + c] = e("cmov" + CC_NAMES[c], "Gv,Ev", { cc: c });
  TWO_BYTE[0x80 + c] = e("j" + CC_NAMES[c], "Jz", { cc: c, endsTb: true });
  TWO_BYTE[0x90 + c] = e("set" + CC_NAMES[c], "Eb", { cc: c });
}
TWO_BYTE[0xa0] = e("push", "Sreg:4");
TWO_BYTE[0xa1] = e("pop", "Sreg:4", END);
TWO_BYTE[0xa2] = e("cpuid");
TWO_BYTE[0xa3] = e("bt", "Ev,Gv");
TWO_BYTE[0xa4] = e("shld", "Ev,Gv,Ib");
TWO_BYTE[0xa5] = e("shld", "Ev,Gv,CL");
TWO_BYTE[0xa8] = e("push", "Sreg:5");
TWO_BYTE[0xa9] = e("pop", "Sreg:5", END);
TWO_BYTE[0xab] = e("bts", "Ev,Gv", L);
TWO_BYTE[0xac] = e("shrd", "Ev,Gv,Ib");
TWO_BYTE[0xad] = e("shrd", "Ev,Gv,CL");
TWO_BYTE[0xae] = {
  group: [
    e("fxsave", "M"), e("fxrstor", "M"), e("ldmxcsr", "Md"), e("stmxcsr", "Md"),
    null, e("lfence"), e("mfence"), e("sfence"),
  ],
};
TWO_BYTE[0xaf] = e("imul", "Gv,Ev");
TWO_BYTE[0xb0] = e("cmpxchg", "Eb,Gb", L);
TWO_BYTE[0xb1] = e("cmpxchg", "Ev,Gv", L);
TWO_BYTE[0xb3] = e("btr", "Ev,Gv", L);
TWO_BYTE[0xb6] = e("movzb", "Gv,Eb");
TWO_BYTE[0xb7] = e("movzw", "Gv,Ew");
TWO_BYTE[0xba] = grp("Ev,Ib", [null, null, null, null, "bt", "bts", "btr", "btc"], (n) => (n === "bt" ? {} : L));
TWO_BYTE[0xbb] = e("btc", "Ev,Gv", L);
TWO_BYTE[0xbc] = e("bsf", "Gv,Ev");
TWO_BYTE[0xbd] = e("bsr", "Gv,Ev");
TWO_BYTE[0xbe] = e("movsb", "Gv,Eb");
TWO_BYTE[0xbf] = e("movsw", "Gv,Ew");
TWO_BYTE[0xc0] = e("xadd", "Eb,Gb", L);
TWO_BYTE[0xc1] = e("xadd", "Ev,Gv", L);
TWO_BYTE[0xc7] = grp("Mq", [null, "cmpxchg8b", null, null, null, null, null, null], () => L);
for (let r = 0; r < 8; r++) TWO_BYTE[0xc8 + r] = e("bswap", "Zv");

// ---- x87 (D8-DF) ---------------------------------------------------------------------------------
// Memory forms: X87_MEM[opcode - 0xd8][reg]. Register forms: X87_REG[opcode - 0xd8][reg] applies to
// all eight ST(i) (operands "ST,STi" or "STi,ST" or "STi"), unless X87_REG_FIXED names the exact
// ModRM byte (D9 E0 fchs ...).
const m = (mnem: string, ops: string) => e(mnem, ops);
export const X87_MEM: (OpEntry | null)[][] = [
  [m("fadds", "Md"), m("fmuls", "Md"), m("fcoms", "Md"), m("fcomps", "Md"), m("fsubs", "Md"), m("fsubrs", "Md"), m("fdivs", "Md"), m("fdivrs", "Md")],
  [m("flds", "Md"), null, m("fsts", "Md"), m("fstps", "Md"), m("fldenv", "M"), m("fldcw", "Mw"), m("fnstenv", "M"), m("fnstcw", "Mw")],
  [m("fiaddl", "Md"), m("fimull", "Md"), m("ficoml", "Md"), m("ficompl", "Md"), m("fisubl", "Md"), m("fisubrl", "Md"), m("fidivl", "Md"), m("fidivrl", "Md")],
  [m("fildl", "Md"), m("fisttpl", "Md"), m("fistl", "Md"), m("fistpl", "Md"), null, m("fldt", "Mt"), null, m("fstpt", "Mt")],
  [m("faddl", "Mq"), m("fmull", "Mq"), m("fcoml", "Mq"), m("fcompl", "Mq"), m("fsubl", "Mq"), m("fsubrl", "Mq"), m("fdivl", "Mq"), m("fdivrl", "Mq")],
  [m("fldl", "Mq"), m("fisttpll", "Mq"), m("fstl", "Mq"), m("fstpl", "Mq"), m("frstor", "M"), null, m("fnsave", "M"), m("fnstsw", "Mw")],
  [m("fiadds", "Mw"), m("fimuls", "Mw"), m("ficoms", "Mw"), m("ficomps", "Mw"), m("fisubs", "Mw"), m("fisubrs", "Mw"), m("fidivs", "Mw"), m("fidivrs", "Mw")],
  [m("filds", "Mw"), m("fisttps", "Mw"), m("fists", "Mw"), m("fistps", "Mw"), m("fbld", "Mt"), m("fildll", "Mq"), m("fbstp", "Mt"), m("fistpll", "Mq")],
];
export const X87_REG: (OpEntry | null)[][] = [
  [m("fadd", "ST,STi"), m("fmul", "ST,STi"), m("fcom", "STi"), m("fcomp", "STi"), m("fsub", "ST,STi"), m("fsubr", "ST,STi"), m("fdiv", "ST,STi"), m("fdivr", "ST,STi")],
  [m("fld", "STi"), m("fxch", "STi"), null, null, null, null, null, null],
  [m("fcmovb", "ST,STi"), m("fcmove", "ST,STi"), m("fcmovbe", "ST,STi"), m("fcmovu", "ST,STi"), null, null, null, null],
  [m("fcmovnb", "ST,STi"), m("fcmovne", "ST,STi"), m("fcmovnbe", "ST,STi"), m("fcmovnu", "ST,STi"), null, m("fucomi", "ST,STi"), m("fcomi", "ST,STi"), null],
  [m("fadd", "STi,ST"), m("fmul", "STi,ST"), null, null, m("fsubr", "STi,ST"), m("fsub", "STi,ST"), m("fdivr", "STi,ST"), m("fdiv", "STi,ST")],
  [m("ffree", "STi"), null, m("fst", "STi"), m("fstp", "STi"), m("fucom", "STi"), m("fucomp", "STi"), null, null],
  [m("faddp", "STi,ST"), m("fmulp", "STi,ST"), null, null, m("fsubrp", "STi,ST"), m("fsubp", "STi,ST"), m("fdivrp", "STi,ST"), m("fdivp", "STi,ST")],
  [m("ffreep", "STi"), null, null, null, null, m("fucomip", "ST,STi"), m("fcomip", "ST,STi"), null],
];
/** Register forms named by the whole ModRM byte: key = opcode << 8 | modrm. */
export const X87_REG_FIXED: Map<number, OpEntry> = new Map([
  [0xd9d0, m("fnop", "")],
  [0xd9e0, m("fchs", "")], [0xd9e1, m("fabs", "")], [0xd9e4, m("ftst", "")], [0xd9e5, m("fxam", "")],
  [0xd9e8, m("fld1", "")], [0xd9e9, m("fldl2t", "")], [0xd9ea, m("fldl2e", "")], [0xd9eb, m("fldpi", "")],
  [0xd9ec, m("fldlg2", "")], [0xd9ed, m("fldln2", "")], [0xd9ee, m("fldz", "")],
  [0xd9f0, m("f2xm1", "")], [0xd9f1, m("fyl2x", "")], [0xd9f2, m("fptan", "")], [0xd9f3, m("fpatan", "")],
  [0xd9f4, m("fxtract", "")], [0xd9f5, m("fprem1", "")], [0xd9f6, m("fdecstp", "")], [0xd9f7, m("fincstp", "")],
  [0xd9f8, m("fprem", "")], [0xd9f9, m("fyl2xp1", "")], [0xd9fa, m("fsqrt", "")], [0xd9fb, m("fsincos", "")],
  [0xd9fc, m("frndint", "")], [0xd9fd, m("fscale", "")], [0xd9fe, m("fsin", "")], [0xd9ff, m("fcos", "")],
  [0xdae9, m("fucompp", "")],
  [0xdbe2, m("fnclex", "")], [0xdbe3, m("fninit", "")],
  [0xded9, m("fcompp", "")],
  [0xdfe0, m("fnstsw", "AX")],
]);
