// Differential cases for the hash commands, sent to cinnabar and to the real redis-server and compared byte
// for byte. Small (listpack) hashes answer in the same order as Redis, so HGETALL, HKEYS, HVALS and HSCAN on
// them compare exactly; large (hashtable) hashes and random picks compare sorted or by shape.
import { describe } from 'vitest';
import { as, diffCases, scanAll, sorted, useDiffPair, type CaseInput } from '../helpers/differential.js';
import type { RespValue } from '../helpers/resp.js';

const pair = useDiffPair();

/** Numbers and near-numbers that parsers disagree on (as the string cases use). */
const NUMERIC_EDGES = [
  '0', '-0', '+0', '1', '-1', '+1', '00012', '9223372036854775807', '9223372036854775808', '-9223372036854775808',
  '-9223372036854775809', '99999999999999999999999', ' 1', '1 ', '1\x00', '0x10', '1e3', '1.5', '.5', '5.', '1e',
  '1e308', '1e309', '-1e309', '1e-400', '4.9e-324', 'inf', '-inf', 'Infinity', 'nan', '-nan', '', ' ', 'abc', '0.1',
  '-0.0', '3.0000000000000001',
];

/** The reply's types and element counts, not its (random) content. */
function shapeOf(v: RespValue): string {
  return v.type + (v.items ? `(${v.items.map(shapeOf).join(',')})` : '');
}
const shape = (...argv: string[]): CaseInput => as({ normalize: shapeOf, label: 'shape' }, argv);

function hsetArgs(key: string, n: number, prefix = 'f'): string[] {
  const argv = ['HSET', key];
  for (let i = 0; i < n; i++) argv.push(`${prefix}${i}`, `v${i}`);
  return argv;
}

const L64 = 'x'.repeat(64);
const L65 = 'x'.repeat(65);

describe('hashes: basics', () => {
  diffCases('hset hget hdel', pair, [
    ['HSET', 'h', 'a', '1'],
    ['HSET', 'h', 'a', '2', 'b', '3', 'c', '4'],
    ['HSET', 'h', 'a'],
    ['HSET', 'h', 'a', '1', 'b'],
    ['HSET', 'h'],
    ['HGET', 'h', 'a'],
    ['HGET', 'h', 'zz'],
    ['HGET', 'nokey', 'a'],
    ['HGET', 'h'],
    ['HMSET', 'h', 'd', '5', 'e', '6'],
    ['HMSET', 'h', 'd'],
    ['HMSET', 'h', 'd', '5', 'e'],
    ['HGETALL', 'h'],
    ['HKEYS', 'h'],
    ['HVALS', 'h'],
    ['HLEN', 'h'],
    ['HDEL', 'h', 'a', 'a', 'zz'],
    ['HGETALL', 'h'],
    ['HSET', 'h', 'a', 'back'],
    ['HGETALL', 'h'],
    ['HDEL', 'h'],
    ['HDEL', 'nokey', 'a'],
    ['HDEL', 'h', 'b', 'c', 'd', 'e', 'a', 'more'],
    ['EXISTS', 'h'],
    ['HGETALL', 'h'],
    ['HKEYS', 'nokey'],
    ['HVALS', 'nokey'],
    ['HLEN', 'nokey'],
    ['TYPE', 'h'],
  ]);

  diffCases('hsetnx hexists hstrlen hmget', pair, [
    ['HSETNX', 'h', 'a', '1'],
    ['HSETNX', 'h', 'a', '2'],
    ['HGET', 'h', 'a'],
    ['HSETNX', 'h', 'a'],
    ['HSETNX', 'h', 'a', '1', 'x'],
    ['HEXISTS', 'h', 'a'],
    ['HEXISTS', 'h', 'b'],
    ['HEXISTS', 'nokey', 'b'],
    ['HSET', 'h', 'n', '-123', 'e', '', 'bin', '\x00\r\n\xff'],
    ['HSTRLEN', 'h', 'a'],
    ['HSTRLEN', 'h', 'n'],
    ['HSTRLEN', 'h', 'e'],
    ['HSTRLEN', 'h', 'bin'],
    ['HSTRLEN', 'h', 'missing'],
    ['HSTRLEN', 'nokey', 'missing'],
    ['HMGET', 'h', 'a', 'missing', 'bin', 'e'],
    ['HMGET', 'nokey', 'a', 'b'],
    ['HMGET', 'h'],
    ['HGETALL', 'h'],
  ]);

  diffCases('binary fields and values', pair, [
    ['HSET', '\x00k', '\x00', '\xff\xfe', '', 'empty field', 'crlf\r\n', 'v\r\n'],
    ['HGET', '\x00k', '\x00'],
    ['HGET', '\x00k', ''],
    ['HGET', '\x00k', 'crlf\r\n'],
    ['HGETALL', '\x00k'],
    ['HSET', 'u', 'héllo ☃', '🎉'],
    ['HGETALL', 'u'],
    ['HSTRLEN', 'u', 'héllo ☃'],
  ]);

  diffCases('wrongtype', pair, [
    ['SET', 's', 'v'],
    ['HSET', 's', 'a', '1'],
    ['HSETNX', 's', 'a', '1'],
    ['HMSET', 's', 'a', '1'],
    ['HGET', 's', 'a'],
    ['HMGET', 's', 'a'],
    ['HDEL', 's', 'a'],
    ['HEXISTS', 's', 'a'],
    ['HLEN', 's'],
    ['HSTRLEN', 's', 'a'],
    ['HGETALL', 's'],
    ['HKEYS', 's'],
    ['HVALS', 's'],
    ['HINCRBY', 's', 'a', '1'],
    ['HINCRBY', 's', 'a', 'x'],
    ['HINCRBYFLOAT', 's', 'a', '1'],
    ['HINCRBYFLOAT', 's', 'a', 'x'],
    ['HRANDFIELD', 's'],
    ['HRANDFIELD', 's', '1'],
    ['HRANDFIELD', 's', 'x'],
    ['HSCAN', 's', '0'],
    ['HSCAN', 's', 'x'],
    ['HSET', 'h', 'a', '1'],
    ['GET', 'h'],
    ['APPEND', 'h', 'x'],
    ['TYPE', 'h'],
  ]);
});

describe('hashes: counters', () => {
  diffCases('hincrby', pair, [
    ['HINCRBY', 'h', 'n', '5'],
    ['HINCRBY', 'h', 'n', '-7'],
    ['HGET', 'h', 'n'],
    ['HINCRBY', 'h', 'max', '9223372036854775807'],
    ['HINCRBY', 'h', 'max', '1'],
    ['HINCRBY', 'h', 'min', '-9223372036854775808'],
    ['HINCRBY', 'h', 'min', '-1'],
    ['HINCRBY', 'h', 'min', '9223372036854775807'],
    ['HINCRBY', 'nokey', 'n', 'x'],
    ['EXISTS', 'nokey'],
    ['HSET', 'h', 's', 'abc', 'z', '010', 'm', '-0', 'sp', ' 1', 'f', '1.0', 'big', '9223372036854775808'],
    ['HINCRBY', 'h', 's', '1'],
    ['HINCRBY', 'h', 'z', '1'],
    ['HINCRBY', 'h', 'm', '1'],
    ['HINCRBY', 'h', 'sp', '1'],
    ['HINCRBY', 'h', 'f', '1'],
    ['HINCRBY', 'h', 'big', '1'],
    ['HINCRBY', 'h', 'n'],
    ...NUMERIC_EDGES.map((e): CaseInput => ['HINCRBY', 'edges', 'n', e]),
    ['HGETALL', 'edges'],
  ]);

  diffCases('hincrbyfloat', pair, [
    ['HINCRBYFLOAT', 'h', 'f', '10.5'],
    ['HINCRBYFLOAT', 'h', 'f', '0.1'],
    ['HINCRBYFLOAT', 'h', 'f', '-0.6'],
    ['HINCRBYFLOAT', 'h', 'f', '5.0e3'],
    ['HINCRBYFLOAT', 'h', 'f', '1e4932'],
    ['HSTRLEN', 'h', 'f'],
    ['OBJECT', 'ENCODING', 'h'],
    ['HINCRBYFLOAT', 'h', 'g', '1.7976931348623157e308'],
    ['HINCRBYFLOAT', 'h', 'g', '1.7976931348623157e308'],
    ['HINCRBYFLOAT', 'h', 'n', '3'],
    ['HINCRBY', 'h', 'n', '1'],
    ['HINCRBYFLOAT', 'h', 'n', '-4'],
    ['HINCRBYFLOAT', 'h', 'n', '0.0000001'],
    ['HSET', 'h', 's', 'abc', 'i', 'inf', 'x', '0x10', 'e', '1e3', 'sp', ' 1'],
    ['HINCRBYFLOAT', 'h', 's', '1'],
    ['HINCRBYFLOAT', 'h', 'i', '1'],
    ['HINCRBYFLOAT', 'h', 'x', '1'],
    ['HINCRBYFLOAT', 'h', 'e', '1'],
    ['HINCRBYFLOAT', 'h', 'sp', '1'],
    ['HINCRBYFLOAT', 'nokey', 'f', 'inf'],
    ['HINCRBYFLOAT', 'nokey', 'f', 'nan'],
    ['EXISTS', 'nokey'],
    ...NUMERIC_EDGES.map((e): CaseInput => ['HINCRBYFLOAT', 'edges', 'n', e]),
    ['HGETALL', 'edges'],
  ]);
});

describe('hashes: encodings', () => {
  diffCases('listpack and hashtable', pair, [
    ['HSET', 'a', 'f', L64],
    ['OBJECT', 'ENCODING', 'a'],
    ['HSET', 'a', 'f', L65],
    ['OBJECT', 'ENCODING', 'a'],
    ['HDEL', 'a', 'f'],
    ['HSET', 'a', 'f', 'v'],
    ['OBJECT', 'ENCODING', 'a'],
    ['HSET', 'b', 'f', 'v'],
    ['HSETNX', 'b', 'f', L65],
    ['OBJECT', 'ENCODING', 'b'],
    ['HSETNX', 'b', 'g', L65],
    ['OBJECT', 'ENCODING', 'b'],
    ['HSET', 'c', L65, 'v'],
    ['OBJECT', 'ENCODING', 'c'],
    ['HSET', 'd', 'a', '1'],
    ['HINCRBY', 'd', L65, '1'],
    ['OBJECT', 'ENCODING', 'd'],
    ['HSET', 'e', 'a', '1'],
    ['HINCRBYFLOAT', 'e', L65, '1'],
    ['OBJECT', 'ENCODING', 'e'],
    hsetArgs('big', 512),
    ['OBJECT', 'ENCODING', 'big'],
    ['HSET', 'big', 'one', 'more'],
    ['OBJECT', 'ENCODING', 'big'],
    ['HLEN', 'big'],
    sorted('HGETALL', 'big'),
    sorted('HKEYS', 'big'),
    sorted('HVALS', 'big'),
    ['CONFIG', 'SET', 'hash-max-listpack-entries', '2'],
    ['HSET', 'small', 'a', '1', 'b', '2'],
    ['OBJECT', 'ENCODING', 'small'],
    ['HSET', 'small', 'c', '3'],
    ['OBJECT', 'ENCODING', 'small'],
    ['HDEL', 'small', 'c', 'b'],
    ['OBJECT', 'ENCODING', 'small'],
    ['CONFIG', 'SET', 'hash-max-listpack-value', '0'],
    ['HSET', 'zero', '', ''],
    ['OBJECT', 'ENCODING', 'zero'],
    ['HSET', 'zero2', 'a', ''],
    ['OBJECT', 'ENCODING', 'zero2'],
    ['CONFIG', 'SET', 'hash-max-listpack-value', '64'],
    ['CONFIG', 'SET', 'hash-max-listpack-entries', '512'],
    ['COPY', 'big', 'bigcopy'],
    ['OBJECT', 'ENCODING', 'bigcopy'],
    ['COPY', 'a', 'acopy'],
    ['OBJECT', 'ENCODING', 'acopy'],
    ['HGETALL', 'acopy'],
  ]);
});

describe('hashes: HRANDFIELD', () => {
  diffCases('hrandfield', pair, [
    ['HRANDFIELD', 'nokey'],
    ['HRANDFIELD', 'nokey', '3'],
    ['HRANDFIELD', 'nokey', '-3', 'WITHVALUES'],
    ['HSET', 'one', 'f', 'v'],
    ['HRANDFIELD', 'one'],
    ['HRANDFIELD', 'one', '1'],
    ['HRANDFIELD', 'one', '-3'],
    ['HRANDFIELD', 'one', '-3', 'WITHVALUES'],
    ['HRANDFIELD', 'one', '5', 'withvalues'],
    ['HRANDFIELD', 'one', '0'],
    ['HRANDFIELD', 'one', '0', 'WITHVALUES'],
    ['HRANDFIELD', 'one', 'x'],
    ['HRANDFIELD', 'one', '1.5'],
    ['HRANDFIELD', 'one', '1', 'bogus'],
    ['HRANDFIELD', 'one', '1', 'WITHVALUES', 'x'],
    ['HRANDFIELD', 'one', '-9223372036854775808'],
    ['HRANDFIELD', 'one', '9223372036854775807'],
    ['HRANDFIELD', 'one', '4611686018427387904', 'WITHVALUES'],
    ['HRANDFIELD', 'one', '-4611686018427387904', 'WITHVALUES'],
    ['HRANDFIELD', 'one', '4611686018427387903', 'WITHVALUES'],
    hsetArgs('small', 5),
    ['HRANDFIELD', 'small', '5'],
    ['HRANDFIELD', 'small', '10', 'WITHVALUES'],
    shape('HRANDFIELD', 'small'),
    shape('HRANDFIELD', 'small', '3'),
    shape('HRANDFIELD', 'small', '3', 'WITHVALUES'),
    shape('HRANDFIELD', 'small', '-8'),
    shape('HRANDFIELD', 'small', '-8', 'WITHVALUES'),
    hsetArgs('big', 600),
    shape('HRANDFIELD', 'big'),
    shape('HRANDFIELD', 'big', '1'),
    shape('HRANDFIELD', 'big', '10'),
    shape('HRANDFIELD', 'big', '250', 'WITHVALUES'),
    shape('HRANDFIELD', 'big', '599', 'WITHVALUES'),
    shape('HRANDFIELD', 'big', '-1000', 'WITHVALUES'),
    sorted('HRANDFIELD', 'big', '600'),
    sorted('HRANDFIELD', 'big', '1000', 'WITHVALUES'),
  ]);
});

describe('hashes: HSCAN', () => {
  diffCases('hscan', pair, [
    ['HSCAN', 'nokey', '0'],
    ['HSCAN', 'nokey', '0', 'BOGUS'],
    ['HSCAN', 'nokey', 'x'],
    hsetArgs('small', 5),
    ['HSCAN', 'small', '0'],
    ['HSCAN', 'small', '0', 'COUNT', '1'],
    ['HSCAN', 'small', '77', 'MATCH', 'f[1-3]'],
    ['HSCAN', 'small', '0', 'MATCH', '*'],
    ['HSCAN', 'small', '0', 'MATCH', 'nothing*'],
    ['HSCAN', 'small', '0', 'match', 'f1', 'count', '100'],
    ['HSCAN', 'small', '0', 'COUNT'],
    ['HSCAN', 'small', '0', 'COUNT', '0'],
    ['HSCAN', 'small', '0', 'COUNT', '-1'],
    ['HSCAN', 'small', '0', 'COUNT', 'x'],
    ['HSCAN', 'small', '0', 'TYPE', 'hash'],
    ['HSCAN', 'small', '0', 'NOVALUES'],
    ['HSCAN', 'small', 'x'],
    ['HSCAN', 'small', '-1'],
    ['HSCAN', 'small', '18446744073709551616'],
    ['HSCAN', 'small'],
    hsetArgs('big', 1000),
    scanAll('HSCAN', 'big', '0'),
    scanAll('HSCAN', 'big', '0', 'COUNT', '7'),
    scanAll('HSCAN', 'big', '0', 'COUNT', '5000'),
    scanAll('HSCAN', 'big', '0', 'MATCH', 'f1*'),
    scanAll('HSCAN', 'big', '0', 'MATCH', 'f99?', 'COUNT', '50'),
  ]);
});

describe('hashes: expiry and keyspace', () => {
  diffCases('ttl is kept by writes', pair, [
    ['HSET', 'h', 'a', '1'],
    ['EXPIRE', 'h', '100'],
    ['HSET', 'h', 'b', '2'],
    ['HINCRBY', 'h', 'n', '1'],
    ['HINCRBYFLOAT', 'h', 'x', '1.5'],
    ['HDEL', 'h', 'a'],
    ['TTL', 'h'],
    ['HDEL', 'h', 'b', 'n', 'x'],
    ['TTL', 'h'],
    ['RENAME', 'nokey', 'h2'],
    ['HSET', 'h', 'a', '1'],
    ['RENAME', 'h', 'h2'],
    ['HGETALL', 'h2'],
    ['SCAN', '0', 'TYPE', 'hash'],
  ]);
});
