import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('FLUSHDB empties only the selected database', () => {
  const h = createHarness();
  h.run(['set', 'a', '1']);
  h.run(['select', '1']);
  h.run(['set', 'b', '1']);
  expect(h.resp(['flushdb'])).toBe('+OK\r\n');
  expect(h.resp(['dbsize'])).toBe(':0\r\n');
  h.run(['select', '0']);
  expect(h.resp(['dbsize'])).toBe(':1\r\n');
  expect(h.resp(['flushdb', 'ASYNC'])).toBe('+OK\r\n');
  expect(h.resp(['flushdb', 'sync'])).toBe('+OK\r\n');
  expect(h.resp(['flushdb', 'foo'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['flushdb', 'async', 'sync'])).toBe('-ERR syntax error\r\n');
  h.close();
});

it('FLUSHDB invalidates WATCH on the flushed keys', () => {
  const h = createHarness();
  const touched: string[] = [];
  h.server.engine.modifiedKeyHooks.push((db, key) => touched.push(`${db.id}:${key}`));
  h.run(['mset', 'a', '1', 'b', '2']);
  touched.length = 0;
  h.run(['flushdb']);
  expect(touched.sort()).toEqual(['0:a', '0:b']);
  h.close();
});
