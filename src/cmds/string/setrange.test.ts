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

test('SETRANGE pads with zero bytes and changes the value in place', () => {
  expect(h.resp(['setrange', 'k', '3', 'ab'])).toBe(':5\r\n');
  expect(h.run(['get', 'k'])).toBe('\x00\x00\x00ab');
  const m = db().dict.get('k');
  expect(m).toBeInstanceOf(MutableString);
  expect(h.run(['setrange', 'k', '1', 'X'])).toBe(5);
  h.run(['append', 'k', 'tail']);
  expect(h.run(['setrange', 'k', '12', 'Z'])).toBe(13);
  expect(db().dict.get('k')).toBe(m);
  expect(h.run(['get', 'k'])).toBe('\x00X\x00abtail\x00\x00\x00Z');
  expect(events).toEqual(['setrange:k', 'setrange:k', 'append:k', 'setrange:k']);
});

test('SETRANGE turns an int value raw and keeps the TTL', () => {
  h.run(['set', 'n', '123', 'ex', '100']);
  const t = db().getExpire('n');
  h.run(['setrange', 'n', '0', '9']);
  expect(stringEncoding(db().dict.get('n') as MutableString)).toBe('raw');
  expect(db().getExpire('n')).toBe(t);
  expect(h.run(['incr', 'n'])).toBe(924);
});

test('SETRANGE with an empty value changes nothing', () => {
  const dirty = h.server.engine.dirty;
  expect(h.resp(['setrange', 'k', '5', ''])).toBe(':0\r\n');
  expect(db().size).toBe(0);
  h.run(['set', 'n', '123']);
  expect(h.resp(['setrange', 'n', '100', ''])).toBe(':3\r\n');
  expect(typeof db().dict.get('n')).toBe('string');
  expect(h.server.engine.dirty - dirty).toBe(1);
});

test('SETRANGE errors', () => {
  expect(h.resp(['setrange', 'k', '-1', 'x'])).toBe('-ERR offset is out of range\r\n');
  expect(h.resp(['setrange', 'k', '536870912', 'x'])).toBe(
    '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n',
  );
  expect(h.resp(['setrange', 'k', '9223372036854775807', 'x'])).toBe(
    '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n',
  );
  expect(h.resp(['setrange', 'k', '1e3', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
});
