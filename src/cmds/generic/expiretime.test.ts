import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('EXPIRETIME gives the absolute unix time in seconds, rounded', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v', 'pxat', '1795668345600']);
  expect(h.resp(['expiretime', 'k'])).toBe(':1795668346\r\n');
  h.run(['set', 'p', 'v']);
  expect(h.resp(['expiretime', 'p'])).toBe(':-1\r\n');
  expect(h.resp(['expiretime', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
