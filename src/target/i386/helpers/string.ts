// String instructions (movs, cmps, stos, lods, scas) with their rep/repe/repne forms, run as one
// helper call per instruction so a `rep movsb` of a megabyte is a loop here, not a megabyte of
// block exits. Registers are updated in the CPU state as iterations complete. Every access goes
// through the access layer (bulk fast paths only when no access hook is installed).
import { HELPER_READS_GLOBALS, HELPER_WRITES_GLOBALS, registerHelper } from "../../../ir/ir";
import { accessHookActive, PAGE_CODE, PAGE_BITS, PAGE_READ } from "../../../memory/address-space";
import { CC_OP_SUB } from "../cc";
import { CC_DST, CC_OP, CC_SRC, CPUX86State, DF, R_EAX, R_ECX, R_EDI, R_ESI, SEG_BASE } from "../cpu";
import { G_CC_DST, G_CC_OP, G_CC_SRC, G_DF } from "../translate/context";

export const STR_MOVS = 0, STR_CMPS = 1, STR_STOS = 2, STR_LODS = 3, STR_SCAS = 4;
const REP_Z = 1, REP_NZ = 2;

function ld(cpu: CPUX86State, size: number, a: number): number {
  return size === 1 ? cpu.mem.ld8u(a) : size === 2 ? cpu.mem.ld16u(a) : cpu.mem.ld32(a);
}
function st(cpu: CPUX86State, size: number, a: number, v: number): void {
  if (size === 1) cpu.mem.st8(a, v);
  else if (size === 2) cpu.mem.st16(a, v);
  else cpu.mem.st32(a, v);
}

/**
 * Execute a string instruction. `seg` is the source segment override (-1: DS), `rep` 0/REP_Z/
 * REP_NZ, `adsize` 2 or 4.
 */
function stringOp(cpu: CPUX86State, op: number, size: number, rep: number, seg: number, adsize: number): void {
  const R = cpu.R;
  const step = R[DF] * size;
  const amask = adsize === 2 ? 0xffff : -1;
  const srcBase = seg >= 4 ? R[SEG_BASE + seg] : 0;
  const repeat = rep !== 0;
  const mask = size === 4 ? -1 : (1 << (size * 8)) - 1;
  if (repeat && (R[R_ECX] & amask) === 0) return;
  if (repeat && !accessHookActive() && adsize === 4 && step > 0 && (op === STR_MOVS || op === STR_STOS)) {
    if (bulk(cpu, op, size, srcBase)) return;
  }
  // registers live in locals; `finally` stores the progress, so a fault in iteration k leaves
  // the state after k - 1 iterations, as on the hardware
  let esi = R[R_ESI], edi = R[R_EDI], ecx = R[R_ECX], eax = R[R_EAX];
  let cmpA = 0, cmpB = 0;
  const mem = cpu.mem;
  const pages = mem.pages, u8 = mem.u8;
  const direct = !accessHookActive() && size === 1;
  try {
    for (;;) {
      const si = esi & amask, di = edi & amask;
      switch (op) {
        case STR_MOVS: st(cpu, size, di, ld(cpu, size, (srcBase + si) | 0)); break;
        case STR_STOS: st(cpu, size, di, eax); break;
        case STR_LODS: {
          const v = ld(cpu, size, (srcBase + si) | 0);
          eax = size === 4 ? v : (eax & ~mask) | v;
          break;
        }
        case STR_CMPS: {
          const a = (srcBase + si) >>> 0;
          cmpA = direct && pages[a >>> 12] & PAGE_READ ? u8[a] : ld(cpu, size, a);
          cmpB = direct && pages[di >>> 12] & PAGE_READ ? u8[di >>> 0] : ld(cpu, size, di);
          break;
        }
        case STR_SCAS:
          cmpA = eax & mask;
          cmpB = direct && pages[di >>> 12] & PAGE_READ ? u8[di >>> 0] : ld(cpu, size, di);
          break;
      }
      if (op === STR_MOVS || op === STR_CMPS || op === STR_LODS) esi = (esi & ~amask) | ((si + step) & amask);
      if (op !== STR_LODS) edi = (edi & ~amask) | ((di + step) & amask);
      if (!repeat) break;
      const c = (ecx - 1) & amask;
      ecx = (ecx & ~amask) | c;
      if (c === 0) break;
      if (op === STR_CMPS || op === STR_SCAS) {
        const equal = ((cmpA ^ cmpB) & mask) === 0;
        if (rep === REP_Z && !equal) break;
        if (rep === REP_NZ && equal) break;
      }
    }
  } finally {
    R[R_ESI] = esi;
    R[R_EDI] = edi;
    R[R_ECX] = ecx;
    R[R_EAX] = eax;
  }
  if (op === STR_CMPS || op === STR_SCAS) {
    R[CC_OP] = CC_OP_SUB + (size === 1 ? 0 : size === 2 ? 1 : 2);
    R[CC_SRC] = cmpB;
    R[CC_DST] = (cmpA - cmpB) | 0;
  }
}

/** Forward rep movs/stos over plain pages in one copy/fill; false if the general loop must run. */
function bulk(cpu: CPUX86State, op: number, size: number, srcBase: number): boolean {
  const R = cpu.R;
  const mem = cpu.mem;
  const n = (R[R_ECX] >>> 0) * size;
  const dst = R[R_EDI] >>> 0;
  if (n > 0x10000000 || dst + n > 2 ** 32 || !mem.check(dst, n, true)) return false;
  const firstPage = dst >>> PAGE_BITS, lastPage = (dst + n - 1) >>> PAGE_BITS;
  for (let p = firstPage; p <= lastPage; p++) if (mem.pages[p] & PAGE_CODE) mem.onCodeWrite(p);
  if (op === STR_MOVS) {
    const src = (srcBase + R[R_ESI]) >>> 0;
    if (src + n > 2 ** 32 || !mem.check(src, n, false)) return false;
    // an overlapping forward copy replicates bytes on the hardware: leave it to the loop
    if (dst > src && dst < src + n) return false;
    mem.u8.copyWithin(dst, src, src + n);
    R[R_ESI] = (R[R_ESI] + n) | 0;
  } else {
    const v = R[R_EAX];
    if (size === 1) mem.u8.fill(v & 0xff, dst, dst + n);
    else if (size === 2) for (let a = dst; a < dst + n; a += 2) mem.dv.setUint16(a, v, true);
    else for (let a = dst; a < dst + n; a += 4) mem.dv.setInt32(a, v, true);
  }
  R[R_EDI] = (R[R_EDI] + n) | 0;
  R[R_ECX] = 0;
  return true;
}

export const helper_string = registerHelper({
  name: "string_op",
  flags: HELPER_READS_GLOBALS | HELPER_WRITES_GLOBALS,
  ret: null,
  fn: stringOp,
  // the globals string instructions touch (general registers are globals 0-7)
  globals: {
    reads: [R_EAX, R_ECX, R_ESI, R_EDI, G_DF],
    writes: [R_EAX, R_ECX, R_ESI, R_EDI, G_CC_OP, G_CC_DST, G_CC_SRC],
  },
});
