// Target descriptions (gdb's XML tdesc format) generated from a guest's register table, so the
// register numbers gdb uses in g/G/p/P packets, the XML it reads through qXfer:features:read and
// the stub's register accessors all come from one list.

/** One register as gdb sees it. Values travel as little-endian bytes of bitsize / 8. */
export interface GdbReg<C> {
  name: string;
  bitsize: number;
  /** a gdb predefined type (int32, code_ptr, i387_ext...) or one defined in the feature's types */
  type: string;
  group?: string;
  /** the gdb feature (org.gnu.gdb.i386.core...) the register belongs to */
  feature: string;
  get(cpu: C): Uint8Array;
  set(cpu: C, v: Uint8Array): void;
}

export interface GdbArch<C> {
  /** <architecture> of the description */
  arch: string;
  osabi: string;
  /** type definitions (XML) by feature name, placed before the feature's registers */
  types: Record<string, string>;
  regs: GdbReg<C>[];
  /** register numbers of the pc and of the stack pointer (for T stop replies) */
  pc: number;
  sp: number;
  fp: number;
}

/** The whole description as target.xml: one <feature> per distinct feature, registers in table order. */
export function targetXml<C>(a: GdbArch<C>): string {
  const out = [
    `<?xml version="1.0"?>`,
    `<!DOCTYPE target SYSTEM "gdb-target.dtd">`,
    `<target version="1.0">`,
    `  <architecture>${a.arch}</architecture>`,
    `  <osabi>${a.osabi}</osabi>`,
  ];
  const features: string[] = [];
  for (const r of a.regs) if (!features.includes(r.feature)) features.push(r.feature);
  for (const f of features) {
    out.push(`  <feature name="${f}">`);
    if (a.types[f]) out.push(a.types[f].trimEnd());
    a.regs.forEach((r, n) => {
      if (r.feature !== f) return;
      const group = r.group ? ` group="${r.group}"` : "";
      out.push(`    <reg name="${r.name}" bitsize="${r.bitsize}" type="${r.type}" regnum="${n}"${group}/>`);
    });
    out.push(`  </feature>`);
  }
  out.push(`</target>`);
  return out.join("\n") + "\n";
}

// little-endian helpers for register accessors
export function le32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}
export function rd32(b: Uint8Array): number {
  return new DataView(b.buffer, b.byteOffset, b.length).getInt32(0, true);
}
