import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['mset', '{t}a', 'ohmytext', '{t}b', 'mynewtext']);
});
afterEach(() => h.close());

test('LCS string and LEN', () => {
  expect(h.resp(['lcs', '{t}a', '{t}b'])).toBe('$6\r\nmytext\r\n');
  expect(h.resp(['lcs', '{t}a', '{t}b', 'LEN'])).toBe(':6\r\n');
  expect(h.resp(['lcs', '{t}a', '{t}none'])).toBe('$0\r\n\r\n');
});

test('LCS IDX: RESP2 flat array, RESP3 map, ranges from the end', () => {
  expect(h.run(['lcs', '{t}a', '{t}b', 'idx', 'minmatchlen', '4', 'withmatchlen'])).toMatchObject({
    flat: ['matches', [[[4, 7], [5, 8], 4]], 'len', 6],
  });
  expect(h.resp(['lcs', '{t}a', '{t}b', 'idx'])).toBe(
    '*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n' +
      '$3\r\nlen\r\n:6\r\n',
  );
  expect(h.resp3(['lcs', '{t}a', '{t}b', 'idx', 'minmatchlen', '3'])).toBe(
    '%2\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n$3\r\nlen\r\n:6\r\n',
  );
});

test('LCS errors', () => {
  expect(h.resp(['lcs', '{t}a', '{t}b', 'idx', 'len'])).toBe(
    '-ERR If you want both the length and indexes, please just use IDX.\r\n',
  );
  expect(h.resp(['lcs', '{t}a', '{t}b', 'minmatchlen'])).toBe('-ERR syntax error\r\n');
  h.server.engine.dbs[0].set('{t}l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['lcs', '{t}l', '{t}a', 'bogus'])).toBe('-ERR The specified keys must contain string values\r\n');
});

test('LCS refuses a table larger than proto-max-bulk-len', () => {
  h.run(['config', 'set', 'proto-max-bulk-len', '1048576']);
  h.run(['mset', '{t}x', 'a'.repeat(600), '{t}y', 'a'.repeat(600)]);
  expect(h.resp(['lcs', '{t}x', '{t}y', 'len'])).toBe(
    '-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n',
  );
  h.run(['mset', '{t}x', 'a'.repeat(500), '{t}y', 'ba'.repeat(250)]);
  expect(h.run(['lcs', '{t}x', '{t}y', 'len'])).toBe(250);
});

test('LCS of a string longer than any JS string answers the table-size error, as Redis does', () => {
  // SETBIT at the last offset makes a 512 MB value; LCS must refuse it from its length before turning the
  // bytes into text (which V8 cannot hold) - it once answered an internal error here.
  h.run(['setbit', '{t}big', '4294967295', '1']);
  expect(h.resp(['lcs', '{t}big', '{t}a'])).toBe(
    '-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n',
  );
  expect(h.resp(['lcs', '{t}none', '{t}big', 'len'])).toBe(
    '-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n',
  );
});
