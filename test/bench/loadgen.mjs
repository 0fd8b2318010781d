#!/usr/bin/env node
// Load-generator comparison: `cinnabar benchmark` against the real redis-benchmark, both driving the same
// real redis-server (never part of `npm test`). The requirement is that our generator is not the
// bottleneck: in each round the two tools run back to back with the same arguments (-t set,get -c 50,
// without pipelining and with -P 16) and the ratio of their requests per second is taken; medians over
// the rounds are reported. Each tool's CPU time per request (user + system, from /usr/bin/time) is shown
// too: on a shared 2-core machine throughput swings with other load, CPU cost per request does not.
// Results print as a table and are written to test/bench/results-loadgen.md.
//
// Options:
//   --rounds N        rounds per configuration (default 2)
//   --requests N      requests without pipelining (default 1000000; -P 16 uses the same)
//   --threads N       also run cinnabar benchmark with --threads N (default: not run)
//   --no-build        skip `tsc`
//   --out FILE        results file ("-" for none)
import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'run.js');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const ROUNDS = Number(opt('rounds', 2));
const REQUESTS = Number(opt('requests', 1_000_000));
const THREADS = opt('threads', null);
const OUT = opt('out', join(ROOT, 'test', 'bench', 'results-loadgen.md'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (s) => process.stderr.write(`${s}\n`);

const started = new Set();
const cleanup = () => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (cleanup(), process.exit(130)));

if (!flag('no-build')) {
  log('building (tsc -p tsconfig.json)...');
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port < 32768 ? port : 20000 + Math.floor(Math.random() * 2000)));
    });
    s.on('error', reject);
  });
}

async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'loadgen-'));
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  started.add(proc);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => (c.destroy(), resolve(true)));
      c.once('error', () => (c.destroy(), resolve(false)));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, stop: () => (proc.kill('SIGKILL'), rmSync(dir, { recursive: true, force: true })) };
}

/** Runs one load generator with --csv; returns { rps: {SET, GET}, cpuSec }. */
function runTool(cmd, args) {
  return new Promise((resolve, reject) => {
    const full = TIME ? [TIME, ['-f', 'CPU %U %S', cmd, ...args]] : [cmd, args];
    const p = spawn(full[0], full[1], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.add(p);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      started.delete(p);
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}: ${err}`));
      const rps = {};
      for (const line of out.split('\n')) {
        const m = /^"([^"]+)","([\d.]+)"/.exec(line);
        if (m) rps[m[1]] = Number(m[2]);
      }
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(err);
      resolve({ rps, cpuSec: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startRedis();
const base = ['-p', String(server.port), '-t', 'set,get', '-n', String(REQUESTS), '-c', '50', '--csv'];
const configs = [
  { name: 'no pipeline', extra: [] },
  { name: '-P 16', extra: ['-P', '16'] },
];
const tools = [
  { name: 'redis-benchmark', cmd: 'redis-benchmark', args: [] },
  { name: 'cinnabar benchmark', cmd: process.execPath, args: [BIN, 'benchmark'] },
];
if (THREADS) tools.push({ name: `cinnabar benchmark --threads ${THREADS}`, cmd: process.execPath, args: [BIN, 'benchmark', '--threads', THREADS] });

const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
const rows = [];
for (const cfg of configs) {
  const samples = new Map(tools.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which tool goes first so a drift in background load does not favour one.
    const order = round % 2 === 0 ? tools : [...tools].reverse();
    for (const t of order) {
      log(`${cfg.name}, round ${round + 1}: ${t.name}`);
      const r = await runTool(t.cmd, [...t.args, ...base, ...cfg.extra]);
      samples.get(t.name).push(r);
      log(`  SET ${r.rps.SET} GET ${r.rps.GET} (cpu ${r.cpuSec.toFixed(2)} s)`);
    }
  }
  for (const test of ['SET', 'GET']) {
    const ref = samples.get('redis-benchmark');
    for (const t of tools.slice(1)) {
      const mine = samples.get(t.name);
      const ratios = mine.map((m, i) => m.rps[test] / ref[i].rps[test]);
      rows.push({
        config: cfg.name,
        test,
        tool: t.name,
        redis: ref.map((r) => r.rps[test]),
        ours: mine.map((r) => r.rps[test]),
        ratio: median(ratios),
        ratios,
        // CPU is per run (both tests); per request = cpu / (2 * requests).
        cpuRedisUs: (median(ref.map((r) => r.cpuSec)) / (2 * REQUESTS)) * 1e6,
        cpuOursUs: (median(mine.map((r) => r.cpuSec)) / (2 * REQUESTS)) * 1e6,
      });
    }
  }
}
server.stop();
const loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const table = new Table({
  head: ['config', 'test', 'tool', 'redis-benchmark rps', 'ours rps', 'ratio (median)', 'CPU us/req redis-benchmark', 'CPU us/req ours'],
  style: { head: [], border: [] },
});
for (const r of rows) {
  table.push([r.config, r.test, r.tool, r.redis.map(fmt).join(' / '), r.ours.map(fmt).join(' / '), `${r.ratio.toFixed(2)}x (${r.ratios.map((x) => x.toFixed(2)).join(', ')})`, r.cpuRedisUs.toFixed(2), r.cpuOursUs.toFixed(2)]);
}
console.log(table.toString());

if (OUT !== '-') {
  const md = [
    '# Load generator: cinnabar benchmark against redis-benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`node test/bench/loadgen.mjs\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}),`,
    `redis-server 7.0.15 as the server for both tools. Load average before/after: ${loadBefore} / ${loadAfter}.`,
    `Each round runs both tools back to back with \`-t set,get -n ${REQUESTS} -c 50 --csv\` (and \`-P 16\`); ${ROUNDS} rounds.`,
    'Ratio: ours / redis-benchmark requests per second within a round; the median over rounds, then each round.',
    'CPU: user + system seconds of the load-generator process per request (median run), in microseconds.',
    '',
    '| config | test | tool | redis-benchmark rps | ours rps | ratio | CPU us/req redis-benchmark | CPU us/req ours |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.config} | ${r.test} | ${r.tool} | ${r.redis.map(fmt).join(' / ')} | ${r.ours.map(fmt).join(' / ')} | ${r.ratio.toFixed(2)}x (${r.ratios.map((x) => x.toFixed(2)).join(', ')}) | ${r.cpuRedisUs.toFixed(2)} | ${r.cpuOursUs.toFixed(2)} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(OUT, md);
  log(`wrote ${OUT}`);
}
