import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

type ScanReply = [string, string[]];

test('SSCAN returns a small set whole with cursor 0, filtered by MATCH', () => {
  h.run(['sadd', 's', 'a1', 'b1', 'a2']);
  expect(h.run(['sscan', 's', '0', 'COUNT', '1'])).toEqual(['0', ['a1', 'b1', 'a2']]);
  expect(h.run(['sscan', 's', '0', 'MATCH', 'a*'])).toEqual(['0', ['a1', 'a2']]);
  h.run(['sadd', 'i', '3', '1', '2']);
  expect(h.run(['sscan', 'i', '0'])).toEqual(['0', ['1', '2', '3']]);
});

test('SSCAN walks a hashtable set in pages until cursor 0, every member once', () => {
  const all = Array.from({ length: 1000 }, (_, i) => `m${i}`);
  h.run(['sadd', 's', ...all]);
  const seen: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const [next, page] = h.run(['sscan', 's', cursor, 'COUNT', '50']) as ScanReply;
    seen.push(...page);
    cursor = next;
    calls++;
  } while (cursor !== '0');
  expect(calls).toBe(20);
  expect(seen.sort()).toEqual(all.slice().sort());
});

test('SSCAN errors: cursor first, then the key, then the options', () => {
  h.run(['sadd', 's', 'a']);
  h.run(['set', 'k', 'v']);
  expect(h.resp(['sscan', 's', 'x'])).toBe('-ERR invalid cursor\r\n');
  expect(h.resp(['sscan', 'missing', '0', 'COUNT', '0'])).toBe('*2\r\n$1\r\n0\r\n*0\r\n');
  expect(h.resp(['sscan', 'k', '0', 'COUNT', '0'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['sscan', 's', '0', 'COUNT', '0'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['sscan', 's', '0', 'COUNT', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['sscan', 's', '0', 'TYPE', 'set'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['sscan', 's', '0', 'MATCH'])).toBe('-ERR syntax error\r\n');
});
