// Differential cases for maxmemory: with maxmemory 1 both servers are over the limit whatever they hold,
// so the OOM refusals (noeviction, volatile policies with nothing volatile, transactions, scripts and
// functions), evicting everything under the allkeys policies, OBJECT FREQ's errors and the CONFIG
// directives are deterministic and compared byte for byte with the real redis-server.
import { describe, expect, it } from 'vitest';
import { as, diffCases, sorted, useDiffPair, type CaseInput } from '../helpers/differential.js';
import { RespConnection, type RespValue } from '../helpers/resp.js';

const pair = useDiffPair();

/** Only which of the given INFO fields are present (values differ between the servers). */
function infoFields(names: string[]) {
  return {
    normalize: (v: RespValue) => {
      const text = v.raw.toString('latin1');
      return names.filter((n) => new RegExp(`\\r?\\n${n}:`).test(text)).join(',');
    },
    label: 'INFO fields present',
  };
}

/** One INFO field's value. */
function infoField(name: string) {
  return { normalize: (v: RespValue) => new RegExp(`${name}:(\\S*)`).exec(v.raw.toString('latin1'))?.[1] ?? '(none)', label: name };
}

const LEGACY_WRITE = "return redis.call('set','k','v')";
const FLAGGED_WRITE = "#!lua\nreturn redis.call('set','k','v')";
const ALLOW_OOM = "#!lua flags=allow-oom\nreturn redis.call('set','k','v')";
const NO_WRITES = "#!lua flags=no-writes\nreturn redis.call('get','k')";
const DEL_THEN_SET = "redis.call('del','nothing'); return redis.call('set','k','v')";
const PCALL = "return redis.pcall('set','k','v')";
const LIBRARY =
  "#!lua name=evlib\n" +
  "redis.register_function('w', function(keys, args) return redis.call('set', keys[1], 'v') end)\n" +
  "redis.register_function{function_name='oomok', callback=function(keys, args) return redis.call('set', keys[1], 'v') end, flags={'allow-oom'}}\n" +
  "redis.register_function{function_name='ro', callback=function(keys, args) return redis.call('get', keys[1]) end, flags={'no-writes'}}\n";

const RESET: CaseInput[] = [
  ['CONFIG', 'SET', 'maxmemory', '0'],
  ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
  ['FLUSHALL'],
  ['FUNCTION', 'FLUSH'],
];

describe('maxmemory: OOM refusals', () => {
  diffCases('noeviction refuses writes that may grow memory; reads and deletes run', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['RPUSH', 'l', 'x', 'y'],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ['SET', 'x', 'y'],
    ['INCR', 'a'],
    ['APPEND', 'a', 'z'],
    ['LPUSH', 'l', 'z'],
    ['HSET', 'h', 'f', 'v'],
    ['SADD', 's', 'm'],
    ['ZADD', 'z', '1', 'm'],
    ['XADD', 'st', '*', 'f', 'v'],
    ['GET', 'a'],
    ['LRANGE', 'l', '0', '-1'],
    ['LPOP', 'l'],
    ['EXPIRE', 'a', '100'],
    ['PERSIST', 'a'],
    ['DEL', 'a'],
    ['UNLINK', 'l'],
    ['DBSIZE'],
    ['PING'],
    ...RESET,
  ]);

  diffCases('a transaction: queuing anything while out of memory dooms it; DISCARD still works', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ['MULTI'],
    ['GET', 'a'],
    ['SET', 'b', '2'],
    ['EXEC'],
    ['MULTI'],
    ['PING'],
    ['DISCARD'],
    ['GET', 'a'],
    ...RESET,
  ]);

  diffCases('scripts: flagged writers refused whole, legacy scripts at their first write, allow-oom and no-writes run', pair, [
    ...RESET,
    ['SET', 'k', 'old'],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ['EVAL', LEGACY_WRITE, '0'],
    ['EVAL', FLAGGED_WRITE, '0'],
    ['EVAL', NO_WRITES, '0'],
    ['EVAL', PCALL, '0'],
    ['EVAL', DEL_THEN_SET, '0'],
    ['EVAL', ALLOW_OOM, '0'],
    ['GET', 'k'],
    ['EVAL_RO', NO_WRITES, '0'],
    ...RESET,
  ]);

  diffCases('functions: FCALL of a writer refused, allow-oom and no-writes run', pair, [
    ...RESET,
    ['FUNCTION', 'LOAD', LIBRARY],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ['FCALL', 'w', '1', 'k'],
    ['FCALL', 'oomok', '1', 'k'],
    ['FCALL', 'ro', '1', 'k'],
    ['FCALL_RO', 'ro', '1', 'k'],
    ['FUNCTION', 'LOAD', 'REPLACE', LIBRARY],
    ...RESET,
  ]);
});

describe('maxmemory: policies when nothing can be freed', () => {
  diffCases('volatile policies with no volatile keys refuse writes and evict nothing', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['SET', 'b', '2'],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ...['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'].flatMap((p): CaseInput[] => [
      ['CONFIG', 'SET', 'maxmemory-policy', p],
      ['SET', 'c', '3'],
      ['DBSIZE'],
    ]),
    ...RESET,
  ]);

  diffCases('volatile policies evict every key with a TTL, then refuse', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['SET', 'v1', '1', 'EX', '1000'],
    ['SET', 'v2', '1', 'PX', '5000000'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'volatile-ttl'],
    ['CONFIG', 'SET', 'maxmemory', '1'],
    ['SET', 'c', '3'],
    ['KEYS', '*'],
    ...RESET,
  ]);

  for (const policy of ['allkeys-lru', 'allkeys-lfu', 'allkeys-random']) {
    diffCases(`${policy} evicts everything and then refuses`, pair, [
      ...RESET,
      ['CONFIG', 'RESETSTAT'],
      ['MSET', 'a', '1', 'b', '2', 'c', '3'],
      ['HSET', 'h', 'f', 'v'],
      ['SELECT', '1'],
      ['SET', 'other', 'db'],
      ['SELECT', '0'],
      ['CONFIG', 'SET', 'maxmemory-policy', policy],
      ['CONFIG', 'SET', 'maxmemory', '1'],
      ['SET', 'x', 'y'],
      ['DBSIZE'],
      ['SELECT', '1'],
      ['DBSIZE'],
      ['SELECT', '0'],
      as(infoField('evicted_keys'), ['INFO', 'stats']),
      ...RESET,
    ]);
  }
});

describe('maxmemory: directives, OBJECT FREQ, INFO', () => {
  diffCases('CONFIG SET / GET of the eviction directives', pair, [
    ['CONFIG', 'SET', 'maxmemory', '100mb'],
    ['CONFIG', 'GET', 'maxmemory'],
    ['CONFIG', 'SET', 'maxmemory', '1gb'],
    ['CONFIG', 'GET', 'maxmemory'],
    ['CONFIG', 'SET', 'maxmemory', 'lots'],
    ['CONFIG', 'SET', 'maxmemory', '0'],
    ...['noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'ALLKEYS-LRU'].flatMap(
      (p): CaseInput[] => [['CONFIG', 'SET', 'maxmemory-policy', p], ['CONFIG', 'GET', 'maxmemory-policy']],
    ),
    ['CONFIG', 'SET', 'maxmemory-policy', 'lru'],
    ['CONFIG', 'SET', 'maxmemory-samples', '10'],
    ['CONFIG', 'GET', 'maxmemory-samples'],
    ['CONFIG', 'SET', 'maxmemory-samples', '64'],
    ['CONFIG', 'GET', 'maxmemory-samples'],
    ['CONFIG', 'SET', 'maxmemory-eviction-tenacity', '100'],
    ['CONFIG', 'GET', 'maxmemory-eviction-tenacity'],
    ['CONFIG', 'SET', 'maxmemory-eviction-tenacity', '101'],
    ['CONFIG', 'SET', 'lfu-log-factor', '5'],
    ['CONFIG', 'SET', 'lfu-decay-time', '0'],
    // A glob's matches come in the order of each server's config table.
    sorted('CONFIG', 'GET', 'lfu-*'),
    ['CONFIG', 'SET', 'lazyfree-lazy-eviction', 'yes'],
    ['CONFIG', 'GET', 'lazyfree-lazy-eviction'],
    ['CONFIG', 'SET', 'lazyfree-lazy-eviction', 'no'],
    ['CONFIG', 'SET', 'lfu-log-factor', '10'],
    ['CONFIG', 'SET', 'lfu-decay-time', '1'],
    ['CONFIG', 'SET', 'maxmemory-samples', '5'],
    ['CONFIG', 'SET', 'maxmemory-eviction-tenacity', '10'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
  ]);

  diffCases('OBJECT FREQ errors unless an LFU policy is set; new keys start at LFU_INIT_VAL', pair, [
    ...RESET,
    ['SET', 'k', 'v'],
    ['OBJECT', 'FREQ', 'k'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'volatile-lru'],
    ['OBJECT', 'FREQ', 'k'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu'],
    ['SET', 'fresh', 'v'],
    ['OBJECT', 'FREQ', 'fresh'],
    ['OBJECT', 'FREQ', 'missing'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'volatile-lfu'],
    ['SET', 'fresh2', 'v'],
    ['OBJECT', 'FREQ', 'fresh2'],
    ['OBJECT', 'IDLETIME', 'fresh2'],
    ...RESET,
  ]);

  const MEMORY_FIELDS = ['used_memory', 'used_memory_human', 'used_memory_peak', 'used_memory_dataset', 'used_memory_overhead', 'used_memory_startup', 'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'mem_not_counted_for_evict'];
  const STATS_FIELDS = ['evicted_keys', 'evicted_clients', 'total_eviction_exceeded_time', 'current_eviction_exceeded_time'];
  diffCases('INFO memory and stats carry the eviction fields', pair, [
    ['CONFIG', 'SET', 'maxmemory', '123456789'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru'],
    as(infoFields(MEMORY_FIELDS), ['INFO', 'memory']),
    as(infoFields(STATS_FIELDS), ['INFO', 'stats']),
    as(infoField('maxmemory'), ['INFO', 'memory']),
    as(infoField('maxmemory_human'), ['INFO', 'memory']),
    as(infoField('maxmemory_policy'), ['INFO', 'memory']),
    ['CONFIG', 'SET', 'maxmemory', '0'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
  ]);
});

describe('maxmemory: EXEC of a queue that holds a denyoom command', () => {
  it('fails with EXECABORT naming the OOM when memory ran out after queuing', async () => {
    const out: string[][] = [];
    for (const server of [pair().subject, pair().oracle]) {
      const c = await RespConnection.open(server.port);
      const admin = await RespConnection.open(server.port);
      const replies: string[] = [];
      try {
        await admin.call(['FLUSHALL']);
        await admin.call(['CONFIG', 'SET', 'maxmemory', '0']);
        for (const argv of [['MULTI'], ['SET', 'b', 'c']]) replies.push((await c.call(argv)).toString('latin1'));
        await admin.call(['CONFIG', 'SET', 'maxmemory', '1']);
        replies.push((await c.call(["EXEC"])).toString('latin1'));
        await admin.call(['CONFIG', 'SET', 'maxmemory', '0']);
        for (const argv of [['MULTI'], ['GET', 'b']]) replies.push((await c.call(argv)).toString('latin1'));
        await admin.call(['CONFIG', 'SET', 'maxmemory', '1']);
        replies.push((await c.call(["EXEC"])).toString('latin1'));
      } finally {
        await admin.call(['CONFIG', 'SET', 'maxmemory', '0']);
        c.close();
        admin.close();
      }
      out.push(replies);
    }
    expect(out[0]).toEqual(out[1]);
    expect(out[0][2]).toBe("-EXECABORT Transaction discarded because of: OOM command not allowed when used memory > 'maxmemory'.\r\n");
  });
});
