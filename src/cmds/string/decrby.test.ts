import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('DECRBY subtracts, with its own error for the int64 minimum', () => {
  expect(h.resp(['decrby', 'n', '10'])).toBe(':-10\r\n');
  expect(h.resp(['decrby', 'n', '-9223372036854775807'])).toBe(':9223372036854775797\r\n');
  expect(h.resp(['decrby', 'n', '-9223372036854775808'])).toBe('-ERR decrement would overflow\r\n');
  expect(h.resp(['decrby', 'x', '-9223372036854775808'])).toBe('-ERR decrement would overflow\r\n');
  expect(h.server.engine.dbs[0].exists('x', Date.now())).toBe(false);
  h.run(['set', 'm', '-9223372036854775808']);
  expect(h.resp(['decrby', 'm', '1'])).toBe('-ERR increment or decrement would overflow\r\n');
  expect(h.resp(['decrby', 'm', '0'])).toBe(':-9223372036854775808\r\n');
});
