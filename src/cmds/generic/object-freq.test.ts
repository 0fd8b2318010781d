import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('OBJECT FREQ needs an LFU policy', () => {
  const h = createHarness();
  h.run(['set', 'foo', 'bar']);
  expect(h.resp(['object', 'freq', 'foo'])).toBe(
    '-ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when ' +
      'switching between policies at runtime LRU and LFU data will take some time to adjust.\r\n',
  );
  expect(h.resp(['object', 'freq', 'nokey'])).toBe('$-1\r\n');
  h.run(['config', 'set', 'maxmemory-policy', 'allkeys-lfu']);
  h.run(['copy', 'foo', 'fresh']);
  expect(h.resp(['object', 'freq', 'fresh'])).toBe(':5\r\n');
  for (let i = 0; i < 50; i++) h.run(['touch', 'fresh']);
  const f = Number(h.run(['object', 'freq', 'fresh']));
  expect(f).toBeGreaterThan(5);
  expect(f).toBeLessThan(50);
  h.close();
});
