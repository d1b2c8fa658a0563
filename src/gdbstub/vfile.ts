// gdb's host I/O packets (vFile:open/pread/close/readlink/fstat/setfs): how gdb reads the
// executable and /proc files "on the target". Files are opened read-only; the target supplies
// synthetic contents for the files it emulates (the guest's /proc/self/maps) and maps paths.
import * as fs from "fs";

/** gdb's File-I/O errno values */
const FIO_ENOENT = 2, FIO_EBADF = 9, FIO_EACCES = 13, FIO_EINVAL = 22, FIO_EMFILE = 24, FIO_EUNKNOWN = 9999;
const HOST_TO_FIO: Record<string, number> = { ENOENT: FIO_ENOENT, EACCES: FIO_EACCES, EPERM: 1, ENOTDIR: 20, EISDIR: 21, ENAMETOOLONG: 91, ELOOP: FIO_ENOENT };

export interface VFileHost {
  /** synthetic contents for an emulated file (such as /proc/<pid>/maps), or null */
  synthetic(path: string): Buffer | null;
  /** the host path to open for a guest path */
  hostPath(path: string): string;
  /** readlink for emulated links (/proc/self/exe), or null to ask the host */
  readlink(path: string): string | null;
}

type Open = { data: Buffer } | { fd: number };
const MAX_OPEN = 64;

export class VFiles {
  private files = new Map<number, Open>();
  private next = 1;
  constructor(private readonly host: VFileHost) {}

  /** Handle the text after `vFile:`; the reply payload (binary data is framed by the caller). */
  handle(req: string, maxData: number): Buffer {
    const colon = req.indexOf(":");
    const op = colon < 0 ? req : req.slice(0, colon);
    const args = colon < 0 ? [] : req.slice(colon + 1).split(",");
    try {
      switch (op) {
        case "setfs":
          return ok(0); // one filesystem: the guest's view of the host's
        case "open": {
          const path = hexPath(args[0]);
          if (path === null || args.length < 2) return err(FIO_EINVAL);
          if ((parseInt(args[1], 16) & 3) !== 0) return err(FIO_EACCES); // O_RDONLY only
          if (this.files.size >= MAX_OPEN) return err(FIO_EMFILE);
          const syn = this.host.synthetic(path);
          const f: Open = syn !== null ? { data: syn } : { fd: fs.openSync(this.host.hostPath(path), "r") };
          const n = this.next++;
          this.files.set(n, f);
          return ok(n);
        }
        case "close": {
          const f = this.files.get(parseInt(args[0], 16));
          if (!f) return err(FIO_EBADF);
          if ("fd" in f) fs.closeSync(f.fd);
          this.files.delete(parseInt(args[0], 16));
          return ok(0);
        }
        case "pread": {
          const f = this.files.get(parseInt(args[0], 16));
          const count = Math.min(parseInt(args[1], 16), maxData);
          const off = parseInt(args[2], 16);
          if (!f) return err(FIO_EBADF);
          if (!(count >= 0) || !(off >= 0)) return err(FIO_EINVAL);
          let data: Buffer;
          if ("data" in f) data = f.data.subarray(Math.min(off, f.data.length), Math.min(off + count, f.data.length));
          else {
            const b = Buffer.alloc(count);
            data = b.subarray(0, fs.readSync(f.fd, b, 0, count, off));
          }
          return Buffer.concat([Buffer.from(`F${data.length.toString(16)};`, "latin1"), data]);
        }
        case "fstat": {
          const f = this.files.get(parseInt(args[0], 16));
          if (!f) return err(FIO_EBADF);
          const size = "data" in f ? f.data.length : fs.fstatSync(f.fd).size;
          const mode = "data" in f ? 0o100444 : fs.fstatSync(f.fd).mode;
          return Buffer.concat([Buffer.from(`F40;`, "latin1"), gdbStat(size, mode)]);
        }
        case "readlink": {
          const path = hexPath(args[0]);
          if (path === null) return err(FIO_EINVAL);
          const target = this.host.readlink(path) ?? fs.readlinkSync(this.host.hostPath(path));
          const b = Buffer.from(target, "utf8");
          return Buffer.concat([Buffer.from(`F${b.length.toString(16)};`, "latin1"), b]);
        }
        default:
          return Buffer.alloc(0); // unlink, pwrite...: not supported (empty reply)
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return err((code && HOST_TO_FIO[code]) || FIO_EUNKNOWN);
    }
  }

  closeAll(): void {
    for (const f of this.files.values()) if ("fd" in f) fs.closeSync(f.fd);
    this.files.clear();
  }
}

function ok(n: number): Buffer {
  return Buffer.from(`F${n.toString(16)}`, "latin1");
}
function err(e: number): Buffer {
  return Buffer.from(`F-1,${e.toString(16)}`, "latin1");
}
function hexPath(h: string | undefined): string | null {
  if (h === undefined || h.length % 2 || !/^[0-9a-fA-F]*$/.test(h)) return null;
  return Buffer.from(h, "hex").toString("utf8");
}

/** gdb's struct stat for File-I/O: big-endian fields, 64 bytes */
function gdbStat(size: number, mode: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(mode >>> 0, 8);
  b.writeUInt32BE(1, 12); // nlink
  b.writeBigUInt64BE(BigInt(size), 28);
  b.writeBigUInt64BE(4096n, 36);
  b.writeBigUInt64BE(BigInt(Math.ceil(size / 512)), 44);
  return b;
}

