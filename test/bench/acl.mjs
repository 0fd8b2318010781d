#!/usr/bin/env node
// What ACL checks cost: GET/SET throughput as the default user (+@all ~* &*, where the dispatcher's check is
// one flag test) and as a restricted user (+get +set ~key:* plus two other key patterns, so every command
// goes through the per-user command table and key pattern matching), on cinnabar and on redis-server.
// Never part of `npm test`.
//
//  1. redis-benchmark (-c 50, unpipelined and -P 16) against both servers, alternating, medians of rounds;
//     reports requests/s, restricted/default per server, and cinnabar/redis per user.
//  2. In-process (cinnabar only, no sockets): the engine's processCommand for GET and SET as each user, which
//     isolates the check from network costs.
//
// Options: --rounds N (default 3), --requests N (default 100000; -P 16 uses 10x), --no-build, --quick,
// --in-process-only, --out FILE (default test/bench/results-acl.md; "-" for none).
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
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
const REQUESTS = Number(opt('requests', QUICK ? 20000 : 100000));
const OUT = opt('out', join(ROOT, 'test', 'bench', 'results-acl.md'));
const USER_LINE = 'user bench on >benchpw ~key:* %R~other:* %W~tmp:* resetchannels -@all +get +set +ping +config|get +@connection';

const started = new Set();
const cleanup = () => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}
const log = (s) => process.stderr.write(`${s}\n`);

if (!flag('no-build')) {
  log('building (tsc -p tsconfig.json)...');
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
}

function canListen(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort() {
  for (let i = 0; i < 50; i++) {
    const p = 10000 + Math.floor(Math.random() * 12000);
    if (await canListen(p)) return p;
  }
  throw new Error('no free port');
}

function waitForPort(port, proc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (proc.exitCode !== null) return reject(new Error('server exited'));
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve();
      });
      c.once('error', () => {
        c.destroy();
        if (Date.now() > deadline) reject(new Error('server did not start'));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

async function startServer(kind) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `acl-bench-${kind}-`));
  const conf = join(dir, 'server.conf');
  writeFileSync(conf, `${USER_LINE}\n`);
  const base = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  const proc =
    kind === 'redis'
      ? spawn('redis-server', [conf, ...base, '--appendonly', 'no'], { stdio: 'ignore' })
      : spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), 'server', conf, ...base], { stdio: 'ignore' });
  started.add(proc);
  await waitForPort(port, proc, 15000);
  return {
    kind,
    port,
    stop: () => {
      proc.kill('SIGKILL');
      started.delete(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** redis-benchmark GET,SET as a user; returns { SET: rps, GET: rps }. */
function bench(port, user, extra) {
  const auth = user === 'default' ? [] : ['--user', 'bench', '-a', 'benchpw'];
  const r = spawnSync(
    'redis-benchmark',
    ['-h', '127.0.0.1', '-p', String(port), '-t', 'set,get', '-c', '50', '--csv', ...auth, ...extra],
    { encoding: 'utf8', timeout: 600000 },
  );
  if (r.status !== 0) throw new Error(`redis-benchmark failed: ${r.stderr}`);
  const out = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^"([^"]+)","([\d.]+)"/.exec(line);
    if (m && m[1] !== 'test') out[m[1]] = Number(m[2]);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

async function networkBench() {
  const servers = [await startServer('cinnabar'), await startServer('redis')];
  const configs = [
    { name: 'no pipeline', args: ['-n', String(REQUESTS)] },
    { name: '-P 16', args: ['-n', String(REQUESTS * 10), '-P', '16'] },
  ];
  const res = {}; // res[config][test][kind][user] = [rps]
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const cfg of configs) {
        for (const s of servers) {
          for (const user of ['default', 'bench']) {
            log(`round ${round + 1}/${ROUNDS} ${cfg.name} ${s.kind} as ${user}`);
            const r = bench(s.port, user, cfg.args);
            for (const [test, rps] of Object.entries(r)) {
              ((((res[cfg.name] ??= {})[test] ??= {})[s.kind] ??= {})[user] ??= []).push(rps);
            }
          }
        }
      }
    }
  } finally {
    for (const s of servers) s.stop();
  }
  const rows = [];
  for (const cfg of configs) {
    for (const test of ['SET', 'GET']) {
      const m = (kind, user) => median(res[cfg.name]?.[test]?.[kind]?.[user] ?? [NaN]);
      const cd = m('cinnabar', 'default');
      const cr = m('cinnabar', 'bench');
      const rd = m('redis', 'default');
      const rr = m('redis', 'bench');
      rows.push({
        test: `${test} (${cfg.name})`,
        'cinnabar default': fmt(cd),
        'cinnabar restricted': fmt(cr),
        'cinnabar restricted/default': ratio(cr, cd),
        'redis default': fmt(rd),
        'redis restricted': fmt(rr),
        'redis restricted/default': ratio(rr, rd),
        'cinnabar/redis default': ratio(cd, rd),
        'cinnabar/redis restricted': ratio(cr, rr),
      });
    }
  }
  return rows;
}

/**
 * processCommand in a loop, no sockets: the cost of the check itself. Default and restricted runs alternate
 * in short slices and each pair is compared, so a busy machine slows both sides of a pair alike.
 */
async function inProcessBench() {
  const { createHarness } = await import(join(ROOT, 'dist', 'src', 'server', 'harness.js'));
  const h = createHarness();
  h.run(['acl', 'setuser', ...USER_LINE.split(' ').slice(1)]);
  const restricted = h.newClient();
  h.runAs(restricted, ['auth', 'bench', 'benchpw']);
  const eng = h.server.engine;
  const SLICE = 100000;
  const PAIRS = QUICK ? 10 : 40;
  const timeSlice = (c, argvs) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < SLICE; i++) {
      if ((i & 1023) === 0) eng.beginBatch();
      eng.processCommand(c, argvs[i & 1023]);
    }
    return Number(process.hrtime.bigint() - t0) / SLICE;
  };
  const rows = [];
  for (const cmd of ['GET', 'SET']) {
    const argvs = [];
    for (let i = 0; i < 1024; i++) argvs.push(cmd === 'GET' ? ['GET', `key:${i}`] : ['SET', `key:${i}`, 'xxx']);
    for (let w = 0; w < 5; w++) {
      timeSlice(h.client, argvs);
      timeSlice(restricted, argvs);
    }
    const d = [];
    const r = [];
    const extra = [];
    for (let k = 0; k < PAIRS; k++) {
      const a = timeSlice(h.client, argvs);
      const b = timeSlice(restricted, argvs);
      d.push(a);
      r.push(b);
      extra.push(b - a);
    }
    const md = median(d);
    const mr = median(r);
    rows.push({
      test: cmd,
      'default ns/command': md.toFixed(0),
      'restricted ns/command': mr.toFixed(0),
      'restricted/default throughput': ratio(md, mr),
      'extra ns per command (median of pairs)': median(extra).toFixed(0),
    });
  }
  h.close();
  return rows;
}

const table = (rows) => {
  const cols = Object.keys(rows[0]);
  const lines = [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${cols.map((c) => r[c]).join(' | ')} |`);
  return lines.join('\n');
};

const inproc = await inProcessBench();
const net = flag('in-process-only') ? null : await networkBench();
const report = [
  `# ACL cost (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${ROUNDS} round(s), medians)`,
  '',
  `Restricted user: \`${USER_LINE}\`; the default user is \`on nopass ~* &* +@all\`.`,
  '',
  ...(net ? ['redis-benchmark -c 50 (requests/s):', '', table(net), ''] : []),
  'In-process processCommand (cinnabar, no sockets):',
  '',
  table(inproc),
  '',
].join('\n');
console.log(report);
if (OUT !== '-') writeFileSync(OUT, report);
