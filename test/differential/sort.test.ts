// SORT and SORT_RO against redis-server: numeric and ALPHA sorts, BY weights (keys and hash fields),
// GET patterns, LIMIT, DESC, nosort, STORE, and the errors.
import { describe } from 'vitest';
import { diffCases, useDiffPair } from '../helpers/differential.js';

describe('sort', () => {
  const pair = useDiffPair();
  diffCases('sort lists, sets and sorted sets', pair, [
    ['FLUSHALL'],
    ['RPUSH', 'l', '3', '1', '2', '10', '-1.5', '1e2'],
    ['SORT', 'l'],
    ['SORT', 'l', 'DESC'],
    ['SORT', 'l', 'ALPHA'],
    ['SORT', 'l', 'ALPHA', 'DESC', 'LIMIT', '1', '3'],
    ['SORT', 'l', 'LIMIT', '0', '-1'],
    ['SORT', 'l', 'LIMIT', '-5', '2'],
    ['SORT', 'l', 'LIMIT', '100', '2'],
    ['SORT', 'l', 'LIMIT', 'x', '2'],
    ['SORT', 'l', 'BY', 'nosort'],
    ['SORT', 'l', 'BY', 'nosort', 'DESC'],
    ['MSET', 'w_3', '30', 'w_1', '10', 'w_2', '20', 'w_10', '5', 'name_1', 'one', 'name_2', 'two'],
    ['SORT', 'l', 'BY', 'w_*'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', '#', 'GET', 'name_*'],
    ['SORT', 'l', 'BY', 'w_*', 'ALPHA'],
    ['HSET', 'h_1', 'f', '9'],
    ['HSET', 'h_2', 'f', '3'],
    ['SORT', 'l', 'BY', 'h_*->f', 'GET', 'h_*->f', 'GET', '#'],
    ['SORT', 'l', 'STORE', 'dst'],
    ['LRANGE', 'dst', '0', '-1'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', 'name_*', 'STORE', 'dst2'],
    ['LRANGE', 'dst2', '0', '-1'],
    ['SORT', 'missing', 'STORE', 'dst'],
    ['EXISTS', 'dst'],
    ['SORT_RO', 'l', 'ALPHA'],
    ['SORT_RO', 'l', 'STORE', 'x'],
    ['RPUSH', 'bad', 'a', '1'],
    ['SORT', 'bad'],
    ['SORT', 'bad', 'ALPHA'],
    ['SADD', 's', '5', '3', '9', '1'],
    ['SORT', 's'],
    ['SORT', 's', 'DESC', 'LIMIT', '0', '2'],
    ['SORT', 's', 'BY', 'nosort', 'STORE', 'sdst'],
    ['LRANGE', 'sdst', '0', '-1'],
    ['SADD', 'ss', 'pear', 'apple', 'fig'],
    ['SORT', 'ss', 'ALPHA'],
    ['ZADD', 'z', '1', 'c', '2', 'a', '3', 'b'],
    ['SORT', 'z', 'ALPHA'],
    ['SORT', 'z', 'BY', 'nosort'],
    ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '0', '2'],
    ['SET', 'str', 'x'],
    ['SORT', 'str'],
    ['SORT', 'l', 'FOO'],
    ['SORT', 'l', 'LIMIT', '1'],
    ['RPUSH', 'sp', ' 7', '3'],
    ['SORT', 'sp'],
    // strtod's edges as SORT checks them: an empty string is 0, blanks alone are not a number, hex
    // floats are, overflow and inexact subnormals are refused, an exact subnormal is not, a NUL ends it.
    // (Redis never clears errno before strtod, so after an ERANGE an element that converts nothing,
    // such as "\x00", is refused too; that depends on history and is left out.)
    ['RPUSH', 'edge', '', '10', ' 5', '0x10', '-0X1.8p1', '1e3', 'inf', '-infinity', '0x1p-1074', '+.5', '5.', '7\x00junk'],
    ['SORT', 'edge'],
    ['SORT', 'edge', 'DESC'],
    ...['  ', '5 ', '1e400', '1e-400', '1e-310', '2.2250738585072011e-308', '0x', '1e', 'nan', '0x1p1024'].flatMap((v, i) => [
      ['RPUSH', `bad${i}`, v, '4'],
      ['SORT', `bad${i}`],
    ]),
  ]);
});
