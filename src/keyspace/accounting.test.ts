import { afterEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../server/harness.js';
import { stringBytes, valueBytes } from './memory.js';
import { ACCOUNTING_SAMPLES } from './accounting.js';

let h: Harness;
afterEach(() => h?.close());

/** What every database's running count should be: each key and value priced afresh. */
function recount(): number[] {
  return h.server.engine.dbs.map((db) => {
    let b = 16 * db.expires.size;
    for (const [k, v] of db.dict) b += stringBytes(k) + (typeof v === 'string' ? stringBytes(v) : valueBytes(v, ACCOUNTING_SAMPLES, true));
    return b;
  });
}

const COMMANDS: string[][] = [
  ['set', 's', 'hello'], ['append', 's', ' world'], ['setrange', 's', '20', 'x'], ['incr', 'n'], ['incrbyfloat', 'f', '1.5'],
  ['setbit', 'bits', '1000', '1'], ['bitop', 'or', 'bits2', 'bits', 's'], ['getdel', 'f'], ['getset', 'n', 'abc'], ['getex', 's', 'ex', '100'],
  ['mset', 'm1', 'a', 'm2', 'b'], ['msetnx', 'm3', 'c'], ['set', 's', 'short', 'keepttl'], ['persist', 's'], ['expire', 'm1', '100'],
  ['rpush', 'l', 'a', 'b', 'c', 'd'], ['lpush', 'l', 'z'], ['lset', 'l', '1', 'a-much-longer-element'], ['linsert', 'l', 'before', 'c', 'q'],
  ['lrem', 'l', '1', 'a'], ['ltrim', 'l', '1', '-1'], ['lpop', 'l'], ['rpoplpush', 'l', 'l2'], ['lmove', 'l2', 'l', 'left', 'right'],
  ['lpop', 'l', '10'],
  ['hset', 'h', 'f1', 'v1', 'f2', 'v2'], ['hincrby', 'h', 'n', '5'], ['hincrbyfloat', 'h', 'x', '2.5'], ['hsetnx', 'h', 'f3', 'v3'],
  ['hdel', 'h', 'f1'], ['hset', 'h', 'f2', 'a-replacement-value-that-is-longer'],
  ['sadd', 'st', '1', '2', '3'], ['sadd', 'st', 'member'], ['srem', 'st', '1'], ['spop', 'st'], ['smove', 'st', 'st2', '2'],
  ['sunionstore', 'su', 'st', 'st2'], ['sinterstore', 'si', 'st', 'st2'], ['sdiffstore', 'sd', 'st', 'st2'],
  ['zadd', 'z', '1', 'a', '2', 'b', '3', 'c'], ['zincrby', 'z', '5', 'a'], ['zrem', 'z', 'b'], ['zpopmin', 'z'],
  ['zremrangebyscore', 'z', '0', '1'], ['zunionstore', 'zu', '2', 'z', 'zu'], ['zrangestore', 'zr', 'z', '0', '-1'],
  ['xadd', 'x', '*', 'f', 'v'], ['xadd', 'x', '*', 'f', 'v2'], ['xgroup', 'create', 'x', 'g', '0'], ['xreadgroup', 'group', 'g', 'c', 'streams', 'x', '>'],
  ['xack', 'x', 'g', '0-1'], ['xtrim', 'x', 'maxlen', '1'], ['xdel', 'x', '0-1'],
  ['pfadd', 'hll', 'a', 'b', 'c'], ['pfmerge', 'hll2', 'hll'], ['pfcount', 'hll', 'hll2'],
  ['geoadd', 'geo', '13.361389', '38.115556', 'Palermo'], ['georadius', 'geo', '15', '37', '200', 'km', 'store', 'geo2'],
  ['copy', 'h', 'hcopy'], ['rename', 'hcopy', 'hcopy2'], ['renamenx', 'l', 'l3'], ['move', 'hcopy2', '1'],
  ['sort', 'st', 'alpha', 'store', 'sorted'], ['del', 'sorted', 'su'], ['unlink', 'si'],
  ['set', 'tmp', 'x', 'px', '1'], ['swapdb', '0', '1'], ['swapdb', '0', '1'],
  ['select', '1'], ['set', 'other', 'db'], ['flushdb'], ['select', '0'],
  ['object', 'freq', 'h'], ['touch', 'h', 'z'],
  // Writes that change nothing (no dirty count): their notes are dropped, not priced.
  ['sadd', 'st', 'member'], ['srem', 'st', 'absent'], ['zadd', 'z', '8', 'a'], ['zadd', 'z', 'xx', '1', 'absent'], ['zrem', 'z', 'absent'],
  ['lrem', 'l', '0', 'absent'], ['hdel', 'h', 'absent'], ['rpushx', 'absent', 'x'], ['xdel', 'x', '9-9'],
];

test('the running byte counts equal a fresh count after every kind of write', () => {
  h = createHarness({ 'maxmemory-policy': 'allkeys-lfu' });
  for (const argv of COMMANDS) {
    h.run(argv);
    expect({ argv, counts: h.server.engine.dbs.map((d) => d.bytes) }).toEqual({ argv, counts: recount() });
  }
  // A DUMP/RESTORE round trip and an expiry found by a lookup.
  const payload = h.run(['dump', 'z']) as string;
  h.run(['restore', 'zz', '0', payload]);
  h.advanceTime(10);
  h.run(['get', 'tmp']);
  expect(h.server.engine.dbs.map((d) => d.bytes)).toEqual(recount());
  h.run(['flushall']);
  expect(h.server.engine.dbs.every((d) => d.bytes === 0)).toBe(true);
});

test('large aggregates are priced from a fixed sample, the same every time', () => {
  h = createHarness();
  const fields: string[] = [];
  for (let i = 0; i < 5000; i++) fields.push(`field:${i}`, 'v'.repeat(i % 50));
  h.run(['hset', 'big', ...fields]);
  const db = h.server.engine.dbs[0];
  const first = db.bytes;
  h.run(['hset', 'big', 'field:0', 'x']);
  h.run(['hset', 'big', 'field:0', 'v'.repeat(0)]);
  expect(db.bytes).toBe(first);
  expect(db.bytes).toEqual(recount()[0]);
});
