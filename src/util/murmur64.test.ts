import { expect, test } from 'vitest';
import { murmurHash64A } from './murmur64.js';

const SEED = 0xadc83b19;

test('MurmurHash64A gives 64-bit values and reads strings and bytes alike', () => {
  for (const s of ['', 'a', 'abcdefg', 'abcdefgh', 'abcdefghi', '\xff\x00\x80']) {
    const h = murmurHash64A(s, SEED);
    expect(h).toBeGreaterThanOrEqual(0n);
    expect(h).toBeLessThan(1n << 64n);
    expect(murmurHash64A(Buffer.from(s, 'latin1'), SEED)).toBe(h);
  }
});

test('MurmurHash64A low bits pick the registers Redis picks', () => {
  // Register indexes observed with PFADD + PFDEBUG DECODE on redis-server 7.0.
  const mask = (1n << 14n) - 1n;
  expect(murmurHash64A('', SEED) & mask).toBe(5938n);
  expect(murmurHash64A('a', SEED) & mask).toBe(12711n);
  expect(murmurHash64A('abcdefgh', SEED) & mask).toBe(1383n);
  expect(murmurHash64A('abcdefghi', SEED) & mask).toBe(6903n);
  expect(murmurHash64A('0123456789abcdef', SEED) & mask).toBe(5949n);
});

test('MurmurHash64A depends on the seed and on every byte', () => {
  expect(murmurHash64A('abc', SEED)).not.toBe(murmurHash64A('abc', 0));
  expect(murmurHash64A('abcdefgh1', SEED)).not.toBe(murmurHash64A('abcdefgh2', SEED));
  expect(murmurHash64A('1abcdefgh', SEED)).not.toBe(murmurHash64A('2abcdefgh', SEED));
});

/** A direct BigInt transcription of the algorithm, to check the 32-bit-halves arithmetic against. */
function reference(data: Buffer, seed: number): bigint {
  const m = 0xc6a4a7935bd1e995n;
  const mask = (1n << 64n) - 1n;
  let h = (BigInt(seed) ^ (BigInt(data.length) * m)) & mask;
  const blocks = data.length - (data.length & 7);
  for (let i = 0; i < blocks; i += 8) {
    let k = data.readBigUInt64LE(i);
    k = (k * m) & mask;
    k ^= k >> 47n;
    k = (k * m) & mask;
    h = ((h ^ k) * m) & mask;
  }
  if (data.length & 7) {
    for (let j = (data.length & 7) - 1; j >= 0; j--) h ^= BigInt(data[blocks + j]) << BigInt(8 * j);
    h = (h * m) & mask;
  }
  h ^= h >> 47n;
  h = (h * m) & mask;
  return h ^ (h >> 47n);
}

test('MurmurHash64A agrees with a BigInt transcription on many inputs', () => {
  let x = 7;
  for (let n = 0; n < 2000; n++) {
    const len = n % 40;
    const b = Buffer.alloc(len);
    for (let i = 0; i < len; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      b[i] = x >>> 24;
    }
    expect(murmurHash64A(b, SEED)).toBe(reference(b, SEED));
  }
  expect(murmurHash64A(Buffer.alloc(16, 0xff), 0xffffffff)).toBe(reference(Buffer.alloc(16, 0xff), 0xffffffff));
});
