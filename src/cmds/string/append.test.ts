import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { MutableString, stringEncoding } from '../../keyspace/value.js';

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

test('APPEND creates, then grows in place as a raw MutableString', () => {
  expect(h.resp(['append', 'k', '12'])).toBe(':2\r\n');
  expect(stringEncoding(db().dict.get('k') as string)).toBe('int');
  expect(h.resp(['append', 'k', '3'])).toBe(':3\r\n');
  const m = db().dict.get('k');
  expect(m).toBeInstanceOf(MutableString);
  for (let i = 0; i < 1000; i++) h.run(['append', 'k', 'x']);
  expect(db().dict.get('k')).toBe(m);
  expect(stringEncoding(m as MutableString)).toBe('raw');
  expect(h.run(['strlen', 'k'])).toBe(1003);
  expect(h.run(['get', 'k'])).toBe('123' + 'x'.repeat(1000));
  expect(events.slice(0, 2)).toEqual(['append:k', 'append:k']);
});

test('APPEND keeps the TTL and appends binary data', () => {
  h.run(['set', 'k', 'a', 'ex', '100']);
  const t = db().getExpire('k');
  h.run(['append', 'k', '\x00\xff']);
  expect(db().getExpire('k')).toBe(t);
  expect(h.run(['get', 'k'])).toBe('a\x00\xff');
});

test('APPEND of an empty string still creates the key and fires the event', () => {
  expect(h.resp(['append', 'e', ''])).toBe(':0\r\n');
  expect(db().exists('e', Date.now())).toBe(true);
  expect(events).toEqual(['append:e']);
});

test('APPEND respects proto-max-bulk-len and types', () => {
  h.run(['config', 'set', 'proto-max-bulk-len', '1048576']);
  h.run(['setrange', 'k', '1048575', 'x']);
  expect(h.resp(['append', 'k', 'y'])).toBe('-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n');
  db().set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['append', 'l', 'y'])).toMatch(/^-WRONGTYPE/);
});
