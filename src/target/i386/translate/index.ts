// The i386 frontend's entry point (QEMU's gen_intermediate_code): decode guest instructions from
// `pc` until one ends the block, translating each to IR with the handler named after it.
import { registerHelper } from "../../../ir/ir";
import { PAGE_BITS } from "../../../memory/address-space";
import { decode, DecodedInsn, FetchFn } from "../decode";
import { CPUX86State } from "../cpu";
import { DisasContext } from "./context";
import { ALU_HANDLERS, Handler } from "./alu";
import { CONTROL_HANDLERS, trans_illegal } from "./control";
import { MISC_HANDLERS } from "./misc";
import { X87_HANDLERS } from "./x87";
import { SSE_HANDLERS } from "./sse";

/** Every mnemonic the translator handles; a decoded mnemonic missing here raises #UD. */
export const HANDLERS: Record<string, Handler> = {
  ...ALU_HANDLERS,
  ...CONTROL_HANDLERS,
  ...MISC_HANDLERS,
  ...X87_HANDLERS,
  ...SSE_HANDLERS,
};

/** The handler key of a decoded instruction: conditional families share one translator. */
export function handlerKey(insn: DecodedInsn): string {
  const m = insn.entry.mnem;
  if (insn.entry.cc === undefined) return m;
  return m[0] === "j" ? "jcc" : m.startsWith("set") ? "setcc" : "cmovcc";
}

export interface TranslateOptions {
  /** at most this many guest instructions per block (1 = -one-insn-per-tb) */
  maxInsns: number;
}

export interface TranslatedBlock {
  ctx: DisasContext;
  /** guest bytes covered: [pc, end) */
  end: number;
  insns: DecodedInsn[];
  /** guest instructions in the block, counting a final undecodable one */
  insnCount: number;
}

const helper_fetch_fault = registerHelper({
  name: "fetch_fault",
  flags: 0,
  ret: null,
  fn: (cpu: CPUX86State, addr: number) => cpu.mem.fault(addr, false),
});

export function translateBlock(pc: number, fetch: FetchFn, opts: TranslateOptions): TranslatedBlock {
  const s = new DisasContext(pc);
  const insns: DecodedInsn[] = [];
  const firstPage = pc >>> PAGE_BITS;
  let cur = pc;
  let extra = 0;
  for (;;) {
    const d = decode(cur, fetch);
    if ("error" in d) {
      if (d.error === "fault" && insns.length > 0) {
        // stop before an instruction we cannot fetch yet: it faults only if it is reached
        s.gotoTb(0, cur);
        break;
      }
      s.f.insnStart(cur);
      extra = 1;
      if (d.error === "fault") {
        s.f.call(helper_fetch_fault, [], [s.c(d.addr)]);
        s.gotoTb(0, cur);
      } else {
        s.nextPc = cur;
        trans_illegal(s, { pc: cur } as DecodedInsn);
      }
      break;
    }
    insns.push(d);
    s.startInsn(d);
    const h = HANDLERS[handlerKey(d)] ?? trans_illegal;
    h(s, d);
    cur = s.nextPc;
    if (s.isJmp) break;
    if (d.entry.endsTb || insns.length >= opts.maxInsns || cur >>> PAGE_BITS !== firstPage) {
      s.gotoTb(0, cur);
      break;
    }
  }
  return { ctx: s, end: Math.max(cur, pc + 1), insns, insnCount: insns.length + extra };
}
