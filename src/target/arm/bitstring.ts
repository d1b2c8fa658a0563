// Bitstring decode tables as the ARM ARM writes them: each entry is a pattern of 16 or 32
// characters, most significant bit first, where 0/1 are fixed bits, `-` is a bit the decoder
// ignores (the manual's (0)/(1) "should be" bits), and every other character names a field.
// A letter that occurs in several places makes one field of the bits concatenated in order
// (Thumb's i:imm3:imm8, or LDRH's imm4H:imm4L). Spaces may separate groups and are ignored.
//
// Entries are tried in table order and the first match wins, so an entry that carves a special
// case out of a wider one (MOV out of ORR-like space, `cond == 1111` spaces, Rn == 1111 forms)
// comes first — the way QEMU's decodetree orders overlapping patterns. One compiled table drives
// the decoder, the disassembler (entries carry their assembly syntax) and the translator (entries
// are looked up by name), and the random-encoding tests draw from it.

export interface BitEntry {
  /** the translator function is `arm_<name>` / `t16_<name>` ...: written out, grep-able */
  readonly name: string;
  readonly pattern: string;
  /** assembly syntax template for the disassembler (see disas.ts) */
  readonly asm: string;
}

export interface Field {
  readonly name: string;
  /** runs of bits, most significant first: [lowest bit position, width] */
  readonly runs: readonly (readonly [number, number])[];
  readonly width: number;
}

export interface CompiledEntry<E extends BitEntry> {
  readonly e: E;
  readonly mask: number;
  readonly value: number;
  readonly fields: readonly Field[];
}

export function compilePattern(pattern: string, bits: number): { mask: number; value: number; fields: Field[] } {
  const p = pattern.replace(/ /g, "");
  if (p.length !== bits) throw new Error(`bitstring ${pattern}: ${p.length} bits, expected ${bits}`);
  let mask = 0, value = 0;
  const runs = new Map<string, [number, number][]>();
  for (let i = 0; i < bits; i++) {
    const ch = p[i];
    const pos = bits - 1 - i;
    if (ch === "0" || ch === "1") {
      mask |= 1 << pos;
      if (ch === "1") value |= 1 << pos;
    } else if (ch !== "-") {
      let r = runs.get(ch);
      if (!r) runs.set(ch, (r = []));
      const last = r[r.length - 1];
      // extend the current run when this bit continues it (positions descend)
      if (last && last[0] === pos + 1) {
        last[0] = pos;
        last[1]++;
      } else r.push([pos, 1]);
    }
  }
  const fields: Field[] = [];
  for (const [name, r] of runs) fields.push({ name, runs: r, width: r.reduce((a, x) => a + x[1], 0) });
  return { mask: mask >>> 0, value: value >>> 0, fields };
}

/** The value of one field of `word`. */
export function extractField(fd: Field, word: number): number {
  let v = 0;
  for (const [lo, w] of fd.runs) v = v * 2 ** w + (((word >>> lo) & (w >= 32 ? -1 : (1 << w) - 1)) >>> 0);
  return v >>> 0;
}

/** The fields of a decoded instruction by name (fresh per decode: translation time only). */
export type Fields = Record<string, number>;

/**
 * A compiled table. Lookups go through buckets keyed by `keyBits` of the word (chosen per
 * table: bits that most entries fix), so each decode tries only the entries that can match.
 */
export class BitTable<E extends BitEntry> {
  readonly entries: CompiledEntry<E>[];
  private readonly byName = new Map<string, CompiledEntry<E>>();
  private readonly buckets: (CompiledEntry<E>[] | undefined)[];
  private readonly keyMask: number;
  private readonly keyRuns: [number, number][];

  constructor(
    table: readonly E[],
    readonly bits: 16 | 32,
    /** bit positions forming the bucket key, e.g. A32 uses 27..20 and 7..4 like the manual */
    keyBitPositions: readonly number[],
  ) {
    this.entries = table.map((e) => {
      const c = compilePattern(e.pattern, bits);
      if (this.byName.has(e.name)) throw new Error(`bit table: duplicate entry ${e.name}`);
      const ce = { e, ...c };
      this.byName.set(e.name, ce);
      return ce;
    });
    let km = 0;
    for (const b of keyBitPositions) km |= 1 << b;
    this.keyMask = km >>> 0;
    this.keyRuns = [];
    const sorted = [...keyBitPositions].sort((a, b) => b - a);
    for (const b of sorted) this.keyRuns.push([b, 1]);
    this.buckets = new Array(1 << keyBitPositions.length);
  }

  private key(word: number): number {
    let k = 0;
    for (const [b] of this.keyRuns) k = (k << 1) | ((word >>> b) & 1);
    return k;
  }

  /** The first entry matching `word`, or null (an undefined encoding). */
  lookup(word: number): CompiledEntry<E> | null {
    const k = this.key(word);
    let list = this.buckets[k];
    if (list === undefined) {
      // entries whose fixed key bits agree with this key, in table order
      const keyed = (word & this.keyMask) >>> 0;
      list = this.entries.filter((c) => ((c.mask & this.keyMask & (c.value ^ keyed)) >>> 0) === 0);
      this.buckets[k] = list;
    }
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (((word & c.mask) >>> 0) === c.value) return c;
    }
    return null;
  }

  entry(name: string): CompiledEntry<E> {
    const c = this.byName.get(name);
    if (!c) throw new Error(`bit table: no entry ${name}`);
    return c;
  }

  fields(c: CompiledEntry<E>, word: number): Fields {
    const f: Fields = {};
    for (const fd of c.fields) f[fd.name] = extractField(fd, word);
    return f;
  }
}
