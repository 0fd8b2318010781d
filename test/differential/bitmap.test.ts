// Differential cases for the bitmap commands (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD,
// BITFIELD_RO) against the real redis-server, plus a seeded random sequence over a few small keys.
import { describe, expect, it } from 'vitest';
import { DiffSession, diffCases, formatMismatches, useDiffPair } from '../helpers/differential.js';
import { Rng, seedFromEnv } from '../helpers/random-commands.js';

const pair = useDiffPair();

describe('bitmap: SETBIT and GETBIT', () => {
  diffCases('setbit getbit', pair, [
    ['SETBIT', 'b', '7', '1'],
    ['GET', 'b'],
    ['SETBIT', 'b', '7', '1'],
    ['SETBIT', 'b', '7', '0'],
    ['SETBIT', 'b', '100', '1'],
    ['STRLEN', 'b'],
    ['GETBIT', 'b', '100'],
    ['GETBIT', 'b', '101'],
    ['GETBIT', 'b', '100000'],
    ['GETBIT', 'missing', '3'],
    ['SETBIT', 'new', '0', '0'],
    ['GET', 'new'],
    ['SETBIT', 'b', '-1', '1'],
    ['SETBIT', 'b', '4294967296', '1'],
    ['SETBIT', 'b', '1.5', '1'],
    ['SETBIT', 'b', '1', '2'],
    ['SETBIT', 'b', '1', '-1'],
    ['SETBIT', 'b', '1', 'x'],
    ['SETBIT', 'b', '1', ''],
    ['SETBIT', 'b', '#1', '1'],
    ['GETBIT', 'b', '-1'],
    ['GETBIT', 'b', '4294967296'],
    ['GETBIT', 'b', '4294967295'],
    ['GETBIT', 'b', 'abc'],
    ['GETBIT', 'b', '9223372036854775808'],
    ['SET', 'n', '12345'],
    ['GETBIT', 'n', '2'],
    ['GETBIT', 'n', '3'],
    ['SETBIT', 'n', '7', '0'],
    ['GET', 'n'],
    ['OBJECT', 'ENCODING', 'n'],
    ['RPUSH', 'l', 'a'],
    ['SETBIT', 'l', '1', '1'],
    ['GETBIT', 'l', '1'],
    ['GETBIT', 'l', '-1'],
    ['SETBIT', 'l', '-1', '1'],
    ['SET', 'e', ''],
    ['GETBIT', 'e', '0'],
    ['SETBIT', 'e', '15', '1'],
    ['GET', 'e'],
    ['SET', 'ttl', 'x', 'EX', '1000'],
    ['SETBIT', 'ttl', '30', '1'],
    ['TTL', 'ttl'],
    ['SETBIT', 'b'],
    ['GETBIT', 'b'],
  ]);
});

describe('bitmap: BITCOUNT', () => {
  diffCases('bitcount', pair, [
    ['SET', 's', 'foobar'],
    ['BITCOUNT', 's'],
    ['BITCOUNT', 's', '0', '0'],
    ['BITCOUNT', 's', '1', '1'],
    ['BITCOUNT', 's', '1', '1', 'BYTE'],
    ['BITCOUNT', 's', '5', '30', 'BIT'],
    ['BITCOUNT', 's', '5', '30', 'bit'],
    ['BITCOUNT', 's', '-1', '-1'],
    ['BITCOUNT', 's', '-2', '-1', 'BIT'],
    ['BITCOUNT', 's', '-100', '100'],
    ['BITCOUNT', 's', '-100', '100', 'BIT'],
    ['BITCOUNT', 's', '-1', '-5'],
    ['BITCOUNT', 's', '3', '1'],
    ['BITCOUNT', 's', '0', '47', 'BIT'],
    ['BITCOUNT', 's', '7', '7', 'BIT'],
    ['BITCOUNT', 's', '9', '14', 'BIT'],
    ['BITCOUNT', 's', '0', '9223372036854775807'],
    ['BITCOUNT', 's', '-9223372036854775808', '-9223372036854775807'],
    ['BITCOUNT', 's', '-9223372036854775807', '-9223372036854775808'],
    ['BITCOUNT', 's', '0', '-1', 'BIT'],
    ['BITCOUNT', 's', '0'],
    ['BITCOUNT', 's', '0', '1', 'BIT', 'x'],
    ['BITCOUNT', 's', 'a', '1'],
    ['BITCOUNT', 's', '0', 'b'],
    ['BITCOUNT', 's', '0', '1', 'bits'],
    ['BITCOUNT', 'missing'],
    ['BITCOUNT', 'missing', '0', '-1'],
    ['BITCOUNT', 'missing', '0'],
    ['BITCOUNT', 'missing', 'x', 'y'],
    ['BITCOUNT', 'missing', '0', '1', 'bogus'],
    ['BITCOUNT', 's', '-1', '-5', 'bogus'],
    ['BITCOUNT', 's', '-5', '-1', 'bogus'],
    ['SET', 'n', '-1234567'],
    ['BITCOUNT', 'n'],
    ['BITCOUNT', 'n', '1', '3', 'BIT'],
    ['SET', 'e', ''],
    ['BITCOUNT', 'e'],
    ['BITCOUNT', 'e', '0', '-1'],
    ['BITCOUNT', 'e', '0', '-1', 'BIT'],
    ['SET', 'big', '\xff\x0f\xf0'.repeat(70_000)],
    ['BITCOUNT', 'big'],
    ['BITCOUNT', 'big', '1000', '-1000'],
    ['BITCOUNT', 'big', '1001', '-1001', 'BIT'],
    ['RPUSH', 'l', 'a'],
    ['BITCOUNT', 'l'],
    ['BITCOUNT', 'l', '0', '1'],
    ['BITCOUNT', 'l', 'x', 'y'],
  ]);
});

describe('bitmap: BITPOS', () => {
  diffCases('bitpos', pair, [
    ['SET', 's', '\xff\xf0\x00'],
    ['BITPOS', 's', '0'],
    ['BITPOS', 's', '1'],
    ['BITPOS', 's', '1', '2'],
    ['BITPOS', 's', '1', '2', '-1'],
    ['BITPOS', 's', '0', '0', '0'],
    ['BITPOS', 's', '0', '1', '1'],
    ['BITPOS', 's', '1', '7', '15', 'BIT'],
    ['BITPOS', 's', '0', '7', '15', 'BIT'],
    ['BITPOS', 's', '0', '0', '11', 'BIT'],
    ['BITPOS', 's', '0', '3', '10', 'BIT'],
    ['BITPOS', 's', '1', '12', '-1', 'BIT'],
    ['BITPOS', 's', '0', '-3', '-1', 'BYTE'],
    ['BITPOS', 's', '1', '5', '3'],
    ['BITPOS', 's', '0', '5'],
    ['BITPOS', 's', '1', '-100', '100'],
    ['SET', 'ones', '\xff\xff\xff'],
    ['BITPOS', 'ones', '0'],
    ['BITPOS', 'ones', '0', '1'],
    ['BITPOS', 'ones', '0', '1', '-1'],
    ['BITPOS', 'ones', '0', '0', '-1', 'BIT'],
    ['BITPOS', 'ones', '0', '3', 'BIT'],
    ['BITPOS', 'ones', '0', '3', '20', 'BIT'],
    ['BITPOS', 'ones', '1', '3', '20', 'BIT'],
    ['BITPOS', 'ones', '0', '9', '9', 'BIT'],
    ['SET', 'zeros', '\x00\x00\x00'],
    ['BITPOS', 'zeros', '1'],
    ['BITPOS', 'zeros', '0'],
    ['BITPOS', 'zeros', '1', '0', '-1', 'BIT'],
    ['BITPOS', 'zeros', '0', '10', '12', 'BIT'],
    ['BITPOS', 'missing', '0'],
    ['BITPOS', 'missing', '1'],
    ['BITPOS', 'missing', '0', '1', '2'],
    ['BITPOS', 'missing', '0', 'x'],
    ['BITPOS', 'missing', '1', '0', '1', 'hello'],
    ['BITPOS', 'missing', '1', '0', '1', 'BIT', 'x'],
    ['BITPOS', 'missing', '2'],
    ['BITPOS', 'missing', 'x'],
    ['BITPOS', 's', '2'],
    ['BITPOS', 's', '-1'],
    ['BITPOS', 's', 'x'],
    ['BITPOS', 's', '1', 'x'],
    ['BITPOS', 's', '1', '0', 'y'],
    ['BITPOS', 's', '1', '0', '1', 'BITS'],
    ['BITPOS', 's', '1', '0', '1', 'BIT', 'extra'],
    ['SET', 'e', ''],
    ['BITPOS', 'e', '0'],
    ['BITPOS', 'e', '1'],
    ['BITPOS', 'e', '0', '0', '-1', 'BIT'],
    ['SET', 'n', '1000'],
    ['BITPOS', 'n', '1', '1'],
    ['SET', 'big', '\x00'.repeat(100_000) + '\x10' + '\xff'.repeat(100_000)],
    ['BITPOS', 'big', '1'],
    ['BITPOS', 'big', '0', '100001'],
    ['BITPOS', 'big', '0', '100001', '-1'],
    ['BITPOS', 'big', '1', '799990', '-1', 'BIT'],
    ['RPUSH', 'l', 'a'],
    ['BITPOS', 'l', '1'],
    ['BITPOS', 'l', '1', 'a', 'b'],
    ['BITPOS', 'l', '3'],
  ]);
});

describe('bitmap: BITOP', () => {
  diffCases('bitop', pair, [
    ['SET', '{t}a', 'abcdef'],
    ['SET', '{t}b', '\xff\x00\x0f'],
    ['SET', '{t}c', ''],
    ['BITOP', 'AND', '{t}d', '{t}a', '{t}b'],
    ['GET', '{t}d'],
    ['BITOP', 'or', '{t}d', '{t}a', '{t}b'],
    ['GET', '{t}d'],
    ['BITOP', 'XoR', '{t}d', '{t}a', '{t}b', '{t}a'],
    ['GET', '{t}d'],
    ['BITOP', 'NOT', '{t}d', '{t}b'],
    ['GET', '{t}d'],
    ['BITOP', 'NOT', '{t}d', '{t}a', '{t}b'],
    ['BITOP', 'NAND', '{t}d', '{t}a'],
    ['BITOP', 'AND', '{t}d', '{t}missing', '{t}a'],
    ['GET', '{t}d'],
    ['BITOP', 'OR', '{t}d', '{t}missing'],
    ['EXISTS', '{t}d'],
    ['BITOP', 'OR', '{t}d', '{t}missing'],
    ['BITOP', 'AND', '{t}d', '{t}c'],
    ['SET', '{t}d', 'x', 'EX', '100'],
    ['BITOP', 'OR', '{t}d', '{t}a'],
    ['TTL', '{t}d'],
    ['RPUSH', '{t}l', 'x'],
    ['BITOP', 'OR', '{t}d', '{t}a', '{t}l'],
    ['BITOP', 'OR', '{t}l', '{t}a'],
    ['TYPE', '{t}l'],
    ['BITOP', 'NOT', '{t}a', '{t}a'],
    ['GET', '{t}a'],
    ['SET', '{t}n', '42'],
    ['BITOP', 'XOR', '{t}x', '{t}n', '{t}a'],
    ['GET', '{t}x'],
    // The result is stored unencoded even when it reads as an integer: raw, never a shared integer.
    ['BITOP', 'OR', '{t}r', '{t}n'],
    ['GET', '{t}r'],
    ['OBJECT', 'ENCODING', '{t}r'],
    ['OBJECT', 'REFCOUNT', '{t}r'],
    ['SET', '{t}s', 'short'],
    ['BITOP', 'AND', '{t}r', '{t}s', '{t}s'],
    ['OBJECT', 'ENCODING', '{t}r'],
    ['INCR', '{t}n'],
    ['BITOP', 'OR', '{t}r', '{t}n'],
    ['INCR', '{t}r'],
    ['OBJECT', 'ENCODING', '{t}r'],
    ['OBJECT', 'REFCOUNT', '{t}r'],
    ['BITOP', 'AND', '{t}d'],
    ['BITOP', 'AND'],
  ]);
});

describe('bitmap: BITFIELD', () => {
  diffCases('bitfield basics', pair, [
    ['BITFIELD', 'f', 'SET', 'i8', '0', '-100', 'GET', 'i8', '0', 'GET', 'u8', '0'],
    ['BITFIELD', 'f', 'INCRBY', 'u2', '100', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'u2', '102', '1'],
    ['GET', 'f'],
    ['BITFIELD', 'f', 'SET', 'u4', '#2', '15', 'GET', 'u4', '#2', 'GET', 'u4', '8'],
    ['BITFIELD', 'f', 'GET', 'i64', '0', 'GET', 'u63', '1', 'GET', 'i1', '0', 'GET', 'u1', '0'],
    ['BITFIELD', 'f', 'SET', 'i64', '0', '-9223372036854775808', 'INCRBY', 'i64', '0', '-1'],
    ['BITFIELD', 'f', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', '-1', 'INCRBY', 'i64', '0', '9223372036854775807'],
    ['BITFIELD', 'f', 'OVERFLOW', 'FAIL', 'INCRBY', 'i64', '0', '9223372036854775807', 'INCRBY', 'i64', '0', '1'],
    ['BITFIELD', 'f', 'SET', 'u63', '0', '9223372036854775807', 'INCRBY', 'u63', '0', '1'],
    ['BITFIELD', 'f', 'OVERFLOW', 'SAT', 'SET', 'u8', '0', '-1', 'SET', 'u8', '0', '300', 'SET', 'i8', '0', '-300'],
    ['BITFIELD', 'f', 'OVERFLOW', 'WRAP', 'SET', 'u8', '0', '-1', 'SET', 'u8', '0', '300', 'SET', 'i8', '0', '-300'],
    ['BITFIELD', 'f', 'OVERFLOW', 'FAIL', 'SET', 'u8', '0', '-1', 'SET', 'u8', '0', '255', 'SET', 'i8', '0', '128'],
    ['BITFIELD', 'f', 'OVERFLOW', 'SAT', 'INCRBY', 'u8', '0', '-1000', 'INCRBY', 'i5', '3', '-1000', 'INCRBY', 'i5', '3', '1000'],
    ['BITFIELD', 'f', 'OVERFLOW', 'WRAP', 'INCRBY', 'u8', '0', '-1000', 'INCRBY', 'i5', '3', '-1000', 'INCRBY', 'i5', '3', '1000'],
    ['BITFIELD', 'f', 'INCRBY', 'i3', '13', '5', 'OVERFLOW', 'FAIL', 'INCRBY', 'i3', '13', '5'],
    ['BITFIELD', 'x', 'OVERFLOW', 'SAT', 'SET', 'i1', '0', '-9223372036854775808', 'SET', 'i8', '8', '-9223372036854775808'],
    ['BITFIELD', 'x', 'OVERFLOW', 'FAIL', 'SET', 'i1', '0', '-9223372036854775808', 'SET', 'i1', '0', '9223372036854775807'],
    ['BITFIELD', 'x', 'OVERFLOW', 'WRAP', 'SET', 'i7', '3', '-9223372036854775808', 'SET', 'i7', '3', '9223372036854775807'],
    ['BITFIELD', 'x', 'SET', 'i8', '0', '100', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '-9223372036854775808'],
    ['BITFIELD', 'x', 'SET', 'i8', '0', '-100', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '9223372036854775807'],
    ['BITFIELD', 'x', 'SET', 'u8', '0', '200', 'OVERFLOW', 'SAT', 'INCRBY', 'u8', '0', '-9223372036854775808'],
    ['BITFIELD', 'x', 'OVERFLOW', 'SAT', 'SET', 'u63', '0', '-9223372036854775808', 'SET', 'u1', '0', '-9223372036854775808'],
    ['GET', 'x'],
    ['GET', 'f'],
    ['BITFIELD', 'f'],
    ['BITFIELD', 'f', 'GET', 'i8', '1000000'],
    ['BITFIELD', 'f', 'SET', 'i8', '#1000', '1'],
    ['STRLEN', 'f'],
    ['BITFIELD', 'missing', 'GET', 'u8', '0'],
    ['EXISTS', 'missing'],
    ['BITFIELD', 'missing', 'OVERFLOW', 'FAIL', 'SET', 'u2', '0', '9'],
    ['GET', 'missing'],
    ['SET', 'n', '12345'],
    ['BITFIELD', 'n', 'GET', 'u16', '4', 'INCRBY', 'u8', '0', '1'],
    ['GET', 'n'],
    ['BITFIELD_RO', 'n', 'GET', 'i16', '#1'],
    ['BITFIELD_RO', 'n'],
    ['BITFIELD_RO', 'missing2', 'GET', 'u8', '0'],
  ]);

  diffCases('bitfield errors', pair, [
    ['BITFIELD', 'f', 'GET', 'u64', '0'],
    ['BITFIELD', 'f', 'GET', 'i65', '0'],
    ['BITFIELD', 'f', 'GET', 'i0', '0'],
    ['BITFIELD', 'f', 'GET', 'I8', '0'],
    ['BITFIELD', 'f', 'GET', 'i', '0'],
    ['BITFIELD', 'f', 'GET', 'i08', '0'],
    ['BITFIELD', 'f', 'GET', 'u-1', '0'],
    ['BITFIELD', 'f', 'GET', 'x8', '0'],
    ['BITFIELD', 'f', 'GET', '', '0'],
    ['BITFIELD', 'f', 'GET', 'i8\x00x', '0'],
    ['BITFIELD', 'f', 'GET', 'i8', '-1'],
    ['BITFIELD', 'f', 'GET', 'i8', '#-1'],
    ['BITFIELD', 'f', 'GET', 'i8', '#'],
    ['BITFIELD', 'f', 'GET', 'i8', '##1'],
    ['BITFIELD', 'f', 'GET', 'i8', '4294967296'],
    ['BITFIELD', 'f', 'GET', 'i8', '#536870912'],
    ['BITFIELD', 'f', 'GET', 'i8', '#536870911'],
    ['BITFIELD', 'f', 'GET', 'i8', 'x'],
    ['BITFIELD', 'f', 'GET', 'i8'],
    ['BITFIELD', 'f', 'SET', 'i8', '0'],
    ['BITFIELD', 'f', 'SET', 'i8', '0', 'x'],
    ['BITFIELD', 'f', 'INCRBY', 'i8', '0', '1.5'],
    ['BITFIELD', 'f', 'INCRBY', 'i8', '0', '9223372036854775808'],
    ['BITFIELD', 'f', 'OVERFLOW'],
    ['BITFIELD', 'f', 'OVERFLOW', 'BOGUS', 'GET', 'i8', '0'],
    ['BITFIELD', 'f', 'OVERFLOW', 'sat'],
    ['BITFIELD', 'f', 'FOO', 'i8', '0'],
    ['BITFIELD', 'f', 'GET', 'i8', '0', 'SET', 'u64', '0', '1'],
    ['EXISTS', 'f'],
    ['BITFIELD_RO', 'f', 'SET', 'i8', '0', '1'],
    ['BITFIELD_RO', 'f', 'INCRBY', 'i8', '0', '1'],
    ['BITFIELD_RO', 'f', 'OVERFLOW', 'SAT', 'GET', 'i8', '0'],
    ['BITFIELD_RO', 'f', 'GET', 'i8', '0', 'SET', 'i8', '0', '1'],
    ['BITFIELD_RO', 'f', 'SET', 'u64', '0', '1'],
    ['EXISTS', 'f'],
    ['RPUSH', 'l', 'a'],
    ['BITFIELD', 'l', 'GET', 'i8', '0'],
    ['BITFIELD', 'l', 'SET', 'i8', '0', '1'],
    ['BITFIELD', 'l'],
    ['BITFIELD_RO', 'l', 'GET', 'i8', '0'],
    ['BITFIELD', 'l', 'GET', 'i99', '0'],
  ]);
});

describe('bitmap: size limits follow proto-max-bulk-len', () => {
  diffCases('bit offsets against a 1 MB limit', pair, [
    ['CONFIG', 'SET', 'proto-max-bulk-len', '1048576'],
    ['SETBIT', 'p', '8388608', '1'],
    ['SETBIT', 'p', '8388607', '1'],
    ['STRLEN', 'p'],
    ['GETBIT', 'p', '8388608'],
    ['BITFIELD', 'q', 'GET', 'u8', '8388608'],
    ['BITFIELD', 'q', 'SET', 'i64', '8388607', '-1'],
    ['STRLEN', 'q'],
    ['BITFIELD', 'q', 'GET', 'i64', '8388607', 'GET', 'u8', '#1048575'],
    ['BITCOUNT', 'q', '-9', '-1'],
    ['CONFIG', 'SET', 'proto-max-bulk-len', '536870912'],
    ['GETBIT', 'p', '4294967295'],
    ['SETBIT', 'p', '4294967296', '0'],
    ['BITFIELD', 'p', 'GET', 'i8', '#536870911', 'GET', 'i8', '#536870912'],
  ]);
});

const SEED = seedFromEnv(7321);
const COUNT = Number(process.env.DIFF_COUNT ?? 1500);
const KEYS = ['{b}k1', '{b}k2', '{b}k3', '{b}k4'];
const TYPES = ['i1', 'u1', 'i3', 'u5', 'i8', 'u8', 'i13', 'u16', 'i32', 'u31', 'i63', 'u63', 'i64'];

function smallIndex(rng: Rng): string {
  const v = rng.chance(0.7) ? rng.int(20) : rng.int(200);
  return String(rng.chance(0.3) ? -v : v);
}

function fieldValue(rng: Rng): string {
  switch (rng.int(4)) {
    case 0:
      return String(rng.int(20) - 10);
    case 1:
      return String(rng.int(1 << 20) - (1 << 19));
    case 2:
      return rng.pick(['9223372036854775807', '-9223372036854775808', '4294967295', '-4294967296', '255', '-129']);
    default:
      return String(Math.floor((rng.next() - 0.5) * 2 ** 53));
  }
}

function randomBitCommand(rng: Rng): string[] {
  const key = rng.pick(KEYS);
  const bitOffset = () => String(rng.chance(0.8) ? rng.int(256) : rng.int(4096));
  switch (rng.int(12)) {
    case 0:
    case 1:
      return ['SETBIT', key, bitOffset(), String(rng.int(2))];
    case 2:
      return ['GETBIT', key, bitOffset()];
    case 3: {
      const a = ['BITCOUNT', key];
      if (rng.chance(0.7)) a.push(smallIndex(rng), smallIndex(rng));
      if (a.length === 4 && rng.chance(0.5)) a.push(rng.pick(['BIT', 'BYTE', 'bit']));
      return a;
    }
    case 4: {
      const a = ['BITPOS', key, String(rng.int(2))];
      if (rng.chance(0.7)) a.push(smallIndex(rng));
      if (a.length === 4 && rng.chance(0.6)) a.push(smallIndex(rng));
      if (a.length === 5 && rng.chance(0.5)) a.push(rng.pick(['BIT', 'BYTE']));
      return a;
    }
    case 5: {
      const op = rng.pick(['AND', 'OR', 'XOR', 'NOT']);
      const n = op === 'NOT' ? 1 : 1 + rng.int(3);
      const a = ['BITOP', op, rng.pick(KEYS)];
      for (let i = 0; i < n; i++) a.push(rng.pick(KEYS));
      return a;
    }
    case 6:
      return ['GET', key];
    case 7:
      return rng.chance(0.5) ? ['DEL', key] : ['SET', key, rng.pick(['', 'foobar', '\xff\x00\xaa', '1234'])];
    default: {
      const ro = rng.chance(0.15);
      const a = [ro ? 'BITFIELD_RO' : 'BITFIELD', key];
      const n = 1 + rng.int(4);
      for (let i = 0; i < n; i++) {
        const type = rng.pick(TYPES);
        const off = rng.chance(0.3) ? `#${rng.int(8)}` : String(rng.int(128));
        const kind = ro ? 0 : rng.int(4);
        if (kind === 0) a.push('GET', type, off);
        else if (kind === 1) a.push('SET', type, off, fieldValue(rng));
        else if (kind === 2) a.push('INCRBY', type, off, fieldValue(rng));
        else a.push('OVERFLOW', rng.pick(['WRAP', 'SAT', 'FAIL']));
      }
      return a;
    }
  }
}

it('bitmap: seeded random sequence', async () => {
  const session = new DiffSession(pair(), { seed: SEED, label: 'bitmap random', historySize: 12 });
  await session.open();
  const rng = new Rng(SEED);
  try {
    await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
    for (let i = 0; i < COUNT; i++) {
      const m = await session.run(randomBitCommand(rng));
      if (m) {
        if (session.mismatches.length >= 20) break;
        await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
      }
    }
  } finally {
    session.close();
  }
  expect(session.mismatches.length, `\nreplay with DIFF_SEED=${SEED}\n${formatMismatches(session.mismatches, 10)}\n`).toBe(0);
}, 60_000);
