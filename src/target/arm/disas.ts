// The ARM disassembler for `-d in_asm`: expands the `asm` template of a decoded instruction's
// table entry. Templates are the ARM ARM's assembly syntax with the manual's operand names in
// angle brackets; the spelling follows capstone, which qemu-arm uses (r9-r12 as sb sl fp ip,
// immediates above 9 in hex, PUSH/POP aliases), so logs compare line by line.
import type { Fields } from "./bitstring";
import { armExpandImm } from "./translate/dp";
import { thumbExpandImm } from "./translate/thumb32";
import { vfpExpandImm } from "./translate/vfp";
import { bitsToF64 } from "./helpers/vfp-arith";
import { sext } from "./translate/branch";
import type { ArmInsn } from "./decode";

export const DISAS_REG_NAMES = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "sb", "sl", "fp", "ip", "sp", "lr", "pc"];
export const COND_NAMES = ["eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""];
const SHIFT_NAMES = ["lsl", "lsr", "asr", "ror"];

/** capstone's immediate: decimal up to 9, hex above; negative values keep their sign */
export function imm(v: number): string {
  if (v < 0) return "#-" + fmtAbs(-v);
  return "#" + fmtAbs(v);
}
function fmtAbs(v: number): string {
  return v > 9 ? "0x" + v.toString(16) : String(v);
}
const reg = (r: number) => DISAS_REG_NAMES[r & 15];

function regList(mask: number): string {
  const out: string[] = [];
  for (let r = 0; r < 16; r++) if (mask & (1 << r)) out.push(reg(r));
  return "{" + out.join(", ") + "}";
}
function immShift(type: number, amt: number): string {
  if (type === 0 && amt === 0) return "";
  if (type === 3 && amt === 0) return ", rrx";
  if ((type === 1 || type === 2) && amt === 0) amt = 32;
  return `, ${SHIFT_NAMES[type]} #${amt}`;
}
/**
 * A modified immediate as capstone prints it: the value, unless the encoding is not the one an
 * assembler would choose for that value — then "#imm8, #rotation" (LLVM's printModImmOperand).
 */
function modImm(imm12: number): string {
  const rot = (imm12 >>> 8) * 2;
  const v = armExpandImm(imm12);
  if (rot === 0 || canonicalRot(v) === rot) return imm(v);
  return `#${imm12 & 0xff}, #${rot}`;
}
function canonicalRot(v: number): number {
  if ((v & ~255) === 0) return 0;
  const rotr = (x: number, r: number) => ((x >>> r) | (x << (32 - r))) >>> 0;
  const ctz = (x: number) => 31 - Math.clz32(x & -x);
  const ra = ctz(v) & ~1;
  if ((rotr(v, ra) & ~255) === 0) return (32 - ra) & 31;
  if (v & 63) {
    const ra2 = ctz(v & ~63) & ~1;
    if ((rotr(v, ra2) & ~255) === 0) return (32 - ra2) & 31;
  }
  return -1;
}
/** [Rn, #+/-imm]{!} or [Rn], #+/-imm */
function addrImm(f: Fields, off: number): string {
  const P = f.P ?? 1, U = f.U ?? 1, W = f.W ?? 0;
  const o = U ? imm(off) : "#-" + fmtAbs(off);
  if (!P) return `[${reg(f.n)}], ${o}`;
  if (off === 0 && U && !W) return `[${reg(f.n)}]`;
  return `[${reg(f.n)}, ${o}]${W ? "!" : ""}`;
}
function addrReg(f: Fields): string {
  const P = f.P ?? 1, U = f.U ?? 1, W = f.W ?? 0;
  const m = (U ? "" : "-") + reg(f.m) + immShift(f.r ?? 0, f.v ?? 0);
  return P ? `[${reg(f.n)}, ${m}]${W ? "!" : ""}` : `[${reg(f.n)}], ${m}`;
}
const BARRIER: Record<number, string> = { 15: "sy", 14: "st", 11: "ish", 10: "ishst", 7: "nsh", 6: "nshst", 3: "osh", 2: "oshst" };

/** Operand formatters by template token. */
type Token = (i: ArmInsn, f: Fields) => string;
export const TOKENS: Record<string, Token> = {
  "<c>": (i) => COND_NAMES[i.cond],
  // 16-bit Thumb data processing sets the flags exactly when outside an IT block
  "{s}": (i, f) => (i.set === "t16" ? (i.inIT ? "" : "s") : f.S ? "s" : ""),
  "<Rd>": (_i, f) => reg(f.d),
  "<Rn>": (_i, f) => reg(f.n),
  "<Rm>": (_i, f) => reg(f.m),
  "<Rs>": (_i, f) => reg(f.s),
  "<Rt>": (_i, f) => reg(f.t),
  "<Rt2>": (_i, f) => reg(f.t + 1),
  "<Ra>": (_i, f) => reg(f.a),
  "<RdHi>": (_i, f) => reg(f.h),
  "<RdLo>": (_i, f) => reg(f.l),
  "<const>": (_i, f) => modImm(f.i),
  "<imm>": (_i, f) => imm(f.i),
  "<imm5>": (_i, f) => imm(f.v === 0 && f.r !== 0 ? 32 : f.v),
  "<shift>": (_i, f) => immShift(f.r, f.v),
  "<rshift>": (_i, f) => `, ${SHIFT_NAMES[f.r]} ${reg(f.s)}`,
  "<label>": (i, f) => imm((i.pc + 8 + (sext(f.i, 24) << 2)) >>> 0),
  "<blxlabel>": (i, f) => imm((i.pc + 8 + (sext(f.i, 24) << 2) + (f.H << 1)) >>> 0),
  "<registers>": (_i, f) => regList(f.R),
  "<wb>": (_i, f) => (f.W ? "!" : ""),
  "<t>": (_i, f) => (f.P === 0 && f.W === 1 ? "t" : ""),
  "<addr_imm12>": (_i, f) => addrImm(f, f.i),
  "<addr_imm8>": (_i, f) => addrImm(f, f.i),
  "<addr_reg>": (_i, f) => addrReg(f),
  "<xy>": (_i, f) => (f.x ? "t" : "b") + (f.y ? "t" : "b"),
  "<y>": (_i, f) => (f.y ? "t" : "b"),
  "<x>": (_i, f) => (f.M ? "x" : ""),
  "<r>": (_i, f) => (f.M ? "r" : ""),
  "<psr>": (_i, f) => (f.R ? "spsr" : "apsr"),
  "<spec>": (_i, f) => {
    if (!f.R && (f.k === 8 || f.k === 4 || f.k === 12)) return "apsr_" + (f.k & 8 ? "nzcvq" : "") + (f.k & 4 ? "g" : "");
    return (f.R ? "spsr_" : "cpsr_") + (f.k & 8 ? "f" : "") + (f.k & 4 ? "s" : "") + (f.k & 2 ? "x" : "") + (f.k & 1 ? "c" : "");
  },
  "<option>": (_i, f) => BARRIER[f.o] ?? "#0x" + f.o.toString(16),
  "<isb_option>": (_i, f) => (f.o === 15 ? "sy" : "#0x" + f.o.toString(16)),
  "<rotation>": (_i, f) => (f.o ? `, ror #${f.o * 8}` : ""),
  "<sat1>": (_i, f) => imm(f.i + 1),
  "<sat>": (_i, f) => imm(f.i),
  "<satshift>": (_i, f) => (f.r ? `, asr ${imm(f.v || 32)}` : `, lsl ${imm(f.v)}`),
  "<pkhshift>": (i, f) => (i.entry?.e.name.endsWith("TB") ? `, asr ${imm(f.v || 32)}` : f.v ? `, lsl ${imm(f.v)}` : ""),
  "<lsb>": (_i, f) => imm(f.b),
  "<widthm1>": (_i, f) => imm(f.w + 1),
  "<msbwidth>": (_i, f) => imm(f.w - f.b + 1),
  "<coproc>": (_i, f) => `p${f.p}, #${f.o}, ${reg(f.t)}, c${f.n}, c${f.m}, #${f.q}`,
  "<endian>": (_i, f) => (f.E ? "be" : "le"),
  "<w>": (_i, f) => (f.R === 0 ? "w" : ""),
  // ---- Thumb ----
  "<RD>": (_i, f) => reg(f.D),
  "<RN>": (_i, f) => reg(f.N),
  "<imm5_32>": (_i, f) => imm(f.i || 32),
  "<lit8>": (_i, f) => `[pc, ${imm(f.i * 4)}]`,
  "<addr_i5x4>": (_i, f) => tAddr(f.n, f.i * 4),
  "<addr_i5x2>": (_i, f) => tAddr(f.n, f.i * 2),
  "<addr_i5>": (_i, f) => tAddr(f.n, f.i),
  "<addr_sp>": (_i, f) => tAddr(13, f.i * 4),
  "<imm8x4>": (_i, f) => imm(f.i * 4),
  "<cblabel>": (i, f) => imm((i.pc + 4 + f.i * 2) >>> 0),
  "<pushlist>": (_i, f) => regList(f.R | (f.M << 14)),
  "<poplist>": (_i, f) => regList(f.R | (f.P << 15)),
  "<itmask>": (_i, f) => itSuffix(f.c, f.o),
  "<firstcond>": (_i, f) => COND_NAMES[f.c] || "al",
  "<ldmwb>": (_i, f) => (f.R & (1 << f.n) ? "" : "!"),
  "<label8>": (i, f) => imm((i.pc + 4 + sext(f.i << 1, 9)) >>> 0),
  "<label11>": (i, f) => imm((i.pc + 4 + sext(f.i << 1, 12)) >>> 0),
  "<addr_i8x4>": (_i, f) => addrImm(f, f.i * 4),
  "<tconst>": (_i, f) => imm(thumbExpandImm(f.i).v | 0),
  "<tconstu>": (_i, f) => imm(thumbExpandImm(f.i).v),
  "<imm16>": (_i, f) => imm((f.j << 12) | f.i),
  "<label20>": (i, f) => imm((i.pc + 4 + sext((f.S << 20) | (f.K << 19) | (f.J << 18) | (f.j << 12) | (f.i << 1), 21)) >>> 0),
  "<label24>": (i, f) => imm((i.pc + 4 + t32BranchOffset(f, f.i)) >>> 0),
  "<label24a>": (i, f) => imm((((i.pc + 4) & ~3) + t32BranchOffset(f, f.i << 1)) >>> 0),
  "<lit12>": (_i, f) => `[pc, ${f.U ? imm(f.i) : "#-0x" + f.i.toString(16)}]`,
  "<addr_i12>": (_i, f) => tAddr(f.n, f.i),
  "<addr_i8>": (_i, f) => addrImm(f, f.i),
  "<addr_i8neg>": (_i, f) => `[${reg(f.n)}, #-${fmtAbs(f.i)}]`,
  "<addr_treg>": (_i, f) => `[${reg(f.n)}, ${reg(f.m)}${f.v ? `, lsl #${f.v}` : ""}]`,
  "<t32t>": (_i, f) => (f.P === 1 && f.U === 1 && f.W === 0 ? "t" : ""),
  "<pldw>": (_i, f) => (f.W ? "w" : ""),
  // ---- VFP ----
  "<fdt>": (_i, f) => (f.z ? "f64" : "f32"),
  "<Vd>": (_i, f) => vreg(f.d, f.D, f.z),
  "<Vn>": (_i, f) => vreg(f.n, f.N, f.z),
  "<Vm>": (_i, f) => vreg(f.m, f.M, f.z),
  "<Vdx>": (_i, f) => vreg(f.d, f.D, f.z ^ 1),
  "<Sd>": (_i, f) => vreg(f.d, f.D, 0),
  "<Sm>": (_i, f) => vreg(f.m, f.M, 0),
  "<Dd>": (_i, f) => vreg(f.d, f.D, 1),
  "<Dn>": (_i, f) => vreg(f.n, f.N, 1),
  "<i>": (_i, f) => String(f.i),
  "<e>": (_i, f) => (f.E ? "e" : ""),
  "<cvtfp>": (_i, f) => (f.z ? "f32.f64" : "f64.f32"),
  "<idt>": (_i, f) => (f.o ? "s32" : "u32"),
  "<idt16>": (_i, f) => (f.o ? "s32" : "u32"),
  "<rnd>": (_i, f) => (f.r ? "" : "r"),
  "<fixdt>": (_i, f) => {
    const fx = (f.u ? "u" : "s") + (f.x ? "32" : "16"), fl = f.z ? "f64" : "f32";
    return f.o ? `${fx}.${fl}` : `${fl}.${fx}`;
  },
  "<fbits>": (_i, f) => imm((f.x ? 32 : 16) - ((f.i << 1) | f.a)),
  "<vfpimm>": (_i, f) => "#" + vfpImmText(f.i),
  "<coresp>": (_i, f) => (f.o ? `${reg(f.t)}, ${vreg(f.n, f.N, 0)}` : `${vreg(f.n, f.N, 0)}, ${reg(f.t)}`),
  "<core2sp>": (_i, f) => {
    const a = vreg(f.m, f.M, 0), b = "s" + (((f.m << 1) | f.M) + 1);
    return f.o ? `${reg(f.t)}, ${reg(f.n)}, ${a}, ${b}` : `${a}, ${b}, ${reg(f.t)}, ${reg(f.n)}`;
  },
  "<core2dp>": (_i, f) => (f.o ? `${reg(f.t)}, ${reg(f.n)}, ${vreg(f.m, f.M, 1)}` : `${vreg(f.m, f.M, 1)}, ${reg(f.t)}, ${reg(f.n)}`),
  "<sysreg>": (_i, f) => SYSREGS[f.r] ?? `#${f.r}`,
  "<Rtnzcv>": (_i, f) => (f.t === 15 ? "apsr_nzcv" : reg(f.t)),
  "<vaddr>": (_i, f) => (f.i === 0 && f.U ? `[${reg(f.n)}]` : `[${reg(f.n)}, ${f.U ? imm(f.i * 4) : "#-" + fmtAbs(f.i * 4)}]`),
  "<vlist>": (_i, f) => {
    const first = f.z ? (f.D << 4) | f.d : (f.d << 1) | f.D;
    const count = f.z ? f.i >> 1 : f.i;
    const out: string[] = [];
    for (let k = 0; k < count; k++) out.push((f.z ? "d" : "s") + (first + k));
    return "{" + out.join(", ") + "}";
  },
  "<vam>": (_i, f) => (f.P ? "db" : "ia"),
  // ---- Advanced SIMD (spelled like capstone where checked; not yet in the golden file) ----
  "<Qd>": (_i, f) => qreg(f.d, f.D, f.Q),
  "<Qn>": (_i, f) => qreg(f.n, f.N, f.Q),
  "<Qm>": (_i, f) => qreg(f.m, f.M, f.Q),
  "<sdt>": (_i, f) => (f.U ? "u" : "s") + (8 << f.z),
  "<idt8>": (_i, f) => "i" + (8 << f.z),
  "<esize>": (_i, f) => String(8 << f.z),
  "<nst>": (_i, f) => String(({ 7: 1, 10: 1, 6: 1, 2: 1, 8: 2, 9: 2, 3: 2, 4: 3, 5: 3, 0: 4, 1: 4 } as Record<number, number>)[f.o] ?? "?"),
  "<nall>": (_i, f) => String(f.N + 1),
  "<nlist>": (_i, f) => {
    const d = (f.D << 4) | f.d;
    if (f.o !== undefined) {
      const n = ({ 7: 1, 10: 2, 6: 3, 2: 4, 8: 2, 9: 2, 3: 4, 4: 3, 5: 3, 0: 4, 1: 4 } as Record<number, number>)[f.o] ?? 1;
      const inc = [9, 3, 5, 1].includes(f.o) ? 2 : 1;
      return "{" + Array.from({ length: n }, (_, k) => "d" + (d + k * inc)).join(", ") + "}";
    }
    const lane = f.i !== undefined ? `[${f.i >> (f.z + 1)}]` : "[]";
    return "{" + Array.from({ length: f.N + 1 }, (_, k) => "d" + (d + k) + lane).join(", ") + "}";
  },
  "<naddr>": (_i, f) => `[${reg(f.n)}]` + (f.m === 13 ? "!" : f.m === 15 ? "" : `, ${reg(f.m)}`),
  "<lanesize>": (_i, f) => (((f.o << 2) | f.p) & 8 ? "8" : "16"),
  "<lanedt>": (_i, f) => (f.U ? "u" : "s") + (((f.o << 2) | f.p) & 8 ? "8" : "16"),
  "<lane>": (_i, f) => {
    const opc = (f.o << 2) | f.p;
    return String(opc & 8 ? opc & 7 : (opc >> 1) & 3);
  },
  "<dupsize>": (_i, f) => (f.B ? "8" : f.E ? "16" : "32"),
  "<cmode>": (_i, f) => (f.o >= 14 ? (f.o === 14 ? (f.p ? "i64" : "i8") : "f32") : f.o >= 12 ? "i32" : f.o >= 8 ? "i16" : "i32"),
  "<simdimm>": (_i, f) => imm((f.a << 7) | (f.b << 4) | f.i),
  "<shdt>": (_i, f) => (f.U ? "u" : "s") + shiftSize(f),
  "<shdti>": (_i, f) => "i" + shiftSize(f),
  "<shr>": (_i, f) => imm(f.L ? 64 - f.i : 2 * shiftSize(f) - f.i),
  "<shl>": (_i, f) => imm(f.L ? f.i : f.i - shiftSize(f)),
};

function qreg(r: number, x: number, q: number): string {
  const n = (x << 4) | r;
  return q ? "q" + (n >> 1) : "d" + n;
}
function shiftSize(f: Fields): number {
  if (f.L) return 64;
  return f.i & 0x20 ? 32 : f.i & 0x10 ? 16 : 8;
}

const SYSREGS: Record<number, string> = { 0: "fpsid", 1: "fpscr", 6: "mvfr1", 7: "mvfr0", 8: "fpexc", 9: "fpinst", 10: "fpinst2" };
function vreg(r: number, x: number, dp: number): string {
  return dp ? "d" + ((x << 4) | r) : "s" + ((r << 1) | x);
}
/** VFPExpandImm's value in C's %e format, as capstone prints it */
function vfpImmText(imm8: number): string {
  const [hi] = vfpExpandImm(imm8, true);
  const v = bitsToF64(hi, 0);
  const [m, x] = v.toExponential(6).split("e");
  const xn = Number(x);
  return `${m}e${xn < 0 ? "-" : "+"}${String(Math.abs(xn)).padStart(2, "0")}`;
}

/** [Rn, #imm] with capstone's spelling of a zero offset */
function tAddr(n: number, off: number): string {
  return off ? `[${reg(n)}, ${imm(off)}]` : `[${reg(n)}]`;
}
/** IT's x/y/z letters: t where the mask bit equals firstcond[0], e elsewhere */
function itSuffix(cond: number, mask: number): string {
  let s = "";
  const n = 3 - (31 - Math.clz32(mask & -mask));
  for (let k = 0; k < n; k++) s += ((mask >>> (3 - k)) & 1) === (cond & 1) ? "t" : "e";
  return s;
}
function t32BranchOffset(f: Fields, low: number): number {
  const i1 = (f.J ^ f.S) ^ 1, i2 = (f.K ^ f.S) ^ 1;
  return sext((f.S << 24) | (i1 << 23) | (i2 << 22) | (f.j << 12) | (low << 1), 25);
}

const TOKEN_RE = /<[A-Za-z0-9_]+>|\{s\}/g;

/** Token names used by a template that have no formatter (the table test checks none). */
export function unknownTokens(template: string): string[] {
  return (template.match(TOKEN_RE) ?? []).filter((t) => !(t in TOKENS));
}

/** "mnemonic operands" of a decoded instruction, or "(bad)" for an undefined encoding. */
export function formatInsn(i: ArmInsn): string {
  if (!i.entry) return "(bad)";
  let tpl = i.entry.e.asm;
  const name = i.entry.e.name;
  // capstone's PUSH/POP aliases of the multiple-register forms need two registers or more
  if (i.set === "a32" && (name === "PUSH" || name === "POP") && popcount(i.fields.R) < 2) {
    tpl = name === "PUSH" ? "stmdb<c> sp!, <registers>" : "ldm<c> sp!, <registers>";
  }
  const text = tpl.replace(TOKEN_RE, (t) => TOKENS[t](i, i.fields));
  const sp = text.indexOf(" ");
  if (sp < 0) return text;
  return text.slice(0, sp) + " " + text.slice(sp + 1);
}

/** qemu-arm's `-d in_asm` line: address, the instruction as 32- or 16-bit units, mnemonic padded to 8. */
export function formatInsnLine(i: ArmInsn): string {
  const text = formatInsn(i);
  const sp = text.indexOf(" ");
  const mn = sp < 0 ? text : text.slice(0, sp);
  const ops = sp < 0 ? "" : text.slice(sp + 1);
  let hex: string;
  if (!i.thumb) hex = (i.word >>> 0).toString(16).padStart(8, "0");
  else if (i.size === 2) hex = (i.word & 0xffff).toString(16).padStart(4, "0") + "    ";
  else hex = ((i.word >>> 16) & 0xffff).toString(16).padStart(4, "0") + (i.word & 0xffff).toString(16).padStart(4, "0");
  return `0x${(i.pc >>> 0).toString(16).padStart(8, "0")}:  ${hex}  ${mn.padEnd(8)} ${ops}`;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
