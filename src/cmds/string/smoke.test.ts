import { test, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';
test('smoke', () => {
  const h = createHarness();
  expect(h.resp(['set', 'k', 'v'])).toBe('+OK\r\n');
  expect(h.resp(['get', 'k'])).toBe('$1\r\nv\r\n');
  console.log(h.resp(['object', 'encoding', 'k']), h.resp(['ttl', 'k']), h.resp(['incrbyfloat', 'f', '0.1']));
});
