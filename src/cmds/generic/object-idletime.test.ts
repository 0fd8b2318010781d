import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('OBJECT IDLETIME grows while a key is not accessed and is not reset by TTL/TYPE/EXISTS/OBJECT', () => {
  const h = createHarness();
  h.run(['set', 'foo', 'bar']);
  expect(h.resp(['object', 'idletime', 'foo'])).toBe(':0\r\n');
  h.advanceTime(3000);
  h.run(['ttl', 'foo']);
  h.run(['type', 'foo']);
  h.run(['exists', 'foo']);
  expect(Number(h.run(['object', 'idletime', 'foo']))).toBeGreaterThanOrEqual(2);
  expect(h.resp(['object', 'idletime', 'nokey'])).toBe('$-1\r\n');
  h.close();
});

it('OBJECT IDLETIME is refused under an LFU policy', () => {
  const h = createHarness();
  h.run(['set', 'foo', 'bar']);
  h.run(['config', 'set', 'maxmemory-policy', 'allkeys-lfu']);
  expect(h.resp(['object', 'idletime', 'foo'])).toBe(
    '-ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching ' +
      'between policies at runtime LRU and LFU data will take some time to adjust.\r\n',
  );
  h.close();
});
