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
  /** MMX/SSE instruction: the disassembler prints its mnemonic without an operand-size suffix */
  simd?: boolean;
}

export type MapEntry =
  | OpEntry
  | { group: (OpEntry | null)[]; operands?: string }
  /** SSE: the entry chosen by the mandatory prefix, in the order none, 66, F3, F2 */
  | { prefixed: [MapEntry, MapEntry, MapEntry, MapEntry] }
  /** the entry depends on ModRM.mod: memory form, register form (movlps/movhlps, clflush/sfence) */
  | { memReg: [OpEntry | null, OpEntry | null] }
  | null;

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

// ---- MMX, SSE, SSE2 (0F xx with the mandatory prefixes none / 66 / F3 / F2) ----------------------------
// Operand letters (SDM A.2): V = XMM register in ModRM.reg, W = XMM register or memory in ModRM.r/m,
// U = XMM register in r/m (register form only), P = MMX register in ModRM.reg, Q = MMX register or
// memory, N = MMX register in r/m. Sizes: ps/pd/x 128 bits, ss/d 32, sd/q 64; "Ey" a 32-bit
// general register or memory.
const S = { simd: true };
const s = (mnem: string, ops = ""): OpEntry => e(mnem, ops, S);
/** none / 66 / F3 / F2 forms; null where the prefix makes the opcode undefined */
const pfx = (none: MapEntry, p66: MapEntry = null, f3: MapEntry = null, f2: MapEntry = null): MapEntry => ({
  prefixed: [none, p66, f3, f2],
});
/** the four arithmetic forms ps / pd / ss / sd of 0F 51, 58-5F */
const arith4 = (m: string): MapEntry => pfx(s(m + "ps", "Vps,Wps"), s(m + "pd", "Vpd,Wpd"), s(m + "ss", "Vss,Wss"), s(m + "sd", "Vsd,Wsd"));
/** an MMX form (Pq,Qq) and its SSE2 form (66: Vx,Wx) */
const mmxSse = (m: string, mmx = true): MapEntry => pfx(mmx ? s(m, "Pq,Qq") : null, s(m, "Vx,Wx"));

TWO_BYTE[0x10] = pfx(s("movups", "Vps,Wps"), s("movupd", "Vpd,Wpd"), s("movss", "Vss,Wss"), s("movsd", "Vsd,Wsd"));
TWO_BYTE[0x11] = pfx(s("movups", "Wps,Vps"), s("movupd", "Wpd,Vpd"), s("movss", "Wss,Vss"), s("movsd", "Wsd,Vsd"));
TWO_BYTE[0x12] = pfx({ memReg: [s("movlps", "Vq,Mq"), s("movhlps", "Vq,Uq")] }, s("movlpd", "Vq,Mq"));
TWO_BYTE[0x13] = pfx(s("movlps", "Mq,Vq"), s("movlpd", "Mq,Vq"));
TWO_BYTE[0x14] = pfx(s("unpcklps", "Vps,Wps"), s("unpcklpd", "Vpd,Wpd"));
TWO_BYTE[0x15] = pfx(s("unpckhps", "Vps,Wps"), s("unpckhpd", "Vpd,Wpd"));
TWO_BYTE[0x16] = pfx({ memReg: [s("movhps", "Vq,Mq"), s("movlhps", "Vq,Uq")] }, s("movhpd", "Vq,Mq"));
TWO_BYTE[0x17] = pfx(s("movhps", "Mq,Vq"), s("movhpd", "Mq,Vq"));
TWO_BYTE[0x28] = pfx(s("movaps", "Vps,Wps"), s("movapd", "Vpd,Wpd"));
TWO_BYTE[0x29] = pfx(s("movaps", "Wps,Vps"), s("movapd", "Wpd,Vpd"));
TWO_BYTE[0x2a] = pfx(s("cvtpi2ps", "Vps,Qq"), s("cvtpi2pd", "Vpd,Qq"), s("cvtsi2ss", "Vss,Ed"), s("cvtsi2sd", "Vsd,Ed"));
TWO_BYTE[0x2b] = pfx(s("movntps", "Mps,Vps"), s("movntpd", "Mpd,Vpd"));
TWO_BYTE[0x2c] = pfx(s("cvttps2pi", "Pq,Wq"), s("cvttpd2pi", "Pq,Wpd"), s("cvttss2si", "Gd,Wss"), s("cvttsd2si", "Gd,Wsd"));
TWO_BYTE[0x2d] = pfx(s("cvtps2pi", "Pq,Wq"), s("cvtpd2pi", "Pq,Wpd"), s("cvtss2si", "Gd,Wss"), s("cvtsd2si", "Gd,Wsd"));
TWO_BYTE[0x2e] = pfx(s("ucomiss", "Vss,Wss"), s("ucomisd", "Vsd,Wsd"));
TWO_BYTE[0x2f] = pfx(s("comiss", "Vss,Wss"), s("comisd", "Vsd,Wsd"));
TWO_BYTE[0x50] = pfx(s("movmskps", "Gd,Ups"), s("movmskpd", "Gd,Upd"));
TWO_BYTE[0x51] = arith4("sqrt");
TWO_BYTE[0x52] = pfx(s("rsqrtps", "Vps,Wps"), null, s("rsqrtss", "Vss,Wss"));
TWO_BYTE[0x53] = pfx(s("rcpps", "Vps,Wps"), null, s("rcpss", "Vss,Wss"));
TWO_BYTE[0x54] = pfx(s("andps", "Vps,Wps"), s("andpd", "Vpd,Wpd"));
TWO_BYTE[0x55] = pfx(s("andnps", "Vps,Wps"), s("andnpd", "Vpd,Wpd"));
TWO_BYTE[0x56] = pfx(s("orps", "Vps,Wps"), s("orpd", "Vpd,Wpd"));
TWO_BYTE[0x57] = pfx(s("xorps", "Vps,Wps"), s("xorpd", "Vpd,Wpd"));
TWO_BYTE[0x58] = arith4("add");
TWO_BYTE[0x59] = arith4("mul");
TWO_BYTE[0x5a] = pfx(s("cvtps2pd", "Vpd,Wq"), s("cvtpd2ps", "Vps,Wpd"), s("cvtss2sd", "Vsd,Wss"), s("cvtsd2ss", "Vss,Wsd"));
TWO_BYTE[0x5b] = pfx(s("cvtdq2ps", "Vps,Wx"), s("cvtps2dq", "Vx,Wps"), s("cvttps2dq", "Vx,Wps"));
TWO_BYTE[0x5c] = arith4("sub");
TWO_BYTE[0x5d] = arith4("min");
TWO_BYTE[0x5e] = arith4("div");
TWO_BYTE[0x5f] = arith4("max");
[
  "punpcklbw", "punpcklwd", "punpckldq", "packsswb", "pcmpgtb", "pcmpgtw", "pcmpgtd", "packuswb",
  "punpckhbw", "punpckhwd", "punpckhdq", "packssdw",
].forEach((m, i) => {
  // the MMX unpack-low forms read only 32 bits of memory
  TWO_BYTE[0x60 + i] = i < 3 ? pfx(s(m, "Pq,Qd"), s(m, "Vx,Wx")) : mmxSse(m);
});
TWO_BYTE[0x6c] = mmxSse("punpcklqdq", false);
TWO_BYTE[0x6d] = mmxSse("punpckhqdq", false);
TWO_BYTE[0x6e] = pfx(s("movd", "Pd,Ed"), s("movd", "Vd,Ed"));
TWO_BYTE[0x6f] = pfx(s("movq", "Pq,Qq"), s("movdqa", "Vx,Wx"), s("movdqu", "Vx,Wx"));
TWO_BYTE[0x70] = pfx(s("pshufw", "Pq,Qq,Ib"), s("pshufd", "Vx,Wx,Ib"), s("pshufhw", "Vx,Wx,Ib"), s("pshuflw", "Vx,Wx,Ib"));
/** groups 12-14: shifts by an immediate, MMX (N) and SSE2 (U) forms */
const shiftGrp = (names: (string | null)[]): MapEntry =>
  pfx(
    { group: names.map((n) => (n === null || n.endsWith("dq") ? null : s(n, "Nq,Ib"))) },
    { group: names.map((n) => (n === null ? null : s(n, "Ux,Ib"))) },
  );
TWO_BYTE[0x71] = shiftGrp([null, null, "psrlw", null, "psraw", null, "psllw", null]);
TWO_BYTE[0x72] = shiftGrp([null, null, "psrld", null, "psrad", null, "pslld", null]);
TWO_BYTE[0x73] = shiftGrp([null, null, "psrlq", "psrldq", null, null, "psllq", "pslldq"]);
TWO_BYTE[0x74] = mmxSse("pcmpeqb");
TWO_BYTE[0x75] = mmxSse("pcmpeqw");
TWO_BYTE[0x76] = mmxSse("pcmpeqd");
TWO_BYTE[0x77] = pfx(s("emms"));
TWO_BYTE[0x7e] = pfx(s("movd", "Ed,Pd"), s("movd", "Ed,Vd"), s("movq", "Vq,Wq"));
TWO_BYTE[0x7f] = pfx(s("movq", "Qq,Pq"), s("movdqa", "Wx,Vx"), s("movdqu", "Wx,Vx"));
TWO_BYTE[0xc2] = pfx(s("cmpps", "Vps,Wps,Ib"), s("cmppd", "Vpd,Wpd,Ib"), s("cmpss", "Vss,Wss,Ib"), s("cmpsd", "Vsd,Wsd,Ib"));
TWO_BYTE[0xc3] = pfx(s("movnti", "Md,Gd"));
TWO_BYTE[0xc4] = pfx(s("pinsrw", "Pq,Ew,Ib"), s("pinsrw", "Vx,Ew,Ib"));
TWO_BYTE[0xc5] = pfx(s("pextrw", "Gd,Nq,Ib"), s("pextrw", "Gd,Ux,Ib"));
TWO_BYTE[0xc6] = pfx(s("shufps", "Vps,Wps,Ib"), s("shufpd", "Vpd,Wpd,Ib"));
TWO_BYTE[0xd6] = pfx(null, s("movq", "Wq,Vq"), s("movq2dq", "Vx,Nq"), s("movdq2q", "Pq,Uq"));
TWO_BYTE[0xd7] = pfx(s("pmovmskb", "Gd,Nq"), s("pmovmskb", "Gd,Ux"));
TWO_BYTE[0xe6] = pfx(null, s("cvttpd2dq", "Vx,Wpd"), s("cvtdq2pd", "Vx,Wq"), s("cvtpd2dq", "Vx,Wpd"));
TWO_BYTE[0xe7] = pfx(s("movntq", "Mq,Pq"), s("movntdq", "Mx,Vx"));
TWO_BYTE[0xf7] = pfx(s("maskmovq", "Pq,Nq"), s("maskmovdqu", "Vx,Ux"));
// the rest of D0-FF: integer ops in an MMX form and an SSE2 form (paddq/psubq/pmuludq: SSE2 also on MMX)
const INT_OPS: Record<number, string> = {
  0xd1: "psrlw", 0xd2: "psrld", 0xd3: "psrlq", 0xd4: "paddq", 0xd5: "pmullw",
  0xd8: "psubusb", 0xd9: "psubusw", 0xda: "pminub", 0xdb: "pand", 0xdc: "paddusb", 0xdd: "paddusw", 0xde: "pmaxub", 0xdf: "pandn",
  0xe0: "pavgb", 0xe1: "psraw", 0xe2: "psrad", 0xe3: "pavgw", 0xe4: "pmulhuw", 0xe5: "pmulhw",
  0xe8: "psubsb", 0xe9: "psubsw", 0xea: "pminsw", 0xeb: "por", 0xec: "paddsb", 0xed: "paddsw", 0xee: "pmaxsw", 0xef: "pxor",
  0xf1: "psllw", 0xf2: "pslld", 0xf3: "psllq", 0xf4: "pmuludq", 0xf5: "pmaddwd", 0xf6: "psadbw",
  0xf8: "psubb", 0xf9: "psubw", 0xfa: "psubd", 0xfb: "psubq", 0xfc: "paddb", 0xfd: "paddw", 0xfe: "paddd",
};
for (const [op, m] of Object.entries(INT_OPS)) TWO_BYTE[+op] = mmxSse(m);

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
