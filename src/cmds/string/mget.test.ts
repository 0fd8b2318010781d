import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('MGET: values in order, nil for missing keys and other types', () => {
  h.run(['mset', '{t}a', '1', '{t}\x00b', '\xff']);
  h.server.engine.dbs[0].set('{t}l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['mget', '{t}a', '{t}x', '{t}\x00b', '{t}l'])).toBe('*4\r\n$1\r\n1\r\n$-1\r\n$1\r\n\xff\r\n$-1\r\n');
  expect(h.resp3(['mget', '{t}x'])).toBe('*1\r\n_\r\n');
});
