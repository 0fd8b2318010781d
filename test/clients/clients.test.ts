// Real client libraries against `cinnabar server`: ioredis 5 (RESP2), ioredis 6 (RESP3 via HELLO 3),
// node-redis (RESP3) and redis-py from Debian's python3-redis. Each runs the same workload against
// cinnabar and the reference redis-server and must see the same results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import IORedis5 from 'ioredis';
import IORedis6 from 'ioredis6';
import { createClient } from 'redis';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

const BIN = Buffer.from([0, 13, 10, 0x80, 0xff, 0xc3, 0x28, 65]);

type Ioredis = InstanceType<typeof IORedis5>;
async function ioredisWorkload(r: Ioredis) {
  const out: unknown[] = [];
  out.push(await r.set('{t}a', 'hello'));
  out.push(await r.get('{t}a'));
  out.push(await r.setBuffer?.('{t}bin', BIN) ?? (await r.set('{t}bin', BIN)));
  out.push((await r.getBuffer('{t}bin'))!.equals(BIN));
  out.push(await r.incr('{t}n'));
  out.push(await r.incrby('{t}n', 41));
  out.push(await r.incrbyfloat('{t}f', '10.5'));
  out.push(await r.incrbyfloat('{t}f', '0.1'));
  out.push(await r.mset('{t}x', '1', '{t}y', '2'));
  out.push(await r.mget('{t}x', '{t}y', '{t}missing'));
  out.push(await r.expire('{t}x', 100));
  out.push(await r.ttl('{t}x'));
  out.push(await r.exists('{t}x', '{t}y', '{t}nope'));
  out.push(await r.type('{t}a'));
  out.push(await r.append('{t}a', ' world'));
  out.push(await r.getrange('{t}a', 0, 4));
  out.push(await r.strlen('{t}a'));
  const p = r.pipeline();
  for (let i = 0; i < 100; i++) p.set(`{t}p${i}`, String(i));
  for (let i = 0; i < 100; i++) p.get(`{t}p${i}`);
  const res = await p.exec();
  out.push(res!.slice(100).map(([, v]) => v).join(','));
  const keys = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    const s = r.scanStream({ match: '{t}p*', count: 10 });
    s.on('data', (ks: string[]) => ks.forEach((k) => keys.add(k)));
    s.on('end', () => resolve());
    s.on('error', reject);
  });
  out.push(keys.size);
  out.push(await r.del('{t}a', '{t}nope'));
  out.push(await r.select(2));
  out.push(await r.dbsize());
  out.push(await r.client('SETNAME', 'worker-1'));
  out.push(await r.client('GETNAME'));
  const err = await r.call('INCR', '{t}bin').catch((e: Error) => e.message);
  out.push(err);
  return out;
}

describe.each([
  ['ioredis 5 (RESP2)', (port: number) => new IORedis5({ port, host: '127.0.0.1', lazyConnect: true }) as unknown as Ioredis],
  ['ioredis 6 (RESP3)', (port: number) => new IORedis6({ port, host: '127.0.0.1', lazyConnect: true, protocol: 3 }) as unknown as Ioredis],
])('%s', (_name, make) => {
  it('runs the workload with the same results as redis-server', async () => {
    const results: unknown[][] = [];
    for (const s of [cin, ref]) {
      const r = make(s.port);
      await r.connect();
      await r.flushall();
      try {
        results.push(await ioredisWorkload(r));
      } finally {
        r.disconnect();
      }
    }
    expect(results[0]).toEqual(results[1]);
  });
});

describe('node-redis (RESP3)', () => {
  it('runs a workload with the same results as redis-server', async () => {
    const results: unknown[][] = [];
    for (const s of [cin, ref]) {
      const c = createClient({ socket: { port: s.port, host: '127.0.0.1' }, RESP: 3 });
      await c.connect();
      try {
        await c.flushAll();
        const out: unknown[] = [];
        out.push(await c.set('k', 'v', { expiration: { type: 'PX', value: 100000 } }));
        out.push(await c.get('k'));
        out.push(await c.incrBy('n', 5));
        out.push(await c.mGet(['k', 'n', 'none']));
        out.push(await c.pTTL('k') > 90000);
        out.push(await c.hello());
        out.push(await c.exists(['k', 'n']));
        out.push(await c.getDel('k'));
        out.push(await c.sendCommand(['PING', 'x']));
        out.push(await c.sendCommand(['SET', 'k2', 'v', 'NX', 'GET']));
        const hello = out[5] as Record<string, unknown>;
        delete hello.id;
        delete hello.version;
        results.push(out);
      } finally {
        await c.quit();
      }
    }
    expect(results[0]).toEqual(results[1]);
  });
});

describe('redis-py (Debian python3-redis)', () => {
  const script = `
import json, sys, redis
r = redis.Redis(host='127.0.0.1', port=int(sys.argv[1]))
r.flushall()
out = []
out.append(r.set('a', b'\\x00\\xff\\r\\n'))
out.append(list(r.get('a')))
out.append(r.incr('n', 7))
out.append(r.setex('t', 100, 'v'))
out.append(r.ttl('t'))
out.append(r.getex('t', persist=True).decode())
out.append(r.ttl('t'))
out.append(sorted(k.decode() for k in r.scan_iter(match='*', count=2)))
out.append(r.mset({'x': 1, 'y': 2}))
out.append([v.decode() if v else None for v in r.mget('x', 'y', 'z')])
out.append(r.rename('x', 'x2'))
out.append(r.exists('x', 'x2'))
try:
    r.incr('a')
except redis.ResponseError as e:
    out.append(str(e))
out.append(r.echo('hi').decode())
out.append(r.client_setname('py'))
out.append(r.client_getname())
out.append(r.info('keyspace'))
print(json.dumps(out))
`;
  it('runs a workload with the same results as redis-server', () => {
    const run = (port: number) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, String(port)]).toString());
    const a = run(cin.port);
    const b = run(ref.port);
    expect(a).toEqual(b);
  });
});
