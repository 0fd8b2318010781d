// A real client's server-assisted cache against cinnabar: node-redis 5 with RESP3 and its
// BasicClientSideCache (CLIENT TRACKING on, invalidation pushes) must never return a stale value while
// another connection writes, deletes, expires and flushes the keys it cached. The same workload runs
// against redis-server, and both must give the same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BasicClientSideCache, createClient } from 'redis';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

/** A small deterministic generator, so both servers see the same operations. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function workload(port: number): Promise<{ answers: unknown[]; hits: number }> {
  const cache = new BasicClientSideCache({ ttl: 0, maxEntries: 0, recordStats: true });
  const reader = createClient({ socket: { port, host: '127.0.0.1' }, RESP: 3, clientSideCache: cache });
  const writer = createClient({ socket: { port, host: '127.0.0.1' } });
  await Promise.all([reader.connect(), writer.connect()]);
  const answers: unknown[] = [];
  try {
    await writer.flushAll();
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];
    const next = rng(7);
    for (let i = 0; i < 300; i++) {
      const k = keys[Math.floor(next() * keys.length)];
      const op = Math.floor(next() * 10);
      if (op < 3) await writer.set(k, `v${i}`);
      else if (op < 4) await writer.del(k);
      else if (op < 5) await writer.append(k, 'x');
      else if (op < 6) await writer.set(k, `e${i}`, { PX: 20 });
      else if (op === 6 && i % 50 === 0) await writer.flushAll();
      // Anything the writer changed reached the reader before this round trip ends (same connection order).
      await reader.ping();
      if (op === 5) await new Promise((r) => setTimeout(r, 40));
      const cached = await reader.get(k);
      const truth = await writer.get(k);
      expect(cached).toBe(truth);
      answers.push(cached);
      // A second read is served from the cache when nothing changed.
      answers.push(await reader.get(k));
    }
    // Hashes and several keys per command are cached and invalidated as well.
    await writer.hSet('h', { a: '1' });
    answers.push(await reader.hGetAll('h'));
    await writer.hSet('h', { b: '2' });
    await reader.ping();
    answers.push(await reader.hGetAll('h'));
    answers.push(await reader.mGet(['k0', 'k1']));
    await writer.mSet({ k0: 'm0', k1: 'm1' });
    await reader.ping();
    answers.push(await reader.mGet(['k0', 'k1']));
    const stats = cache.stats();
    return { answers, hits: stats.hitCount };
  } finally {
    await Promise.all([reader.quit(), writer.quit()]);
  }
}

describe('node-redis client-side caching', () => {
  it('keeps the cache consistent with every change, like redis-server', async () => {
    const ours = await workload(cin.port);
    const theirs = await workload(ref.port);
    expect(ours.answers).toEqual(theirs.answers);
    expect(ours.hits).toBeGreaterThan(100);
    expect(ours.hits).toBe(theirs.hits);
  });
});
