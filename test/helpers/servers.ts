// Starts real servers for tests on free loopback ports: our `cinnabar server` (built JS in dist/) and
// the reference redis-server. Every started server is stopped by PID, also when a test fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'run.js');

export interface RunningServer {
  kind: 'cinnabar' | 'redis';
  port: number;
  host: string;
  dir: string;
  proc: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<RunningServer>();
process.on('exit', () => {
  for (const s of running) s.proc.kill('SIGKILL');
});

/** A free TCP port below the ephemeral range (so cluster bus ports +10000 stay valid too). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
  }
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function waitForPort(port: number, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        reject(new Error(`server exited early (${proc.exitCode ?? proc.signalCode})`));
        return;
      }
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve();
      });
      c.once('error', () => {
        c.destroy();
        if (Date.now() > deadline) reject(new Error(`server on port ${port} did not start`));
        else setTimeout(tryOnce, 50);
      });
    };
    tryOnce();
  });
}

/** A config file path (a first argument not starting with --) must come before any --directive. */
function configFirst(extra: string[], base: string[]): string[] {
  if (extra.length > 0 && !extra[0].startsWith('--')) return [extra[0], ...base, ...extra.slice(1)];
  return [...base, ...extra];
}

async function start(kind: 'cinnabar' | 'redis', extraArgs: string[], port?: number): Promise<RunningServer> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), `${kind}-test-`));
  const args =
    kind === 'redis'
      ? configFirst(extraArgs, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir])
      : [BIN, 'server', ...configFirst(extraArgs, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir])];
  const proc = spawn(kind === 'redis' ? 'redis-server' : process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const server: RunningServer = {
    kind,
    port,
    host: '127.0.0.1',
    dir,
    proc,
    output: () => out,
    stop: async () => {
      running.delete(server);
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(server);
  try {
    await waitForPort(port, proc, 30000);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n${out}`);
  }
  return server;
}

/** Starts `cinnabar server` (needs `npm run build` first; `npm test` does it). */
export function startCinnabar(args: string[] = [], port?: number): Promise<RunningServer> {
  return start('cinnabar', args, port);
}

/** Starts the reference redis-server from Debian's package. */
export function startRedis(args: string[] = [], port?: number): Promise<RunningServer> {
  return start('redis', args, port);
}
