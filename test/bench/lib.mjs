// Shared pieces of the benchmark scripts: free ports, starting cinnabar and redis-server side by side
// (stopped on exit, even on Ctrl-C), running redis-benchmark with --csv, and printing ratio tables.
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const log = (s) => process.stderr.write(`${s}\n`);

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

export function build() {
  log('building (tsc -p tsconfig.json)...');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

function canListen(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export async function freePort() {
  for (let i = 0; i < 50; i++) {
    const port = 10000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port');
}

async function waitForPort(port, proc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited early (${proc.exitCode})`);
    const ok = await new Promise((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => {
        c.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts 'cinnabar' or 'redis' on a free loopback port with save points off (in `opts.dir` if given). */
export async function startServer(kind, extra = [], opts = {}) {
  const port = await freePort();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const common = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, ...extra];
  // BENCH_SUBJECT=redis stands a second redis-server in for cinnabar (checks a bench script itself).
  const proc =
    kind === 'redis' || process.env.BENCH_SUBJECT === 'redis'
      ? spawn('redis-server', [...common, ...(extra.includes('--appendonly') ? [] : ['--appendonly', 'no'])], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), 'server', ...common, '--enable-debug-command', 'local'], { stdio: ['ignore', 'ignore', 'pipe'] });
  started.add(proc);
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  try {
    await waitForPort(port, proc, 120_000);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${kind}: ${e.message}\n${err}`);
  }
  return {
    kind,
    port,
    dir,
    proc,
    stop: async ({ keepDir = false } = {}) => {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      }
      started.delete(proc);
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** redis-benchmark with a custom command (args after the flags); returns requests per second. */
export function benchmarkCommand(port, flags, command) {
  const r = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), ...flags, '--csv', ...command], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`redis-benchmark failed (${r.status}): ${r.stderr}`);
  for (const line of r.stdout.split('\n')) {
    const m = /^"([^"]+)","([\d.]+)"/.exec(line);
    if (m && m[1] !== 'test') return Number(m[2]);
  }
  throw new Error(`no result in: ${r.stdout}`);
}

/** One command over a fresh connection: a bulk reply's content, or the text of any other reply. */
export function command(port, args) {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no reply to ${args.join(' ')}`));
    }, 30_000);
    sock.on('connect', () => {
      sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    sock.on('data', (d) => {
      out += d.toString('latin1');
      const m = /^\$(\d+)\r\n/.exec(out);
      if ((m && out.length >= m[0].length + Number(m[1]) + 2) || (!m && out.endsWith('\r\n') && out[0] !== '$')) {
        clearTimeout(timer);
        sock.destroy();
        resolve(m ? out.slice(m[0].length, m[0].length + Number(m[1])) : out.trim());
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
