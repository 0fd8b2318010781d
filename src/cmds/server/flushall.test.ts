import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('FLUSHALL empties every database and counts removed keys as changes', () => {
  const h = createHarness();
  h.run(['set', 'a', '1']);
  h.run(['select', '3']);
  h.run(['set', 'b', '1']);
  const before = h.server.engine.dirty;
  expect(h.resp(['flushall'])).toBe('+OK\r\n');
  expect(h.server.engine.dirty - before).toBe(2);
  expect(h.resp(['dbsize'])).toBe(':0\r\n');
  h.run(['select', '0']);
  expect(h.resp(['dbsize'])).toBe(':0\r\n');
  expect(h.resp(['flushall', 'async'])).toBe('+OK\r\n');
  expect(h.resp(['flushall', 'foo'])).toBe('-ERR syntax error\r\n');
  h.close();
});
