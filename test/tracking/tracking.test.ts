// Client-side caching over the wire, differential against redis-server: CLIENT TRACKING's replies and
// errors, and the exact invalidation bytes every connection receives (RESP3 pushes on the tracking
// connection, __redis__:invalidate messages or pushes on a redirection connection, broadcasts, flushes).
// Where Redis 7.0 (the oracle) and 7.2 differ, cinnabar follows 7.2 and the case is checked on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { runScenario, type ScenarioStep } from './scenario.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

async function same(steps: ScenarioStep[]): Promise<string[]> {
  const flush: ScenarioStep = [9, ['FLUSHALL']];
  const [a, b] = await Promise.all([runScenario(cin.port, [flush, ...steps]), runScenario(ref.port, [flush, ...steps])]);
  expect(a.join('\n')).toBe(b.join('\n'));
  return a;
}

const H3: ScenarioStep = [0, ['HELLO', '3']];
const text = (b: Buffer) => b.toString('latin1');

describe('CLIENT TRACKING: replies and errors', () => {
  it('validates its options as Redis does', async () => {
    await same([
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '999999']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', 'x']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '0']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '-1']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '@1', 'REDIRECT', '@1']],
      [0, ['CLIENT', 'TRACKING', 'on', 'PREFIX', 'a']],
      [0, ['CLIENT', 'TRACKING', 'maybe']],
      [0, ['CLIENT', 'TRACKING', 'maybe', 'REDIRECT', '999999']],
      [0, ['CLIENT', 'TRACKING', 'on', 'foo']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX']],
      [0, ['CLIENT', 'TRACKING']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTIN', 'OPTOUT']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'OPTIN']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'OPTOUT']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'a', 'PREFIX', 'ab']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'a', 'PREFIX', 'a']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'GETREDIR']],
      [0, ['CLIENT', 'TRACKING', 'off', 'BCAST']],
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'GETREDIR']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTIN']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTOUT']],
      [0, ['CLIENT', 'TRACKING', 'on', 'NOLOOP', 'REDIRECT', '@1']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'GETREDIR']],
      [0, ['CLIENT', 'TRACKING', 'off']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'GETREDIR']],
    ]);
  });

  it('BCAST prefixes: overlaps, additions, and the TRACKINGINFO set in RESP2 and RESP3', async () => {
    await same([
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'b', 'PREFIX', 'a']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'c']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'ab']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'x', 'PREFIX', 'a1']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'z']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      H3,
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['CLIENT', 'TRACKING', 'off']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'p\x00q', 'PREFIX', 'p']],
      [0, ['CLIENT', 'TRACKINGINFO']],
    ]);
  });

  it('a later pair of overlapping prefixes gets the error and then OK, as in Redis', async () => {
    // Redis enables tracking and answers twice here (a quirk of its collision check): kept for fidelity.
    const out = await same([
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'x', 'PREFIX', 'a', 'PREFIX', 'ab']],
      [0, ['CLIENT', 'TRACKINGINFO']],
    ]);
    expect(out.join('\n')).toContain("-ERR Prefix 'a' overlaps with another provided prefix 'ab'. Prefixes for a single client must not overlap.\\r\\n+OK\\r\\n");
  });

  it('CLIENT CACHING errors and the caching flags', async () => {
    await same([
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['CLIENT', 'CACHING', 'no']],
      [0, ['CLIENT', 'CACHING', 'maybe']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTIN']],
      [0, ['CLIENT', 'CACHING', 'no']],
      [0, ['CLIENT', 'CACHING', 'maybe']],
      [0, ['CLIENT', 'CACHING', 'YES']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'TRACKING', 'off']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTOUT', 'NOLOOP']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['CLIENT', 'CACHING', 'no']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['CLIENT', 'CACHING']],
      [0, ['CLIENT', 'GETREDIR', 'x']],
      [0, ['CLIENT', 'TRACKINGINFO', 'x']],
    ]);
  });
});

describe('invalidation messages', () => {
  it('RESP3 on the same connection: after the reply for its own writes, at once for others', async () => {
    await same([
      H3,
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['GET', 'a']],
      [0, ['MGET', 'b', 'c', 'a']],
      [0, ['SET', 'a', '1']],
      [1, ['SET', 'a', '2']],
      [1, ['MSET', 'b', '1', 'c', '1']],
      [0, ['GET', 'a']],
      [0, ['HGETALL', 'h']],
      [1, ['HSET', 'h', 'f', 'v']],
      [1, ['HSET', 'h', 'f', 'v']],
      [0, ['EXISTS', 'e']],
      [0, ['STRLEN', 'e']],
      [1, ['SET', 'e', '1', 'PX', '40']],
      { sleep: 300 },
      [0, ['GET', 'e']],
      [1, ['SET', 'e', '1']],
      [0, ['GET', 'x']],
      [1, ['SELECT', '3']],
      [1, ['SET', 'x', 'other db']],
      [0, ['GET', 'x']],
      [1, ['DEL', 'x']],
      [1, ['DEL', 'x']],
      [0, ['GET', 'w']],
      [0, ['MULTI']],
      [0, ['SET', 'w', '1']],
      [0, ['GET', 'w']],
      [0, ['EXEC']],
      [0, ['SET', 'w', '2']],
      [0, ['GET', 'q']],
      [1, ['SWAPDB', '0', '3']],
      [1, ['SWAPDB', '0', '3']],
      [0, ['PING']],
      [0, ['GET', 'y']],
      [1, ['FLUSHDB']],
      [0, ['GET', 'z']],
      [0, ['FLUSHALL']],
      [0, ['SET', 'z', '1']],
    ]);
  });

  it('NOLOOP, OPTIN and OPTOUT with CLIENT CACHING for one command or one transaction', async () => {
    await same([
      H3,
      [0, ['CLIENT', 'TRACKING', 'on', 'NOLOOP']],
      [0, ['GET', 'n']],
      [0, ['SET', 'n', '1']],
      [1, ['SET', 'n', '2']],
      [0, ['GET', 'n']],
      [1, ['SET', 'n', '3']],
      [0, ['CLIENT', 'TRACKING', 'off']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTIN']],
      [0, ['GET', 'a']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['GET', 'b']],
      [0, ['GET', 'c']],
      [1, ['MSET', 'a', '1', 'b', '1', 'c', '1']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['CLIENT', 'ID']],
      [0, ['GET', 'd']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['PING']],
      [0, ['GET', 'e']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['NOSUCHCOMMAND']],
      [0, ['GET', 'f']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['MULTI']],
      [0, ['GET', 'g']],
      [0, ['GET', 'h']],
      [0, ['EXEC']],
      [0, ['GET', 'i']],
      [0, ['MULTI']],
      [0, ['CLIENT', 'CACHING', 'yes']],
      [0, ['GET', 'j']],
      [0, ['EXEC']],
      [1, ['MSET', 'd', '1', 'e', '1', 'f', '1', 'g', '1', 'h', '1', 'i', '1', 'j', '1']],
      [0, ['CLIENT', 'TRACKING', 'off']],
      [0, ['CLIENT', 'TRACKING', 'on', 'OPTOUT']],
      [0, ['GET', 'k']],
      [0, ['CLIENT', 'CACHING', 'no']],
      [0, ['GET', 'l']],
      [0, ['GET', 'm']],
      [1, ['MSET', 'k', '1', 'l', '1', 'm', '1']],
    ]);
  });

  it('redirection: RESP2 Pub/Sub messages, RESP3 pushes, a broken redirection', async () => {
    await same([
      [1, ['SUBSCRIBE', '__redis__:invalidate']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '@1']],
      [0, ['GET', 'a']],
      [2, ['SET', 'a', '1']],
      [0, ['MGET', 'a', 'b']],
      [2, ['MSET', 'a', '1', 'b', '2']],
      [0, ['GET', 'a']],
      [2, ['FLUSHALL']],
      [1, ['UNSUBSCRIBE']],
      [0, ['GET', 'a']],
      [2, ['SET', 'a', '1']],
      [1, ['PSUBSCRIBE', 'other*']],
      [0, ['GET', 'a']],
      [2, ['SET', 'a', '1']],
      [3, ['HELLO', '3']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '@3']],
      [0, ['GET', 'a']],
      [2, ['SET', 'a', '1']],
      [2, ['FLUSHALL']],
      [0, ['HELLO', '3']],
      [0, ['GET', 'a']],
      [0, ['SET', 'a', '2']],
      { close: 3 },
      [0, ['GET', 'a']],
      [2, ['SET', 'a', '1']],
      [0, ['CLIENT', 'TRACKINGINFO']],
      [0, ['GET', 'a']],
      [0, ['SET', 'a', '2']],
      [2, ['FLUSHALL']],
      [0, ['CLIENT', 'GETREDIR']],
      [0, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '@0']],
      [0, ['GET', 'a']],
      [0, ['SET', 'a', '3']],
    ]);
  });

  it('BCAST: keys per prefix, sorted, once per event-loop turn; NOLOOP; scripts and transactions', async () => {
    await same([
      H3,
      [1, ['HELLO', '3']],
      [0, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'b', 'PREFIX', 'a']],
      [1, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'NOLOOP', 'PREFIX', 'a']],
      [2, ['MSET', 'b2', '1', 'a2', '1', 'a1', '2', 'c', '3', 'a2', '3']],
      [1, ['MSET', 'a3', '1', 'a0', '1']],
      [1, ['SET', 'b1', '1']],
      [2, ['EVAL', "redis.call('set','a9','1') redis.call('set','b9','1')", '0']],
      [0, ['MULTI']],
      [0, ['SET', 'bq', '1']],
      [0, ['SET', 'aq', '1']],
      [0, ['EXEC']],
      [2, ['SET', 'zz', '1']],
      [2, ['SET', 'ax', '1', 'PX', '150']],
      { sleep: 400 },
      [2, ['PING']],
      [2, ['FLUSHALL']],
      [3, ['SUBSCRIBE', 'x']],
      [2, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'REDIRECT', '@3']],
      [2, ['SET', 'k', '1']],
      [2, ['CLIENT', 'TRACKING', 'off']],
      [2, ['SET', 'k', '2']],
    ]);
  });

  it('reads inside MULTI and GET of a key expiring while tracked', async () => {
    await same([
      H3,
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['MULTI']],
      [0, ['GET', 'a']],
      [0, ['GET', 'b']],
      [0, ['EXEC']],
      [1, ['SET', 'a', '1']],
      // The expiry comes well after the GET's reply (so its invalidation arrives during the sleep, not
      // with the reply, whatever the load) and well before the PING.
      [1, ['SET', 'b', '1', 'PX', '400']],
      [0, ['GET', 'b']],
      { sleep: 900 },
      [0, ['PING']],
      [0, ['GET', 'b']],
      [0, ['RESET']],
      [1, ['SET', 'b', '1']],
      [0, ['CLIENT', 'TRACKINGINFO']],
    ]);
  });
});

describe('every kind of change invalidates', () => {
  // Each write below follows a read of every key, so each one shows which keys it signalled as changed.
  const KEYS = ['s', 'n', 'b', 'l', 'l2', 'st', 'st2', 'h', 'z', 'x', 'p', 'n2', 'c2', 'srt', 'su', 'zu', 'bo', 'k1', 'm1', 'm2', 'h2', 'g'];
  const WRITES: string[][] = [
    ['SET', 's', '1'], ['APPEND', 's', 'x'], ['INCR', 'n'], ['INCRBYFLOAT', 'n', '1.5'], ['SETRANGE', 's', '0', 'z'],
    ['SETBIT', 'b', '3', '1'], ['EXPIRE', 's', '100'], ['PERSIST', 's'], ['PEXPIRE', 's', '0'], ['LPUSH', 'l', 'a', 'b'],
    ['RPOP', 'l'], ['LSET', 'l', '0', 'q'], ['LTRIM', 'l', '0', '0'], ['LMOVE', 'l', 'l2', 'LEFT', 'RIGHT'], ['SADD', 'st', 'a'],
    ['SREM', 'st', 'a'], ['SADD', 'st', 'b', 'c'], ['SMOVE', 'st', 'st2', 'c'], ['HSET', 'h', 'f', 'v'], ['HINCRBY', 'h', 'n', '1'],
    ['HDEL', 'h', 'f'], ['ZADD', 'z', '1', 'a'], ['ZINCRBY', 'z', '2', 'a'], ['ZPOPMIN', 'z'], ['ZADD', 'z', '1', 'b'], ['ZREM', 'z', 'b'],
    ['XADD', 'x', '1-1', 'f', 'v'], ['XTRIM', 'x', 'MAXLEN', '0'], ['PFADD', 'p', 'a'], ['RENAME', 'n', 'n2'], ['COPY', 'n2', 'c2'],
    ['MOVE', 'c2', '1'], ['DEL', 'n2'], ['SET', 's', 'v'], ['GETDEL', 's'], ['SET', 's', 'v'], ['GETEX', 's', 'EX', '100'],
    ['SORT', 'l2', 'STORE', 'srt'], ['SUNIONSTORE', 'su', 'st2'], ['ZUNIONSTORE', 'zu', '1', 'z'], ['BITOP', 'OR', 'bo', 'b'],
    ['UNLINK', 'b'], ['EXPIREAT', 'h', '1'], ['SET', 'k1', '1', 'KEEPTTL'], ['MSETNX', 'm1', '1', 'm2', '2'], ['HSETNX', 'h2', 'f', 'v'],
    ['GEOADD', 'g', '1', '1', 'a'], ['LPUSHX', 'l', 'z'], ['BLPOP', 'l2', '0.01'], ['SET', 'nochange', 'x', 'NX', 'GET'],
  ];
  it('the keys each write command changes, as redis-server reports them', async () => {
    const steps: ScenarioStep[] = [H3, [0, ['CLIENT', 'TRACKING', 'on']]];
    for (const w of WRITES) steps.push([0, ['MGET', ...KEYS]], [1, w]);
    const out = await same(steps);
    expect(out.filter((l) => l.includes('invalidate')).length).toBeGreaterThan(40);
  });
});

describe('Redis 7.2 behaviour checked on cinnabar alone', () => {
  it('keys read by a script are tracked for its caller; EVAL_RO key arguments alone are not', async () => {
    // Redis 7.0 tracked EVAL_RO's declared keys and nothing a script read; 7.2 tracks the keys the
    // script's read-only commands read, for the client that called the script.
    const out = await runScenario(cin.port, [
      [0, ['FLUSHALL']],
      H3,
      [0, ['CLIENT', 'TRACKING', 'on']],
      [0, ['EVAL', "return redis.call('get','m')", '0']],
      [0, ['EVAL_RO', 'return 1', '1', 'n']],
      [0, ['EVAL_RO', "return redis.call('get', KEYS[1])", '1', 'o']],
      [1, ['MSET', 'm', '1', 'n', '1', 'o', '1']],
    ]);
    expect(out).toContain('[1] MSET m 1 n 1 o 1 -> 0: ' + JSON.stringify('>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nm\r\n>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\no\r\n'));
  });
});

describe('INFO, CLIENT LIST and the tracking table limit', () => {
  it('counts tracking clients, keys, items and prefixes', async () => {
    const a = await RespConnection.open(cin.port);
    const b = await RespConnection.open(cin.port);
    const w = await RespConnection.open(cin.port);
    try {
      await w.call(['FLUSHALL']);
      await a.call(['CLIENT', 'TRACKING', 'on']);
      await b.call(['CLIENT', 'TRACKING', 'on']);
      await a.call(['MGET', 'k1', 'k2']);
      await b.call(['GET', 'k1']);
      const info = text(await w.call(['INFO']));
      expect(info).toContain('tracking_clients:2\r\n');
      expect(info).toContain('tracking_total_keys:2\r\n');
      expect(info).toContain('tracking_total_items:3\r\n');
      expect(info).toContain('tracking_total_prefixes:0\r\n');
      await b.call(['CLIENT', 'TRACKING', 'off']);
      await b.call(['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'p', 'PREFIX', 'q']);
      const id = text(await a.call(['CLIENT', 'ID'])).slice(1, -2);
      const list = text(await w.call(['CLIENT', 'LIST']));
      expect(list).toMatch(new RegExp(`id=${id} .*flags=t .*redir=0 `));
      expect(list).toMatch(/flags=tB .*redir=0 /);
      expect(list).toMatch(/flags=N .*redir=-1 /);
      const after = text(await w.call(['INFO', 'stats']));
      expect(after).toContain('tracking_total_prefixes:2\r\n');
      b.close();
      await new Promise((r) => setTimeout(r, 100));
      expect(text(await w.call(['INFO', 'stats']))).toContain('tracking_total_prefixes:0\r\n');
      expect(text(await w.call(['INFO', 'clients']))).toContain('tracking_clients:1\r\n');
    } finally {
      a.close();
      b.close();
      w.close();
    }
  });

  it('tracking-table-max-keys drops keys with an invalidation each', async () => {
    const a = await RespConnection.open(cin.port, { separatePushes: true });
    const w = await RespConnection.open(cin.port);
    try {
      await w.call(['FLUSHALL']);
      await w.call(['CONFIG', 'SET', 'tracking-table-max-keys', '2']);
      await a.call(['HELLO', '3']);
      await a.call(['CLIENT', 'TRACKING', 'on']);
      for (let i = 0; i < 5; i++) await a.call(['GET', `lim${i}`]);
      await a.call(['PING']);
      expect(text(await w.call(['INFO', 'stats']))).toContain('tracking_total_keys:2\r\n');
      expect(a.pushes.map(text)).toEqual(['lim0', 'lim1', 'lim2'].map((k) => `>2\r\n$10\r\ninvalidate\r\n*1\r\n$4\r\n${k}\r\n`));
      // Lowering the limit takes effect without further commands (the cron).
      await w.call(['CONFIG', 'SET', 'tracking-table-max-keys', '1']);
      await new Promise((r) => setTimeout(r, 300));
      expect(text(await w.call(['INFO', 'stats']))).toContain('tracking_total_keys:1\r\n');
      expect(a.pushes.length).toBe(4);
    } finally {
      await w.call(['CONFIG', 'SET', 'tracking-table-max-keys', '1000000']);
      a.close();
      w.close();
    }
  });
});
