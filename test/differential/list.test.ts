// Differential cases for the non-blocking list commands: every option, edge index and error path, sent
// to cinnabar and to the real redis-server and compared byte for byte. OBJECT ENCODING is compared only
// for clearly large lists: the 7.0 oracle reports "quicklist" for every list, where 7.2 (our target)
// reports "listpack" for small ones.
import { describe } from 'vitest';
import { diffCases, useDiffPair, type CaseInput } from '../helpers/differential.js';

const pair = useDiffPair();
const LISTS = { requires: ['RPUSH', 'LRANGE'] };

const INDEXES = [
  '0', '1', '-1', '2', '-2', '4', '5', '-5', '-6', '100', '-100', '9223372036854775807', '-9223372036854775808',
  '9223372036854775808', '1.5', 'x', '', '+1', '01',
];

/** Every pair of indexes from a small set, for LRANGE and LTRIM. */
function rangeCases(cmd: string): CaseInput[] {
  const picks = ['0', '1', '-1', '3', '-3', '4', '5', '-6', '100', '-100', '9223372036854775807', '-9223372036854775808'];
  const out: CaseInput[] = [];
  for (const a of picks) {
    for (const b of picks) {
      if (cmd === 'LTRIM') out.push(['DEL', 'r'], ['RPUSH', 'r', 'a', 'b', 'c', 'd', 'e']);
      out.push([cmd, 'r', a, b]);
      if (cmd === 'LTRIM') out.push(['LRANGE', 'r', '0', '-1'], ['EXISTS', 'r']);
    }
  }
  return out;
}

describe('lists: push, pop, length', () => {
  diffCases('push and pop', pair, [
    ['LPUSH', 'l', 'a'],
    ['LPUSH', 'l', 'b', 'c', 'd'],
    ['RPUSH', 'l', 'x', 'y'],
    ['LRANGE', 'l', '0', '-1'],
    ['LLEN', 'l'],
    ['LPOP', 'l'],
    ['RPOP', 'l'],
    ['LPOP', 'l', '2'],
    ['RPOP', 'l', '2'],
    ['LPOP', 'l', '0'],
    ['RPOP', 'l', '0'],
    ['LRANGE', 'l', '0', '-1'],
    ['RPOP', 'l', '10'],
    ['EXISTS', 'l'],
    ['LPOP', 'l'],
    ['RPOP', 'l'],
    ['LPOP', 'l', '1'],
    ['RPOP', 'l', '0'],
    ['LLEN', 'l'],
    ['LPUSHX', 'l', 'a'],
    ['RPUSHX', 'l', 'a'],
    ['EXISTS', 'l'],
    ['RPUSH', 'l', 'q'],
    ['LPUSHX', 'l', 'p', 'o'],
    ['RPUSHX', 'l', 'r', 's'],
    ['LRANGE', 'l', '0', '-1'],
    ['RPUSH', 'bin', '', '\x00', '\r\n', '\xff\xfe', 'héllo ☃'],
    ['LRANGE', 'bin', '0', '-1'],
    ['RPOP', 'bin', '3'],
  ], LISTS);

  diffCases('pop counts and arity', pair, [
    ['RPUSH', 'l', 'a', 'b', 'c'],
    ['LPOP', 'l', '-1'],
    ['LPOP', 'l', 'x'],
    ['LPOP', 'l', '1.0'],
    ['RPOP', 'l', '-9223372036854775808'],
    ['RPOP', 'l', '9223372036854775807'],
    ['LPOP', 'missing', 'x'],
    ['LPOP', 'missing', '3'],
    ['RPOP', 'missing', '0'],
    ['LPOP', 'l', '1', '2'],
    ['RPOP', 'l', '1', '2'],
    ['LPOP'],
    ['LPUSH', 'l'],
    ['RPUSHX', 'l'],
    ['LLEN'],
    ['LLEN', 'l', 'x'],
    ['EXISTS', 'l'],
  ], LISTS);

  diffCases('wrong types', pair, [
    ['SET', 's', 'v'],
    ['LPUSH', 's', 'a'],
    ['RPUSH', 's', 'a'],
    ['LPUSHX', 's', 'a'],
    ['RPUSHX', 's', 'a'],
    ['LPOP', 's'],
    ['RPOP', 's', '1'],
    ['RPOP', 's', 'x'],
    ['LLEN', 's'],
    ['LRANGE', 's', '0', '-1'],
    ['LRANGE', 's', 'x', '-1'],
    ['LINDEX', 's', '0'],
    ['LINDEX', 's', 'x'],
    ['LSET', 's', '0', 'x'],
    ['LINSERT', 's', 'BEFORE', 'a', 'b'],
    ['LINSERT', 's', 'SIDEWAYS', 'a', 'b'],
    ['LREM', 's', '0', 'a'],
    ['LREM', 's', 'x', 'a'],
    ['LTRIM', 's', '0', '1'],
    ['LPOS', 's', 'a'],
    ['LPOS', 's', 'a', 'RANK', '0'],
    ['LMOVE', 's', 'd', 'LEFT', 'LEFT'],
    ['RPUSH', 'l', 'a'],
    ['LMOVE', 'l', 's', 'LEFT', 'LEFT'],
    ['LRANGE', 'l', '0', '-1'],
    ['RPOPLPUSH', 'l', 's'],
    ['RPOPLPUSH', 's', 'l'],
    ['LMPOP', '2', 's', 'l', 'LEFT'],
    ['LMPOP', '2', 'l', 's', 'LEFT'],
    ['LMPOP', '2', 'missing', 's', 'LEFT'],
    ['GET', 's'],
  ], LISTS);
});

describe('lists: indexes and ranges', () => {
  diffCases('lindex', pair, [
    ['LINDEX', 'missing', '0'],
    ['LINDEX', 'missing', 'x'],
    ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'],
    ...INDEXES.map((i) => ['LINDEX', 'l', i]),
  ], LISTS);

  diffCases('lrange', pair, [
    ['LRANGE', 'r', '0', '-1'],
    ['LRANGE', 'r', 'x', '-1'],
    ['RPUSH', 'r', 'a', 'b', 'c', 'd', 'e'],
    ...rangeCases('LRANGE'),
    ['LRANGE', 'r', '1.5', '2'],
    ['LRANGE', 'r', '0', ' 1'],
  ], LISTS);

  diffCases('ltrim', pair, [
    ['LTRIM', 'missing', '0', '1'],
    ['LTRIM', 'missing', 'x', '1'],
    ['LTRIM', 'missing', '0', 'x'],
    ...rangeCases('LTRIM'),
  ], { ...LISTS, timeout: 60_000 });

  diffCases('lset', pair, [
    ['LSET', 'missing', '0', 'x'],
    ['LSET', 'missing', 'x', 'x'],
    ['RPUSH', 'l', 'a', 'b', 'c'],
    ...INDEXES.flatMap((i) => [['LSET', 'l', i, `v${i}`], ['LRANGE', 'l', '0', '-1']]),
    ['LSET', 'l', '0', 'x'.repeat(10000)],
    ['LINDEX', 'l', '0'],
    ['OBJECT', 'ENCODING', 'l'],
  ], LISTS);
});

describe('lists: search, insert, remove', () => {
  diffCases('linsert', pair, [
    ['LINSERT', 'missing', 'BEFORE', 'a', 'x'],
    ['LINSERT', 'missing', 'NOWHERE', 'a', 'x'],
    ['RPUSH', 'l', 'a', 'b', 'a', 'c'],
    ['LINSERT', 'l', 'BEFORE', 'a', 'x'],
    ['LINSERT', 'l', 'after', 'a', 'y'],
    ['LINSERT', 'l', 'AfTeR', 'c', 'z'],
    ['LINSERT', 'l', 'before', 'c', 'w'],
    ['LINSERT', 'l', 'before', 'nope', 'w'],
    ['LINSERT', 'l', 'middle', 'a', 'w'],
    ['LINSERT', 'l', 'before\x00', 'a', 'w'],
    ['LINSERT', 'l', 'before', '', ''],
    ['LRANGE', 'l', '0', '-1'],
    ['LINSERT', 'l', 'before', 'a'],
    ['LLEN', 'l'],
  ], LISTS);

  diffCases('lrem', pair, [
    ['LREM', 'missing', '0', 'a'],
    ['LREM', 'missing', 'x', 'a'],
    ['RPUSH', 'l', 'x', 'a', 'x', 'b', 'x', 'c', 'x', 'x'],
    ['LREM', 'l', '1', 'x'],
    ['LRANGE', 'l', '0', '-1'],
    ['LREM', 'l', '-2', 'x'],
    ['LRANGE', 'l', '0', '-1'],
    ['LREM', 'l', '0', 'nope'],
    ['LREM', 'l', '-100', 'nope'],
    ['LREM', 'l', '9223372036854775807', 'x'],
    ['LRANGE', 'l', '0', '-1'],
    ['LREM', 'l', '-9223372036854775808', 'a'],
    ['LREM', 'l', '0', 'b'],
    ['LREM', 'l', '0', 'c'],
    ['EXISTS', 'l'],
    ['RPUSH', 'l', '1', '01', '1.0', '1'],
    ['LREM', 'l', '0', '1'],
    ['LRANGE', 'l', '0', '-1'],
  ], LISTS);

  diffCases('lpos', pair, [
    ['LPOS', 'missing', 'a'],
    ['LPOS', 'missing', 'a', 'COUNT', '0'],
    ['LPOS', 'missing', 'a', 'RANK', '0'],
    ['RPUSH', 'l', 'a', 'b', 'c', '1', '2', '3', 'c', 'c', 'a'],
    ['LPOS', 'l', 'c'],
    ['LPOS', 'l', 'zz'],
    ['LPOS', 'l', 'c', 'RANK', '2'],
    ['LPOS', 'l', 'c', 'RANK', '3'],
    ['LPOS', 'l', 'c', 'RANK', '4'],
    ['LPOS', 'l', 'c', 'RANK', '-1'],
    ['LPOS', 'l', 'c', 'RANK', '-3'],
    ['LPOS', 'l', 'c', 'RANK', '-4'],
    ['LPOS', 'l', 'c', 'RANK', '9223372036854775807'],
    ['LPOS', 'l', 'c', 'RANK', '-9223372036854775807'],
    ['LPOS', 'l', 'c', 'COUNT', '0'],
    ['LPOS', 'l', 'c', 'COUNT', '2'],
    ['LPOS', 'l', 'c', 'COUNT', '2', 'RANK', '2'],
    ['LPOS', 'l', 'c', 'COUNT', '0', 'RANK', '-1'],
    ['LPOS', 'l', 'c', 'COUNT', '1', 'RANK', '-2'],
    ['LPOS', 'l', 'zz', 'COUNT', '0'],
    ['LPOS', 'l', 'c', 'MAXLEN', '3'],
    ['LPOS', 'l', 'c', 'MAXLEN', '2'],
    ['LPOS', 'l', 'c', 'MAXLEN', '0', 'COUNT', '0'],
    ['LPOS', 'l', 'c', 'MAXLEN', '3', 'COUNT', '0', 'RANK', '-1'],
    ['LPOS', 'l', 'a', 'MAXLEN', '1', 'RANK', '-1'],
    ['LPOS', 'l', 'c', 'rank', '1', 'count', '1', 'maxlen', '100'],
    ['LPOS', 'l', 'c', 'RANK', '1', 'RANK', '2'],
    ['LPOS', 'l', 'c', 'RANK', '0'],
    ['LPOS', 'l', 'c', 'RANK', 'x'],
    ['LPOS', 'l', 'c', 'RANK', '9223372036854775808'],
    ['LPOS', 'l', 'c', 'COUNT', '-1'],
    ['LPOS', 'l', 'c', 'COUNT', 'x'],
    ['LPOS', 'l', 'c', 'MAXLEN', '-1'],
    ['LPOS', 'l', 'c', 'MAXLEN', 'x'],
    ['LPOS', 'l', 'c', 'RANK'],
    ['LPOS', 'l', 'c', 'COUNT'],
    ['LPOS', 'l', 'c', 'BOGUS', '1'],
    ['LPOS', 'l', 'c', 'COUNT', '-1', 'RANK', '0'],
    ['LPOS', 'l', 'c', 'RANK', '0', 'BOGUS'],
    ['LPOS', 'l'],
  ], LISTS);
});

describe('lists: moving between lists', () => {
  diffCases('lmove and rpoplpush', pair, [
    ['LMOVE', '{t}a', '{t}b', 'LEFT', 'RIGHT'],
    ['RPOPLPUSH', '{t}a', '{t}b'],
    ['EXISTS', '{t}b'],
    ['RPUSH', '{t}a', '1', '2', '3', '4'],
    ['LMOVE', '{t}a', '{t}b', 'LEFT', 'RIGHT'],
    ['LMOVE', '{t}a', '{t}b', 'left', 'left'],
    ['LMOVE', '{t}a', '{t}b', 'RIGHT', 'left'],
    ['LRANGE', '{t}b', '0', '-1'],
    ['RPOPLPUSH', '{t}a', '{t}b'],
    ['EXISTS', '{t}a'],
    ['LRANGE', '{t}b', '0', '-1'],
    ['LMOVE', '{t}b', '{t}b', 'LEFT', 'RIGHT'],
    ['LMOVE', '{t}b', '{t}b', 'RIGHT', 'LEFT'],
    ['RPOPLPUSH', '{t}b', '{t}b'],
    ['LRANGE', '{t}b', '0', '-1'],
    ['LMOVE', '{t}b', '{t}b', 'UP', 'LEFT'],
    ['LMOVE', '{t}b', '{t}b', 'LEFT', 'DOWN'],
    ['LMOVE', 'missing', '{t}b', 'UP', 'LEFT'],
    ['LMOVE', '{t}b', '{t}b', 'LEFT'],
    ['RPOPLPUSH', '{t}b'],
    ['RPUSH', '{t}one', 'x'],
    ['LMOVE', '{t}one', '{t}one', 'LEFT', 'LEFT'],
    ['LRANGE', '{t}one', '0', '-1'],
  ], LISTS);

  diffCases('lmpop', pair, [
    ['LMPOP', '1', '{t}a', 'LEFT'],
    ['LMPOP', '2', '{t}a', '{t}b', 'RIGHT', 'COUNT', '3'],
    ['RPUSH', '{t}b', '1', '2', '3', '4', '5'],
    ['LMPOP', '2', '{t}a', '{t}b', 'LEFT'],
    ['LMPOP', '2', '{t}a', '{t}b', 'right', 'count', '2'],
    ['LMPOP', '2', '{t}a', '{t}b', 'LEFT', 'COUNT', '100'],
    ['EXISTS', '{t}b'],
    ['RPUSH', '{t}a', 'x'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'COUNT', '0'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'COUNT', '-1'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'COUNT', 'x'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'COUNT'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'COUNT', '1', 'COUNT', '1'],
    ['LMPOP', '1', '{t}a', 'LEFT', 'BOGUS'],
    ['LMPOP', '1', '{t}a', 'MIDDLE'],
    ['LMPOP', '0', '{t}a', 'LEFT'],
    ['LMPOP', '-1', '{t}a', 'LEFT'],
    ['LMPOP', 'x', '{t}a', 'LEFT'],
    ['LMPOP', '3', '{t}a', 'LEFT'],
    ['LMPOP', '2', '{t}a', 'LEFT'],
    ['LMPOP', '9223372036854775807', '{t}a', 'LEFT'],
    ['LMPOP', '1', '{t}a'],
    ['LLEN', '{t}a'],
  ], LISTS);
});

describe('lists: large lists', () => {
  const many = Array.from({ length: 300 }, (_, i) => `element-${i}-${'x'.repeat(i % 40)}`);
  diffCases('quicklist-sized list', pair, [
    ['RPUSH', 'big', ...many],
    ['OBJECT', 'ENCODING', 'big'],
    ['LLEN', 'big'],
    ['LINDEX', 'big', '150'],
    ['LINDEX', 'big', '-150'],
    ['LRANGE', 'big', '100', '110'],
    ['LRANGE', 'big', '-5', '-1'],
    ['LPOS', 'big', many[250]],
    ['LPOS', 'big', many[250], 'MAXLEN', '100'],
    ['LINSERT', 'big', 'BEFORE', many[200], 'inserted'],
    ['LINDEX', 'big', '200'],
    ['LSET', 'big', '-1', 'last'],
    ['LREM', 'big', '0', many[10]],
    ['LTRIM', 'big', '10', '-10'],
    ['LLEN', 'big'],
    ['LPOP', 'big', '50'],
    ['RPOP', 'big', '50'],
    ['LRANGE', 'big', '0', '-1'],
    ['OBJECT', 'ENCODING', 'big'],
    ['RPUSH', 'huge', 'x'.repeat(20000)],
    ['OBJECT', 'ENCODING', 'huge'],
    ['LRANGE', 'huge', '0', '-1'],
  ], LISTS);
});

describe('lists: long lists packed into nodes', () => {
  // Elements of every length class the packed nodes store differently (empty, short, 33-127 bytes,
  // 128+ bytes, longer than a node), binary bytes among them, pushed one by one at both ends.
  const el = (i: number): string => {
    const lens = [0, 1, 3, 12, 32, 33, 100, 127, 128, 300, 5000];
    const n = lens[i % lens.length];
    let s = `${i}:`;
    for (let j = 0; s.length < n; j++) s += String.fromCharCode((i * 31 + j * 7) % 256);
    return s.slice(0, Math.max(n, 0));
  };
  const pushes: CaseInput[] = [];
  for (let i = 0; i < 400; i++) pushes.push([i % 3 === 0 ? 'LPUSH' : 'RPUSH', 'p', el(i)]);
  diffCases('built element by element, read and changed in the middle', pair, [
    ...pushes,
    ['LLEN', 'p'],
    ['LRANGE', 'p', '0', '-1'],
    ['LRANGE', 'p', '130', '170'],
    ['LRANGE', 'p', '-60', '-1'],
    ['LRANGE', 'p', '399', '1000'],
    ['LINDEX', 'p', '200'],
    ['LINDEX', 'p', '-1'],
    ['LPOS', 'p', el(99)],
    ['LPOS', 'p', el(1), 'RANK', '-1'],
    ['LSET', 'p', '150', 'x'.repeat(6000)],
    ['LSET', 'p', '151', ''],
    ['LINSERT', 'p', 'AFTER', el(30), 'y'.repeat(4500)],
    ['LINSERT', 'p', 'BEFORE', el(33), 'short'],
    ['LRANGE', 'p', '140', '160'],
    ['LREM', 'p', '0', el(0)],
    ['LREM', 'p', '-2', 'short'],
    ['LTRIM', 'p', '5', '-5'],
    ['LRANGE', 'p', '0', '-1'],
    ['MULTI'],
    ['LRANGE', 'p', '0', '20'],
    ['LPOP', 'p', '10'],
    ['LSET', 'p', '0', 'changed in the transaction'],
    ['LRANGE', 'p', '0', '20'],
    ['EXEC'],
    ['EVAL', "return redis.call('LRANGE', KEYS[1], 0, 30)", '1', 'p'],
    ['RPOP', 'p', '300'],
    ['LRANGE', 'p', '0', '-1'],
    ['LPOP', 'p', '1000'],
    ['EXISTS', 'p'],
  ], LISTS);
});
