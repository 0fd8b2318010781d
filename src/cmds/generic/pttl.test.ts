import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PTTL reports milliseconds left', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v', 'px', '1234']);
  const a = Number(h.run(['pttl', 'k']));
  expect(a).toBeGreaterThan(1134);
  expect(a).toBeLessThanOrEqual(1234);
  h.advanceTime(234);
  const b = Number(h.run(['pttl', 'k']));
  expect(b).toBeGreaterThan(900);
  expect(b).toBeLessThanOrEqual(1000);
  expect(h.resp(['pttl', 'nokey'])).toBe(':-2\r\n');
  h.close();
});
