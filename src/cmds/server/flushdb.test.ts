import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';
import { NullArray } from '../../protocol/reply.js';

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
  const watcher = h.newClient();
  h.run(['mset', 'a', '1', 'b', '2']);
  h.runAs(watcher, ['watch', 'b']);
  h.run(['flushdb']);
  h.runAs(watcher, ['multi']);
  h.runAs(watcher, ['set', 'b', '3']);
  expect(h.runAs(watcher, ['exec'])).toBe(NullArray.instance);
  h.close();
});
