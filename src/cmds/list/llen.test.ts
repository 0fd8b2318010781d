import { expect, test } from 'vitest';
import { createHarness } from '../../server/harness.js';

test('LLEN counts elements; 0 for a missing key; WRONGTYPE for others', () => {
  const h = createHarness();
  expect(h.resp(['llen', 'l'])).toBe(':0\r\n');
  h.run(['rpush', 'l', 'a', 'b', 'c']);
  expect(h.resp(['llen', 'l'])).toBe(':3\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['llen', 's'])).toMatch(/^-WRONGTYPE/);
  h.close();
});
