import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('MOVE moves a key with its TTL unless the target has it', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v', 'ex', '40']);
  expect(h.resp(['move', 'k', '1'])).toBe(':1\r\n');
  expect(h.resp(['exists', 'k'])).toBe(':0\r\n');
  expect(h.resp(['move', 'k', '1'])).toBe(':0\r\n');
  h.run(['select', '1']);
  expect(h.resp(['ttl', 'k'])).toBe(':40\r\n');
  h.run(['select', '0']);
  h.run(['set', 'k', 'again']);
  expect(h.resp(['move', 'k', '1'])).toBe(':0\r\n');
  h.close();
});

it('MOVE errors as Redis does', () => {
  const h = createHarness();
  expect(h.resp(['move', 'k', '0'])).toBe('-ERR source and destination objects are the same\r\n');
  expect(h.resp(['move', 'k', '99'])).toBe('-ERR DB index is out of range\r\n');
  expect(h.resp(['move', 'k', '-1'])).toBe('-ERR DB index is out of range\r\n');
  expect(h.resp(['move', 'k', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['move', 'k', '99999999999'])).toBe(
    '-ERR value is out of range, value must between -2147483648 and 2147483647\r\n',
  );
  h.close();
});
