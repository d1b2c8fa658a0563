// The gdb stub without gdb: packet framing (checksums, escapes, acks, oversized packets), the
// command interpreter against a fake target, and protocol fuzzing — thousands of random and
// mutated packets through the decoder and the stub must never throw, and every complete packet
// gets a reply or a resume action. The seed is printed (TSEMU_FUZZ_SEED=n replays a run).
import test from "node:test";
import assert from "node:assert/strict";
import { encodePacket, MAX_PACKET, PacketDecoder } from "../../src/gdbstub/packet";
import { DebugTarget, GdbStub } from "../../src/gdbstub/stub";
import { targetXml } from "../../src/gdbstub/tdesc";
import { I386_GDB, x87Write } from "../../src/gdbstub/i386-regs";
import { CPUX86State, EIP, FPSTT, FPTAGS, R_EAX } from "../../src/target/i386/cpu";
import { AddressSpace } from "../../src/memory/address-space";
import { gdbToLinuxSignal, linuxToGdbSignal } from "../../src/gdbstub/signals";

/** A target with one mapped page at 0x1000 and the i386 register table over a real CPU state. */
function fakeTarget() {
  const cpu = new CPUX86State(new AddressSpace(new SharedArrayBuffer(2 ** 32)));
  const page = new Uint8Array(4096).map((_, i) => i & 0xff);
  const points: string[] = [];
  const t: DebugTarget = {
    pid: 4242,
    regCount: I386_GDB.regs.length,
    expedite: [8, 4, 5],
    readReg: (n) => I386_GDB.regs[n].get(cpu),
    writeReg: (n, v) => I386_GDB.regs[n].set(cpu, v),
    regSize: (n) => I386_GDB.regs[n].bitsize >> 3,
    targetXml: () => targetXml(I386_GDB),
    readMemory: (a, len) => {
      const out: number[] = [];
      for (let i = 0; i < len && a + i >= 0x1000 && a + i < 0x2000; i++) out.push(page[a + i - 0x1000]);
      return Uint8Array.from(out);
    },
    writeMemory: (a, d) => {
      if (a < 0x1000 || a + d.length > 0x2000) return false;
      page.set(d, a - 0x1000);
      return true;
    },
    setPc: (pc) => { cpu.R[EIP] = pc; },
    insertPoint: (type, addr) => (type > 4 ? null : (points.push(`Z${type}@${addr.toString(16)}`), true)),
    removePoint: (type, addr) => (type > 4 ? null : points.includes(`Z${type}@${addr.toString(16)}`)),
    auxv: () => new Uint8Array([6, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    execFile: () => "/bin/prog",
    monitor: (cmd) => (cmd === "help" ? "help text\n" : ""),
    synthetic: (p) => (p === "/proc/self/maps" ? Buffer.from("08048000-08049000 r-xp 00000000 00:00 0\n") : null),
    hostPath: (p) => p,
    readlink: () => null,
  };
  return { t, cpu, page, points };
}

function ask(stub: GdbStub, pkt: string): string {
  const r = stub.handle(Buffer.from(pkt, "latin1"));
  return r.reply === undefined ? "<no reply>" : r.reply.toString("latin1");
}

test("framing: checksums, escapes, acks, interrupts, oversized and truncated packets", () => {
  const d = new PacketDecoder();
  const p = encodePacket("m1000,4");
  assert.equal(p.toString(), "$m1000,4#8f".replace("8f", p.toString().slice(-2)));
  assert.deepEqual(d.feed(p).map((e) => e.kind), ["packet"]);
  // `$ # } *` in the payload are escaped and come back intact
  const bin = Buffer.from([0x24, 0x23, 0x7d, 0x2a, 0, 0xff]);
  const evs = d.feed(encodePacket(Buffer.concat([Buffer.from("X1000,6:"), bin])));
  assert.equal(evs.length, 1);
  assert.ok(evs[0].kind === "packet" && evs[0].data.subarray(8).equals(bin));
  assert.deepEqual(d.feed(Buffer.from("$g#00")).map((e) => e.kind), ["bad-checksum"]);
  assert.deepEqual(d.feed(Buffer.from("+-\x03")).map((e) => e.kind), ["ack", "nack", "interrupt"]);
  assert.deepEqual(d.feed(Buffer.from("$g#zz")).map((e) => e.kind), ["bad-checksum"]);
  // a packet cut short by a new `$` is dropped; the new one is read
  assert.deepEqual(d.feed(Buffer.concat([Buffer.from("$m10"), encodePacket("g")])).map((e) => e.kind), ["packet"]);
  const big = encodePacket("X" + "a".repeat(MAX_PACKET + 10));
  assert.deepEqual(d.feed(big).map((e) => e.kind), ["oversized"]);
  // byte by byte gives the same events
  const events: string[] = [];
  for (const b of encodePacket("qSupported")) events.push(...d.feed(Buffer.from([b])).map((e) => e.kind));
  assert.deepEqual(events, ["packet"]);
});

test("commands: registers, memory, break/watchpoints, queries, files, monitor", () => {
  const { t, cpu, page, points } = fakeTarget();
  const stub = new GdbStub(t);
  assert.match(ask(stub, "qSupported:multiprocess+;swbreak+;hwbreak+"), /PacketSize=4000;qXfer:features:read\+.*vContSupported\+;swbreak\+;hwbreak\+.*multiprocess\+/);
  assert.equal(ask(stub, "qC"), "QCp1092.1092");
  assert.equal(ask(stub, "qfThreadInfo"), "mp1092.1092");
  assert.equal(ask(stub, "qsThreadInfo"), "l");
  assert.equal(ask(stub, "qAttached"), "1");
  assert.equal(ask(stub, "Hgp1092.1092"), "OK");
  assert.equal(ask(stub, "Hg0"), "OK");
  assert.equal(ask(stub, "Tp1092.1092"), "OK");
  assert.equal(ask(stub, "Tp1.1"), "E02");
  cpu.R[R_EAX] = 0x11223344;
  cpu.R[EIP] = 0x08049000;
  const g = ask(stub, "g");
  assert.equal(g.slice(0, 8), "44332211");
  const size = I386_GDB.regs.reduce((s, r) => s + r.bitsize / 8, 0);
  assert.equal(g.length, 2 * size);
  assert.equal(ask(stub, "p8"), "00900408");
  assert.equal(ask(stub, "P0=78563412"), "OK");
  assert.equal(cpu.R[R_EAX], 0x12345678);
  assert.equal(ask(stub, "P0=7856"), "E16"); // wrong size
  assert.equal(ask(stub, "p999"), "E16");
  assert.equal(ask(stub, "G" + g), "OK");
  assert.equal(cpu.R[R_EAX], 0x11223344);
  assert.equal(ask(stub, "m1000,4"), "00010203");
  assert.equal(ask(stub, "m1ffe,4"), "feff"); // the readable part
  assert.equal(ask(stub, "m0,4"), "E0e"); // unmapped
  assert.equal(ask(stub, "mzz,4"), "E16");
  assert.equal(ask(stub, "M1000,2:abcd"), "OK");
  assert.deepEqual([...page.subarray(0, 2)], [0xab, 0xcd]);
  assert.equal(ask(stub, "M0,2:abcd"), "E0e");
  assert.equal(ask(stub, "X1000,0:"), "OK");
  assert.equal(ask(stub, "Z0,8049000,1"), "OK");
  assert.equal(ask(stub, "Z2,1000,4"), "OK");
  assert.deepEqual(points, ["Z0@8049000", "Z2@1000"]);
  assert.equal(ask(stub, "z0,8049000,1"), "OK");
  assert.equal(ask(stub, "Z7,1000,4"), "");
  assert.equal(ask(stub, "vCont?"), "vCont;c;C;s;S");
  assert.deepEqual(stub.handle(Buffer.from("vCont;s:p1092.1092;c")).action, { kind: "resume", step: true, signal: 0 });
  assert.deepEqual(stub.handle(Buffer.from("vCont;C1e")).action, { kind: "resume", step: false, signal: 10 });
  assert.deepEqual(stub.handle(Buffer.from("c8049010")).action, { kind: "resume", step: false, signal: 0 });
  assert.equal(cpu.R[EIP], 0x8049010);
  assert.deepEqual(stub.handle(Buffer.from("S0b")).action, { kind: "resume", step: true, signal: 11 });
  assert.deepEqual(stub.handle(Buffer.from("D;1092")).action, { kind: "detach" });
  assert.deepEqual(stub.handle(Buffer.from("k")).action, { kind: "kill" });
  const xml = ask(stub, "qXfer:features:read:target.xml:0,3fff");
  assert.ok(xml.startsWith("l<?xml"));
  for (const name of ["eax", "eflags", "gs", "st7", "fop", "xmm7", "mxcsr", "orig_eax"]) assert.ok(xml.includes(`name="${name}"`), name);
  assert.equal(ask(stub, "qXfer:features:read:target.xml:10,10")[0], "m");
  assert.equal(ask(stub, "qXfer:features:read:other.xml:0,10"), "E02");
  assert.equal(ask(stub, "qXfer:exec-file:read:1092:0,100"), "l/bin/prog");
  assert.equal(ask(stub, "qXfer:auxv:read::0,100").length, 17);
  assert.equal(ask(stub, "qRcmd," + Buffer.from("help").toString("hex")), Buffer.from("help text\n").toString("hex"));
  const fd = ask(stub, "vFile:open:" + Buffer.from("/proc/self/maps").toString("hex") + ",0,0");
  assert.equal(fd, "F1");
  assert.equal(ask(stub, "vFile:pread:1,100,0"), "F28;08048000-08049000 r-xp 00000000 00:00 0\n");
  assert.equal(ask(stub, "vFile:close:1"), "F0");
  assert.equal(ask(stub, "vFile:close:1"), "F-1,9");
  assert.equal(ask(stub, "vFile:open:" + Buffer.from("/nonexistent").toString("hex") + ",0,0"), "F-1,2");
  assert.equal(ask(stub, "vFile:open:" + Buffer.from("/tmp/x").toString("hex") + ",241,1b6"), "F-1,d"); // write: refused
  assert.equal(ask(stub, "vMustReplyEmpty"), "");
  assert.equal(ask(stub, "qTStatus"), "");
  assert.equal(ask(stub, "!"), "");
  assert.match(ask(stub, "?"), /^T05.*thread:p1092\.1092;$/);
  assert.equal(stub.exitReply(7, 0), "W07;process:1092");
  assert.equal(stub.exitReply(0, 11), "X0b;process:1092");
});

test("x87 registers travel as their 80 bits: st(i) from the top of stack, tags from the values", () => {
  const { t, cpu } = fakeTarget();
  const stub = new GdbStub(t);
  // pi in extended precision in physical register 6, the top of the stack; R7 holds +0
  cpu.R[FPSTT] = 6;
  x87Write(cpu, 6, 0x4000, 0xc90fdaa2 | 0, 0x2168c235);
  x87Write(cpu, 7, 0, 0, 0);
  cpu.R[FPTAGS + 6] = 0;
  cpu.R[FPTAGS + 7] = 0;
  const st = (i: number) => I386_GDB.regs.findIndex((r) => r.name === `st${i}`);
  assert.equal(ask(stub, "p" + st(0).toString(16)), "35c26821a2da0fc90040");
  assert.equal(ask(stub, "p" + st(1).toString(16)), "00000000000000000000");
  const ftag = I386_GDB.regs.findIndex((r) => r.name === "ftag");
  assert.equal(ask(stub, "p" + ftag.toString(16)), "ff4f0000"); // R6 valid (00), R7 zero (01), others empty
  const fstat = I386_GDB.regs.findIndex((r) => r.name === "fstat");
  assert.equal(ask(stub, "p" + fstat.toString(16)), "00300000"); // TOP = 6
  // writing st1 changes physical register 7
  assert.equal(ask(stub, `P${st(1).toString(16)}=0000000000000080ff3f`), "OK");
  assert.equal(ask(stub, "p" + st(1).toString(16)), "0000000000000080ff3f");
});

test("signal numbers: Linux and gdb's enum both ways", () => {
  for (let s = 1; s <= 64; s++) if (s !== 16) assert.equal(gdbToLinuxSignal(linuxToGdbSignal(s)), s, `signal ${s}`);
  assert.equal(linuxToGdbSignal(10), 30); // SIGUSR1
  assert.equal(linuxToGdbSignal(7), 10); // SIGBUS
  assert.equal(linuxToGdbSignal(17), 20); // SIGCHLD
});

const seed = Number(process.env.TSEMU_FUZZ_SEED ?? Date.now() % 100000);
function rng(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test(`protocol fuzzing: random and mutated packets never throw (seed ${seed})`, () => {
  const r = rng(seed);
  const { t } = fakeTarget();
  const stub = new GdbStub(t);
  const d = new PacketDecoder();
  const corpus = [
    "qSupported:multiprocess+;swbreak+", "g", "G0011", "p8", "P8=00100000", "m1000,10", "M1000,2:0102", "X1000,1:a",
    "c", "s", "C0b", "S05;1000", "vCont;c", "vCont;s:p1.1;c", "Z0,1000,1", "z2,1000,4", "Z4,ffffffff,ffffffff",
    "qXfer:features:read:target.xml:0,fff", "qXfer:auxv:read::0,100", "qXfer:exec-file:read::0,ff", "qRcmd,68656c70",
    "vFile:open:2f70726f632f73656c662f6d617073,0,0", "vFile:pread:1,ff,0", "vFile:readlink:2f", "vFile:fstat:1",
    "vFile:close:1", "Hg-1", "Hc0", "Tp-1.-1", "D", "D;1", "qC", "qfThreadInfo", "qOffsets", "qAttached:1", "?", "k", "vKill;1",
  ];
  const alphabet = "0123456789abcdefABCDEFxyz:;,.-+=#$}*pqvZzmMgGcCsSXTHDk?\x00\xff";
  let packets = 0, replies = 0;
  for (let iter = 0; iter < 6000; iter++) {
    let payload: string;
    const mode = r();
    if (mode < 0.3) {
      // random text from the protocol's alphabet
      const n = (r() * 40) | 0;
      payload = "";
      for (let i = 0; i < n; i++) payload += alphabet[(r() * alphabet.length) | 0];
    } else {
      // a valid packet with a few characters changed, inserted or dropped
      payload = corpus[(r() * corpus.length) | 0];
      const edits = 1 + ((r() * 3) | 0);
      for (let e = 0; e < edits; e++) {
        const at = (r() * (payload.length + 1)) | 0;
        const ch = alphabet[(r() * alphabet.length) | 0];
        const k = r();
        payload = k < 0.4 ? payload.slice(0, at) + ch + payload.slice(at + 1) : k < 0.7 ? payload.slice(0, at) + ch + payload.slice(at) : payload.slice(0, at) + payload.slice(at + 1);
      }
    }
    let bytes = encodePacket(Buffer.from(payload, "latin1"));
    if (r() < 0.15) {
      // damage the framing itself: a flipped byte anywhere, or raw noise
      bytes = Buffer.from(bytes);
      bytes[(r() * bytes.length) | 0] = (r() * 256) | 0;
    }
    if (r() < 0.05) bytes = Buffer.from(Array.from({ length: (r() * 64) | 0 }, () => (r() * 256) | 0));
    for (const ev of d.feed(bytes)) {
      if (ev.kind !== "packet") continue;
      packets++;
      const res = stub.handle(ev.data);
      assert.ok(res.reply !== undefined || res.action !== undefined, `no answer to ${JSON.stringify(ev.data.toString("latin1"))} (seed ${seed})`);
      if (res.reply) {
        replies++;
        // every reply frames into something the decoder reads back whole
        const back = new PacketDecoder().feed(encodePacket(res.reply));
        assert.ok(back.length === 1 && back[0].kind === "packet");
      }
    }
  }
  assert.ok(packets > 4000 && replies > 3000, `${packets} packets, ${replies} replies`);
});
