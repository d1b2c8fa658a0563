// ELF loader for 32-bit little-endian executables (QEMU's linux-user/elfload.c): maps PT_LOAD
// segments (ET_EXEC at their addresses, ET_DYN — static-pie — at a load bias), loads a PT_INTERP
// program interpreter if there is one, and builds the initial stack: argc, argv, envp, auxv.
import * as fs from "fs";
import { PAGE_EXEC, PAGE_MASK, PAGE_READ, PAGE_SIZE, PAGE_WRITE } from "../memory/address-space";
import { STACK_SIZE, STACK_TOP, Task } from "./task";

export class LoadError extends Error {}

/** AT_RANDOM bytes from the kernel (node:crypto would initialize OpenSSL: ~20 ms at start-up). */
function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  const fd = fs.openSync("/dev/urandom", "r");
  try {
    fs.readSync(fd, b, 0, n, null);
  } finally {
    fs.closeSync(fd);
  }
  return b;
}

export interface ElfArch {
  machine: number; // e_machine
  platform: string; // AT_PLATFORM
  hwcap: number; // AT_HWCAP
  /** AT_HWCAP2, for the architectures that have one */
  hwcap2?: number;
  /** Why the e_flags rule the image out (ARM: the EABI version), or null if they are fine. */
  checkFlags?(flags: number): string | null;
  /** ET_DYN load address (Linux: ELF_ET_DYN_BASE) */
  dynBase: number;
  /** the vDSO the architecture maps: AT_SYSINFO_EHDR and AT_SYSINFO (its system-call entry) */
  vdso?: { base: number; sysinfo: number };
}

export interface LoadedImage {
  entry: number;
  phdr: number;
  phnum: number;
  phent: number;
  base: number; // interpreter load bias (AT_BASE), 0 if none
  brk: number;
  sp: number;
  loadBias: number;
}

const PT_LOAD = 1, PT_INTERP = 3, PT_PHDR = 6;
const PF_X = 1, PF_W = 2, PF_R = 4;

interface Elf {
  data: Buffer;
  type: number;
  entry: number;
  phoff: number;
  phnum: number;
  phentsize: number;
  phdrs: { type: number; offset: number; vaddr: number; filesz: number; memsz: number; flags: number }[];
}

function parse(data: Buffer, file: string, arch: ElfArch): Elf {
  const bad = () => new LoadError(`${file}: Invalid ELF image for this architecture`);
  if (data.length < 52 || data.readUInt32BE(0) !== 0x7f454c46) throw bad();
  if (data[4] !== 1 || data[5] !== 1) throw bad(); // ELFCLASS32, little-endian
  const type = data.readUInt16LE(16);
  const machine = data.readUInt16LE(18);
  if (machine !== arch.machine && !(arch.machine === 3 && machine === 6)) throw bad();
  if (type !== 2 && type !== 3) throw bad();
  const why = arch.checkFlags?.(data.readUInt32LE(36));
  if (why) throw new LoadError(`${file}: ${why}`);
  const phoff = data.readUInt32LE(28);
  const phentsize = data.readUInt16LE(42);
  const phnum = data.readUInt16LE(44);
  if (phentsize < 32 || phnum === 0 || phnum > 256 || phoff + phnum * phentsize > data.length) throw bad();
  const phdrs = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    const ph = {
      type: data.readUInt32LE(o),
      offset: data.readUInt32LE(o + 4),
      vaddr: data.readUInt32LE(o + 8),
      filesz: data.readUInt32LE(o + 16),
      memsz: data.readUInt32LE(o + 20),
      flags: data.readUInt32LE(o + 24),
    };
    if (ph.type === PT_LOAD) {
      if (ph.filesz > ph.memsz || ph.offset + ph.filesz > data.length || ph.vaddr + ph.memsz > 0xffff0000) throw bad();
    }
    phdrs.push(ph);
  }
  if (!phdrs.some((p) => p.type === PT_LOAD)) throw bad();
  return { data, type, entry: data.readUInt32LE(24), phoff, phnum, phentsize, phdrs };
}

function readFile(file: string): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new LoadError(`${file}: Is a directory`);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    const err = e as NodeJS.ErrnoException;
    const msg = err.code === "ENOENT" ? "No such file or directory" : err.code === "EACCES" ? "Permission denied" : err.message;
    throw new LoadError(`Could not open '${file}': ${msg}`);
  }
}

/** Map an image's PT_LOAD segments at bias; returns the end of its highest segment. */
function mapSegments(task: Task, elf: Elf, bias: number): number {
  const mem = task.mem;
  let end = 0;
  for (const ph of elf.phdrs) {
    if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
    const va = (ph.vaddr + bias) >>> 0;
    const start = va & ~PAGE_MASK;
    const stop = (va + ph.memsz + PAGE_MASK) & ~PAGE_MASK;
    const prot = (ph.flags & PF_R ? PAGE_READ : 0) | (ph.flags & PF_W ? PAGE_WRITE : 0) | (ph.flags & PF_X ? PAGE_EXEC | PAGE_READ : 0);
    // segments may share a page: keep the union of protections
    for (let a = start; a < stop; a += PAGE_SIZE) {
      const old = mem.pages[a >>> 12] & 7;
      mem.setProt(a, PAGE_SIZE, old | prot);
    }
    mem.poke(va, elf.data.subarray(ph.offset, ph.offset + ph.filesz));
    end = Math.max(end, va + ph.memsz);
  }
  return end >>> 0;
}

function loadBias(task: Task, elf: Elf, arch: ElfArch): number {
  if (elf.type !== 3) return 0;
  const loads = elf.phdrs.filter((p) => p.type === PT_LOAD);
  const lo = Math.min(...loads.map((p) => p.vaddr)) & ~PAGE_MASK;
  const hi = Math.max(...loads.map((p) => p.vaddr + p.memsz));
  if (lo !== 0) return 0;
  const want = arch.dynBase;
  const at = task.findFree(hi - lo, want);
  if (!at) throw new LoadError("out of guest address space for the image");
  return at;
}

export function loadElf(task: Task, file: string, argv: string[], envp: string[], arch: ElfArch): LoadedImage {
  const elf = parse(readFile(file), file, arch);
  const bias = loadBias(task, elf, arch);
  const end = mapSegments(task, elf, bias);
  let entry = (elf.entry + bias) >>> 0;
  let base = 0;
  const interp = elf.phdrs.find((p) => p.type === PT_INTERP);
  if (interp) {
    const name = elf.data.subarray(interp.offset, interp.offset + interp.filesz).toString("latin1").replace(/\0.*$/s, "");
    const ipath = task.hostPath(name);
    const ielf = parse(readFile(ipath), ipath, arch);
    const ib = ielf.type === 3 ? loadBias(task, ielf, { ...arch, dynBase: 0xb7000000 }) : 0;
    mapSegments(task, ielf, ib);
    base = ib;
    entry = (ielf.entry + ib) >>> 0;
  }
  const phdrSeg = elf.phdrs.find((p) => p.type === PT_PHDR);
  let phdr: number;
  if (phdrSeg) phdr = (phdrSeg.vaddr + bias) >>> 0;
  else {
    const first = elf.phdrs.find((p) => p.type === PT_LOAD && p.offset === 0);
    phdr = first ? (first.vaddr + bias + elf.phoff) >>> 0 : 0;
  }
  const brk = (end + PAGE_MASK) & ~PAGE_MASK;
  task.brkStart = task.brk = brk;

  // ---- the stack ----------------------------------------------------------------------------
  task.mapAnon(STACK_TOP - STACK_SIZE, STACK_SIZE, PAGE_READ | PAGE_WRITE);
  const mem = task.mem;
  let sp = STACK_TOP;
  const pushBytes = (b: Uint8Array): number => {
    sp -= b.length;
    mem.poke(sp, b);
    return sp;
  };
  const cstr = (s: string) => pushBytes(Buffer.from(s + "\0", "utf8"));
  const execfn = cstr(file);
  const envAddrs = envp.map(cstr);
  const argAddrs = argv.map(cstr);
  const platform = cstr(arch.platform);
  sp = (sp & ~15) >>> 0;
  const random = pushBytes(randomBytes(16));
  sp = (sp & ~15) >>> 0;
  const auxv: [number, number][] = [
    // the architecture's entries come first, as ARCH_DLINFO puts them
    ...(arch.vdso ? ([[32, arch.vdso.sysinfo], [33, arch.vdso.base]] as [number, number][]) : []), // AT_SYSINFO, AT_SYSINFO_EHDR
    [3, phdr], // AT_PHDR
    [4, elf.phentsize], // AT_PHENT
    [5, elf.phnum], // AT_PHNUM
    [6, PAGE_SIZE], // AT_PAGESZ
    [7, base], // AT_BASE
    [8, 0], // AT_FLAGS
    [9, (elf.entry + bias) >>> 0], // AT_ENTRY
    [11, process.getuid?.() ?? 0], // AT_UID
    [12, process.geteuid?.() ?? 0], // AT_EUID
    [13, process.getgid?.() ?? 0], // AT_GID
    [14, process.getegid?.() ?? 0], // AT_EGID
    [16, arch.hwcap], // AT_HWCAP
    ...(arch.hwcap2 !== undefined ? ([[26, arch.hwcap2]] as [number, number][]) : []), // AT_HWCAP2
    [17, 100], // AT_CLKTCK
    [23, 0], // AT_SECURE
    [25, random], // AT_RANDOM
    [31, execfn], // AT_EXECFN
    [15, platform], // AT_PLATFORM
    [0, 0], // AT_NULL
  ];
  const words = 1 + argAddrs.length + 1 + envAddrs.length + 1 + auxv.length * 2;
  sp = ((sp - words * 4) & ~15) >>> 0;
  let p = sp;
  const put = (v: number) => {
    mem.dv.setUint32(p, v >>> 0, true);
    p += 4;
  };
  put(argv.length);
  argAddrs.forEach(put);
  put(0);
  envAddrs.forEach(put);
  put(0);
  for (const [k, v] of auxv) {
    put(k);
    put(v);
  }
  return { entry, phdr, phnum: elf.phnum, phent: elf.phentsize, base, brk, sp, loadBias: bias };
}
