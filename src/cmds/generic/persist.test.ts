import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PERSIST removes a TTL once', () => {
  const h = createHarness();
  const seen: string[][] = [];
  h.server.engine.onPropagate((_db, argv) => seen.push(argv));
  h.run(['set', 'k', 'v', 'ex', '10']);
  expect(h.resp(['persist', 'k'])).toBe(':1\r\n');
  expect(h.resp(['persist', 'k'])).toBe(':0\r\n');
  expect(h.resp(['persist', 'nokey'])).toBe(':0\r\n');
  expect(h.resp(['ttl', 'k'])).toBe(':-1\r\n');
  expect(seen.map((a) => a[0].toLowerCase())).toEqual(['set', 'persist']);
  h.close();
});
