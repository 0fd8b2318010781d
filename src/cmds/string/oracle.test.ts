// Differential tests of the string group: each case runs on a fresh keyspace both in-process and on the
// real redis-server, and every reply must match byte for byte, in RESP2 and in RESP3.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { startRedis, type RunningServer } from '../../../test/helpers/servers.js';
import { RespConnection } from '../../../test/helpers/resp.js';

/**
 * ['@list', key] makes a list key on both sides (no list commands are needed in-process); ['@exists', key]
 * compares whether the key exists.
 */
type Case = string[][];

const BIG = 'x'.repeat(300);
const BIN = '\x00\xff\r\n\x80 bin';

const cases: Record<string, Case> = {
  'get/set basics': [
    ['get', 'k'], ['set', 'k', 'v'], ['get', 'k'], ['set', 'k', ''], ['get', 'k'], ['set', BIN, BIN], ['get', BIN],
    ['set', 'k', BIG], ['get', 'k'], ['strlen', 'k'], ['strlen', 'nokey'], ['@list', 'l'], ['get', 'l'], ['strlen', 'l'],
  ],
  'set options': [
    ['set', 'k', 'v', 'nx'], ['set', 'k', 'w', 'nx'], ['get', 'k'], ['set', 'k', 'w', 'xx'], ['get', 'k'],
    ['set', 'n', 'v', 'xx'], ['get', 'n'], ['set', 'k', 'v', 'nx', 'xx'], ['set', 'k', 'v', 'xx', 'nx'],
    ['set', 'k', 'v', 'NX', 'nx'], ['set', 'k', 'v', 'ex', '10', 'px', '100'], ['set', 'k', 'v', 'ex', '10', 'ex', '20'],
    ['set', 'k', 'v', 'ex', '10', 'keepttl'], ['set', 'k', 'v', 'keepttl', 'ex', '10'], ['set', 'k', 'v', 'keepttl', 'keepttl'],
    ['set', 'k', 'v', 'persist'], ['set', 'k', 'v', 'ex'], ['set', 'k', 'v', 'foo'], ['set', 'k', 'v', 'get', 'get'],
    ['set', 'k', 'v', 'exat', '10', 'pxat', '10'], ['set', 'k', 'v', 'pxat', '10', 'pxat'], ['set', 'k', 'v', 'ex', 'abc', 'nx', 'xx'],
    ['set', 'k', 'v', 'ex', 'abc'], ['set', 'k', 'v', 'ex', '0'], ['set', 'k', 'v', 'ex', '-5'], ['set', 'k', 'v', 'px', '0'],
    ['set', 'k', 'v', 'exat', '0'], ['set', 'k', 'v', 'pxat', '-1'], ['set', 'k', 'v', 'ex', '9223372036854775'],
    ['set', 'k', 'v', 'ex', '9223372036854776'], ['set', 'k', 'v', 'px', '9223372036854775807'],
    ['set', 'k', 'v', 'ex', '9223372036854775808'], ['set', 'k', 'v', 'exat', '9223372036854775'],
    ['set', 'k', 'v', 'pxat', '9223372036854775807'], ['@exists', 'k'], ['set', 'k', 'v', 'ex', '1.5'], ['set', 'k', 'v', 'ex', ' 1'],
    ['set', 'k', 'v', 'ex', '+1'], ['set', 'k', 'v', 'ex', '01'], ['set', 'k', 'v', 'Ex', '100', 'nX'], ['set', 'k', 'v', 'kEePtTl', 'xX'],
    ['set', 'k', 'v', 'nx\x00junk'], ['set', 'k', 'v', 'pxat', '1'], ['get', 'k'],
  ],
  'set get': [
    ['set', 'k', 'a', 'get'], ['set', 'k', 'b', 'get'], ['set', 'k', 'c', 'get', 'nx'], ['get', 'k'],
    ['set', 'k', 'd', 'xx', 'get'], ['set', 'm', 'd', 'xx', 'get'], ['@exists', 'm'], ['set', 'm', 'e', 'nx', 'get'], ['get', 'm'],
    ['@list', 'l'], ['set', 'l', 'v', 'get'], ['set', 'l', 'v', 'nx', 'get'], ['set', 'l', 'v', 'ex', '0', 'get'],
    ['set', 'l', 'v', 'get', 'foo'], ['set', 'k', 'z', 'get', 'ex', '100'], ['get', 'k'], ['set', 'l', 'v'], ['get', 'l'],
  ],
  'setnx setex psetex': [
    ['setnx', 'k', 'v'], ['setnx', 'k', 'w'], ['get', 'k'], ['setex', 'k', '100', 'x'], ['get', 'k'], ['setex', 'k', '0', 'x'],
    ['setex', 'k', '-1', 'x'], ['setex', 'k', 'a', 'x'], ['setex', 'k', '9223372036854776', 'x'], ['psetex', 'k', '0', 'x'],
    ['psetex', 'k', '100000', 'y'], ['get', 'k'], ['psetex', 'k', '9223372036854775807', 'y'], ['@list', 'l'],
    ['setnx', 'l', 'v'], ['setex', 'l', '10', 'v'], ['get', 'l'],
  ],
  'mget mset msetnx': [
    ['mset', 'a', '1', 'b', '2', BIN, BIN], ['mget', 'a', 'b', 'c', BIN], ['mset', 'a'], ['mset', 'a', '1', 'b'],
    ['msetnx', 'a', '1', 'b'], ['msetnx', 'a', '9', 'x', '9'], ['mget', 'a', 'x'], ['msetnx', 'x', '1', 'y', '2'],
    ['mget', 'x', 'y'], ['msetnx', 'd', '1', 'd', '2'], ['get', 'd'], ['@list', 'l'], ['mget', 'l', 'a'], ['mset', 'l', 'v'],
    ['get', 'l'], ['mset', 'a', '1', 'a', '2'], ['get', 'a'],
  ],
  'getset getdel': [
    ['getset', 'k', 'v'], ['getset', 'k', 'w'], ['get', 'k'], ['getdel', 'k'], ['getdel', 'k'], ['@exists', 'k'],
    ['@list', 'l'], ['getset', 'l', 'v'], ['getdel', 'l'], ['@exists', 'l'],
  ],
  getex: [
    ['getex', 'k'], ['getex', 'k', 'ex', '0'], ['set', 'k', 'v'], ['getex', 'k'], ['getex', 'k', 'persist'],
    ['getex', 'k', 'ex', '100'], ['getex', 'k', 'px', '100000'], ['getex', 'k', 'exat', '99999999999'],
    ['getex', 'k', 'pxat', '99999999999999'], ['getex', 'k', 'persist', 'ex', '10'], ['getex', 'k', 'ex', '10', 'persist'],
    ['getex', 'k', 'ex', '10', 'px', '10'], ['getex', 'k', 'nx'], ['getex', 'k', 'xx'], ['getex', 'k', 'get'],
    ['getex', 'k', 'keepttl'], ['getex', 'k', 'ex'], ['getex', 'k', 'ex', '0'], ['getex', 'k', 'ex', '-1'],
    ['getex', 'k', 'ex', 'x'], ['getex', 'k', 'px', '9223372036854775807'], ['getex', 'k', 'ex', '9223372036854776'],
    ['getex', 'k', 'persist', 'persist'], ['getex', 'k', 'exat', '1'], ['@exists', 'k'], ['@list', 'l'],
    ['getex', 'l'], ['getex', 'l', 'ex', '0'], ['getex', 'l', 'ex'],
  ],
  'incr family': [
    ['incr', 'n'], ['incr', 'n'], ['decr', 'n'], ['incrby', 'n', '100'], ['decrby', 'n', '50'], ['incrby', 'n', '-1000'],
    ['get', 'n'], ['incrby', 'n', 'x'], ['incrby', 'n', '1.5'], ['incrby', 'n', ''], ['incrby', 'n', '9223372036854775808'],
    ['decrby', 'n', '-9223372036854775808'], ['decrby', 'nokey', '-9223372036854775808'], ['@exists', 'nokey'],
    ['set', 'm', '9223372036854775807'], ['incr', 'm'], ['incrby', 'm', '0'], ['decr', 'm'], ['get', 'm'],
    ['set', 'm', '-9223372036854775808'], ['decr', 'm'], ['incrby', 'm', '-1'], ['incr', 'm'], ['get', 'm'],
    ['set', 'm', '9007199254740991'], ['incr', 'm'], ['incr', 'm'], ['decrby', 'm', '-9007199254740993'], ['get', 'm'],
    ['set', 'm', '-9223372036854775807'], ['decrby', 'm', '9223372036854775807'], ['decrby', 'm', '1'],
    ['set', 'm', ' 1'], ['incr', 'm'], ['set', 'm', '1 '], ['incr', 'm'], ['set', 'm', '-0'], ['incr', 'm'],
    ['set', 'm', '007'], ['incr', 'm'], ['set', 'm', '+1'], ['incr', 'm'], ['set', 'm', '1e3'], ['incr', 'm'],
    ['set', 'm', ''], ['incr', 'm'], ['set', 'm', '0'], ['incr', 'm'], ['decrby', 'm', '0'], ['get', 'm'],
    ['@list', 'l'], ['incr', 'l'], ['incrby', 'l', 'x'], ['decrby', 'l', '-9223372036854775808'], ['decr', 'l'],
    ['set', 'a', '10'], ['append', 'a', '5'], ['incr', 'a'], ['get', 'a'],
  ],
  incrbyfloat: [
    ['incrbyfloat', 'f', '10.5'], ['incrbyfloat', 'f', '0.1'], ['incrbyfloat', 'f', '-10.6'], ['incrbyfloat', 'f', '5.0e3'],
    ['incrbyfloat', 'f', '2.0e2'], ['incrbyfloat', 'f', 'abc'], ['incrbyfloat', 'f', ''], ['incrbyfloat', 'f', ' 1'],
    ['incrbyfloat', 'f', '1 '], ['incrbyfloat', 'f', 'inf'], ['incrbyfloat', 'f', '-inf'], ['incrbyfloat', 'f', 'nan'],
    ['incrbyfloat', 'f', '1e5000'], ['incrbyfloat', 'f', '1e-5000'], ['incrbyfloat', 'f', '0x10'], ['incrbyfloat', 'f', '0x1p-2'],
    ['incrbyfloat', 'f', '.5'], ['incrbyfloat', 'f', '5.'], ['incrbyfloat', 'f', '+3'], ['incrbyfloat', 'f', '1e'],
    ['incrbyfloat', 'f', '1e308'], ['incrbyfloat', 'f', '1.7976931348623157e308'], ['incrbyfloat', 'f', '1e400'],
    ['incrbyfloat', 'f', '-1e400'], ['get', 'f'], ['set', 'g', '0.1'], ['incrbyfloat', 'g', '0.2'], ['set', 'g', 'x'],
    ['incrbyfloat', 'g', '1'], ['incrbyfloat', 'g', 'x'], ['set', 'g', 'inf'], ['incrbyfloat', 'g', '1'],
    ['set', 'g', '1e4932'], ['incrbyfloat', 'g', '1e4932'], ['incrbyfloat', 'g', '-1e4932'], ['get', 'g'],
    ['incrbyfloat', 'h', '0.000003814697265625'], ['incrbyfloat', 'h', '-1'], ['incrbyfloat', 'h', '1'],
    ['incrbyfloat', 'z', '-0'], ['incrbyfloat', 'z', '-0.000000000000000001'], ['incrbyfloat', 'z', '1e-4950'],
    ['incrbyfloat', 'z', '1e-4940'], ['incrbyfloat', 'z', '1.5\x00junk'], ['incrbyfloat', 'z', '\x00x'],
    ['incrbyfloat', 'z', 'infinity'], ['incrbyfloat', 'z', 'INF'], ['incrbyfloat', 'z', '0x'], ['incrbyfloat', 'z', '0X.8P1'],
    ['incrbyfloat', 'z', '1'.repeat(5119)], ['incrbyfloat', 'z', '1'.repeat(5120)], ['@list', 'l'], ['incrbyfloat', 'l', '1'],
    ['incrbyfloat', 'l', 'x'], ['set', 'i', '9223372036854775807'], ['incrbyfloat', 'i', '1'], ['incrbyfloat', 'i', '0.5'],
  ],
  'append strlen': [
    ['append', 'k', 'ab'], ['append', 'k', 'cd'], ['get', 'k'], ['strlen', 'k'], ['append', 'k', ''], ['append', 'e', ''],
    ['@exists', 'e'], ['strlen', 'e'], ['append', 'k', BIN], ['get', 'k'], ['@list', 'l'], ['append', 'l', 'x'],
    ['set', 'n', '12'], ['append', 'n', '3'], ['get', 'n'], ['strlen', 'n'],
  ],
  'getrange substr': [
    ['getrange', 'k', '0', '-1'], ['set', 'k', 'hello'], ['getrange', 'k', '0', '-1'], ['getrange', 'k', '1', '3'],
    ['getrange', 'k', '-1', '-5'], ['getrange', 'k', '-5', '-1'], ['getrange', 'k', '3', '1'], ['getrange', 'k', '-100', '-99'],
    ['getrange', 'k', '0', '-100'], ['getrange', 'k', '5', '10'], ['getrange', 'k', '4', '100'], ['getrange', 'k', '-3', '100'],
    ['getrange', 'k', '-9223372036854775807', '-9223372036854775808'], ['getrange', 'k', '-9223372036854775808', '-9223372036854775807'],
    ['getrange', 'k', '9223372036854775807', '9223372036854775807'], ['getrange', 'k', '0', '9223372036854775807'],
    ['getrange', 'k', '9223372036854775808', '1'], ['getrange', 'k', '0', 'x'], ['getrange', 'k', 'a', 'b'],
    ['substr', 'k', '1', '2'], ['set', 'e', ''], ['getrange', 'e', '0', '-1'], ['getrange', 'e', '-1', '0'],
    ['set', 'n', '12345'], ['getrange', 'n', '1', '2'], ['@list', 'l'], ['getrange', 'l', '0', '1'], ['getrange', 'l', 'x', '1'],
  ],
  setrange: [
    ['setrange', 'k', '0', ''], ['@exists', 'k'], ['setrange', 'k', '3', 'ab'], ['get', 'k'], ['setrange', 'k', '1', 'X'],
    ['get', 'k'], ['setrange', 'k', '10', 'Z'], ['get', 'k'], ['setrange', 'k', '0', ''], ['setrange', 'k', '-1', 'x'],
    ['setrange', 'k', 'x', 'x'], ['setrange', 'k', '536870911', 'x'], ['setrange', 'k', '536870912', ''],
    ['setrange', 'k', '536870912', 'x'], ['setrange', 'k', '9223372036854775807', 'x'], ['setrange', 'k', '9223372036854775808', 'x'],
    ['setrange', 'm', '536870912', 'x'], ['setrange', 'm', '536870911', ''], ['@exists', 'm'], ['set', 'n', '123'],
    ['setrange', 'n', '1', '9'], ['get', 'n'], ['setrange', 'b', '2', BIN], ['get', 'b'], ['@list', 'l'],
    ['setrange', 'l', '0', 'x'], ['setrange', 'l', '0', ''], ['setrange', 'l', '-1', ''],
  ],
  lcs: [
    ['mset', 'a', 'ohmytext', 'b', 'mynewtext'], ['lcs', 'a', 'b'], ['lcs', 'a', 'b', 'len'], ['lcs', 'a', 'b', 'idx'],
    ['lcs', 'a', 'b', 'idx', 'minmatchlen', '4'], ['lcs', 'a', 'b', 'idx', 'minmatchlen', '4', 'withmatchlen'],
    ['lcs', 'a', 'b', 'idx', 'withmatchlen'], ['lcs', 'a', 'b', 'idx', 'minmatchlen', '-5'], ['lcs', 'a', 'b', 'minmatchlen', '2'],
    ['lcs', 'a', 'b', 'withmatchlen'], ['lcs', 'a', 'b', 'len', 'idx'], ['lcs', 'a', 'b', 'idx', 'len'], ['lcs', 'a', 'b', 'foo'],
    ['lcs', 'a', 'b', 'minmatchlen'], ['lcs', 'a', 'b', 'minmatchlen', 'x'], ['lcs', 'a', 'b', 'LEN', 'len'],
    ['lcs', 'a', 'nokey'], ['lcs', 'nokey', 'b', 'idx'], ['lcs', 'x', 'y', 'idx', 'withmatchlen'], ['lcs', 'a', 'a', 'idx', 'withmatchlen'],
    ['mset', 'c', 'abcabcabc', 'd', 'cbacbacba'], ['lcs', 'c', 'd'], ['lcs', 'c', 'd', 'idx', 'withmatchlen'],
    ['lcs', 'd', 'c', 'idx', 'withmatchlen'], ['mset', 'e', BIN + 'xyz' + BIN, 'f', 'xyz' + BIN], ['lcs', 'e', 'f'],
    ['lcs', 'e', 'f', 'idx', 'withmatchlen', 'minmatchlen', '3'], ['@list', 'l'], ['lcs', 'a', 'l'], ['lcs', 'l', 'a', 'foo'],
    ['set', 'n', '12345'], ['set', 'm', '2x4'], ['lcs', 'n', 'm', 'idx'],
  ],
};

let redis: RunningServer;
let conn2: RespConnection;
let conn3: RespConnection;

beforeAll(async () => {
  redis = await startRedis();
  conn2 = await RespConnection.open(redis.port);
  conn3 = await RespConnection.open(redis.port);
  await conn3.call(['hello', '3']);
});

afterAll(async () => {
  conn2?.close();
  conn3?.close();
  await redis?.stop();
});

async function runCase(steps: Case, resp: 2 | 3): Promise<void> {
  const conn = resp === 2 ? conn2 : conn3;
  await conn.call(['flushall']);
  const h: Harness = createHarness();
  if (resp === 3) h.run(['hello', '3']);
  try {
    for (const argv of steps) {
      if (argv[0] === '@list') {
        await conn.call(['rpush', argv[1], 'a']);
        h.server.engine.dbs[0].set(argv[1], { type: 'list', encoding: () => 'listpack' });
        continue;
      }
      if (argv[0] === '@exists') {
        const there = (await conn.call(['exists', argv[1]])).toString('latin1') === ':1\r\n';
        expect(h.server.engine.dbs[0].exists(argv[1], Date.now()), `exists ${argv[1]}`).toBe(there);
        continue;
      }
      const expected = (await conn.call(argv)).toString('latin1');
      const actual = resp === 2 ? h.resp(argv) : h.resp3(argv);
      expect(JSON.stringify(actual), JSON.stringify(argv.map((a) => (a.length > 60 ? a.slice(0, 60) + '...' : a)))).toBe(
        JSON.stringify(expected),
      );
    }
  } finally {
    h.close();
  }
}

describe('string commands against redis-server', () => {
  for (const [name, steps] of Object.entries(cases)) {
    test(`${name} (RESP2)`, () => runCase(steps, 2));
    test(`${name} (RESP3)`, () => runCase(steps, 3));
  }
});
