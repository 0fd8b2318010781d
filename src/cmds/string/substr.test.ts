import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('SUBSTR is GETRANGE', () => {
  h.run(['set', 'k', 'Hello World']);
  expect(h.run(['substr', 'k', '-5', '-1'])).toBe('World');
  expect(h.resp(['substr', 'k', 'x', '1'])).toBe('-ERR value is not an integer or out of range\r\n');
});
