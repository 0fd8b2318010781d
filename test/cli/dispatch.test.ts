// bin/run.js: the subcommands that parse their own arguments start without oclif (a one-shot
// `cinnabar cli` is called in loops by shell scripts, as redis-cli is); help and the command list go
// through oclif. Checked with a module-resolution hook that fails any import of @oclif/core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, startCinnabar, type RunningServer } from '../helpers/servers.js';

let server: RunningServer;
let dir: string;
let noOclif: string;

beforeAll(async () => {
  server = await startCinnabar();
  dir = mkdtempSync(join(tmpdir(), 'cinnabar-dispatch-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    "export async function resolve(spec, ctx, next) { if (spec.startsWith('@oclif/')) throw new Error('oclif loaded: ' + spec); return next(spec, ctx); }\n",
  );
  noOclif = join(dir, 'register.mjs');
  writeFileSync(noOclif, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], withoutOclif: boolean, input = '') {
  const pre = withoutOclif ? ['--import', pathToFileURL(noOclif).href] : [];
  const r = spawnSync(process.execPath, [...pre, BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('bin/run.js dispatch', () => {
  it('the hook does fail an oclif import (the check below means something)', () => {
    const r = run(['--help'], true);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('oclif loaded: @oclif/core');
  });

  it('cli one-shot runs without loading oclif', () => {
    const p = String(server.port);
    expect(run(['cli', '-p', p, 'set', 'k', 'v'], true)).toMatchObject({ stdout: 'OK\n', code: 0 });
    expect(run(['cli', '-p', p, '--no-raw', 'get', 'k'], true)).toMatchObject({ stdout: '"v"\n', code: 0 });
  });

  it('cli modes and --eval load their modules on demand', () => {
    const p = String(server.port);
    const script = join(dir, 's.lua');
    writeFileSync(script, "return redis.call('get', KEYS[1])");
    run(['cli', '-p', p, 'set', 'user:1', 'a'], true);
    expect(run(['cli', '-p', p, '--eval', script, 'user:1'], true)).toMatchObject({ stdout: 'a\n', code: 0 });
    const scan = run(['cli', '-p', p, '--scan', '--pattern', 'user:*'], true);
    expect(scan).toMatchObject({ stdout: 'user:1\n', code: 0 });
    const pipe = run(['cli', '-p', p, '--pipe'], true, '*3\r\n$3\r\nSET\r\n$1\r\np\r\n$1\r\n1\r\n');
    expect(pipe.code).toBe(0);
    expect(pipe.stdout).toContain('errors: 0, replies: 1');
  });

  it('the tools keep their exit codes without oclif', () => {
    const missing = run(['rdb-check', join(dir, 'nope.rdb')], true);
    expect(missing.code).toBe(1);
    expect(run(['cli', '--version'], true)).toMatchObject({ code: 0 });
    expect(run(['cli', '--help'], true).stdout).toContain('Usage: cinnabar cli');
  });

  it('help and the command list still go through oclif', () => {
    const r = run(['--help'], false);
    expect(r.code).toBe(0);
    for (const name of ['server', 'cli', 'benchmark', 'rdb-check', 'aof-check']) expect(r.stdout).toContain(name);
  });
});
