import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('TTL rounds to the nearest second and distinguishes missing keys from persistent ones', () => {
  const h = createHarness();
  h.run(['set', 'p', 'v']);
  h.run(['set', 'k', 'v', 'px', '2450']);
  expect(h.resp(['ttl', 'k'])).toBe(':2\r\n');
  h.run(['set', 'k', 'v', 'px', '2560']);
  expect(h.resp(['ttl', 'k'])).toBe(':3\r\n');
  expect(h.resp(['ttl', 'p'])).toBe(':-1\r\n');
  expect(h.resp(['ttl', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
