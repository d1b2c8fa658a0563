// Condition codes for jcc/setcc/cmovcc/loop: fold the lazy flag state into one IR comparison when
// the block knows how the flags were produced (cmp+jcc becomes a single compare of the operands),
// otherwise compute EFLAGS with the cc helper and test its bits (QEMU's gen_prepare_cc).
import { Cond } from "../../../ir/opcodes";
import { HELPER_PURE, registerHelper } from "../../../ir/ir";
import {
  CC_OP_ADD, CC_OP_DEC, CC_OP_DYNAMIC, CC_OP_INC, CC_OP_LOGIC, CC_OP_SAR, CC_OP_SHL, CC_OP_SUB,
  computeEflags,
} from "../cc";
import { DisasContext, G_CC_DST, G_CC_OP, G_CC_SRC, G_CC_SRC2 } from "./context";

export interface CondTest {
  cond: Cond;
  a: number;
  b: number;
}

export const helper_cc_compute_all = registerHelper({
  name: "cc_compute_all",
  fn: (_cpu: unknown, op: number, dst: number, src: number, src2: number) => computeEflags(op, dst, src, src2),
  flags: HELPER_PURE,
  ret: 0,
});

/** EFLAGS' six arithmetic flags as a temp. */
export function genComputeEflags(s: DisasContext): number {
  const t = s.tmp();
  s.f.call(helper_cc_compute_all, [t], [G_CC_OP, G_CC_DST, G_CC_SRC, G_CC_SRC2]);
  return t;
}

function sized(s: DisasContext, v: number, size: number, signed: boolean): number {
  if (size === 4) return v;
  const t = s.tmp();
  s.f.unop(size === 1 ? (signed ? "ext8s" : "ext8u") : signed ? "ext16s" : "ext16u", t, v);
  return t;
}

/** Test for condition cc (0..15, SDM order) of the current flags. */
export function genCond(s: DisasContext, cc: number): CondTest {
  const inv = cc & 1;
  const base = cc >> 1; // 0 o, 1 b, 2 e, 3 be, 4 s, 5 p, 6 l, 7 le
  const t = fastCond(s, base);
  if (t) return inv ? { cond: (t.cond ^ 1) as Cond, a: t.a, b: t.b } : t;
  const fl = genComputeEflags(s);
  const f = s.f;
  let x = fl, mask: number;
  switch (base) {
    case 0: mask = 0x800; break;
    case 1: mask = 0x1; break;
    case 2: mask = 0x40; break;
    case 3: mask = 0x41; break;
    case 4: mask = 0x80; break;
    case 5: mask = 0x4; break;
    default: {
      // SF ^ OF lands in bit 7 of fl ^ (fl >> 4); ZF stays in bit 6
      x = s.tmp();
      f.sari(x, fl, 4);
      f.xor(x, x, fl);
      mask = base === 6 ? 0x80 : 0xc0;
    }
  }
  return { cond: inv ? Cond.TSTEQ : Cond.TSTNE, a: x, b: s.c(mask) };
}

/** The folded forms; undefined when the generic path is needed. */
function fastCond(s: DisasContext, base: number): CondTest | undefined {
  const op = s.ccOp;
  if (op === CC_OP_DYNAMIC) return undefined;
  const f = s.f;
  const fam = (lo: number) => op >= lo && op < lo + 3;
  const size = [1, 2, 4][(op - 2) % 3];
  const zero = s.c(0);
  const dstZ = () => ({ cond: Cond.EQ, a: sized(s, G_CC_DST, size, false), b: zero });
  const dstS = () => ({ cond: Cond.LT, a: sized(s, G_CC_DST, size, true), b: zero });
  if (fam(CC_OP_SUB)) {
    // first operand = dst + src
    const a = s.tmp();
    f.add(a, G_CC_DST, G_CC_SRC);
    switch (base) {
      case 1: return { cond: Cond.LTU, a: sized(s, a, size, false), b: sized(s, G_CC_SRC, size, false) };
      case 2: return dstZ();
      case 3: return { cond: Cond.LEU, a: sized(s, a, size, false), b: sized(s, G_CC_SRC, size, false) };
      case 4: return dstS();
      case 6: return { cond: Cond.LT, a: sized(s, a, size, true), b: sized(s, G_CC_SRC, size, true) };
      case 7: return { cond: Cond.LE, a: sized(s, a, size, true), b: sized(s, G_CC_SRC, size, true) };
    }
    return undefined;
  }
  if (fam(CC_OP_LOGIC)) {
    switch (base) {
      case 0: case 1: return { cond: Cond.NE, a: zero, b: zero }; // OF = CF = 0
      case 2: case 3: return dstZ();
      case 4: case 6: return dstS();
      case 7: return { cond: Cond.LE, a: sized(s, G_CC_DST, size, true), b: zero };
    }
    return undefined;
  }
  if (fam(CC_OP_ADD)) {
    switch (base) {
      case 1: return { cond: Cond.LTU, a: sized(s, G_CC_DST, size, false), b: sized(s, G_CC_SRC, size, false) };
      case 2: return dstZ();
      case 4: return dstS();
    }
    return undefined;
  }
  if (fam(CC_OP_INC) || fam(CC_OP_DEC)) {
    switch (base) {
      case 1: return { cond: Cond.NE, a: G_CC_SRC, b: zero };
      case 2: return dstZ();
      case 4: return dstS();
    }
    return undefined;
  }
  if (fam(CC_OP_SHL) || fam(CC_OP_SAR)) {
    switch (base) {
      case 2: return dstZ();
      case 4: return dstS();
    }
  }
  return undefined;
}

/** CF as a 0/1 temp (adc, sbb, rcl, rcr, setc-like uses). */
export function genCF(s: DisasContext): number {
  const t = genCond(s, 2);
  const r = s.tmp();
  s.f.setcond(t.cond, r, t.a, t.b);
  return r;
}
