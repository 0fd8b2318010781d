import { afterEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { MapReply, VerbatimReply } from '../../protocol/reply.js';

let h: Harness;
afterEach(() => h.close());

test('MEMORY USAGE: nil for a missing key; grows with the value; every type; SAMPLES', () => {
  h = createHarness();
  expect(h.run(['memory', 'usage', 'nokey'])).toBeNull();
  h.run(['set', 'small', 'x']);
  h.run(['set', 'large', 'x'.repeat(10_000)]);
  const small = h.run(['memory', 'usage', 'small']) as number;
  const large = h.run(['memory', 'usage', 'large']) as number;
  expect(small).toBeGreaterThan(32);
  expect(large - small).toBeGreaterThanOrEqual(9_990);
  h.run(['set', 'ttl', 'x', 'EX', '100']);
  expect(h.run(['memory', 'usage', 'ttl'])).toBeGreaterThan(small);
  const fields: string[] = [];
  for (let i = 0; i < 1000; i++) fields.push(`f${i}`, 'v'.repeat(i % 7 === 6 ? 500 : 10));
  h.run(['hset', 'h', ...fields]);
  h.run(['rpush', 'l', ...Array.from({ length: 1000 }, (_, i) => `e${i}`)]);
  h.run(['sadd', 's', ...Array.from({ length: 1000 }, (_, i) => `m${i}`)]);
  h.run(['zadd', 'z', ...Array.from({ length: 1000 }, (_, i) => [String(i), `m${i}`]).flat()]);
  h.run(['xadd', 'x', '*', 'f', 'v']);
  for (const k of ['h', 'l', 's', 'z', 'x']) expect(h.run(['memory', 'usage', k])).toBeGreaterThan(small);
  // Sampling every field sees the long values the first five miss.
  expect(h.run(['memory', 'usage', 'h', 'samples', '0']) as number).toBeGreaterThan(h.run(['memory', 'usage', 'h', 'samples', '1']) as number);
  expect(h.resp(['memory', 'usage', 'h', 'samples', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['memory', 'usage', 'h', 'bogus'])).toBe('-ERR syntax error\r\n');
});

test('MEMORY STATS, DOCTOR, MALLOC-STATS, PURGE answer in Redis shapes', () => {
  h = createHarness();
  h.run(['set', 'k', 'v']);
  const stats = h.run(['memory', 'stats']) as MapReply;
  expect(stats).toBeInstanceOf(MapReply);
  const keys = stats.flat.filter((_, i) => i % 2 === 0);
  expect(keys).toEqual(expect.arrayContaining(['peak.allocated', 'total.allocated', 'keys.count', 'dataset.bytes', 'db.0', 'fragmentation']));
  expect(stats.flat[stats.flat.indexOf('keys.count') + 1]).toBe(1);
  expect(h.run(['memory', 'doctor'])).toBeInstanceOf(VerbatimReply);
  expect((h.run(['memory', 'malloc-stats']) as VerbatimReply).text).toMatch(/total_heap_size: \d+/);
  expect(h.resp(['memory', 'purge'])).toBe('+OK\r\n');
});
