import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PEXPIRETIME gives the absolute unix time in ms', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v', 'pxat', '1795668345600']);
  expect(h.resp(['pexpiretime', 'k'])).toBe(':1795668345600\r\n');
  expect(h.resp(['pexpiretime', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
