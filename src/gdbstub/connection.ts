// The gdb connection: a TCP socket driven with blocking host system calls (through the hostsys
// addon), because the guest runs synchronously on Node's one thread and must stay stopped while
// gdb talks to it. Framing and acknowledgements are done here; commands go to the GdbStub.
import { hostsys, HOST_NR } from "../linux-user/host";
import { encodePacket, PacketDecoder, PacketEvent } from "./packet";

const NR_SENDTO = 44, MSG_NOSIGNAL = 0x4000, NR_ACCEPT = 43, NR_SHUTDOWN = 48, NR_BIND = 49, NR_LISTEN = 50, NR_SETSOCKOPT = 54;
const AF_INET = 2, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000, SOL_SOCKET = 1, SO_REUSEADDR = 2;
const IPPROTO_TCP = 6, TCP_NODELAY = 1, EINTR = 4, POLLIN = 1;
const IO_SIZE = 0x10000;

export class GdbConnection {
  private io: SharedArrayBuffer;
  private u8: Uint8Array;
  private base: number;
  private fd = -1;
  private decoder = new PacketDecoder();
  private pending: PacketEvent[] = [];
  noAck = false;
  private last: Buffer | null = null;

  private constructor(private listenFd: number) {
    const h = hostsys();
    if (!h.alloc) throw new Error("the native helper is out of date: run 'npm install' to rebuild it");
    this.io = h.alloc(IO_SIZE);
    this.u8 = new Uint8Array(this.io);
    this.base = h.base(this.io);
  }

  /** Listen on host:port (IPv4); an error message on failure. */
  static listen(host: string, port: number): GdbConnection | string {
    const h = hostsys();
    const ip = host.split(".").map(Number);
    if (ip.length !== 4 || ip.some((v) => !(v >= 0 && v <= 255))) return `invalid address '${host}'`;
    const s = h.sys(HOST_NR.socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) return `socket: errno ${-s}`;
    const c = new GdbConnection(s);
    const u8 = c.u8;
    u8.fill(0, 0, 16);
    u8[0] = 1; // int 1 for SO_REUSEADDR
    h.sys(NR_SETSOCKOPT, s, SOL_SOCKET, SO_REUSEADDR, c.base, 4);
    u8.fill(0, 0, 16);
    u8[0] = AF_INET;
    u8[2] = port >> 8;
    u8[3] = port & 0xff;
    u8.set(ip, 4);
    let r = h.sys(NR_BIND, s, c.base, 16);
    if (r < 0) {
      h.sys(HOST_NR.close, s);
      return `cannot bind ${host}:${port}: ${r === -98 ? "address already in use" : "errno " + -r}`;
    }
    r = h.sys(NR_LISTEN, s, 1);
    if (r < 0) return `listen: errno ${-r}`;
    return c;
  }

  /** Block until gdb connects. */
  accept(): boolean {
    const h = hostsys();
    for (;;) {
      const fd = h.sys(NR_ACCEPT, this.listenFd, 0, 0);
      if (fd === -EINTR) continue;
      if (fd < 0) return false;
      this.fd = fd;
      this.u8.fill(0, 0, 4);
      this.u8[0] = 1;
      h.sys(NR_SETSOCKOPT, fd, IPPROTO_TCP, TCP_NODELAY, this.base, 4);
      this.decoder = new PacketDecoder();
      this.pending = [];
      this.noAck = false;
      return true;
    }
  }

  get connected(): boolean {
    return this.fd >= 0;
  }

  /** Next event from gdb, blocking; null when the connection is gone. */
  next(): PacketEvent | null {
    while (this.pending.length === 0) {
      const n = this.readSome();
      if (n <= 0) {
        this.close();
        return null;
      }
      this.pending = this.decoder.feed(this.u8.subarray(0, n));
    }
    return this.pending.shift()!;
  }

  /** Without blocking: has gdb sent the interrupt byte (Ctrl-C) or gone away? */
  interrupted(): boolean {
    if (this.fd < 0) return false;
    const h = hostsys();
    const dv = new DataView(this.io);
    dv.setInt32(0, this.fd, true);
    dv.setInt32(4, POLLIN, true);
    if (h.sys(HOST_NR.poll, this.base, 1, 0) <= 0) return false;
    const n = this.readSome();
    if (n <= 0) {
      this.close();
      return true;
    }
    const evs = this.decoder.feed(this.u8.subarray(0, n));
    let intr = false;
    for (const e of evs) {
      if (e.kind === "interrupt") intr = true;
      else this.pending.push(e);
    }
    return intr;
  }

  private readSome(): number {
    const h = hostsys();
    for (;;) {
      const n = h.sys(HOST_NR.read, this.fd, this.base, IO_SIZE);
      if (n !== -EINTR) return n;
    }
  }

  /** Send a packet (kept for retransmission after a nack). */
  send(payload: Buffer | string): void {
    const p = encodePacket(payload);
    this.last = p;
    this.write(p);
  }
  retransmit(): void {
    if (this.last) this.write(this.last);
  }
  ack(ok: boolean): void {
    if (!this.noAck) this.write(Buffer.from(ok ? "+" : "-"));
  }

  private write(b: Buffer): void {
    if (this.fd < 0) return;
    const h = hostsys();
    let off = 0;
    while (off < b.length) {
      const n = Math.min(b.length - off, IO_SIZE);
      this.u8.set(b.subarray(off, off + n), 0);
      // send(MSG_NOSIGNAL): a vanished gdb must not raise SIGPIPE
      const r = h.sys(NR_SENDTO, this.fd, this.base, n, MSG_NOSIGNAL, 0, 0);
      if (r === -EINTR) continue;
      if (r <= 0) {
        this.close();
        return;
      }
      off += r;
    }
  }

  close(): void {
    if (this.fd >= 0) {
      const h = hostsys();
      h.sys(NR_SHUTDOWN, this.fd, 2);
      h.sys(HOST_NR.close, this.fd);
      this.fd = -1;
    }
  }
  closeListener(): void {
    if (this.listenFd >= 0) hostsys().sys(HOST_NR.close, this.listenFd);
    this.listenFd = -1;
  }
}
