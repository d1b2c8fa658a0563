// Minimal i386 ELF executables made on the fly by tests (fuzzing, CLI behaviour).

/** A static ELF32 executable with one R+X segment holding `code` at its entry point. */
export function tinyElf(code: Uint8Array): Buffer {
  const base = 0x08048000, hdr = 52 + 32;
  const b = Buffer.alloc(hdr + code.length);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 1; // 32-bit
  b[5] = 1; // little-endian
  b[6] = 1; // version
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(3, 18); // EM_386
  b.writeUInt32LE(1, 20);
  b.writeUInt32LE(base + hdr, 24); // entry
  b.writeUInt32LE(52, 28); // phoff
  b.writeUInt16LE(52, 40);
  b.writeUInt16LE(32, 42);
  b.writeUInt16LE(1, 44);
  b.writeUInt32LE(1, 52); // PT_LOAD
  b.writeUInt32LE(0, 56);
  b.writeUInt32LE(base, 60);
  b.writeUInt32LE(base, 64);
  b.writeUInt32LE(b.length, 68);
  b.writeUInt32LE(b.length + 0x1000, 72);
  b.writeUInt32LE(5, 76); // R+X
  b.writeUInt32LE(0x1000, 80);
  Buffer.from(code).copy(b, hdr);
  return b;
}

/** The value of a symbol in a 32-bit little-endian ELF file's .symtab (tests look up addresses). */
export function elfSymbol(file: Buffer, name: string): number {
  const shoff = file.readUInt32LE(32), shentsize = file.readUInt16LE(46), shnum = file.readUInt16LE(48);
  for (let i = 0; i < shnum; i++) {
    const sh = shoff + i * shentsize;
    if (file.readUInt32LE(sh + 4) !== 2) continue; // SHT_SYMTAB
    const off = file.readUInt32LE(sh + 16), size = file.readUInt32LE(sh + 20), link = file.readUInt32LE(sh + 24);
    const strOff = file.readUInt32LE(shoff + link * shentsize + 16);
    for (let s = off; s < off + size; s += 16) {
      const n = file.readUInt32LE(s);
      const end = file.indexOf(0, strOff + n);
      if (file.toString("latin1", strOff + n, end) === name) return file.readUInt32LE(s + 4);
    }
  }
  throw new Error(`no symbol ${name}`);
}
