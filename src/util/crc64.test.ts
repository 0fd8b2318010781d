import { describe, expect, it } from 'vitest';
import { Crc64, crc64 } from './crc64.js';

/** Bit-at-a-time reference with BigInt (reflected Jones polynomial). */
function reference(buf: Uint8Array): bigint {
  const poly = 0x95ac9329ac4bc9b5n;
  let crc = 0n;
  for (const b of buf) {
    crc ^= BigInt(b);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc;
}

describe('crc64 (Jones, as Redis)', () => {
  it('matches the check value', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(0xe9c6d914c4b8d9can);
    expect(crc64(Buffer.alloc(0))).toBe(0n);
  });

  it('agrees with a bitwise reference for every length up to 70 and random data', () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
    for (let n = 0; n <= 70; n++) {
      const b = Buffer.from(Array.from({ length: n }, rnd));
      expect(crc64(b), `length ${n}`).toBe(reference(b));
    }
  });

  it('gives the same value fed in pieces, and writes/compares the little-endian trailer', () => {
    const b = Buffer.from('The quick brown fox jumps over the lazy dog, again and again.');
    const c = new Crc64();
    for (let i = 0; i < b.length; i += 5) c.update(b, i, Math.min(b.length, i + 5));
    expect(c.value()).toBe(crc64(b));
    const out = Buffer.alloc(8);
    c.writeLE(out, 0);
    expect(out.readBigUInt64LE(0)).toBe(c.value());
    expect(c.equalsLE(out, 0)).toBe(true);
    out[3] ^= 1;
    expect(c.equalsLE(out, 0)).toBe(false);
  });
});
