import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { stringEncoding } from '../../keyspace/value.js';

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
const db = () => h.server.engine.dbs[0];

test('INCR creates, increments, keeps the TTL and stores an int', () => {
  expect(h.resp(['incr', 'n'])).toBe(':1\r\n');
  h.run(['set', 'n', '41', 'ex', '100']);
  const t = db().getExpire('n');
  expect(h.resp(['incr', 'n'])).toBe(':42\r\n');
  expect(db().getExpire('n')).toBe(t);
  expect(stringEncoding(db().dict.get('n') as string)).toBe('int');
  expect(events).toEqual(['incrby:n', 'set:n', 'expire:n', 'incrby:n']);
});

test('INCR at the int64 limit and past 2^53', () => {
  h.run(['set', 'n', '9223372036854775806']);
  expect(h.resp(['incr', 'n'])).toBe(':9223372036854775807\r\n');
  expect(h.resp(['incr', 'n'])).toBe('-ERR increment or decrement would overflow\r\n');
  h.run(['set', 'n', '9007199254740991']);
  expect(h.resp(['incr', 'n'])).toBe(':9007199254740992\r\n');
  expect(h.resp(['incr', 'n'])).toBe(':9007199254740993\r\n');
  expect(h.run(['get', 'n'])).toBe('9007199254740993');
});

test('INCR refuses non-canonical integers and other types', () => {
  for (const v of [' 1', '1 ', '+1', '01', '-0', '1.0', '', 'abc', '9223372036854775808']) {
    h.run(['set', 'n', v]);
    expect(h.resp(['incr', 'n']), JSON.stringify(v)).toBe('-ERR value is not an integer or out of range\r\n');
  }
  db().set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['incr', 'l'])).toMatch(/^-WRONGTYPE/);
});
