import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('GET: value, nil, binary, wrong type', () => {
  expect(h.resp(['get', 'k'])).toBe('$-1\r\n');
  expect(h.resp3(['get', 'k'])).toBe('_\r\n');
  h.run(['set', 'b', '\x00\xff\r\n']);
  expect(h.resp(['get', 'b'])).toBe('$4\r\n\x00\xff\r\n\r\n');
  h.server.engine.dbs[0].set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['get', 'l'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
});

test('GET counts keyspace hits and misses', () => {
  const stats = h.server.engine.stats;
  const hits = stats.hits;
  const misses = stats.misses;
  h.run(['set', 'k', 'v']);
  h.run(['get', 'k']);
  h.run(['get', 'nokey']);
  expect(stats.hits - hits).toBe(1);
  expect(stats.misses - misses).toBe(1);
});

test('a GET reply is a snapshot, unaffected by a later APPEND', () => {
  h.run(['set', 'k', 'ab']);
  h.run(['append', 'k', 'c']);
  const before = h.run(['get', 'k']);
  h.run(['append', 'k', 'd']);
  expect(before).toBe('abc');
});
