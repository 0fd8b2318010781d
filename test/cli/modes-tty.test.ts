// The modes on a terminal (under `script`) and --stat: redis-cli's text must be there byte for byte;
// ours may add to it on a terminal (a per-type table after --bigkeys), since people read these.
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type RunningServer } from '../helpers/servers.js';
import { TARGETS, setup, startTarget, supports } from './harness.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a command line under a pseudo-terminal (stopped after `seconds` when given); CRLF back to LF. */
function underTty(argv: string[], seconds?: number): string {
  const line = (seconds ? ['timeout', '-s', 'INT', String(seconds)] : []).concat(argv).map(shellQuote).join(' ');
  const r = spawnSync('script', ['-qec', line, '/dev/null'], {
    encoding: 'latin1',
    env: { ...process.env, NO_COLOR: undefined } as NodeJS.ProcessEnv,
    timeout: 60000,
  });
  return r.stdout.replace(/\r\n/g, '\n');
}

const ours = (port: number, ...args: string[]) => [process.execPath, BIN, 'cli', '-p', String(port), ...args];
const theirs = (port: number, ...args: string[]) => ['redis-cli', '-p', String(port), ...args];
const keys: (string | Buffer)[][] = [
  ['flushall'],
  ['set', 'str', 'hello'],
  ['set', 'quote"key', 'x'],
  ['rpush', 'list', 'a', 'b', 'c'],
  ['hset', 'hash', 'f', 'v'],
  ['sadd', 'set', 'm'],
  ['zadd', 'zset', '1', 'a'],
];

/** Reads --stat output (not a terminal) until `lines` lines arrived, then stops the process. */
function statLines(cmd: string, args: string[], lines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      if (out.split('\n').length > lines) proc.kill('SIGTERM');
    });
    proc.on('error', reject);
    proc.on('close', () => {
      clearTimeout(timer);
      resolve(out.split('\n').slice(0, lines));
    });
  });
}

/** Lets redis-server's cron finish rehashing the fresh dict: SCAN order changes while a rehash runs. */
const settle = () => new Promise((r) => setTimeout(r, 300));

for (const target of TARGETS) {
  describe.runIf(hasScript)(`modes on a terminal, ${target} server`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTarget(target);
    }, 30000);
    afterAll(async () => {
      await server?.stop();
    });

    it('--scan quotes keys on a terminal', async () => {
      if (!(await supports(server.port, ['scan']))) return;
      await setup(server.port, keys);
      await settle();
      const expected = underTty(theirs(server.port, '--scan'));
      expect(underTty(ours(server.port, '--scan'))).toBe(expected);
      expect(expected).toContain('"quote\\"key"\n');
    }, 60000);

    it('--bigkeys: redis-cli\'s report, then a table of the types found', async () => {
      if (!(await supports(server.port, ['scan', 'type', 'strlen', 'llen', 'scard', 'hlen', 'zcard', 'xlen']))) return;
      await setup(server.port, keys);
      await settle();
      const expected = underTty(theirs(server.port, '--bigkeys'));
      const actual = underTty(ours(server.port, '--bigkeys'));
      expect(actual.startsWith(expected)).toBe(true);
      const table = Buffer.from(actual.slice(expected.length), 'latin1').toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
      expect(table).toMatch(/type\s*│\s*keys\s*│\s*% of keys/);
      expect(table).toMatch(/│ list\s*│\s*1 │\s*16\.67% │\s*3 items │\s*3\.00 │ "list"\s*│\s*3 items │/);
    }, 60000);

    it('--json on a terminal prints the same JSON', async () => {
      await setup(server.port, keys);
      await settle();
      expect(underTty(ours(server.port, '--json', 'lrange', 'list', '0', '-1'))).toBe(
        underTty(theirs(server.port, '--json', 'lrange', 'list', '0', '-1')),
      );
    }, 60000);

    it('--latency on a terminal redraws one line in place', async () => {
      const text = underTty(ours(server.port, '--latency'), 5);
      const updates = text.split('\x1b[0G\x1b[2K').filter((u) => u !== '');
      expect(updates.length).toBeGreaterThan(2);
      for (const u of updates.slice(0, -1)) expect(u).toMatch(/^min: \d+, max: \d+, avg: \d+\.\d\d \(\d+ samples\)$/);
      // redis-cli draws the same way.
      const theirsText = underTty(theirs(server.port, '--latency'), 5);
      expect(theirsText.split('\x1b[0G\x1b[2K')[1]).toMatch(/^min: \d+, max: \d+, avg: \d+\.\d\d \(\d+ samples\)$/);
    }, 60000);

    it('--latency-history: one line per interval', async () => {
      const text = underTty(ours(server.port, '--latency-history', '-i', '0.3'), 5);
      const ranges = text.match(/ -- \d+\.\d\d seconds range\n/g) ?? [];
      expect(ranges.length).toBeGreaterThanOrEqual(2);
    }, 60000);

    it('--latency-dist draws the legend and a spectrum line', async () => {
      const text = underTty(ours(server.port, '--latency-dist', '-i', '0.3'), 5);
      expect(text).toContain('. - * #          .01 .125 .25 .5 milliseconds\n');
      expect(text).toMatch(/\x1b\[38;5;0m(\x1b\[48;5;\d+m[.\-*#1-9A-Q?]){31}\x1b\[0m\n/);
    }, 60000);

    it('--stat: same header and columns as redis-cli', async () => {
      await setup(server.port, keys);
      await settle();
      const a = await statLines(process.execPath, [BIN, 'cli', '-p', String(server.port), '--stat', '-i', '0.2'], 4);
      const e = await statLines('redis-cli', ['-p', String(server.port), '--stat', '-i', '0.2'], 4);
      expect(a.slice(0, 2)).toEqual(e.slice(0, 2));
      const row = /^(\d+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+) \(\+(\d+)\)\s+(\d+)\s*$/;
      for (const line of a.slice(2)) expect(line).toMatch(row);
      // Column positions agree: keys (11 wide), memory (8), clients and blocked (8 each), requests (19).
      const cols = (l: string) => [l.slice(0, 11).trim(), l.slice(20, 28).trim(), l.slice(28, 36).trim()];
      expect(cols(a[2]!)[0]).toBe(cols(e[2]!)[0]);
      expect(a[2]!.length).toBe(e[2]!.length);
      // The second line counts the requests made since the first: at least the INFO itself.
      expect(Number(row.exec(a[3]!)![6])).toBeGreaterThanOrEqual(1);
    }, 60000);
  });
}
