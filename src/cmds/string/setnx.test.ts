import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('SETNX sets only a missing key and replies 1/0', () => {
  expect(h.resp(['setnx', 'k', 'v'])).toBe(':1\r\n');
  const dirty = h.server.engine.dirty;
  expect(h.resp(['setnx', 'k', 'w'])).toBe(':0\r\n');
  expect(h.server.engine.dirty).toBe(dirty);
  expect(h.resp(['get', 'k'])).toBe('$1\r\nv\r\n');
});
