import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZMSCORE answers null for missing members', () => {
  expect(h.resp(['zmscore', 'z', 'b', 'x'])).toBe('*2\r\n$1\r\n2\r\n$-1\r\n');
});
