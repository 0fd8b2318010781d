// BGSAVE of big hashes, sets and sorted sets that commands keep changing element by element while they
// are written (and before their turn): the file must hold each value exactly as it was at the instant
// BGSAVE started. Seeded random changes of every kind the three types have, compared by Redis's DEBUG
// DIGEST of the whole dataset; the watches on the values are gone once the save ends or is aborted.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../src/server/harness.js';
import { datasetDigest } from '../../src/persistence/digest.js';
import { watched } from '../../src/datatypes/watch.js';
import { Rng } from '../helpers/random-commands.js';

let open: Array<{ h: Harness; dir: string }> = [];
afterEach(() => {
  for (const o of open) {
    o.h.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
  open = [];
});

function harness(): { h: Harness; dir: string } {
  const d = mkdtempSync(join(tmpdir(), 'cinnabar-elog-'));
  const h = createHarness({ dir: d, save: '' });
  const o = { h, dir: d };
  open.push(o);
  return o;
}

/** The seeded generator of the differential tests, as a function. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const N = 12_000;

function populate(h: Harness): void {
  for (const p of ['a', 'b']) {
    for (let b = 0; b < N; b += 2000) {
      const ids = Array.from({ length: 2000 }, (_, i) => b + i);
      h.run(['hset', `${p}:hash`, ...ids.flatMap((i) => [`f${i}`, `v${i}`])]);
      h.run(['sadd', `${p}:set`, ...ids.map((i) => `m${i}`)]);
      h.run(['zadd', `${p}:zset`, ...ids.flatMap((i) => [String((i * 7919) % 5003), `z${i}`])]);
    }
  }
  // Small keys between them, so the save is caught between and inside the big ones.
  for (let i = 0; i < 3000; i++) h.run(['set', `s:${i}`, String(i)]);
}

/** One random change to a big value; names of removed or renamed keys come back later. */
function change(h: Harness, r: () => number, key: string): void {
  const pick = (n: number): number => Math.floor(r() * n);
  const el = (p: string): string => `${p}${pick(N + 200)}`;
  const type = key.slice(key.indexOf(':') + 1);
  const x = r();
  if (x < 0.01) {
    h.run(['del', key]);
    return;
  }
  if (x < 0.02) {
    h.run(['rename', key, `${key}:renamed`]);
    h.run(['rename', `${key}:renamed`, key]);
    return;
  }
  switch (type) {
    case 'hash': {
      const ops = [
        () => h.run(['hset', key, el('f'), `changed-${pick(1000)}`, el('f'), 'x']),
        () => h.run(['hdel', key, el('f'), el('f'), 'absent']),
        () => h.run(['hincrby', key, el('n'), '3']),
        () => h.run(['hsetnx', key, el('f'), 'nx']),
        () => h.run(['hrandfield', key, '-3']),
        () => {
          const f = el('f');
          h.run(['hdel', key, f]);
          h.run(['hset', key, f, 'back']);
        },
      ];
      ops[pick(ops.length)]();
      break;
    }
    case 'set': {
      const ops = [
        () => h.run(['sadd', key, el('m'), el('m'), el('new')]),
        () => h.run(['srem', key, el('m'), el('m')]),
        () => h.run(['spop', key, String(1 + pick(3))]),
        () => h.run(['smove', key, key.startsWith('a') ? 'b:set' : 'a:set', el('m')]),
        () => {
          const m = el('m');
          h.run(['srem', key, m]);
          h.run(['sadd', key, m]);
        },
      ];
      ops[pick(ops.length)]();
      break;
    }
    default: {
      const ops = [
        () => h.run(['zadd', key, String(pick(6000) - 500), el('z'), '1.5', el('new')]),
        () => h.run(['zincrby', key, String(pick(50) - 25), el('z')]),
        () => h.run(['zrem', key, el('z'), el('z')]),
        () => h.run(['zpopmax', key, String(1 + pick(2))]),
        () => h.run(['zpopmin', key]),
        () => h.run(['zremrangebyrank', key, String(pick(N)), String(pick(N))]),
        () => h.run(['zremrangebyscore', key, String(pick(5000)), `(${pick(5000)}`]),
        () => {
          const m = el('z');
          h.run(['zrem', key, m]);
          h.run(['zadd', key, '-7', m]);
        },
      ];
      ops[pick(ops.length)]();
    }
  }
}

describe('BGSAVE of big hashes, sets and sorted sets changing while they are written', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the file holds every value as it was when BGSAVE started`, async () => {
      const { h, dir } = harness();
      populate(h);
      // A plain-layout hash and a sampled one (after a random pick) are both written from their Map.
      h.run(['hrandfield', 'b:hash', '2']);
      const before = datasetDigest(h.server.engine.dbs).toString('hex');
      const r = rng(seed);
      const rdb = h.server.rdb as unknown as { running: { snap: { stepped: { key: string } | null } } | null };
      h.run(['bgsave']);
      // The b: values change before their turn: logged from now on, written later.
      for (let i = 0; i < 50; i++) for (const k of ['b:hash', 'b:set', 'b:zset']) change(h, r, k);
      let finished = false;
      const done = h.server.rdb.whenDone().then((ok) => {
        finished = true;
        return ok;
      });
      const caught = new Set<string>();
      let rounds = 0;
      while (!finished && rounds < 100_000) {
        const st = rdb.running?.snap.stepped ?? null;
        if (st !== null && !st.key.startsWith('s:')) {
          caught.add(st.key);
          for (let i = 0; i < 8; i++) change(h, r, st.key);
        }
        for (const k of ['a:hash', 'a:set', 'a:zset', 'b:hash', 'b:set', 'b:zset']) if (r() < 0.3) change(h, r, k);
        h.run(['set', `s:${rounds % 3000}`, 'changed']);
        rounds++;
        await new Promise((res) => setImmediate(res));
      }
      expect(await done).toBe(true);
      // Caught half written, several types, with changes between the slices.
      expect(caught.size).toBeGreaterThanOrEqual(3);
      expect(watched.size).toBe(0);
      const { h: loaded } = harness();
      loaded.server.config.setRaw('dir', dir);
      expect(await loaded.server.rdb.load()).toBeNull();
      expect(datasetDigest(loaded.server.engine.dbs).toString('hex')).toBe(before);
      expect(loaded.run(['hlen', 'a:hash'])).toBe(N);
      expect(loaded.run(['zcard', 'b:zset'])).toBe(N);
    }, 120_000);
  }

  it('a sorted set nobody changes is written greatest first, as SAVE writes it', async () => {
    const { h, dir } = harness();
    h.run(['zadd', 'z', ...Array.from({ length: 6000 }, (_, i) => [String(i % 13), `m${i}`]).flat()]);
    h.run(['save']);
    const { readFileSync } = await import('node:fs');
    const saved = readFileSync(join(dir, 'dump.rdb'));
    h.run(['bgsave']);
    expect(await h.server.rdb.whenDone()).toBe(true);
    const bg = readFileSync(join(dir, 'dump.rdb'));
    // Same bytes apart from the aux fields' times and memory (the header) and the checksum.
    const body = (b: Buffer): Buffer => b.subarray(b.indexOf(Buffer.from([0xfe, 0x00])), b.length - 8);
    expect(body(bg).equals(body(saved))).toBe(true);
  });

  it('an aborted save stops watching the values it had started', async () => {
    const { h } = harness();
    populate(h);
    h.run(['bgsave']);
    h.run(['hset', 'b:hash', 'f1', 'changed']);
    expect(watched.size).toBe(1);
    h.server.rdb.abort();
    expect(watched.size).toBe(0);
    h.run(['hset', 'b:hash', 'f2', 'changed']);
    expect(h.run(['hget', 'b:hash', 'f2'])).toBe('changed');
  });
});
