// The gdb stub over a real socket, driven by a scripted client instead of gdb: protocol errors
// (noise, bad checksums, oversized and unknown packets, unmapped memory) get protocol answers,
// and a client that vanishes — while the guest is stopped or while it runs — leaves tsemu running
// the guest to its normal end.
import test from "node:test";
import assert from "node:assert/strict";
import * as net from "node:net";
import * as path from "node:path";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { encodePacket, PacketDecoder } from "../../src/gdbstub/packet";
import { elfSymbol } from "../util/elf";

const root = path.resolve(__dirname, "..", "..", "..");
const tsemu = path.join(root, "bin", "tsemu-i386.js");
const prog = path.join(root, "tests", "gdb", "bin", "target");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** tsemu under -g, its output and status once it ends */
async function startTsemu(port: number, args: string[] = [], gdbArg: string | null = String(port)) {
  const opts = gdbArg === null ? ["-g", String(port)] : ["-g", gdbArg];
  const env = gdbArg === null ? { ...process.env, QEMU_GDB: String(port) } : process.env;
  const child = spawn(process.execPath, [tsemu, ...(gdbArg === null ? [] : opts), prog, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const done = new Promise<{ status: number | null; out: string }>((resolve) => child.on("exit", (status) => resolve({ status, out })));
  for (let i = 0; i < 100; i++) {
    const sock = await new Promise<net.Socket | null>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => resolve(s));
      s.once("error", () => resolve(null));
    });
    if (sock) return { sock, done, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error("tsemu did not listen");
}

/** Reads raw bytes and decoded packets from the stub. */
class Client {
  private dec = new PacketDecoder();
  private raw = "";
  private packets: string[] = [];
  private waiters: (() => void)[] = [];
  constructor(readonly sock: net.Socket) {
    sock.on("data", (d: Buffer) => {
      this.raw += d.toString("latin1");
      for (const e of this.dec.feed(d)) if (e.kind === "packet") this.packets.push(e.data.toString("latin1"));
      for (const w of this.waiters.splice(0)) w();
    });
  }
  send(s: string | Buffer): void {
    this.sock.write(s);
  }
  async packet(): Promise<string> {
    while (this.packets.length === 0) await new Promise<void>((r) => this.waiters.push(r));
    return this.packets.shift()!;
  }
  async ask(p: string): Promise<string> {
    this.send(encodePacket(p));
    return this.packet();
  }
  takeRaw(): string {
    const r = this.raw;
    this.raw = "";
    return r;
  }
}

test("bad input gets protocol answers; a client killed at a stop leaves the guest running to its end", async () => {
  const port = await freePort();
  const { sock, done } = await startTsemu(port);
  const c = new Client(sock);
  c.send("garbage between packets\n");
  c.send("$g#00"); // bad checksum: nack
  c.send(encodePacket("qSupported:swbreak+"));
  assert.match(await c.packet(), /PacketSize=/);
  assert.ok(c.takeRaw().startsWith("-+"), "nack for the bad checksum, ack for the good packet");
  c.send("$" + "m".repeat(70000) + "#00"); // oversized, and a bad checksum too
  c.send(encodePacket("X" + "0".repeat(0x5000)));
  assert.equal(await c.packet(), "E01");
  assert.equal(await c.ask("qNoSuchThing"), "");
  assert.equal(await c.ask("vNoSuchThing;1"), "");
  assert.equal(await c.ask("m0,4"), "E0e"); // unmapped
  assert.equal(await c.ask("mfffff000,4"), "E0e"); // the emulator's own scratch page is not the guest's
  assert.equal(await c.ask("m8048000,4"), "7f454c46");
  assert.equal(await c.ask("Mzz"), "E16");
  assert.match(await c.ask("?"), /^T05/);
  c.send("\x03"); // Ctrl-C while stopped: ignored
  assert.match(await c.ask("qC"), /^QC/);
  const xml = await c.ask("qXfer:features:read:target.xml:0,3ff");
  assert.ok(xml.startsWith("m<?xml"));
  // a breakpoint at do_nothing: the stop reply says so, and eip is there
  const at = elfSymbol(fs.readFileSync(prog), "do_nothing");
  assert.equal(await c.ask(`Z0,${at.toString(16)},1`), "OK");
  assert.match(await c.ask("c"), /^T05.*swbreak:;/);
  assert.equal(await c.ask("p8"), Buffer.from(new Uint32Array([at]).buffer).toString("hex"));
  sock.destroy(); // gdb killed
  const r = await done;
  assert.equal(r.status, 7);
  assert.match(r.out, /total 30/);
});

test("a client that disconnects while the guest runs: the guest finishes normally", async () => {
  const port = await freePort();
  const { sock, done } = await startTsemu(port);
  const c = new Client(sock);
  assert.match(await c.ask("?"), /^T05/);
  c.send(encodePacket("vCont;c"));
  sock.end();
  const r = await done;
  assert.equal(r.status, 7);
  assert.match(r.out, /total 30/);
});

test("Ctrl-C stops a running guest with SIGINT; k kills it", async () => {
  const port = await freePort();
  const { sock, done } = await startTsemu(port, ["spin"]);
  const c = new Client(sock);
  assert.match(await c.ask("?"), /^T05/);
  c.send(encodePacket("c"));
  await new Promise((r) => setTimeout(r, 300));
  c.send("\x03");
  assert.match(await c.packet(), /^T02/);
  c.send(encodePacket("k"));
  const r = await done;
  assert.equal(r.status, 137);
});

test("QEMU_GDB and -g address:port; D detaches and the guest runs to its end", async () => {
  for (const how of ["env", "address"]) {
    const port = await freePort();
    const { sock, done } = await startTsemu(port, [], how === "env" ? null : `127.0.0.1:${port}`);
    const c = new Client(sock);
    assert.match(await c.ask("qSupported:multiprocess+"), /multiprocess\+/);
    assert.match(await c.ask("?"), /^T05[^]*thread:p[0-9a-f]+\.[0-9a-f]+;$/);
    assert.equal(await c.ask("D"), "OK");
    const r = await done;
    assert.equal(r.status, 7);
    assert.equal(r.out, "total 30\n");
  }
});

test("-g refuses a bad port and an address in use with one line", async () => {
  const { spawnSync } = await import("node:child_process");
  const bad = spawnSync(process.execPath, [tsemu, "-g", "notaport", prog]);
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr.toString(), "tsemu-i386: -g: invalid port 'notaport' (expected [address:]port)\n");
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  const busy = spawnSync(process.execPath, [tsemu, "-g", String(port), prog]);
  srv.close();
  assert.equal(busy.status, 1);
  assert.match(busy.stderr.toString(), /^tsemu-i386: -g: cannot bind 127\.0\.0\.1:\d+: address already in use\n$/);
});
