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

test('MSET sets every pair, drops TTLs, one "set" event and one dirty per key', () => {
  h.run(['set', '{t}a', 'old', 'ex', '100']);
  const dirty = h.server.engine.dirty;
  expect(h.resp(['mset', '{t}a', '1', '{t}b', '2', '{t}a', '3'])).toBe('+OK\r\n');
  expect(h.server.engine.dirty - dirty).toBe(3);
  expect(h.run(['mget', '{t}a', '{t}b'])).toEqual(['3', '2']);
  expect(h.server.engine.dbs[0].getExpire('{t}a')).toBe(-1);
  expect(events.slice(2)).toEqual(['set:{t}a', 'set:{t}b', 'set:{t}a']);
});

test('MSET with a missing value is an arity error', () => {
  expect(h.resp(['mset', '{t}a', '1', '{t}b'])).toBe("-ERR wrong number of arguments for 'mset' command\r\n");
});
