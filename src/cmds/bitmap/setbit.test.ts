import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';
import { MutableString, stringEncoding } from '../../keyspace/value.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('SETBIT grows with zero bytes and changes the value in place', () => {
  h = createHarness();
  expect(h.resp(['setbit', 'k', '7', '1'])).toBe(':0\r\n');
  expect(h.run(['get', 'k'])).toBe('\x01');
  const m = h.server.engine.dbs[0].dict.get('k');
  expect(m).toBeInstanceOf(MutableString);
  expect(h.run(['setbit', 'k', '23', '1'])).toBe(0);
  expect(h.run(['setbit', 'k', '23', '0'])).toBe(1);
  expect(h.server.engine.dbs[0].dict.get('k')).toBe(m);
  expect(h.run(['get', 'k'])).toBe('\x01\x00\x00');
});

test('SETBIT on an int or embstr value turns it raw and keeps the TTL', () => {
  h = createHarness();
  h.run(['set', 'n', '1', 'ex', '100']);
  const t = h.server.engine.dbs[0].getExpire('n');
  expect(h.run(['setbit', 'n', '6', '1'])).toBe(0);
  expect(h.run(['get', 'n'])).toBe('3');
  expect(stringEncoding(h.server.engine.dbs[0].dict.get('n') as MutableString)).toBe('raw');
  expect(h.server.engine.dbs[0].getExpire('n')).toBe(t);
});

test('SETBIT counts a change only when the key is created, grows or the bit flips', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['setbit', 'k', '0', '0']);
  h.run(['setbit', 'k', '0', '0']);
  h.run(['setbit', 'k', '1', '1']);
  h.run(['setbit', 'k', '1', '1']);
  h.run(['setbit', 'k', '20', '0']);
  expect(fx.events).toEqual(['setbit:k', 'setbit:k', 'setbit:k']);
  expect(fx.propagated.map((a) => a.join(' '))).toEqual(['setbit k 0 0', 'setbit k 1 1', 'setbit k 20 0']);
});

test('SETBIT errors', () => {
  h = createHarness();
  expect(h.resp(['setbit', 'k', '4294967296', '1'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['setbit', 'k', '-1', '1'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['setbit', 'k', '1', '2'])).toBe('-ERR bit is not an integer or out of range\r\n');
  h.run(['rpush', 'l', 'a']);
  expect(h.resp(['setbit', 'l', '1', '1'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
  h.run(['config', 'set', 'proto-max-bulk-len', '1048576']);
  expect(h.resp(['setbit', 'k', String(1048576 * 8), '1'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['setbit', 'k', String(1048576 * 8 - 1), '1'])).toBe(':0\r\n');
  expect(h.run(['strlen', 'k'])).toBe(1048576);
});

test('SETBIT on a 10-million-bit bitmap is amortised O(1) per call', () => {
  h = createHarness();
  const bits = 10_000_000;
  h.run(['setbit', 'big', String(bits - 1), '1']);
  let seed = 12345;
  const n = 200_000;
  const offsets: string[] = [];
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    offsets.push(String(seed % bits));
  }
  const t0 = performance.now();
  for (let i = 0; i < n; i++) h.run(['setbit', 'big', offsets[i], '1']);
  const ms = performance.now() - t0;
  // Copying 1.25 MB per call would take minutes; in place this is well under a second.
  expect(ms).toBeLessThan(5000);
  expect(h.run(['strlen', 'big'])).toBe(bits / 8);
});

test('a string grown to 512 MB by SETBIT and SETRANGE keeps its bytes; GET and GETRANGE answer it whole', () => {
  h = createHarness();
  h.run(['set', 'k', 'hello']);
  // The last bit proto-max-bulk-len allows: the value becomes exactly 512 MB, longer than any JS string.
  expect(h.run(['setbit', 'k', '4294967295', '1'])).toBe(0);
  expect(h.run(['strlen', 'k'])).toBe(536870912);
  expect(h.run(['getrange', 'k', '0', '4'])).toBe('hello');
  expect(h.run(['getrange', 'k', '5', '9'])).toBe('\x00\x00\x00\x00\x00');
  expect(h.run(['getrange', 'k', '-2', '-1'])).toBe('\x00\x01');
  expect(h.run(['bitcount', 'k'])).toBe(21 + 1); // 'hello' has 21 bits set
  h.run(['setrange', 'k', '536870900', 'tail']);
  const whole = h.run(['get', 'k']) as Buffer;
  expect(Buffer.isBuffer(whole)).toBe(true);
  expect(whole.length).toBe(536870912);
  expect(whole.subarray(0, 5).toString('latin1')).toBe('hello');
  expect(whole.subarray(536870900, 536870904).toString('latin1')).toBe('tail');
  expect(whole[536870911]).toBe(1);
  // Not numbers, answered without reading the value as text.
  expect(h.resp(['incr', 'k'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['incrbyfloat', 'k', '1'])).toBe('-ERR value is not a valid float\r\n');
  // BITOP with it: a result as long.
  h.run(['set', 'one', '\x0f']);
  expect(h.run(['bitop', 'or', 'dest', 'k', 'one'])).toBe(536870912);
  expect(h.run(['getrange', 'dest', '0', '0'])).toBe('\x6f');
  expect(h.run(['getrange', 'dest', '-1', '-1'])).toBe('\x01');
  h.run(['del', 'k', 'dest']);
  // SETRANGE past the end of a short string fills the gap with zeros.
  h.run(['set', 's', 'ab']);
  expect(h.run(['setrange', 's', '10', 'z'])).toBe(11);
  expect(h.run(['get', 's'])).toBe('ab' + '\x00'.repeat(8) + 'z');
  expect(h.run(['setrange', 's', '3', 'Q'])).toBe(11);
  expect(h.run(['get', 's'])).toBe('ab\x00Q' + '\x00'.repeat(6) + 'z');
}, 60_000);
