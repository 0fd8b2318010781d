import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  h = createHarness({ 'notify-keyspace-events': 'KEA' });
  events = [];
  h.server.engine.onKeyspaceEvent((channel, message) => {
    if (channel.startsWith('__keyevent')) events.push(`${channel.slice(channel.indexOf(':') + 1)}:${message}`);
  });
});
afterEach(() => h.close());

test('INCRBY adds any int64, even zero (which still counts as a change)', () => {
  expect(h.resp(['incrby', 'n', '-5'])).toBe(':-5\r\n');
  const dirty = h.server.engine.dirty;
  expect(h.resp(['incrby', 'n', '0'])).toBe(':-5\r\n');
  expect(h.server.engine.dirty - dirty).toBe(1);
  expect(h.resp(['incrby', 'n', '9223372036854775807'])).toBe(':9223372036854775802\r\n');
  expect(h.resp(['incrby', 'n', '6'])).toBe('-ERR increment or decrement would overflow\r\n');
  expect(events).toEqual(['incrby:n', 'incrby:n', 'incrby:n']);
});

test('INCRBY checks its argument before the key', () => {
  h.server.engine.dbs[0].set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['incrby', 'l', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['incrby', 'n', '9223372036854775808'])).toBe('-ERR value is not an integer or out of range\r\n');
});
