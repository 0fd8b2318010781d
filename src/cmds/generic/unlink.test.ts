import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('UNLINK removes keys like DEL', () => {
  const h = createHarness();
  h.run(['mset', 'a', '1', 'b', '2']);
  expect(h.resp(['unlink', 'a', 'b', 'c'])).toBe(':2\r\n');
  expect(h.resp(['dbsize'])).toBe(':0\r\n');
  h.close();
});
