import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SMISMEMBER answers one flag per member; a missing key gives zeros', () => {
  h.run(['sadd', 's', 'a', 'b']);
  expect(h.resp(['smismember', 's', 'a', 'x', 'b'])).toBe('*3\r\n:1\r\n:0\r\n:1\r\n');
  expect(h.resp(['smismember', 'missing', 'a', 'b'])).toBe('*2\r\n:0\r\n:0\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['smismember', 'k', 'a'])).toMatch(/^-WRONGTYPE/);
});
