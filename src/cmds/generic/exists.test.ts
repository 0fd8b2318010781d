import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('EXISTS counts repeated keys each time and skips expired ones', () => {
  const h = createHarness();
  h.run(['set', 'a', '1']);
  h.run(['set', 'e', '1', 'px', '5']);
  expect(h.resp(['exists', 'a', 'a', 'b'])).toBe(':2\r\n');
  h.advanceTime(10);
  expect(h.resp(['exists', 'e'])).toBe(':0\r\n');
  h.close();
});
