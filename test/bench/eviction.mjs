#!/usr/bin/env node
// Eviction benchmark: cinnabar against the real redis-server, both measured in the same run (never part of
// `npm test`). Writes test/bench/results-eviction.md.
//
// 1. Hit ratio of a cache: GET a key drawn from a Zipf distribution (s = 1.0 over 100,000 keys); on a miss,
//    SET it (100-byte value). Pipelined in batches, a bounded number of requests, the same seeded sequence
//    for every server; the first quarter warms the cache and is not counted. allkeys-lru and allkeys-lfu.
//    a) the same memory budget for the dataset on both (maxmemory = the server's used_memory at start +
//       budget): per-key memory differs, so the servers hold different numbers of keys (reported);
//    b) the same key capacity: cinnabar's budget scaled by the measured bytes per key, so both hold about
//       as many keys; this isolates the eviction policy's choices.
// 2. SET throughput while evicting continuously (allkeys-lru, maxmemory a few MB above start-up, random
//    keys over a million): redis-benchmark ratio against Redis, with the same run without maxmemory.
//
// Options: --requests N (GETs per run, default 400000), --budget MB (default 4), --no-build, --out FILE.
import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, benchmarkCommand, build, command, log, median, startServer } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const REQUESTS = Number(opt('requests', 400_000));
const BUDGET = Number(opt('budget', 4)) * 1024 * 1024;
const OUT = opt('out', join(ROOT, 'test', 'bench', 'results-eviction.md'));
const KEYSPACE = 100_000;
const BATCH = 500;
const VALUE = 'v'.repeat(100);

/** Seeded PRNG (mulberry32) so every server sees the same request sequence. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The request sequence: key ranks drawn from Zipf(s = 1) over KEYSPACE keys, shuffled names. */
function zipfSequence(n, seed) {
  const cdf = new Float64Array(KEYSPACE);
  let sum = 0;
  for (let i = 0; i < KEYSPACE; i++) cdf[i] = sum += 1 / (i + 1);
  const r = rng(seed);
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const x = r() * sum;
    let lo = 0;
    let hi = KEYSPACE - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    // Popularity is not tied to insertion order or key name.
    out[j] = (lo * 7919) % KEYSPACE;
  }
  return out;
}

/** A pipelining connection that reads back as many replies as were sent (bulk, nil, status, error). */
class Conn {
  constructor(port) {
    this.sock = connect(port, '127.0.0.1');
    this.sock.setNoDelay(true);
    this.buf = Buffer.alloc(0);
    this.waiting = null;
    this.sock.on('data', (d) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      this.drain();
    });
  }
  ready() {
    return new Promise((res, rej) => {
      this.sock.once('connect', res);
      this.sock.once('error', rej);
    });
  }
  /** Sends the commands, resolves with one entry per reply: null (nil), 'E' (error) or the bytes as a string. */
  pipeline(cmds) {
    const parts = [];
    for (const a of cmds) {
      parts.push(`*${a.length}\r\n`);
      for (const x of a) parts.push(`$${Buffer.byteLength(x)}\r\n${x}\r\n`);
    }
    return new Promise((resolve) => {
      this.waiting = { n: cmds.length, out: [], resolve };
      this.sock.write(parts.join(''));
      this.drain();
    });
  }
  drain() {
    const w = this.waiting;
    if (!w) return;
    let p = 0;
    const b = this.buf;
    while (w.out.length < w.n && p < b.length) {
      const eol = b.indexOf('\r\n', p);
      if (eol < 0) break;
      const t = b[p];
      if (t === 0x24) {
        const len = Number(b.latin1Slice(p + 1, eol));
        if (len < 0) {
          w.out.push(null);
          p = eol + 2;
          continue;
        }
        if (b.length < eol + 2 + len + 2) break;
        w.out.push(b.latin1Slice(eol + 2, eol + 2 + len));
        p = eol + 2 + len + 2;
      } else {
        w.out.push(t === 0x2d ? 'E' : b.latin1Slice(p + 1, eol));
        p = eol + 2;
      }
    }
    this.buf = b.subarray(p);
    if (w.out.length === w.n) {
      this.waiting = null;
      w.resolve(w.out);
    }
  }
  close() {
    this.sock.destroy();
  }
}

const infoField = async (port, name, section = 'memory') => Number(new RegExp(`${name}:(\\d+)`).exec(await command(port, ['INFO', section]))?.[1] ?? NaN);

/** One cache run: returns the hit ratio after warm-up, keys held at the end and used_memory per key. */
async function cacheRun(kind, policy, budget, seq) {
  const server = await startServer(kind);
  try {
    const startUsed = await infoField(server.port, 'used_memory');
    await command(server.port, ['CONFIG', 'SET', 'maxmemory-policy', policy]);
    await command(server.port, ['CONFIG', 'SET', 'maxmemory', String(Math.floor(startUsed + budget))]);
    const c = new Conn(server.port);
    await c.ready();
    const warm = Math.floor(seq.length / 4);
    let hits = 0;
    let counted = 0;
    let oom = 0;
    const t0 = performance.now();
    for (let i = 0; i < seq.length; i += BATCH) {
      const keys = [];
      for (let j = i; j < Math.min(seq.length, i + BATCH); j++) keys.push(`key:${seq[j]}`);
      const got = await c.pipeline(keys.map((k) => ['GET', k]));
      const sets = [];
      for (let j = 0; j < keys.length; j++) {
        if (i + j >= warm) {
          counted++;
          if (got[j] !== null) hits++;
        }
        if (got[j] === null) sets.push(['SET', keys[j], VALUE]);
      }
      if (sets.length) for (const r of await c.pipeline(sets)) if (r === 'E') oom++;
    }
    const secs = (performance.now() - t0) / 1000;
    c.close();
    const keysHeld = Number(/keys=(\d+)/.exec(await command(server.port, ['INFO', 'keyspace']))?.[1] ?? 0);
    const used = await infoField(server.port, 'used_memory');
    const evicted = await infoField(server.port, 'evicted_keys', 'stats');
    return { hit: hits / counted, keys: keysHeld, perKey: (used - startUsed) / Math.max(1, keysHeld), evicted, oom, secs };
  } finally {
    await server.stop();
  }
}

/** redis-benchmark SET of 100-byte values over a million random keys; ops/s. */
async function setThroughput(kind, withLimit) {
  const server = await startServer(kind);
  try {
    if (withLimit) {
      const startUsed = await infoField(server.port, 'used_memory');
      await command(server.port, ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru']);
      await command(server.port, ['CONFIG', 'SET', 'maxmemory', String(Math.floor(startUsed + 8 * 1024 * 1024))]);
    }
    const ops = benchmarkCommand(server.port, ['-n', '300000', '-c', '50', '-P', '16', '-r', '1000000'], ['SET', 'key:__rand_int__', VALUE]);
    const evicted = await infoField(server.port, 'evicted_keys', 'stats');
    return { ops, evicted };
  } finally {
    await server.stop();
  }
}

if (!argv.includes('--no-build')) build();
const seq = zipfSequence(REQUESTS, 42);
const lines = [];
const fmt = (x, d = 1) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

lines.push('# Eviction benchmark', '');
const ver = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim();
lines.push(`${new Date().toISOString()} — ${cpus().length} × ${cpus()[0].model.split(' ').slice(0, 2).join(' ')}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${ver.split(' ').slice(0, 3).join(' ')}`, '');
lines.push(`Cache workload: ${REQUESTS.toLocaleString('en')} GETs (first quarter is warm-up), Zipf s=1.0 over ${KEYSPACE.toLocaleString('en')} keys, SET of a 100-byte value on each miss, pipelined ${BATCH} at a time.`, '');
lines.push('## Hit ratio', '');
lines.push('| policy | capacity | server | dataset budget | keys held | B/key | evicted | hit ratio | cinnabar − redis |');
lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
for (const policy of ['allkeys-lru', 'allkeys-lfu']) {
  log(`${policy}: same budget...`);
  const r = await cacheRun('redis', policy, BUDGET, seq);
  const c = await cacheRun('cinnabar', policy, BUDGET, seq);
  // Same key capacity: scale cinnabar's budget by its bytes per key relative to Redis's.
  const scaled = BUDGET * (c.perKey / r.perKey);
  log(`${policy}: same key capacity (budget ${(scaled / 2 ** 20).toFixed(1)} MB)...`);
  const c2 = await cacheRun('cinnabar', policy, scaled, seq);
  const row = (mode, name, budget, x, diff) =>
    `| ${policy} | ${mode} | ${name} | ${fmt(budget / 2 ** 20)} MB | ${x.keys.toLocaleString('en')} | ${fmt(x.perKey, 0)} | ${x.evicted.toLocaleString('en')} | ${(x.hit * 100).toFixed(1)}% | ${diff} |`;
  lines.push(row('same budget', 'redis', BUDGET, r, ''));
  lines.push(row('same budget', 'cinnabar', BUDGET, c, `${((c.hit - r.hit) * 100).toFixed(1)} pts`));
  lines.push(row('same keys', 'cinnabar', scaled, c2, `${((c2.hit - r.hit) * 100).toFixed(1)} pts`));
  log(`  redis ${(r.hit * 100).toFixed(1)}% (${r.keys} keys), cinnabar ${(c.hit * 100).toFixed(1)}% (${c.keys} keys), at equal keys ${(c2.hit * 100).toFixed(1)}% (${c2.keys} keys)`);
}

lines.push('', '## SET throughput while evicting', '');
lines.push('redis-benchmark -n 300000 -c 50 -P 16 -r 1000000, SET of 100-byte values; with maxmemory = start-up used_memory + 8 MB, allkeys-lru (evicting continuously), and without a limit. Median of 3 rounds.', '');
lines.push('| mode | cinnabar ops/s | redis ops/s | cinnabar/redis | keys evicted (cinnabar / redis) |');
lines.push('|---|---:|---:|---:|---:|');
for (const withLimit of [true, false]) {
  const cs = [];
  const rs = [];
  let ce = 0;
  let re = 0;
  for (let round = 0; round < 3; round++) {
    log(`SET ${withLimit ? 'evicting' : 'no limit'} round ${round + 1}...`);
    const r = await setThroughput('redis', withLimit);
    const c = await setThroughput('cinnabar', withLimit);
    rs.push(r.ops);
    cs.push(c.ops);
    ce = c.evicted;
    re = r.evicted;
  }
  const c = median(cs);
  const r = median(rs);
  lines.push(`| ${withLimit ? 'maxmemory, allkeys-lru' : 'no maxmemory'} | ${Math.round(c).toLocaleString('en')} | ${Math.round(r).toLocaleString('en')} | ${(c / r).toFixed(2)} | ${withLimit ? `${ce.toLocaleString('en')} / ${re.toLocaleString('en')}` : '-'} |`);
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (OUT !== '-') writeFileSync(OUT, text);
