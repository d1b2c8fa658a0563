// The GDB Remote Serial Protocol command interpreter: one packet in, one reply (or a resume
// action) out. It knows nothing about sockets or about how the guest runs; a DebugTarget gives it
// registers, memory, break/watchpoints and files. Every reply is built for any input: unknown
// packets get the empty reply, malformed arguments an error reply, never an exception.
import { MAX_PACKET, fromHex, parseHexNum, toHex } from "./packet";
import { gdbToLinuxSignal, linuxToGdbSignal } from "./signals";
import { VFileHost, VFiles } from "./vfile";

/** Z/z packet types */
export const BP_SW = 0, BP_HW = 1, WP_WRITE = 2, WP_READ = 3, WP_ACCESS = 4;

export interface StopReason {
  /** Linux signal number (SIGTRAP for breakpoints, steps and watchpoints) */
  signal: number;
  /** a watchpoint of this Z type fired on the data address `addr` */
  watch?: { type: number; addr: number };
  /** stopped at a breakpoint of this Z type (0 software, 1 hardware) */
  breakpoint?: number;
}

export type ResumeAction =
  | { kind: "resume"; step: boolean; signal: number }
  | { kind: "detach" }
  | { kind: "kill" };

export interface DebugTarget extends VFileHost {
  readonly pid: number;
  readonly regCount: number;
  readReg(n: number): Uint8Array;
  writeReg(n: number, v: Uint8Array): void;
  regSize(n: number): number;
  /** register numbers gdb wants in every stop reply (pc, sp, fp) */
  readonly expedite: number[];
  targetXml(): string;
  /** the readable prefix of [addr, addr+len): empty if addr itself is not readable */
  readMemory(addr: number, len: number): Uint8Array;
  /** false if any byte is not mapped */
  writeMemory(addr: number, data: Uint8Array): boolean;
  /** set the pc (c/s with an address) */
  setPc(pc: number): void;
  /** Z/z: true on success; null if the type is not supported */
  insertPoint(type: number, addr: number, len: number): boolean | null;
  removePoint(type: number, addr: number, len: number): boolean | null;
  auxv(): Uint8Array;
  execFile(): string;
  /** a qRcmd (monitor) command: the text to show */
  monitor(cmd: string): string;
}

export interface StubReply {
  /** the packet to send, if any */
  reply?: Buffer;
  action?: ResumeAction;
  /** stop sending acknowledgements after this reply (QStartNoAckMode) */
  noAck?: boolean;
}

const E_INVAL = "E16", E_FAULT = "E0e", E_NOENT = "E02";

export class GdbStub {
  private multiprocess = false;
  private swbreak = false;
  private hwbreak = false;
  /** what the last stop reply said, for `?` */
  lastStop: StopReason = { signal: 5 };
  private vfiles: VFiles;

  constructor(readonly target: DebugTarget) {
    this.vfiles = new VFiles(target);
  }

  /** The stop reply for a stop: T packet with the thread, the expedited registers and the reason. */
  stopReply(s: StopReason): string {
    this.lastStop = s;
    let r = "T" + hex2(linuxToGdbSignal(s.signal));
    for (const n of this.target.expedite) r += `${hex2(n)}:${toHex(this.target.readReg(n))};`;
    r += `thread:${this.threadId()};`;
    if (s.watch) r += `${["", "", "watch", "rwatch", "awatch"][s.watch.type]}:${(s.watch.addr >>> 0).toString(16)};`;
    else if (s.breakpoint === BP_SW && this.swbreak) r += "swbreak:;";
    else if (s.breakpoint === BP_HW && this.hwbreak) r += "hwbreak:;";
    return r;
  }
  /** W (exited with a status) or X (killed by a signal) */
  exitReply(status: number, signal: number): string {
    const pid = this.multiprocess ? `;process:${this.target.pid.toString(16)}` : "";
    return signal ? `X${hex2(linuxToGdbSignal(signal))}${pid}` : `W${hex2(status & 0xff)}${pid}`;
  }

  private threadId(): string {
    const id = this.target.pid.toString(16);
    return this.multiprocess ? `p${id}.${id}` : id;
  }
  /** A thread-id argument names our one thread (or any/all): p<pid>.<tid>, <tid>, 0 or -1. */
  private isOurThread(s: string): boolean {
    const m = /^(?:p(-1|[0-9a-fA-F]+)\.)?(-1|[0-9a-fA-F]+)$/.exec(s);
    if (!m) return /^p(-1|[0-9a-fA-F]+)$/.test(s) && (s === "p-1" || parseInt(s.slice(1), 16) === this.target.pid);
    const ok = (v: string | undefined) => v === undefined || v === "-1" || v === "0" || parseInt(v, 16) === this.target.pid;
    return ok(m[1]) && ok(m[2]);
  }

  handle(data: Buffer): StubReply {
    const pkt = data.toString("latin1");
    try {
      return this.dispatch(pkt, data);
    } catch {
      // a bug in a handler must not take the guest down: answer as for a bad argument
      return text(E_INVAL);
    }
  }

  private dispatch(pkt: string, data: Buffer): StubReply {
    const c = pkt[0];
    const rest = pkt.slice(1);
    switch (c) {
      case "?":
        return text(this.stopReply(this.lastStop));
      case "g": {
        const parts: string[] = [];
        for (let n = 0; n < this.target.regCount; n++) parts.push(toHex(this.target.readReg(n)));
        return text(parts.join(""));
      }
      case "G": {
        const b = fromHex(rest);
        if (b === null) return text(E_INVAL);
        let off = 0;
        for (let n = 0; n < this.target.regCount && off < b.length; n++) {
          const size = this.target.regSize(n);
          if (off + size > b.length) break;
          this.target.writeReg(n, b.subarray(off, off + size));
          off += size;
        }
        return text("OK");
      }
      case "p": {
        const n = parseHexNum(rest);
        if (!(n >= 0 && n < this.target.regCount)) return text(E_INVAL);
        return text(toHex(this.target.readReg(n)));
      }
      case "P": {
        const m = /^([0-9a-fA-F]+)=([0-9a-fA-F]*)$/.exec(rest);
        if (!m) return text(E_INVAL);
        const n = parseHexNum(m[1]);
        const b = fromHex(m[2]);
        if (!(n >= 0 && n < this.target.regCount) || b === null || b.length !== this.target.regSize(n)) return text(E_INVAL);
        this.target.writeReg(n, b);
        return text("OK");
      }
      case "m": {
        const a = addrLen(rest);
        if (a === null) return text(E_INVAL);
        const len = Math.min(a.len, (MAX_PACKET - 4) >> 1);
        const bytes = len === 0 ? new Uint8Array(0) : this.target.readMemory(a.addr, len);
        if (len > 0 && bytes.length === 0) return text(E_FAULT);
        return text(toHex(bytes));
      }
      case "M": {
        const colon = rest.indexOf(":");
        const a = colon < 0 ? null : addrLen(rest.slice(0, colon));
        const b = colon < 0 ? null : fromHex(rest.slice(colon + 1));
        if (a === null || b === null || b.length !== a.len) return text(E_INVAL);
        return text(this.target.writeMemory(a.addr, b) ? "OK" : E_FAULT);
      }
      case "X": {
        const colon = data.indexOf(0x3a);
        const a = colon < 0 ? null : addrLen(pkt.slice(1, colon));
        const b = colon < 0 ? null : data.subarray(colon + 1);
        if (a === null || b === null || b.length !== a.len) return text(E_INVAL);
        if (a.len === 0) return text("OK"); // gdb probes X support with an empty write
        return text(this.target.writeMemory(a.addr, b) ? "OK" : E_FAULT);
      }
      case "c":
      case "s": {
        if (rest !== "") {
          const pc = parseHexNum(rest);
          if (!(pc >= 0)) return text(E_INVAL);
          this.target.setPc(pc);
        }
        return { action: { kind: "resume", step: c === "s", signal: 0 } };
      }
      case "C":
      case "S": {
        const m = /^([0-9a-fA-F]{1,2})(?:;([0-9a-fA-F]+))?$/.exec(rest);
        if (!m) return text(E_INVAL);
        if (m[2] !== undefined) this.target.setPc(parseInt(m[2], 16));
        return { action: { kind: "resume", step: c === "S", signal: gdbToLinuxSignal(parseInt(m[1], 16)) } };
      }
      case "Z":
      case "z": {
        const m = /^([0-9]),([0-9a-fA-F]{1,8}),([0-9a-fA-F]{1,8})(?:;.*)?$/.exec(rest);
        if (!m) return text(E_INVAL);
        const type = +m[1], addr = parseInt(m[2], 16), len = parseInt(m[3], 16);
        if (type > WP_ACCESS) return text(""); // not a kind we know: unsupported
        const r = c === "Z" ? this.target.insertPoint(type, addr, len) : this.target.removePoint(type, addr, len);
        return text(r === null ? "" : r ? "OK" : E_INVAL);
      }
      case "H":
        return text(rest.length > 1 && this.isOurThread(rest.slice(1)) ? "OK" : E_INVAL);
      case "T":
        return text(this.isOurThread(rest) ? "OK" : E_NOENT);
      case "D":
        if (rest !== "" && !(rest.startsWith(";") && this.isOurThread("p" + rest.slice(1)))) return text(E_INVAL);
        return { reply: Buffer.from("OK"), action: { kind: "detach" } };
      case "k":
        return { action: { kind: "kill" } };
      case "q":
      case "Q":
        return this.query(pkt);
      case "v":
        return this.vPacket(pkt, data);
      default:
        return text("");
    }
  }

  private query(pkt: string): StubReply {
    if (pkt.startsWith("qSupported")) {
      const feats = pkt.slice(11).split(";");
      this.multiprocess = feats.includes("multiprocess+");
      this.swbreak = feats.includes("swbreak+");
      this.hwbreak = feats.includes("hwbreak+");
      return text(
        `PacketSize=${MAX_PACKET.toString(16)};qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+;` +
          `vContSupported+;swbreak+;hwbreak+;QStartNoAckMode+` + (this.multiprocess ? ";multiprocess+" : ""),
      );
    }
    if (pkt === "QStartNoAckMode") return { reply: Buffer.from("OK"), noAck: true };
    if (pkt === "qAttached" || pkt.startsWith("qAttached:")) return text("1");
    if (pkt === "qOffsets") return text("Text=0;Data=0;Bss=0");
    if (pkt === "qC") return text("QC" + this.threadId());
    if (pkt === "qfThreadInfo") return text("m" + this.threadId());
    if (pkt === "qsThreadInfo") return text("l");
    if (pkt.startsWith("qThreadExtraInfo,")) return text(toHex(Buffer.from("tsemu guest")));
    if (pkt === "qSymbol::") return text("OK");
    if (pkt.startsWith("qRcmd,")) {
      const cmd = fromHex(pkt.slice(6));
      if (cmd === null) return text(E_INVAL);
      const out = this.target.monitor(cmd.toString("latin1").trim());
      return text(out === "" ? "OK" : toHex(Buffer.from(out, "latin1")));
    }
    if (pkt.startsWith("qXfer:")) return this.xfer(pkt.slice(6));
    return text("");
  }

  /** qXfer:object:read:annex:offset,length */
  private xfer(req: string): StubReply {
    const m = /^([a-z-]+):read:([^:]*):([0-9a-fA-F]+),([0-9a-fA-F]+)$/.exec(req);
    if (!m) return text(/^[a-z-]+:write:/.test(req) ? "" : E_INVAL);
    let obj: Buffer;
    if (m[1] === "features") {
      if (m[2] !== "target.xml") return text(E_NOENT);
      obj = Buffer.from(this.target.targetXml(), "latin1");
    } else if (m[1] === "auxv" && m[2] === "") obj = Buffer.from(this.target.auxv());
    else if (m[1] === "exec-file") {
      if (m[2] !== "" && parseInt(m[2], 16) !== this.target.pid) return text(E_NOENT);
      obj = Buffer.from(this.target.execFile(), "utf8");
    } else return text("");
    const off = parseInt(m[3], 16);
    const len = Math.min(parseInt(m[4], 16), MAX_PACKET - 16);
    if (off > obj.length) return text(E_INVAL);
    const chunk = obj.subarray(off, off + len);
    return { reply: Buffer.concat([Buffer.from(off + len >= obj.length ? "l" : "m"), chunk]) };
  }

  private vPacket(pkt: string, data: Buffer): StubReply {
    if (pkt === "vCont?") return text("vCont;c;C;s;S");
    if (pkt.startsWith("vCont;")) {
      // the first action that applies to our thread (or to all threads) wins
      for (const part of pkt.slice(6).split(";")) {
        const [act, tid] = part.split(":");
        if (tid !== undefined && !this.isOurThread(tid)) continue;
        const m = /^([cCsS])([0-9a-fA-F]{2})?$/.exec(act);
        if (!m) {
          if (act === "t" || /^r[0-9a-fA-F]+,[0-9a-fA-F]+$/.test(act)) continue;
          return text(E_INVAL);
        }
        const step = m[1] === "s" || m[1] === "S";
        const sig = m[2] !== undefined && (m[1] === "C" || m[1] === "S") ? gdbToLinuxSignal(parseInt(m[2], 16)) : 0;
        return { action: { kind: "resume", step, signal: sig } };
      }
      return text(E_INVAL);
    }
    if (pkt.startsWith("vKill")) return { reply: Buffer.from("OK"), action: { kind: "kill" } };
    if (pkt.startsWith("vFile:")) {
      // binary pread data must fit in a packet once escaped (worst case doubles it)
      return { reply: this.vfiles.handle(pkt.slice(6), (MAX_PACKET >> 1) - 32) };
    }
    return text(""); // vMustReplyEmpty, vRun, vAttach...: not supported
  }

  /** Forget open files (gdb went away). */
  reset(): void {
    this.vfiles.closeAll();
    this.multiprocess = this.swbreak = this.hwbreak = false;
  }
}

function text(s: string): StubReply {
  return { reply: Buffer.from(s, "latin1") };
}
function hex2(n: number): string {
  return (n & 0xff).toString(16).padStart(2, "0");
}
function addrLen(s: string): { addr: number; len: number } | null {
  const m = /^([0-9a-fA-F]{1,16}),([0-9a-fA-F]{1,8})$/.exec(s);
  if (!m) return null;
  const addr = parseInt(m[1], 16);
  if (addr > 0xffffffff) return null;
  return { addr, len: parseInt(m[2], 16) };
}
