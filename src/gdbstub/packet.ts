// GDB Remote Serial Protocol framing: `$payload#cs` packets, `+`/`-` acknowledgements, the 0x03
// interrupt byte, `}` escapes and checksums. The decoder is a byte-at-a-time state machine that
// never throws on any input, so a confused or hostile client can only get error replies: an
// oversized packet is swallowed up to its `#` and reported as such, a bad checksum is a nack.

/** Largest payload we accept (advertised as PacketSize in qSupported). */
export const MAX_PACKET = 0x4000;

export type PacketEvent =
  | { kind: "packet"; data: Buffer }
  | { kind: "bad-checksum" }
  | { kind: "oversized" }
  | { kind: "interrupt" }
  | { kind: "nack" }
  | { kind: "ack" };

const ST_IDLE = 0, ST_DATA = 1, ST_CS1 = 2, ST_CS2 = 3;

export class PacketDecoder {
  private state = ST_IDLE;
  private buf = Buffer.alloc(MAX_PACKET);
  private len = 0;
  private sum = 0;
  private overflow = false;
  private cs = 0;

  /** Feed received bytes; returns the events they complete, in order. */
  feed(bytes: Uint8Array): PacketEvent[] {
    const out: PacketEvent[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      switch (this.state) {
        case ST_IDLE:
          if (b === 0x24 /* $ */) this.begin();
          else if (b === 0x03) out.push({ kind: "interrupt" });
          else if (b === 0x2b /* + */) out.push({ kind: "ack" });
          else if (b === 0x2d /* - */) out.push({ kind: "nack" });
          // anything else between packets is line noise: ignored
          break;
        case ST_DATA:
          if (b === 0x23 /* # */) this.state = ST_CS1;
          else if (b === 0x24) this.begin(); // a new packet start: the previous one was truncated
          else {
            this.sum = (this.sum + b) & 0xff;
            if (this.len < MAX_PACKET) this.buf[this.len++] = b;
            else this.overflow = true;
          }
          break;
        case ST_CS1: {
          const h = hexVal(b);
          if (h >= 0) {
            this.cs = h << 4;
            this.state = ST_CS2;
            break;
          }
          out.push({ kind: "bad-checksum" });
          if (b === 0x24) this.begin();
          else this.state = ST_IDLE;
          break;
        }
        case ST_CS2: {
          const h = hexVal(b);
          this.state = ST_IDLE;
          if (h < 0 || (this.cs | h) !== this.sum) out.push({ kind: "bad-checksum" });
          else if (this.overflow) out.push({ kind: "oversized" });
          else out.push({ kind: "packet", data: unescape(this.buf.subarray(0, this.len)) });
          if (b === 0x24) this.begin();
          break;
        }
      }
    }
    return out;
  }

  private begin(): void {
    this.state = ST_DATA;
    this.len = 0;
    this.sum = 0;
    this.overflow = false;
  }
}

function hexVal(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

/** `}` x → x ^ 0x20 (binary data in X, vFile:pwrite...; harmless elsewhere: `}` is never plain text). */
function unescape(b: Buffer): Buffer {
  if (!b.includes(0x7d)) return Buffer.from(b);
  const out = Buffer.alloc(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x7d && i + 1 < b.length) out[n++] = b[++i] ^ 0x20;
    else out[n++] = b[i];
  }
  return out.subarray(0, n);
}

/** Frame a payload: escape `$ # } *`, append the checksum. */
export function encodePacket(payload: Buffer | string): Buffer {
  const p = typeof payload === "string" ? Buffer.from(payload, "latin1") : payload;
  const out: number[] = [0x24];
  let sum = 0;
  for (const c of p) {
    if (c === 0x24 || c === 0x23 || c === 0x7d || c === 0x2a) {
      out.push(0x7d, c ^ 0x20);
      sum += 0x7d + (c ^ 0x20);
    } else {
      out.push(c);
      sum += c;
    }
  }
  sum &= 0xff;
  out.push(0x23, HEX.charCodeAt(sum >> 4), HEX.charCodeAt(sum & 15));
  return Buffer.from(out);
}

const HEX = "0123456789abcdef";

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString("hex");
}

/** Strict hex → bytes (null on odd length or a non-hex digit). */
export function fromHex(s: string): Buffer | null {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return null;
  return Buffer.from(s, "hex");
}

/** A hex number as gdb sends addresses and lengths: 1..16 digits, or NaN. */
export function parseHexNum(s: string): number {
  if (!/^[0-9a-fA-F]{1,16}$/.test(s)) return NaN;
  return parseInt(s, 16);
}
