import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PEXPIRETIME gives the absolute unix time in ms', () => {
  const h = createHarness();
  const at = Date.now() + 100_000;
  h.run(['set', 'k', 'v', 'pxat', String(at)]);
  expect(h.resp(['pexpiretime', 'k'])).toBe(`:${at}\r\n`);
  expect(h.resp(['pexpiretime', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
