import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HGET reads a field, nil for a missing key or field', () => {
  h.run(['hset', 'h', 'a', '\x00\xff']);
  expect(h.resp(['hget', 'h', 'a'])).toBe('$2\r\n\x00\xff\r\n');
  expect(h.resp(['hget', 'h', 'b'])).toBe('$-1\r\n');
  expect(h.resp(['hget', 'nokey', 'b'])).toBe('$-1\r\n');
  expect(h.resp3(['hget', 'nokey', 'b'])).toBe('_\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hget', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});

test('HGET counts keyspace hits and misses', () => {
  h.run(['hset', 'h', 'a', '1']);
  const stats = h.server.engine.dbs[0].stats;
  const hits = stats.hits;
  const misses = stats.misses;
  h.run(['hget', 'h', 'a']);
  h.run(['hget', 'nokey', 'a']);
  expect(stats.hits - hits).toBe(1);
  expect(stats.misses - misses).toBe(1);
});
