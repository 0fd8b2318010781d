import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PTTL reports milliseconds left', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v', 'px', '1234']);
  expect(h.resp(['pttl', 'k'])).toBe(':1234\r\n');
  h.advanceTime(234);
  expect(h.resp(['pttl', 'k'])).toBe(':1000\r\n');
  expect(h.resp(['pttl', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
