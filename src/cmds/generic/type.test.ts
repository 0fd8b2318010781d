import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('TYPE replies with a status, none for a missing key', () => {
  const h = createHarness();
  h.run(['set', 'a', '1']);
  h.run(['append', 'm', 'x']);
  expect(h.resp(['type', 'a'])).toBe('+string\r\n');
  expect(h.resp(['type', 'm'])).toBe('+string\r\n');
  expect(h.resp(['type', 'nokey'])).toBe('+none\r\n');
  h.close();
});
