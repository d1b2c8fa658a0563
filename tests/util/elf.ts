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
