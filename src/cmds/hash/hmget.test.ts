import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HMGET reads several fields, nil for each missing one', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2']);
  expect(h.resp(['hmget', 'h', 'a', 'x', 'b'])).toBe('*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n');
  expect(h.resp(['hmget', 'nokey', 'a', 'b'])).toBe('*2\r\n$-1\r\n$-1\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hmget', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
