import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('EXPIRETIME gives the absolute unix time in seconds, rounded', () => {
  const h = createHarness();
  const at = (Math.floor(Date.now() / 1000) + 100) * 1000;
  h.run(['set', 'k', 'v', 'pxat', String(at + 499)]);
  expect(h.resp(['expiretime', 'k'])).toBe(`:${at / 1000}\r\n`);
  h.run(['set', 'k', 'v', 'pxat', String(at + 500)]);
  expect(h.resp(['expiretime', 'k'])).toBe(`:${at / 1000 + 1}\r\n`);
  h.run(['set', 'p', 'v']);
  expect(h.resp(['expiretime', 'p'])).toBe(':-1\r\n');
  expect(h.resp(['expiretime', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
