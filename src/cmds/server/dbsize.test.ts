import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('DBSIZE counts keys, including expired ones not yet reclaimed', () => {
  const h = createHarness();
  expect(h.resp(['dbsize'])).toBe(':0\r\n');
  h.run(['set', 'a', '1']);
  h.run(['set', 'b', '1', 'px', '5']);
  h.advanceTime(10);
  expect(h.resp(['dbsize'])).toBe(':2\r\n');
  h.close();
});
