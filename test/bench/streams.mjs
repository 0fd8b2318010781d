#!/usr/bin/env node
// Stream benchmark: cinnabar against the real redis-server in the same run (never part of `npm test`).
//   1. XADD throughput: redis-benchmark with the custom command `XADD <key> * f v`, -c 50, without and
//      with pipelining (-P 16); median of the rounds.
//   2. XREADGROUP + XACK throughput: one connection reads a preloaded stream through a consumer group,
//      16 pipelined `XREADGROUP ... COUNT 10 >` per batch followed by one XACK of every ID delivered;
//      entries consumed per second.
//   3. Memory: 1M entries `XADD s * f v` (pipelined) and the growth of INFO used_memory per entry
//      (cinnabar runs DEBUG GC first so used_memory is the live heap).
// Results print as tables and are written to test/bench/results-streams.md.
//
// Options: --quick (1 round, smaller counts), --rounds N, --entries N (memory test, default 1000000),
//          --no-build, --out FILE ("-" for none). BENCH_SUBJECT=redis checks the script with two redis-servers.
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const QUICK = flag('quick');
const ROUNDS = Number(opt('rounds', QUICK ? 1 : 3));
const ENTRIES = Number(opt('entries', QUICK ? 200_000 : 1_000_000));
const READ_ENTRIES = QUICK ? 100_000 : 300_000;
const OUT = opt('out', join(ROOT, 'test', 'bench', 'results-streams.md'));
const log = (s) => process.stderr.write(`${s}\n`);

const started = new Set();
process.on('exit', () => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

if (!flag('no-build')) {
  log('building (tsc -p tsconfig.json)...');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) log('tsc reported errors; running with the current dist/');
}
const { ReplyDecoder } = await import(join(ROOT, 'dist', 'src', 'protocol', 'reply-decoder.js'));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

async function startServer(kind) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `bench-streams-${kind}-`));
  const common = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  const proc =
    kind === 'redis' || process.env.BENCH_SUBJECT === 'redis'
      ? spawn('redis-server', [...common, '--appendonly', 'no'], { stdio: 'ignore' })
      : spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), 'server', ...common, '--enable-debug-command', 'local'], { stdio: 'ignore' });
  started.add(proc);
  for (let i = 0; ; i++) {
    const ok = await new Promise((r) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), r(true)));
      s.once('error', () => r(false));
    });
    if (ok) break;
    if (i === 600) throw new Error(`${kind} did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    kind,
    port,
    pid: proc.pid,
    stop: () => {
      proc.kill('SIGKILL');
      started.delete(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const enc = (args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** A connection that sends pipelined commands and resolves their decoded replies in order. */
function client(port) {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    sock.setNoDelay(true);
    const waiting = [];
    const decoder = new ReplyDecoder((r) => waiting.shift()(r));
    sock.on('data', (d) => decoder.feed(d));
    sock.on('error', reject);
    sock.on('connect', () =>
      resolve({
        /** Sends commands in one write; resolves all replies. */
        pipeline: (cmds) => {
          const ps = cmds.map(() => new Promise((r) => waiting.push(r)));
          sock.write(cmds.map(enc).join(''));
          return Promise.all(ps);
        },
        close: () => sock.destroy(),
      }),
    );
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function xaddBenchmark(port, args) {
  const r = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), ...args, '--csv', 'XADD', 'bench:xadd', '*', 'f', 'v'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const m = /^"XADD[^"]*","([\d.]+)"/m.exec(r.stdout ?? '');
  if (!m) throw new Error(`redis-benchmark: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

/** Preloads `n` entries and consumes them all through a group with XREADGROUP + XACK; entries/s. */
async function readAck(port, n) {
  const c = await client(port);
  await c.pipeline([['DEL', 'bench:rg']]);
  for (let i = 0; i < n; i += 1000) {
    const batch = [];
    for (let j = 0; j < 1000 && i + j < n; j++) batch.push(['XADD', 'bench:rg', '*', 'f', 'v']);
    await c.pipeline(batch);
  }
  await c.pipeline([['XGROUP', 'CREATE', 'bench:rg', 'g', '0']]);
  const read = ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '10', 'STREAMS', 'bench:rg', '>'];
  let consumed = 0;
  const t0 = performance.now();
  for (;;) {
    const replies = await c.pipeline(Array.from({ length: 16 }, () => read));
    const ids = [];
    for (const r of replies) {
      if (r.type !== 'array') continue;
      for (const e of r.items[0].items[1].items) ids.push(e.items[0].value.toString('latin1'));
    }
    if (ids.length === 0) break;
    await c.pipeline([['XACK', 'bench:rg', 'g', ...ids]]);
    consumed += ids.length;
  }
  const secs = (performance.now() - t0) / 1000;
  const [pending] = await c.pipeline([['XPENDING', 'bench:rg', 'g']]);
  c.close();
  if (consumed !== n || pending.items[0].value !== 0n) throw new Error(`read ${consumed}/${n}, pending ${pending.items[0].value}`);
  return consumed / secs;
}

async function usedMemory(port, gc) {
  const c = await client(port);
  // Freed Buffers are swept in the background after a collection: collect until the figure settles.
  if (gc) {
    for (let i = 0; i < 3; i++) {
      await c.pipeline([['DEBUG', 'GC']]);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  const [info] = await c.pipeline([['INFO', 'memory']]);
  c.close();
  return Number(/used_memory:(\d+)/.exec(info.value.toString('latin1'))[1]);
}

/** Resident set size of a process in bytes (Linux). */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function memoryPerEntry(s, n) {
  const gc = s.kind === 'cinnabar' && process.env.BENCH_SUBJECT !== 'redis';
  const c = await client(s.port);
  await c.pipeline([['DEL', 'bench:mem']]);
  const before = await usedMemory(s.port, gc);
  const rss0 = rssOf(s.pid);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1000) {
    const batch = [];
    for (let j = 0; j < 1000 && i + j < n; j++) batch.push(['XADD', 'bench:mem', '*', 'f', 'v']);
    await c.pipeline(batch);
  }
  const loadRate = n / ((performance.now() - t0) / 1000);
  const [len] = await c.pipeline([['XLEN', 'bench:mem']]);
  c.close();
  const after = await usedMemory(s.port, gc);
  return { bytes: (after - before) / n, rss: (rssOf(s.pid) - rss0) / n, len: Number(len.value), loadRate };
}

const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '-');

async function main() {
  const servers = [await startServer('cinnabar'), await startServer('redis')];
  const byKind = (k) => servers.find((s) => s.kind === k);
  const xadd = { 'no pipeline': { cinnabar: [], redis: [] }, '-P 16': { cinnabar: [], redis: [] } };
  const rg = { cinnabar: [], redis: [] };
  // Memory first, on fresh servers, so nothing earlier is still being freed.
  log(`memory: ${fmt(ENTRIES)} entries per server`);
  const mem = {};
  for (const s of servers) mem[s.kind] = await memoryPerEntry(s, ENTRIES);
  const n1 = String(QUICK ? 20_000 : 100_000);
  const n16 = String(QUICK ? 200_000 : 500_000);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...servers].reverse() : servers;
    for (const s of order) {
      log(`round ${round + 1}/${ROUNDS}: ${s.kind} XADD`);
      xadd['no pipeline'][s.kind].push(xaddBenchmark(s.port, ['-n', n1, '-c', '50']));
      xadd['-P 16'][s.kind].push(xaddBenchmark(s.port, ['-n', n16, '-c', '50', '-P', '16']));
      log(`round ${round + 1}/${ROUNDS}: ${s.kind} XREADGROUP+XACK`);
      rg[s.kind].push(await readAck(s.port, READ_ENTRIES));
    }
  }
  const rows = [];
  for (const [mode, v] of Object.entries(xadd)) rows.push(['XADD s * f v', mode, median(v.cinnabar), median(v.redis)]);
  rows.push(['XREADGROUP COUNT 10 + XACK (entries/s)', '16 reads per batch', median(rg.cinnabar), median(rg.redis)]);
  for (const s of servers) s.stop();

  const lines = [];
  lines.push('| test | mode | cinnabar ops/s | redis ops/s | cinnabar/redis |', '|---|---|---:|---:|---:|');
  for (const [t, m, c, r] of rows) lines.push(`| ${t} | ${m} | ${fmt(c)} | ${fmt(r)} | ${fmt(c / r, 2)} |`);
  const memLines = ['| server | used_memory B/entry | RSS B/entry | entries | load XADD/s |', '|---|---:|---:|---:|---:|'];
  for (const k of ['cinnabar', 'redis']) {
    memLines.push(`| ${k} | ${fmt(mem[k].bytes, 1)} | ${fmt(mem[k].rss, 1)} | ${fmt(mem[k].len)} | ${fmt(mem[k].loadRate)} |`);
  }
  const ratio = mem.cinnabar.bytes / mem.redis.bytes;
  const ver = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').find((w) => w.startsWith('v=')) ?? '';
  const head = `${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, Redis server ${ver}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  const md = [
    '# Stream benchmark results', '', head, '',
    `## Throughput (median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}; XADD via redis-benchmark -c 50)`, '', ...lines, '',
    `## Memory (${fmt(ENTRIES)} entries \`XADD s * f v\`, growth of INFO used_memory per entry)`, '', ...memLines, '',
    `used_memory per entry, cinnabar/redis: ${fmt(ratio, 2)}`, '',
  ];
  console.log(md.join('\n'));
  if (OUT !== '-') writeFileSync(OUT, md.join('\n'));
}

main().catch((e) => {
  log(e.stack ?? String(e));
  process.exit(1);
});
