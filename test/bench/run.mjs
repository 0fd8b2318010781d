#!/usr/bin/env node
// Throughput and memory comparison of cinnabar against the real redis-server (`npm run bench`; never part of
// `npm test`). Both servers run on free loopback ports; redis-benchmark runs against each alternately for
// several rounds (medians reported, so a noisy round does not decide), without and with pipelining. Then each
// server is loaded with pipelined SETs of 10-byte values and INFO memory's used_memory growth per key is
// compared. Results print as a table and are written to test/bench/results.md.
//
// Beside ops/s, each server's CPU time (user + system, from /proc/PID/stat, all its threads) is read
// around every redis-benchmark call and divided by the requests: a ratio of CPU per request moves far
// less with the host's speed swings than throughput does, since the benchmark client's share of the two
// cores and the scheduler's choices drop out of it.
//
// Options (flags or env):
//   --quick            1 round, 20k/200k requests, 100k keys (BENCH_QUICK=1)
//   --rounds N         rounds of redis-benchmark per target (BENCH_ROUNDS, default 3)
//   --keys N           keys loaded for the memory test (BENCH_KEYS, default 1000000)
//   --types            data-type tests (LPUSH ... LRANGE_600) instead of PING_INLINE/PING_MBULK/SET/GET/INCR/MSET
//   --no-build         skip `tsc` (BENCH_NO_BUILD=1)
//   --no-memory        skip the memory test
//   --no-throughput    skip redis-benchmark
//   --out FILE         results file (default test/bench/results.md; "-" for none)
//   BENCH_SUBJECT=redis  run a second redis-server in cinnabar's place (checks the script itself)
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { ROOT, build as buildProject, command, log, median, startServer } from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, env, def) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  return process.env[env] ?? def;
};

const QUICK = flag('quick') || process.env.BENCH_QUICK === '1';
const ROUNDS = Number(opt('rounds', 'BENCH_ROUNDS', QUICK ? 1 : 3));
const KEYS = Number(opt('keys', 'BENCH_KEYS', QUICK ? 100_000 : 1_000_000));
const OUT = opt('out', 'BENCH_OUT', join(ROOT, 'test', 'bench', 'results.md'));
const CONFIGS = [
  { name: 'no pipeline', args: ['-n', String(QUICK ? 20_000 : 100_000), '-c', '50'] },
  { name: '-P 16', args: ['-n', String(QUICK ? 200_000 : 1_000_000), '-c', '50', '-P', '16'] },
];
// --types benchmarks the data-type commands instead of the string/keyspace set.
const TESTS = flag('types')
  ? 'lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,zpopmin,lrange_100,lrange_300,lrange_500,lrange_600'
  : 'ping_inline,ping_mbulk,set,get,incr,mset';

function build() {
  if (flag('no-build') || process.env.BENCH_NO_BUILD === '1') return;
  buildProject();
}

/** The request count (-n) of a configuration's redis-benchmark arguments. */
function requestsOf(args) {
  return Number(args[args.indexOf('-n') + 1]);
}

/** Runs redis-benchmark for the given tests (comma-separated) and returns { TEST: rps }. */
function runBenchmark(port, args, tests = TESTS) {
  const r = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), ...args, '-t', tests, '--csv'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`redis-benchmark failed (${r.status}): ${r.stderr}`);
  const out = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^"([^"]+)","([\d.]+)"/.exec(line);
    if (m && m[1] !== 'test') out[m[1]] = Number(m[2]);
  }
  return out;
}

/** Clock ticks per second of /proc's CPU times. */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU milliseconds a process (all its threads) has used; NaN when /proc cannot tell. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised name, which may itself hold spaces: utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

async function throughput(servers) {
  // results[config][test][kind] = [rps...]
  const results = {};
  // Each test runs on both servers back to back (alternating which goes first), so the machine's speed
  // drifting over a long run moves both sides of a ratio alike.
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const cfg of CONFIGS) {
      log(`round ${round + 1}/${ROUNDS}: ${cfg.name}`);
      for (const test of TESTS.split(',')) {
        for (const s of order) {
          const cpu0 = cpuMs(s.proc.pid);
          const rps = runBenchmark(s.port, cfg.args, test);
          const names = Object.keys(rps);
          // CPU per request (microseconds) when the call ran one test (LRANGE_* also runs its LPUSH).
          const cpuUs = names.length === 1 ? ((cpuMs(s.proc.pid) - cpu0) * 1000) / requestsOf(cfg.args) : NaN;
          for (const [name, v] of Object.entries(rps)) {
            const byKind = ((results[cfg.name] ??= {})[name] ??= {});
            (byKind[s.kind] ??= []).push(v);
            (byKind[`${s.kind}Cpu`] ??= []).push(cpuUs);
          }
        }
      }
    }
  }
  const rows = [];
  for (const cfg of CONFIGS) {
    for (const [test, byKind] of Object.entries(results[cfg.name] ?? {})) {
      const cs = byKind.cinnabar ?? [];
      const rs = byKind.redis ?? [];
      // The ratio is the median of each round's back-to-back pair: the machine's speed swings over
      // a run (by half on a shared host) and a pair sees the same phase, the two medians need not.
      const pairs = cs.map((c, i) => c / rs[i]).filter((x) => Number.isFinite(x));
      const cc = byKind.cinnabarCpu ?? [];
      const rc = byKind.redisCpu ?? [];
      // Redis's CPU per request over Cinnabar's, so that like the throughput ratio 1 is parity, higher better.
      const cpuPairs = cc.map((c, i) => rc[i] / c).filter((x) => Number.isFinite(x) && x > 0);
      rows.push({
        mode: cfg.name,
        test,
        cinnabar: median(cs),
        redis: median(rs),
        ratio: median(pairs),
        cinnabarCpu: median(cc.filter(Number.isFinite)),
        redisCpu: median(rc.filter(Number.isFinite)),
        cpuRatio: cpuPairs.length ? median(cpuPairs) : NaN,
      });
    }
  }
  return rows;
}

function sendAndCount(port, batches) {
  // One connection; each batch is written whole, then its replies are awaited before the next batch.
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    sock.setNoDelay(true);
    let i = 0;
    let expected = 0;
    let got = 0;
    let errors = 0;
    let tail = Buffer.alloc(0);
    const next = () => {
      if (i >= batches.length) {
        sock.end();
        resolve({ errors });
        return;
      }
      const { buf, count } = batches[i++];
      expected = count;
      got = 0;
      sock.write(buf);
    };
    sock.on('connect', next);
    sock.on('error', reject);
    sock.on('data', (d) => {
      const data = tail.length ? Buffer.concat([tail, d]) : d;
      let pos = 0;
      for (;;) {
        const nl = data.indexOf(10, pos);
        if (nl < 0) break;
        if (data[pos] !== 0x2b) errors++; // every reply to SET is +OK; anything else counts as an error
        pos = nl + 1;
        got++;
      }
      tail = data.subarray(pos);
      if (got >= expected) next();
    });
  });
}

async function infoField(port, section, field) {
  const text = await command(port, ['INFO', section]);
  const m = new RegExp(`^${field}:(\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

function makeBatches(n, batchSize) {
  const batches = [];
  for (let start = 0; start < n; start += batchSize) {
    const parts = [];
    const end = Math.min(n, start + batchSize);
    for (let i = start; i < end; i++) {
      const key = `key:${i}`;
      const value = String(i % 10_000_000_000).padStart(10, '0'); // exactly 10 bytes
      parts.push(`*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$10\r\n${value}\r\n`);
    }
    batches.push({ buf: Buffer.from(parts.join(''), 'latin1'), count: end - start });
  }
  return batches;
}

async function memory(servers) {
  const batches = makeBatches(KEYS, 10_000);
  const rows = [];
  for (const s of servers) {
    log(`memory: loading ${KEYS} keys into ${s.kind}`);
    await command(s.port, ['FLUSHALL']);
    await new Promise((r) => setTimeout(r, 200));
    // Cinnabar counts V8 heap bytes, dead objects included until a collection: measure live bytes.
    const settle = () => (s.kind === 'cinnabar' && process.env.BENCH_SUBJECT !== 'redis' ? command(s.port, ['DEBUG', 'GC']) : null);
    await settle();
    // Live heap for cinnabar (its used_memory is the accounting eviction runs on, reported beside it).
    const liveField = s.kind === 'cinnabar' && process.env.BENCH_SUBJECT !== 'redis' ? 'used_memory_js_heap' : 'used_memory';
    const before = await infoField(s.port, 'memory', liveField);
    const accountedBefore = await infoField(s.port, 'memory', 'used_memory');
    const rssBefore = rssOf(s.proc.pid);
    const t0 = Date.now();
    const { errors } = await sendAndCount(s.port, batches);
    const secs = (Date.now() - t0) / 1000;
    await settle();
    const after = await infoField(s.port, 'memory', liveField);
    const accountedAfter = await infoField(s.port, 'memory', 'used_memory');
    const rssAfter = rssOf(s.proc.pid);
    const dbsize = Number(await command(s.port, ['DBSIZE']).then((r) => r.replace(/^:/, '')));
    rows.push({
      kind: s.kind,
      bytesPerKey: (after - before) / KEYS,
      accountedPerKey: (accountedAfter - accountedBefore) / KEYS,
      rssPerKey: (rssAfter - rssBefore) / KEYS,
      dbsize,
      errors,
      loadRate: KEYS / secs,
    });
  }
  return rows;
}

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');

async function main() {
  if (spawnSync('redis-benchmark', ['--version']).status !== 0) {
    log('redis-benchmark not found (apt-get install redis-tools)');
    process.exit(1);
  }
  build();
  if (!existsSync(join(ROOT, 'dist', 'commands', 'server.js'))) log('warning: dist/commands/server.js missing');
  const servers = [await startServer('cinnabar'), await startServer('redis')];
  const md = [
    '# Benchmark results',
    '',
    `${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${process.version}, ${spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 3).join(' ')}`,
    '',
  ];
  try {
    if (!flag('no-throughput')) {
      const rows = await throughput(servers);
      const head = ['test', 'mode', 'cinnabar ops/s', 'redis ops/s', 'cinnabar/redis', 'CPU µs/req cinnabar', 'CPU µs/req redis', 'CPU redis/cinnabar'];
      const cells = (r) => [r.test, r.mode, fmt(r.cinnabar), fmt(r.redis), fmt(r.ratio, 2), fmt(r.cinnabarCpu, 2), fmt(r.redisCpu, 2), fmt(r.cpuRatio, 2)];
      const table = new Table({ head });
      for (const r of rows) table.push(cells(r));
      const title = `Throughput (redis-benchmark -c 50, ${ROUNDS} round${ROUNDS === 1 ? "" : "s"}; ops/s medians, ratio the median of the rounds' back-to-back pairs)`;
      console.log(title);
      console.log(table.toString());
      md.push(`## ${title}`, '');
      md.push(
        "CPU: each server's user + system time per request around its redis-benchmark call (all threads); the last column is Redis's CPU per request over Cinnabar's (1 = parity, higher is better), the median of the rounds' pairs. n/a where one call ran two tests (LRANGE_* with its LPUSH).",
        '',
      );
      md.push(`| ${head.join(' | ')} |`, '|---|---|---:|---:|---:|---:|---:|---:|');
      for (const r of rows) md.push(`| ${cells(r).join(' | ')} |`);
      md.push('');
    }
    if (!flag('no-memory')) {
      const rows = await memory(servers);
      const table = new Table({ head: ['server', 'live B/key', 'used_memory B/key', 'RSS B/key', 'keys', 'SET errors', 'load SET/s'] });
      for (const r of rows) table.push([r.kind, fmt(r.bytesPerKey, 1), fmt(r.accountedPerKey, 1), fmt(r.rssPerKey, 1), fmt(r.dbsize), fmt(r.errors), fmt(r.loadRate)]);
      const c = rows.find((r) => r.kind === 'cinnabar');
      const rd = rows.find((r) => r.kind === 'redis');
      console.log(`Memory (${fmt(KEYS)} keys key:<i> with 10-byte values; live = used_memory for redis, the JS heap after DEBUG GC for cinnabar)`);
      console.log(table.toString());
      if (c && rd) console.log(`live bytes per key, cinnabar/redis: ${fmt(c.bytesPerKey / rd.bytesPerKey, 2)}`);
      md.push(`## Memory (${fmt(KEYS)} keys, 10-byte values)`, '');
      md.push('Live: used_memory for redis; for cinnabar the JS heap after DEBUG GC (INFO used_memory_js_heap). used_memory: what INFO reports (cinnabar: the accounting eviction runs on).', '');
      md.push('| server | live B/key | used_memory B/key | RSS B/key | keys | SET errors | load SET/s |', '|---|---:|---:|---:|---:|---:|---:|');
      for (const r of rows)
        md.push(`| ${r.kind} | ${fmt(r.bytesPerKey, 1)} | ${fmt(r.accountedPerKey, 1)} | ${fmt(r.rssPerKey, 1)} | ${fmt(r.dbsize)} | ${fmt(r.errors)} | ${fmt(r.loadRate)} |`);
      md.push('');
    }
  } finally {
    for (const s of servers) await s.stop();
  }
  if (OUT !== '-') {
    writeFileSync(OUT, `${md.join('\n')}\n`);
    log(`results written to ${OUT}`);
  }
}

main().catch((e) => {
  log(e.stack ?? String(e));
  cleanup();
  process.exit(1);
});
