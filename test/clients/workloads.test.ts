// Everyday workloads through real client libraries, run against cinnabar and redis-server with the same
// results expected: a job queue (LPUSH + BRPOP workers, ioredis), daily-active-user bitmaps (SETBIT,
// BITCOUNT, BITOP; redis-py), tagging with sets (ioredis), a leaderboard (ZINCRBY, ZREVRANK, ZRANGE REV;
// ioredis) and unique visitors (PFADD, PFCOUNT, PFMERGE; redis-py).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import IORedis from 'ioredis';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

async function jobQueue(port: number): Promise<number[]> {
  const producer = new IORedis({ port, host: '127.0.0.1' });
  const workers = [0, 1, 2].map(() => new IORedis({ port, host: '127.0.0.1' }));
  try {
    await producer.del('{q}jobs', '{q}done');
    const done: number[] = [];
    const loops = workers.map(async (w) => {
      for (;;) {
        const r = await w.brpop('{q}jobs', 0.5);
        if (r === null) return;
        const n = Number(r[1]);
        done.push(n);
        await w.lpush('{q}done', String(n * 2));
      }
    });
    for (let i = 0; i < 200; i++) await producer.lpush('{q}jobs', String(i));
    await Promise.all(loops);
    expect(await producer.llen('{q}done')).toBe(200);
    return done.sort((a, b) => a - b);
  } finally {
    producer.disconnect();
    for (const w of workers) w.disconnect();
  }
}

async function tagging(port: number): Promise<unknown[]> {
  const r = new IORedis({ port, host: '127.0.0.1' });
  try {
    await r.del('{t}tag:red', '{t}tag:round', '{t}tag:small', '{t}all');
    await r.sadd('{t}tag:red', 'apple', 'cherry', 'strawberry', 'tomato');
    await r.sadd('{t}tag:round', 'apple', 'cherry', 'orange', 'tomato', 'ball');
    await r.sadd('{t}tag:small', 'cherry', 'strawberry', 'ball');
    const out: unknown[] = [];
    out.push((await r.sinter('{t}tag:red', '{t}tag:round')).sort());
    out.push((await r.sinter('{t}tag:red', '{t}tag:round', '{t}tag:small')).sort());
    out.push(await r.sunionstore('{t}all', '{t}tag:red', '{t}tag:round', '{t}tag:small'));
    out.push((await r.sdiff('{t}tag:round', '{t}tag:red')).sort());
    out.push(await r.sismember('{t}all', 'orange'));
    out.push(await r.smismember('{t}all', 'ball', 'kiwi'));
    out.push(await r.scard('{t}all'));
    out.push(await r.srem('{t}all', 'ball', 'kiwi'));
    return out;
  } finally {
    r.disconnect();
  }
}

const DAU = `
import json, sys, redis
r = redis.Redis(host='127.0.0.1', port=int(sys.argv[1]))
r.delete('dau:mon', 'dau:tue', 'dau:both', 'dau:any')
for uid in range(0, 5000, 7): r.setbit('dau:mon', uid, 1)
for uid in range(0, 5000, 11): r.setbit('dau:tue', uid, 1)
out = [r.bitcount('dau:mon'), r.bitcount('dau:tue')]
out.append(r.bitop('AND', 'dau:both', 'dau:mon', 'dau:tue'))
out.append(r.bitcount('dau:both'))
out.append(r.bitop('OR', 'dau:any', 'dau:mon', 'dau:tue'))
out.append(r.bitcount('dau:any'))
out.append(r.getbit('dau:mon', 77))
out.append(r.bitpos('dau:tue', 1, 1))
out.append(r.bitcount('dau:mon', 0, 99))
print(json.dumps(out))
`;

async function leaderboard(port: number): Promise<unknown[]> {
  const r = new IORedis({ port, host: '127.0.0.1' });
  try {
    await r.del('{b}board');
    for (let i = 0; i < 300; i++) await r.zincrby('{b}board', (i * 37) % 101, `player${i % 50}`);
    const out: unknown[] = [];
    out.push(await r.zrevrank('{b}board', 'player7'));
    out.push(await r.zscore('{b}board', 'player7'));
    out.push(await r.zrange('{b}board', 0, 9, 'REV', 'WITHSCORES'));
    out.push(await r.zcount('{b}board', 100, '+inf'));
    out.push(await r.zrangebyscore('{b}board', '(200', 300, 'LIMIT', 0, 5));
    out.push(await r.zcard('{b}board'));
    return out;
  } finally {
    r.disconnect();
  }
}

const VISITORS = `
import json, sys, redis
r = redis.Redis(host='127.0.0.1', port=int(sys.argv[1]))
r.delete('uv:mon', 'uv:tue', 'uv:week')
for i in range(0, 3000, 3): r.pfadd('uv:mon', 'user%d' % i)
for i in range(0, 3000, 5): r.pfadd('uv:tue', 'user%d' % i)
out = [r.pfcount('uv:mon'), r.pfcount('uv:tue'), r.pfcount('uv:mon', 'uv:tue')]
out.append(r.pfmerge('uv:week', 'uv:mon', 'uv:tue'))
out.append(r.pfcount('uv:week'))
out.append(list(r.get('uv:week')))
print(json.dumps(out))
`;

describe('workloads through client libraries', () => {
  it('leaderboard with sorted sets (ioredis)', async () => {
    expect(await leaderboard(cin.port)).toEqual(await leaderboard(ref.port));
  });

  it('unique visitors with HyperLogLog (redis-py), stored bytes included', () => {
    const run = (port: number) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', VISITORS, String(port)]).toString());
    expect(run(cin.port)).toEqual(run(ref.port));
  });

  it('job queue with BRPOP workers (ioredis)', async () => {
    const a = await jobQueue(cin.port);
    const b = await jobQueue(ref.port);
    expect(a).toEqual(b);
    expect(a.length).toBe(200);
  });

  it('tagging with sets (ioredis)', async () => {
    expect(await tagging(cin.port)).toEqual(await tagging(ref.port));
  });

  it('daily active users with bitmaps (redis-py)', () => {
    const run = (port: number) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', DAU, String(port)]).toString());
    expect(run(cin.port)).toEqual(run(ref.port));
  });
});
