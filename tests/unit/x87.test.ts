// Unit tests of the x87 value layer's format conversions (helpers/fpu.ts): 80-bit extended <->
// double, packed BCD, and integer rounding under the four RC modes. These are the pieces whose
// mistakes guest programs show only indirectly (a wrong digit in printf("%Lf"), a tag word), so
// they are pinned down here bit by bit.
import test from "node:test";
import assert from "node:assert/strict";
import { bcdDecode, bcdEncode, doubleToF80, f80ToDouble, INDEFINITE, roundInt } from "../../src/target/i386/helpers/fpu";

const buf = new DataView(new ArrayBuffer(8));
function bitsOf(x: number): bigint {
  buf.setFloat64(0, x, true);
  return buf.getBigUint64(0, true);
}
function fromBits(b: bigint): number {
  buf.setBigUint64(0, b, true);
  return buf.getFloat64(0, true);
}
/** [se, hi, lo] as one hex string "ssss hhhhhhhh llllllll" for readable failures */
const hex = ([se, hi, lo]: [number, number, number]) =>
  `${se.toString(16).padStart(4, "0")} ${hi.toString(16).padStart(8, "0")} ${lo.toString(16).padStart(8, "0")}`;

test("double -> 80-bit: known encodings", () => {
  assert.equal(hex(doubleToF80(1)), "3fff 80000000 00000000");
  assert.equal(hex(doubleToF80(-2.5)), "c000 a0000000 00000000");
  assert.equal(hex(doubleToF80(0)), "0000 00000000 00000000");
  assert.equal(hex(doubleToF80(-0)), "8000 00000000 00000000");
  assert.equal(hex(doubleToF80(Math.PI)), "4000 c90fdaa2 2168c000");
  assert.equal(hex(doubleToF80(Infinity)), "7fff 80000000 00000000");
  assert.equal(hex(doubleToF80(-Infinity)), "ffff 80000000 00000000");
  assert.equal(hex(doubleToF80(Number.MAX_VALUE)), "43fe ffffffff fffff800");
  assert.equal(hex(doubleToF80(2 ** -1022)), "3c01 80000000 00000000");
  // double denormals are normalized: the extended format has the exponent range for them
  assert.equal(hex(doubleToF80(Number.MIN_VALUE)), "3bcd 80000000 00000000");
  assert.equal(hex(doubleToF80(3 * 2 ** -1074)), "3bce c0000000 00000000");
  assert.equal(hex(doubleToF80(fromBits(0x000fffffffffffffn))), "3c00 ffffffff fffff000");
  // NaNs: sign, quiet bit and payload move up 11 bits under the explicit integer bit
  assert.equal(hex(doubleToF80(INDEFINITE)), "ffff c0000000 00000000");
  assert.equal(hex(doubleToF80(fromBits(0x7ff4000000000001n))), "7fff a0000000 00000800");
});

test("80-bit -> double -> 80-bit round trips every double bit pattern class", () => {
  const samples: number[] = [0, -0, 1, -1, 0.1, 1 / 3, 1e300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1022,
    2 ** -1023, 5e-324 * 12345, Infinity, -Infinity, INDEFINITE, fromBits(0x7ff8000000000123n), fromBits(0xfff0000000000001n)];
  let seed = 7;
  for (let i = 0; i < 2000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const hi = BigInt(seed) << 32n;
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    samples.push(fromBits(hi | BigInt(seed)));
  }
  for (const x of samples) {
    const [se, hi, lo] = doubleToF80(x);
    assert.equal(bitsOf(f80ToDouble(se, hi, lo)), bitsOf(x), `round trip of ${bitsOf(x).toString(16)}`);
  }
});

test("80-bit -> double: rounding of the 64-bit significand to nearest even", () => {
  assert.equal(f80ToDouble(0x3fff, 0x80000000, 0x00000001), 1); // 1 + 2^-63
  assert.equal(f80ToDouble(0x3fff, 0x80000000, 0x00000400), 1); // 1 + 2^-53: tie, even
  assert.equal(f80ToDouble(0x3fff, 0x80000000, 0x00000401), 1 + 2 ** -52); // just above the tie
  assert.equal(f80ToDouble(0x3fff, 0x80000000, 0x00000c00), 1 + 2 ** -51); // tie, odd below: up
  assert.equal(f80ToDouble(0xbfff, 0xffffffff, 0xffffffff), -2); // carries into the exponent
  // extended pi (…c235) is nearer the double below it
  assert.equal(f80ToDouble(0x4000, 0xc90fdaa2, 0x2168c235), Math.PI);
  // the double subnormal range rounds once, at the subnormal's precision
  assert.equal(f80ToDouble(0x3bcd, 0xc0000000, 0), 2 * Number.MIN_VALUE); // 1.5 * 2^-1074: tie, even
  assert.equal(f80ToDouble(0x3bcd, 0xa0000000, 0), Number.MIN_VALUE); // 1.25 * 2^-1074
  assert.equal(f80ToDouble(0x3bcd, 0xe0000000, 0), 2 * Number.MIN_VALUE); // 1.75 * 2^-1074
  assert.equal(f80ToDouble(0x3c00, 0xffffffff, 0xffffffff), 2 ** -1022); // rounds up to the smallest normal
});

test("80-bit -> double: values beyond the double range saturate, specials convert", () => {
  assert.equal(f80ToDouble(0x7ffe, 0xffffffff, 0xffffffff), Number.MAX_VALUE); // LDBL_MAX
  assert.equal(f80ToDouble(0xfffe, 0xffffffff, 0xffffffff), -Number.MAX_VALUE);
  assert.equal(f80ToDouble(0x43ff, 0x80000000, 0), Number.MAX_VALUE); // 2^1024
  assert.equal(f80ToDouble(0x0001, 0x80000000, 0), Number.MIN_VALUE); // LDBL_MIN
  assert.equal(f80ToDouble(0x8000, 0, 1), -Number.MIN_VALUE); // extended denormal
  assert.equal(f80ToDouble(0x0000, 0x80000000, 0), Number.MIN_VALUE); // pseudo-denormal
  assert.equal(f80ToDouble(0x7fff, 0x80000000, 0), Infinity);
  assert.equal(f80ToDouble(0xffff, 0x80000000, 0), -Infinity);
  assert.ok(Object.is(f80ToDouble(0x8000, 0, 0), -0));
  // unsupported encodings are invalid operands: the indefinite NaN
  assert.equal(bitsOf(f80ToDouble(0x7fff, 0, 0)), bitsOf(INDEFINITE)); // pseudo-infinity
  assert.equal(bitsOf(f80ToDouble(0x7fff, 0x40000000, 0)), bitsOf(INDEFINITE)); // pseudo-NaN
  assert.equal(bitsOf(f80ToDouble(0x3fff, 0x40000000, 0)), bitsOf(INDEFINITE)); // unnormal
  // NaNs keep sign, quietness and the top payload bits; payload only in dropped bits stays a NaN
  assert.equal(bitsOf(f80ToDouble(0xffff, 0xc0000000, 0)), 0xfff8000000000000n);
  assert.equal(bitsOf(f80ToDouble(0x7fff, 0xa0000000, 0x800)), 0x7ff4000000000001n);
  assert.equal(bitsOf(f80ToDouble(0x7fff, 0x80000000, 0x1)), 0x7ff0000000000001n);
});

test("packed BCD encode/decode", () => {
  const b = bcdEncode(false, 123456789012345678n);
  assert.deepEqual(b, [0x78, 0x56, 0x34, 0x12, 0x90, 0x78, 0x56, 0x34, 0x12, 0x00]);
  assert.deepEqual(bcdDecode(b), { neg: false, mag: 123456789012345678n });
  const n = bcdEncode(true, 999999999999999999n);
  assert.deepEqual(n, [0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x80]);
  assert.deepEqual(bcdDecode(n), { neg: true, mag: 999999999999999999n });
  assert.deepEqual(bcdEncode(true, 0n), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]); // -0
  assert.deepEqual(bcdDecode([0x05, 0x01, 0, 0, 0, 0, 0, 0, 0, 0x80]), { neg: true, mag: 105n });
  // the sign byte's other bits are ignored; invalid digits are taken at face value
  assert.deepEqual(bcdDecode([0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f]), { neg: false, mag: 10n });
  for (const v of [0n, 1n, 10n, 99n, 100n, 4294967296n, 10n ** 17n, 10n ** 18n - 1n]) {
    assert.equal(bcdDecode(bcdEncode(false, v)).mag, v);
  }
});

test("roundInt: the four RC modes, ties, signed zeros, and the err refinement", () => {
  const modes = (x: number) => [0, 1, 2, 3].map((m) => roundInt(x, 0, m));
  assert.deepEqual(modes(2.5), [2, 2, 3, 2]);
  assert.deepEqual(modes(3.5), [4, 3, 4, 3]);
  assert.deepEqual(modes(-2.5), [-2, -3, -2, -2]);
  assert.deepEqual(modes(7.75), [8, 7, 8, 7]);
  const z = modes(-0.4);
  assert.ok(Object.is(z[0], -0) && z[1] === -1 && Object.is(z[2], -0) && Object.is(z[3], -0));
  assert.ok(Object.is(roundInt(-0, 0, 0), -0));
  assert.equal(roundInt(2 ** 60, 0, 0), 2 ** 60);
  assert.equal(roundInt(Infinity, 0, 0), Infinity);
  // s + ε·sign(err): an exact half plus a little rounds up, minus a little rounds down
  assert.equal(roundInt(2.5, 1, 0), 3);
  assert.equal(roundInt(2.5, -1, 0), 2);
  assert.equal(roundInt(3, -1, 1), 2);
  assert.equal(roundInt(3, 1, 2), 4);
  assert.equal(roundInt(3, -1, 3), 2);
  assert.equal(roundInt(-3, 1, 3), -2);
  assert.ok(Object.is(roundInt(0, -1, 2), -0));
});
