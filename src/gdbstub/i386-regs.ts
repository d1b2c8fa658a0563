// The i386 register table for gdb: general registers, eip/eflags, segment selectors, the x87
// stack and control words, SSE (xmm0-7, mxcsr) and Linux's orig_eax, in the order of gdb's
// i386-linux description (the remote register numbers). The XML and the g/G/p/P accessors are
// generated from this one table.
import {
  CPUX86State, EIP, FPSTT, FPUS, FPTAGS, FPUC, FP_LAST_INSN, MXCSR, REG_NAMES, R_CS, R_DS, R_ES, R_FS,
  R_GS, R_SS, SEG_SEL, XMM_BYTES, fpSigHi, fpSigLo, fpSignExp,
} from "../target/i386/cpu";
import { fpTagOf } from "../target/i386/helpers/fpu";
import { statusWord } from "../linux-user/i386/fpstate";
import { GdbArch, GdbReg, le32, rd32 } from "./tdesc";

// ---- x87 storage: the one place that knows how the CPU keeps the register stack -------------------
/** Physical x87 register p as its 80-bit value: [sign/exponent word, significand high, low]. */
export function x87Read(cpu: CPUX86State, p: number): [number, number, number] {
  const R = cpu.R;
  return [R[fpSignExp(p)] & 0xffff, R[fpSigHi(p)], R[fpSigLo(p)]];
}
export function x87Write(cpu: CPUX86State, p: number, se: number, hi: number, lo: number): void {
  const R = cpu.R;
  R[fpSignExp(p)] = se & 0xffff;
  R[fpSigHi(p)] = hi;
  R[fpSigLo(p)] = lo;
}

/** The full tag word (2 bits per physical register: valid, zero, special, empty). */
function tagWord(cpu: CPUX86State): number {
  let tw = 0;
  for (let p = 0; p < 8; p++) tw |= (cpu.R[FPTAGS + p] !== 0 ? 3 : fpTagOf(cpu, p)) << (2 * p);
  return tw;
}

const CORE = "org.gnu.gdb.i386.core";
const SSE = "org.gnu.gdb.i386.sse";
const LINUX = "org.gnu.gdb.i386.linux";

function gpr(name: string, idx: number, type = "int32"): GdbReg<CPUX86State> {
  return {
    name, bitsize: 32, type, feature: CORE, group: "general",
    get: (c) => le32(c.R[idx]),
    set: (c, v) => { c.R[idx] = rd32(v); },
  };
}
function word(name: string, feature: string, group: string, get: (c: CPUX86State) => number, set: (c: CPUX86State, v: number) => void): GdbReg<CPUX86State> {
  return { name, bitsize: 32, type: "int", feature, group, get: (c) => le32(get(c)), set: (c, v) => set(c, rd32(v)) };
}
function seg(name: string, s: number): GdbReg<CPUX86State> {
  // selectors are shown and set; changing one from gdb does not reload the descriptor
  return word(name, CORE, "general", (c) => c.R[SEG_SEL + s] & 0xffff, (c, v) => { c.R[SEG_SEL + s] = v & 0xffff; });
}
function st(i: number): GdbReg<CPUX86State> {
  return {
    name: `st${i}`, bitsize: 80, type: "i387_ext", feature: CORE, group: "float",
    get: (c) => {
      const [se, hi, lo] = x87Read(c, (c.R[FPSTT] + i) & 7);
      const b = new Uint8Array(10);
      const dv = new DataView(b.buffer);
      dv.setUint32(0, lo >>> 0, true);
      dv.setUint32(4, hi >>> 0, true);
      dv.setUint16(8, se & 0xffff, true);
      return b;
    },
    set: (c, v) => {
      const dv = new DataView(v.buffer, v.byteOffset, 10);
      x87Write(c, (c.R[FPSTT] + i) & 7, dv.getUint16(8, true), dv.getInt32(4, true), dv.getInt32(0, true));
    },
  };
}
function xmm(i: number): GdbReg<CPUX86State> {
  return {
    name: `xmm${i}`, bitsize: 128, type: "vec128", feature: SSE, group: "vector",
    get: (c) => c.U8.slice(XMM_BYTES + 16 * i, XMM_BYTES + 16 * i + 16),
    set: (c, v) => c.U8.set(v.subarray(0, 16), XMM_BYTES + 16 * i),
  };
}

const I386_TYPES: Record<string, string> = {
  [CORE]: `    <flags id="i386_eflags" size="4">
      <field name="CF" start="0" end="0"/><field name="" start="1" end="1"/><field name="PF" start="2" end="2"/>
      <field name="AF" start="4" end="4"/><field name="ZF" start="6" end="6"/><field name="SF" start="7" end="7"/>
      <field name="TF" start="8" end="8"/><field name="IF" start="9" end="9"/><field name="DF" start="10" end="10"/>
      <field name="OF" start="11" end="11"/><field name="NT" start="14" end="14"/><field name="RF" start="16" end="16"/>
      <field name="VM" start="17" end="17"/><field name="AC" start="18" end="18"/><field name="VIF" start="19" end="19"/>
      <field name="VIP" start="20" end="20"/><field name="ID" start="21" end="21"/>
    </flags>`,
  [SSE]: `    <vector id="v4f" type="ieee_single" count="4"/>
    <vector id="v2d" type="ieee_double" count="2"/>
    <vector id="v16i8" type="int8" count="16"/>
    <vector id="v8i16" type="int16" count="8"/>
    <vector id="v4i32" type="int32" count="4"/>
    <vector id="v2i64" type="int64" count="2"/>
    <union id="vec128">
      <field name="v4_float" type="v4f"/><field name="v2_double" type="v2d"/><field name="v16_int8" type="v16i8"/>
      <field name="v8_int16" type="v8i16"/><field name="v4_int32" type="v4i32"/><field name="v2_int64" type="v2i64"/>
      <field name="uint128" type="uint128"/>
    </union>
    <flags id="i386_mxcsr" size="4">
      <field name="IE" start="0" end="0"/><field name="DE" start="1" end="1"/><field name="ZE" start="2" end="2"/>
      <field name="OE" start="3" end="3"/><field name="UE" start="4" end="4"/><field name="PE" start="5" end="5"/>
      <field name="DAZ" start="6" end="6"/><field name="IM" start="7" end="7"/><field name="DM" start="8" end="8"/>
      <field name="ZM" start="9" end="9"/><field name="OM" start="10" end="10"/><field name="UM" start="11" end="11"/>
      <field name="PM" start="12" end="12"/><field name="FZ" start="15" end="15"/>
    </flags>`,
};

export const I386_GDB: GdbArch<CPUX86State> = {
  arch: "i386",
  osabi: "GNU/Linux",
  types: I386_TYPES,
  pc: 8,
  sp: 4,
  fp: 5,
  regs: [
    ...REG_NAMES.map((n, i) => gpr(n, i, i === 4 || i === 5 ? "data_ptr" : "int32")),
    { ...gpr("eip", EIP, "code_ptr") },
    {
      name: "eflags", bitsize: 32, type: "i386_eflags", feature: CORE, group: "general",
      get: (c) => le32(c.getEflags()),
      set: (c, v) => c.setEflags(rd32(v)),
    },
    seg("cs", R_CS), seg("ss", R_SS), seg("ds", R_DS), seg("es", R_ES), seg("fs", R_FS), seg("gs", R_GS),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map(st),
    word("fctrl", CORE, "float", (c) => c.R[FPUC] & 0xffff, (c, v) => { c.R[FPUC] = v & 0xffff; }),
    word("fstat", CORE, "float", (c) => statusWord(c), (c, v) => { c.R[FPSTT] = (v >> 11) & 7; c.R[FPUS] = v & 0x477f; }),
    word("ftag", CORE, "float", tagWord, (c, v) => { for (let p = 0; p < 8; p++) c.R[FPTAGS + p] = ((v >> (2 * p)) & 3) === 3 ? 1 : 0; }),
    word("fiseg", CORE, "float", () => 0, () => {}),
    word("fioff", CORE, "float", (c) => c.R[FP_LAST_INSN], (c, v) => { c.R[FP_LAST_INSN] = v; }),
    word("foseg", CORE, "float", () => 0, () => {}),
    word("fooff", CORE, "float", () => 0, () => {}),
    word("fop", CORE, "float", () => 0, () => {}),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map(xmm),
    { ...word("mxcsr", SSE, "vector", (c) => c.R[MXCSR], (c, v) => { c.R[MXCSR] = v & 0xffff; }), type: "i386_mxcsr" },
    // the system call number while stopped in one (-1 otherwise); gdb writes it to cancel restarts
    word("orig_eax", LINUX, "system", () => -1, () => {}),
  ],
};
