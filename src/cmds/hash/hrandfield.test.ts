import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import type { Reply } from '../../protocol/reply.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

function fill(key: string, n: number): void {
  const argv = ['hset', key];
  for (let i = 0; i < n; i++) argv.push(`f${i}`, `v${i}`);
  h.run(argv);
}

test('HRANDFIELD without a count: one field, nil for a missing key', () => {
  fill('h', 3);
  expect(['f0', 'f1', 'f2']).toContain(h.run(['hrandfield', 'h']));
  expect(h.resp(['hrandfield', 'nokey'])).toBe('$-1\r\n');
  expect(h.resp3(['hrandfield', 'nokey'])).toBe('_\r\n');
  expect(h.resp(['hrandfield', 'nokey', '3'])).toBe('*0\r\n');
  expect(h.resp3(['hrandfield', 'nokey', '3', 'withvalues'])).toBe('*0\r\n');
  expect(h.resp(['hrandfield', 'h', '0'])).toBe('*0\r\n');
});

test('HRANDFIELD with a positive count gives distinct fields; the whole hash in order when count >= size', () => {
  fill('h', 5);
  expect(h.run(['hrandfield', 'h', '10'])).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
  for (const n of [2, 4]) {
    const got = h.run(['hrandfield', 'h', String(n)]) as string[];
    expect(new Set(got).size).toBe(n);
  }
  fill('big', 1000);
  h.run(['config', 'set', 'hash-max-listpack-entries', '10']);
  h.run(['hset', 'big', 'x', 'y']);
  expect(h.run(['object', 'encoding', 'big'])).toBe('hashtable');
  for (const n of [1, 5, 400, 900, 1000]) {
    const got = h.run(['hrandfield', 'big', String(n), 'withvalues']) as string[];
    expect(got.length).toBe(2 * n);
    const fields = got.filter((_, i) => i % 2 === 0);
    expect(new Set(fields).size).toBe(n);
    for (let i = 0; i < got.length; i += 2) expect(h.run(['hget', 'big', got[i]])).toBe(got[i + 1]);
  }
});

test('HRANDFIELD with a negative count repeats picks; WITHVALUES nests pairs in RESP3', () => {
  fill('h', 1);
  expect(h.run(['hrandfield', 'h', '-3'])).toEqual(['f0', 'f0', 'f0']);
  expect(h.run(['hrandfield', 'h', '-2', 'withvalues'])).toEqual(['f0', 'v0', 'f0', 'v0']);
  h.run(['hello', '3']);
  expect(h.resp3(['hrandfield', 'h', '-1', 'withvalues'])).toBe('*1\r\n*2\r\n$2\r\nf0\r\n$2\r\nv0\r\n');
  expect(h.resp3(['hrandfield', 'h', '5', 'withvalues'])).toBe('*1\r\n*2\r\n$2\r\nf0\r\n$2\r\nv0\r\n');
});

test('HRANDFIELD picks are spread over the hash', () => {
  fill('h', 4);
  const counts = new Map<Reply, number>();
  for (const f of h.run(['hrandfield', 'h', '-4000']) as string[]) counts.set(f, (counts.get(f) ?? 0) + 1);
  expect(counts.size).toBe(4);
  for (const n of counts.values()) expect(n).toBeGreaterThan(800);
});

test('HRANDFIELD argument errors', () => {
  fill('h', 2);
  expect(h.resp(['hrandfield', 'h', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['hrandfield', 'h', '-9223372036854775808'])).toBe(
    '-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n',
  );
  expect(h.resp(['hrandfield', 'h', '1', 'bogus'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['hrandfield', 'h', '1', 'withvalues', 'x'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['hrandfield', 'h', '4611686018427387904', 'withvalues'])).toBe('-ERR value is out of range\r\n');
  expect(h.resp(['hrandfield', 'h', '4611686018427387903', 'withvalues'])).toMatch(/^\*4\r\n/);
  expect(h.resp(['hrandfield', 'h', '-9223372036854775807'])).toBe('-ERR value is out of range\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hrandfield', 's'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['hrandfield', 's', '2'])).toMatch(/^-WRONGTYPE/);
});
