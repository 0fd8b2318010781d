// Runs `cinnabar cli` (built, in dist/) and the real redis-cli side by side with the same arguments and
// stdin, so a test can compare their bytes. Servers come from test/helpers/servers.ts.
import { spawn } from 'node:child_process';
import { BIN, startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { connect } from '../../src/client/client.js';

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  code: number | null;
}

export interface RunOptions {
  stdin?: string | Buffer;
  env?: Record<string, string>;
  timeoutMs?: number;
}

function runProcess(cmd: string, args: string[], o: RunOptions = {}): Promise<RunResult> {
  const { NO_COLOR: _unused, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...inherited, ...o.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    proc.stdout.on('data', (d: Buffer) => out.push(d));
    proc.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), o.timeoutMs ?? 90000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code });
    });
    proc.stdin.on('error', () => {});
    proc.stdin.end(o.stdin ?? '');
  });
}

/** Our cli, from the build in dist/. */
export function runOurs(args: string[], o: RunOptions = {}): Promise<RunResult> {
  return runProcess(process.execPath, [BIN, 'cli', ...args], o);
}

export function runRedisCli(args: string[], o: RunOptions = {}): Promise<RunResult> {
  return runProcess('redis-cli', args, o);
}

export type Target = 'redis' | 'cinnabar';

/**
 * Servers to run the shared cases against. The real redis-server always; ours too, for the cases it
 * already supports, unless CLI_TEST_TARGETS narrows the list (e.g. CLI_TEST_TARGETS=redis).
 */
export const TARGETS: Target[] = ((process.env.CLI_TEST_TARGETS ?? 'redis,cinnabar').split(',') as Target[]).filter(
  (t) => t === 'redis' || t === 'cinnabar',
);

export function startTarget(target: Target, extra: string[] = []): Promise<RunningServer> {
  return target === 'redis'
    ? startRedis(['--enable-debug-command', 'yes', ...extra])
    : startCinnabar(extra);
}

/** Runs setup commands through the client library (fast, no process per command). */
export async function setup(port: number, commands: (string | Buffer)[][]): Promise<void> {
  if (commands.length === 0) return;
  const c = await connect({ port });
  try {
    for (const r of await c.pipeline(commands)) {
      if (r.type === 'error') throw new Error(`setup failed: ${r.value}`);
    }
  } finally {
    await c.close();
  }
}

/** redis-cli always writes help with colour escapes; ours only on a terminal. */
export function stripAnsi(b: Buffer): string {
  return b.toString('latin1').replace(/\x1b\[[0-9;]*m/g, '');
}

/** The server implements every listed command ("memory|usage" for a subcommand): COMMAND INFO knows it. */
export async function supports(port: number, commands: string[]): Promise<boolean> {
  if (commands.length === 0) return true;
  const c = await connect({ port });
  try {
    const r = await c.call(['COMMAND', 'INFO', ...commands]);
    return r.type === 'array' && r.items.length === commands.length && r.items.every((i) => i.type === 'array');
  } finally {
    await c.close();
  }
}
