// BGSAVE's point-in-time guarantee, in-process: a large dataset is saved while commands change, delete,
// expire, grow in place, flush and swap keys between the save's slices; loading the file must give back
// exactly the dataset of the instant BGSAVE started (compared by Redis's DEBUG DIGEST and key by key).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../src/server/harness.js';
import { datasetDigest } from '../../src/persistence/digest.js';
import { readRdbFile } from '../../src/persistence/rdb/reader.js';

let open: Array<{ h: Harness; dir: string }> = [];
afterEach(() => {
  for (const o of open) {
    o.h.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
  open = [];
});

function harness(dir?: string): { h: Harness; dir: string } {
  const d = dir ?? mkdtempSync(join(tmpdir(), 'cinnabar-bgsave-'));
  const h = createHarness({ dir: d, save: '' });
  const o = { h, dir: d };
  open.push(o);
  return o;
}

function populate(h: Harness, n: number): void {
  for (let i = 0; i < n; i++) {
    switch (i % 10) {
      case 0:
        h.run(['rpush', `list:${i}`, 'a', 'b', String(i)]);
        break;
      case 1:
        h.run(['hset', `hash:${i}`, 'f', String(i), 'g', 'x']);
        break;
      case 2:
        h.run(['set', `ttl:${i}`, String(i), 'PX', String(3_600_000 + i)]);
        break;
      case 3:
        h.run(['zadd', `zset:${i}`, String(i), 'm', '1.5', 'n']);
        break;
      default:
        h.run(['set', `str:${i}`, `value-${i}`]);
    }
  }
  h.run(['select', '1']);
  for (let i = 0; i < 1000; i++) h.run(['set', `db1:${i}`, String(i)]);
  h.run(['select', '2']);
  for (let i = 0; i < 1000; i++) h.run(['sadd', `db2:${i % 50}`, String(i)]);
  h.run(['select', '0']);
}

/** Changes of every kind, spread over the keyspace by the round number. */
function mutate(h: Harness, round: number, n: number): void {
  const k = (round * 7919) % n;
  const base = k - (k % 10);
  h.run(['set', `str:${base + 5}`, `changed-${round}`]);
  h.run(['del', `str:${base + 6}`]);
  h.run(['rpush', `list:${base}`, `pushed-${round}`]);
  h.run(['hset', `hash:${base + 1}`, 'f', `changed-${round}`]);
  h.run(['persist', `ttl:${base + 2}`]);
  h.run(['pexpire', `str:${base + 7}`, '1']);
  h.run(['append', `str:${base + 8}`, '-appended']);
  h.run(['zincrby', `zset:${base + 3}`, '10', 'm']);
  h.run(['rename', `str:${base + 9}`, `renamed:${round}`]);
  h.run(['set', `new:${round}`, 'created after the start']);
  h.run(['eval', "redis.call('incr', KEYS[1]) return redis.call('del', KEYS[2])", '2', `str:${base + 4}`, `list:${(base + 10) % n}`]);
  if (round === 3) {
    h.run(['select', '1']);
    h.run(['flushdb']);
    h.run(['set', 'db1:after-flush', 'x']);
    h.run(['select', '0']);
  }
  if (round === 5) h.run(['swapdb', '2', '3']);
  if (round === 7) {
    h.run(['select', '3']);
    h.run(['sadd', 'db2:0', 'added-after-swap']);
    h.run(['select', '0']);
  }
}

/** A fresh server loading the file through its own start-up path. */
async function loadInto(file: string): Promise<Harness> {
  const { h } = harness();
  h.server.config.setRaw('dir', file.slice(0, file.lastIndexOf('/')));
  const err = await h.server.rdb.load();
  expect(err).toBeNull();
  return h;
}

describe('BGSAVE', () => {
  it('writes exactly the dataset of the instant it started while every kind of change happens', async () => {
    const N = Number(process.env.BGSAVE_KEYS ?? 1_000_000);
    const { h, dir } = harness();
    populate(h, N);
    const before = datasetDigest(h.server.engine.dbs).toString('hex');
    const sizes = h.server.engine.dbs.map((d) => d.size);
    expect(h.resp(['bgsave'])).toBe('+Background saving started\r\n');
    expect(h.resp(['bgsave'])).toBe('-ERR Background save already in progress\r\n');
    expect(h.resp(['bgsave', 'schedule'])).toBe('+Background saving scheduled\r\n');
    let finished = false;
    const done = h.server.rdb.whenDone().then((ok) => ((finished = true), ok));
    let round = 0;
    while (!finished) {
      mutate(h, round++, N);
      await new Promise((r) => setImmediate(r));
    }
    expect(await done).toBe(true);
    expect(round).toBeGreaterThan(8);
    // The dataset did change while the file was written...
    expect(h.run(['exists', 'new:0'])).toBe(1);
    // ...and the file holds the dataset of the start.
    const loaded = await loadInto(join(dir, 'dump.rdb'));
    expect(loaded.server.engine.dbs.map((d) => d.size)).toEqual(sizes);
    expect(datasetDigest(loaded.server.engine.dbs).toString('hex')).toBe(before);
    expect(h.resp(['info', 'persistence'])).toMatch(/rdb_last_bgsave_status:ok/);
  }, 400_000);

  it('every key is written once, and keys created during the save are not written', async () => {
    const { h, dir } = harness();
    for (let i = 0; i < 20_000; i++) h.run(['set', `k${i}`, 'v']);
    h.run(['bgsave']);
    let finished = false;
    const done = h.server.rdb.whenDone().then(() => (finished = true));
    let i = 0;
    while (!finished) {
      h.run(['set', `k${(i * 31) % 20_000}`, 'changed']);
      h.run(['set', `late${i}`, 'x']);
      h.run(['del', `k${(i * 17) % 20_000}`]);
      i++;
      await new Promise((r) => setImmediate(r));
    }
    await done;
    const seen = new Map<string, number>();
    await readRdbFile(join(dir, 'dump.rdb'), { key: (rec) => void seen.set(rec.key, (seen.get(rec.key) ?? 0) + 1) });
    expect(seen.size).toBe(20_000);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect([...seen.keys()].some((k) => k.startsWith('late'))).toBe(false);
  });

  it('big aggregates are written over several slices; changed mid-write they go on from a copy or a log, changed before their turn they are written later', async () => {
    const { h, dir } = harness();
    // Lists far past STEPPED_ELEMENTS, strings between them, one list with a TTL; elements of every size.
    const lists = 6;
    for (let l = 0; l < lists; l++) {
      for (let b = 0; b < 10; b++) {
        h.run(['rpush', `long:${l}`, ...Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? 'x'.repeat(200 + i) : i % 5 === 0 ? String(i - 2500) : `e:${l}:${b}:${i}`))]);
      }
      for (let i = 0; i < 200; i++) h.run(['set', `s:${l}:${i}`, String(i)]);
    }
    h.run(['pexpire', 'long:2', '3600000']);
    // Big hashes, sets and sorted sets are written in steps too.
    for (let b = 0; b < 4; b++) {
      const ids = Array.from({ length: 5000 }, (_, i) => b * 5000 + i);
      h.run(['hset', 'big:hash', ...ids.flatMap((i) => [`f${i}`, `v${i}`])]);
      h.run(['sadd', 'big:set', ...ids.map((i) => `m${i}`)]);
      h.run(['sadd', 'big:intset', ...ids.map((i) => String(i * 3))]);
      h.run(['zadd', 'big:zset', ...ids.flatMap((i) => [String(i % 977 === 0 ? 'inf' : i * 0.25), `z${i}`])]);
    }
    h.run(['hrandfield', 'big:hash', '-5']);
    h.run(['hset', 'big:hash2', ...Array.from({ length: 9000 }, (_, i) => [`g${i}`, `w${i}`]).flat()]);
    const before = datasetDigest(h.server.engine.dbs).toString('hex');
    const rdb = h.server.rdb as unknown as {
      running: { snap: { stepped: { key: string } | null; states: Array<{ deferred: unknown[] | null }> } } | null;
    };
    h.run(['bgsave']);
    // Changed before the save reaches them: a long list is copied as it is, a big set or hash has its
    // element changes logged, and both are written in steps later.
    h.run(['rpush', 'long:5', 'pushed before its turn']);
    h.run(['lpop', 'long:4']);
    h.run(['srem', 'big:intset', '3']);
    h.run(['hdel', 'big:hash2', 'g1']);
    expect(rdb.running!.snap.states[0].deferred).toHaveLength(4);
    let finished = false;
    const done = h.server.rdb.whenDone().then(() => (finished = true));
    let round = 0;
    let midList = 0;
    let changedMidList = 0;
    const typesChanged = new Set<string>();
    const seenMidWrite = new Map<string, number>();
    while (!finished) {
      const st = rdb.running?.snap.stepped ?? null;
      if (st !== null) {
        midList++;
        // Seen half written a second time, the value changes: a list's job goes on from a copy sharing
        // its nodes, the others' from the live value with a log of the changed elements.
        const seen = (seenMidWrite.get(st.key) ?? 0) + 1;
        seenMidWrite.set(st.key, seen);
        if (seen === 2) {
          const type = h.resp(['type', st.key]).slice(1, -2);
          typesChanged.add(type);
          switch (type) {
            case 'list':
              h.run(['lpush', st.key, `pushed-${round}`]);
              h.run(['lset', st.key, '100', `set-${round}`]);
              break;
            case 'hash':
              h.run(['hset', st.key, 'f1', `changed-${round}`, `new-${round}`, 'x']);
              break;
            case 'set':
              h.run(['srem', st.key, 'm1', '3']);
              h.run(['sadd', st.key, `new-${round}`]);
              break;
            default:
              h.run(['zadd', st.key, '-1', 'z5', '7', `new-${round}`]);
          }
          changedMidList++;
        }
      }
      // Strings written ahead of their turn (while a list is half written they must follow it), and
      // keys created after the start.
      const l = round % lists;
      h.run(['set', `s:${l}:${round % 200}`, 'changed']);
      h.run(['del', `s:${(l + 3) % lists}:${(round * 7) % 200}`]);
      h.run(['set', `late:${round}`, 'x']);
      round++;
      await new Promise((r) => setImmediate(r));
    }
    await done;
    // The save really was caught in the middle of lists, with changes between its slices.
    expect(midList).toBeGreaterThan(6);
    expect(changedMidList).toBeGreaterThan(1);
    expect([...typesChanged].sort()).toEqual(['hash', 'list', 'set', 'zset']);
    const loaded = await loadInto(join(dir, 'dump.rdb'));
    expect(datasetDigest(loaded.server.engine.dbs).toString('hex')).toBe(before);
    expect(loaded.run(['llen', 'long:0'])).toBe(50_000);
    expect(Number(loaded.run(['pttl', 'long:2']))).toBeGreaterThan(3_000_000);
  }, 120_000);

  it('big streams are written in steps; changed before their turn or mid-write their job goes on from a copy sharing the nodes', async () => {
    const { h, dir } = harness();
    for (const k of ['st:0', 'st:1', 'st:2']) {
      for (let i = 0; i < 12_000; i++) h.run(['xadd', k, `${1000 + i}-1`, 'f', `v${i}`, 'n', String(i)]);
      h.run(['xgroup', 'create', k, 'g', '0']);
      h.run(['xreadgroup', 'group', 'g', 'alice', 'count', '3000', 'streams', k, '>']);
      h.run(['xreadgroup', 'group', 'g', 'bob', 'count', '2000', 'streams', k, '>']);
      for (let i = 0; i < 300; i++) h.run(['set', `after:${k}:${i}`, 'x']);
    }
    const full = (x: Harness, k: string): unknown => x.run(['xinfo', 'stream', k, 'full', 'count', '0']);
    const before = datasetDigest(h.server.engine.dbs).toString('hex');
    const infos = ['st:0', 'st:1', 'st:2'].map((k) => full(h, k));
    const rdb = h.server.rdb as unknown as { running: { snap: { stepped: { key: string } | null } } | null };
    h.run(['bgsave']);
    // st:2 changes before its turn.
    h.run(['xadd', 'st:2', '*', 'f', 'early']);
    h.run(['xdel', 'st:2', '11000-1']);
    let finished = false;
    const done = h.server.rdb.whenDone().then(() => (finished = true));
    const changedMidWrite = new Set<string>();
    let round = 0;
    while (!finished) {
      const st = rdb.running?.snap.stepped ?? null;
      if (st !== null && st.key.startsWith('st:')) {
        changedMidWrite.add(st.key);
        const k = st.key;
        h.run(['xadd', k, '*', 'f', `mid-${round}`]);
        h.run(['xdel', k, `${1000 + ((round * 37) % 12_000)}-1`]);
        h.run(['xack', k, 'g', `${1000 + (round % 3000)}-1`]);
        h.run(['xreadgroup', 'group', 'g', 'carol', 'count', '5', 'streams', k, '>']);
        h.run(['xclaim', k, 'g', 'dave', '0', `${4000 + (round % 2000)}-1`]);
        if (round % 7 === 0) h.run(['xtrim', k, 'minid', `${1000 + round}-1`]);
        if (round % 11 === 0) h.run(['xgroup', 'setid', k, 'g', '$']);
      }
      h.run(['set', `after:st:1:${round % 300}`, 'changed']);
      round++;
      await new Promise((r) => setImmediate(r));
    }
    await done;
    expect(changedMidWrite.size).toBeGreaterThanOrEqual(2);
    const loaded = await loadInto(join(dir, 'dump.rdb'));
    expect(datasetDigest(loaded.server.engine.dbs).toString('hex')).toBe(before);
    expect(['st:0', 'st:1', 'st:2'].map((k) => full(loaded, k))).toEqual(infos);
  }, 120_000);

  it('SAVE writes in the foreground and LASTSAVE moves; the file loads with TTLs and functions', async () => {
    const { h, dir } = harness();
    h.run(['set', 'a', '1', 'EX', '1000']);
    h.run(['function', 'load', "#!lua name=lib\nredis.register_function('f', function() return 7 end)"]);
    h.run(['set', 'gone', '1', 'PX', '1']);
    await new Promise((r) => setTimeout(r, 5));
    expect(h.resp(['save'])).toBe('+OK\r\n');
    const loaded = await loadInto(join(dir, 'dump.rdb'));
    expect(loaded.run(['get', 'a'])).toBe('1');
    expect(Number(loaded.run(['ttl', 'a']))).toBeGreaterThan(990);
    expect(loaded.run(['fcall', 'f', '0'])).toBe(7);
    expect(loaded.run(['exists', 'gone'])).toBe(0);
  });
});

describe('DEBUG RELOAD', () => {
  it('saves, empties and loads back the same dataset; NOSAVE loads the file as it is', async () => {
    const { h } = harness();
    h.server.config.set('enable-debug-command', 'yes');
    populate(h, 2000);
    const before = datasetDigest(h.server.engine.dbs).toString('hex');
    expect(h.resp(['debug', 'reload'])).toBe('+OK\r\n');
    expect(datasetDigest(h.server.engine.dbs).toString('hex')).toBe(before);
    h.run(['set', 'after-save', '1']);
    expect(h.resp(['debug', 'reload', 'nosave'])).toBe('+OK\r\n');
    expect(h.run(['exists', 'after-save'])).toBe(0);
    h.run(['set', 'str:5', 'changed']);
    expect(h.resp(['debug', 'reload', 'nosave', 'noflush'])).toBe('-ERR Error trying to load the RDB dump, check server logs.\r\n');
    h.run(['flushall']);
    h.run(['set', 'str:5', 'changed']);
    expect(h.resp(['debug', 'reload', 'nosave', 'noflush', 'merge'])).toBe('+OK\r\n');
    expect(h.run(['get', 'str:5'])).toBe('value-5');
    expect(h.resp(['debug', 'reload', 'bogus'])).toMatch(/^-ERR /);
  });
});
