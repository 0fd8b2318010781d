// Terminal rendering: runs redis-cli and `cinnabar cli` under `script` (so stdout is a pseudo-terminal)
// with the same arguments against the same server, and compares what each wrote.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type RunningServer } from '../helpers/servers.js';
import { setup, startTarget } from './harness.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a command line under a pseudo-terminal; returns its output with the terminal's CRLF turned back into LF. */
function underTty(argv: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('script', ['-qec', argv.map(shellQuote).join(' '), '/dev/null'], {
    encoding: 'latin1',
    env: { ...process.env, NO_COLOR: undefined, ...env } as NodeJS.ProcessEnv,
    timeout: 30000,
  });
  return r.stdout.replace(/\r\n/g, '\n');
}

const CASES: Array<{ name: string; args: string[]; setup?: string[][] }> = [
  { name: 'status', args: ['ping'] },
  { name: 'integer', args: ['incr', 't:n'], setup: [['set', 't:n', '9']] },
  { name: 'nil', args: ['get', 't:none'] },
  { name: 'error', args: ['nosuchcommand', 'a'] },
  { name: 'quoted binary', args: ['get', 't:bin'], setup: [['set', 't:bin', 'a"b\\\n\t\x01é']] },
  { name: 'array', args: ['lrange', 't:l', '0', '-1'], setup: [['del', 't:l'], ['rpush', 't:l', 'a', 'b', 'c']] },
  { name: 'empty array', args: ['lrange', 't:nol', '0', '-1'] },
  { name: 'nested arrays', args: ['eval', 'return {1,{2,{3,{}}},"x"}', '0'] },
  { name: 'resp3 map', args: ['-3', 'hgetall', 't:h'], setup: [['del', 't:h'], ['hset', 't:h', 'a', '1', 'b', '2']] },
  { name: 'resp3 map of maps', args: ['-3', 'command', 'docs', 'get'] },
  { name: 'resp3 set', args: ['-3', 'smembers', 't:s'], setup: [['del', 't:s'], ['sadd', 't:s', 'x']] },
  { name: 'resp3 double', args: ['-3', 'debug', 'protocol', 'double'] },
  { name: 'resp3 booleans', args: ['-3', 'debug', 'protocol', 'map'] },
  { name: 'resp3 verbatim', args: ['-3', 'debug', 'protocol', 'verbatim'] },
  { name: 'info is printed as is', args: ['info', 'keyspace'], setup: [['set', 't:k', '1']] },
  { name: 'help with colours', args: ['help', 'get'] },
];

describe.runIf(hasScript)('cli on a terminal vs redis-cli', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTarget('redis');
  }, 30000);
  afterAll(async () => {
    await server?.stop();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      await setup(server.port, c.setup ?? []);
      const expected = underTty(['redis-cli', '-p', String(server.port), ...c.args]);
      await setup(server.port, c.setup ?? []);
      const actual = underTty([process.execPath, BIN, 'cli', '-p', String(server.port), ...c.args]);
      expect(actual).toBe(expected);
    }, 60000);
  }

  it('NO_COLOR turns help colours off', async () => {
    const out = underTty([process.execPath, BIN, 'cli', '-p', String(server.port), 'help', 'get'], { NO_COLOR: '1' });
    expect(out).toContain('  GET key\r\n  summary: Get the value of a key');
    expect(out).not.toContain('\x1b[');
  }, 60000);
});
