import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('OBJECT REFCOUNT reports shared small integers as Redis does', () => {
  const h = createHarness();
  h.run(['mset', 'z', '0', 'n', '9999', 'big', '10000', 'neg', '-5', 's', 'hello']);
  expect(h.resp(['object', 'refcount', 'z'])).toBe(':2147483647\r\n');
  expect(h.resp(['object', 'refcount', 'n'])).toBe(':2147483647\r\n');
  expect(h.resp(['object', 'refcount', 'big'])).toBe(':1\r\n');
  expect(h.resp(['object', 'refcount', 'neg'])).toBe(':1\r\n');
  expect(h.resp(['object', 'refcount', 's'])).toBe(':1\r\n');
  expect(h.resp(['object', 'refcount', 'nokey'])).toBe('$-1\r\n');
  // With maxmemory and an LRU/LFU policy Redis stops sharing integers.
  h.run(['config', 'set', 'maxmemory', '100mb']);
  h.run(['config', 'set', 'maxmemory-policy', 'allkeys-lru']);
  expect(h.resp(['object', 'refcount', 'z'])).toBe(':1\r\n');
  h.close();
});
