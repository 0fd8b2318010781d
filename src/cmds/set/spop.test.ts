import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';
import { SetReply } from '../../protocol/reply.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

const members = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test('SPOP without count pops one member, propagated as SREM; the last pop deletes the key', () => {
  h.run(['sadd', 's', 'a', 'b']);
  const first = h.run(['spop', 's']) as string;
  expect(['a', 'b']).toContain(first);
  expect(propagated.at(-1)).toEqual(['SREM', 's', first]);
  h.run(['spop', 's']);
  expect(h.resp(['exists', 's'])).toBe(':0\r\n');
  expect(events).toEqual(['sadd:s', 'spop:s', 'spop:s', 'del:s']);
  expect(h.resp(['spop', 's'])).toBe('$-1\r\n');
  expect(h.server.engine.dirty).toBe(4);
});

/** What a command propagated, unwrapped from the MULTI/EXEC Redis puts around several effects. */
function unwrapped(list: string[][]): string[][] {
  if (list.length > 1) {
    expect(list[0]).toEqual(['MULTI']);
    expect(list.at(-1)).toEqual(['EXEC']);
    return list.slice(1, -1);
  }
  return list;
}

test('SPOP with count returns a set of distinct members, propagated as SREM batches of 1024', () => {
  h.run(['sadd', 's', ...members(3000)]);
  propagated.length = 0;
  const r = h.run(['spop', 's', '2500']) as SetReply;
  expect(r).toBeInstanceOf(SetReply);
  expect(new Set(r.items).size).toBe(2500);
  expect(h.resp(['scard', 's'])).toBe(':500\r\n');
  const effects = unwrapped(propagated);
  expect(effects.map((a) => a.length - 2)).toEqual([1024, 1024, 452]);
  expect(effects.every((a) => a[0] === 'SREM' && a[1] === 's')).toBe(true);
  expect(new Set(effects.flatMap((a) => a.slice(2)))).toEqual(new Set(r.items));
  for (const m of r.items) expect(h.resp(['sismember', 's', m as string])).toBe(':0\r\n');
});

test('SPOP with a count covering the set returns it all and propagates DEL (UNLINK when lazy)', () => {
  h.run(['sadd', 's', '3', '1', '2']);
  expect(h.resp3(['spop', 's', '10'])).toBe('~3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n');
  expect(propagated.at(-1)).toEqual(['DEL', 's']);
  expect(events.slice(-2)).toEqual(['spop:s', 'del:s']);
  h.run(['config', 'set', 'lazyfree-lazy-server-del', 'yes']);
  h.run(['sadd', 's', 'a']);
  h.run(['spop', 's', '1']);
  expect(propagated.at(-1)).toEqual(['UNLINK', 's']);
});

test('SPOP count errors and empty answers', () => {
  h.run(['sadd', 's', 'a']);
  expect(h.resp(['spop', 's', '-1'])).toBe('-ERR value is out of range, must be positive\r\n');
  expect(h.resp(['spop', 's', 'x'])).toBe('-ERR value is out of range, must be positive\r\n');
  expect(h.resp(['spop', 'missing', '-1'])).toBe('-ERR value is out of range, must be positive\r\n');
  expect(h.resp(['spop', 's', '1', '2'])).toBe('-ERR syntax error\r\n');
  expect(h.resp3(['spop', 's', '0'])).toBe('~0\r\n');
  expect(h.resp(['spop', 'missing', '3'])).toBe('*0\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['spop', 'k', '0'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['spop', 'k'])).toMatch(/^-WRONGTYPE/);
});

test('SPOP keeps the encoding', () => {
  h.run(['sadd', 'i', ...Array.from({ length: 300 }, (_, i) => String(i))]);
  h.run(['spop', 'i', '290']);
  expect(h.run(['object', 'encoding', 'i'])).toBe('intset');
  h.run(['sadd', 'h', ...members(300)]);
  h.run(['spop', 'h', '295']);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
});
