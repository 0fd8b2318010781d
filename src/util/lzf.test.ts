import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lzfCompress, lzfDecompress, LzfError } from './lzf.js';

function roundTrip(input: Buffer): number {
  const out = Buffer.alloc(Math.ceil(input.length * 1.04) + 64);
  const n = lzfCompress(input, out);
  expect(n).toBeGreaterThan(0);
  expect(lzfDecompress(out, input.length, 0, n).equals(input)).toBe(true);
  return n;
}

describe('LZF', () => {
  it('round-trips repetitive, random, short and long inputs', () => {
    expect(roundTrip(Buffer.from('abc'.repeat(1000)))).toBeLessThan(100);
    let seed = 7;
    const rnd = Buffer.from(Array.from({ length: 5000 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff));
    roundTrip(rnd);
    for (let n = 1; n < 40; n++) roundTrip(Buffer.from('ab'.repeat(n)).subarray(0, n));
    const mixed = Buffer.concat([rnd.subarray(0, 300), Buffer.alloc(20000, 0x61), rnd.subarray(300, 600), rnd.subarray(0, 300)]);
    roundTrip(mixed);
  });

  it('produces the bytes redis-server 7.0.15 stored for a compressible string', () => {
    // test/fixtures/rdb/types-7.0.rdb holds str:compressible ("abc" x 200) as 0xc3 <clen> <len> <data>.
    const rdb = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'rdb', 'types-7.0.rdb'));
    let p = rdb.indexOf('str:compressible') + 'str:compressible'.length;
    expect(rdb[p++]).toBe(0xc3);
    const clen = rdb[p++];
    expect(rdb.readUInt16BE(p) & 0x3fff).toBe(600);
    p += 2;
    const out = Buffer.alloc(596);
    const n = lzfCompress(Buffer.from('abc'.repeat(200)), out);
    expect(out.subarray(0, n).toString('hex')).toBe(rdb.subarray(p, p + clen).toString('hex'));
  });

  it('reports 0 when the output does not fit', () => {
    const input = Buffer.from('no repetition here at all!');
    expect(lzfCompress(input, Buffer.alloc(input.length - 4))).toBe(0);
  });

  it('rejects corrupt streams', () => {
    const out = Buffer.alloc(700);
    const n = lzfCompress(Buffer.from('abc'.repeat(200)), out);
    expect(() => lzfDecompress(out, 601, 0, n)).toThrow(LzfError);
    expect(() => lzfDecompress(out, 600, 0, n - 1)).toThrow(LzfError);
    expect(() => lzfDecompress(Buffer.from([0xe0, 0xff, 0x00]), 10)).toThrow(LzfError);
    expect(() => lzfDecompress(Buffer.from([0x05, 0x61]), 6)).toThrow(LzfError);
  });
});
