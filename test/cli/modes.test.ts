// The special modes of `cinnabar cli` against redis-cli, output not a terminal: --scan, --bigkeys,
// --memkeys, --hotkeys, --eval, --pipe, --json, --quoted-json, --quoted-input, -X and their error
// paths. Same server, same arguments and stdin; stdout, stderr and exit status must be identical.
// A case runs against our server only when it implements the commands the mode needs (checked with
// COMMAND INFO); the cases it skips are listed by the test that reports them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../helpers/servers.js';
import { TARGETS, runOurs, runRedisCli, setup, startTarget, supports } from './harness.js';

interface Case {
  name: string;
  args: string[];
  setup?: (string | Buffer)[][];
  stdin?: string | Buffer;
  /** Commands the server must implement for the case to run against it. */
  needs: string[];
  /** Stderr carries random bytes (the --pipe end marker, eaten by a truncated command): compare its first and last lines. */
  stderrEnds?: boolean;
  /** Compare only the first lines of stdout and stderr (the rest depends on random bytes). */
  stdoutFirstLine?: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'cli-modes-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const script = file('keys-args.lua', 'return {KEYS[1], ARGV[1], #KEYS, #ARGV}');
const failing = file('fails.lua', "return redis.call('nosuchcommand')");

const flush: string[][] = [['flushall']];
const mixed: (string | Buffer)[][] = [
  ...flush,
  ['set', 'short', 'v'],
  ['set', 'longer:string', 'x'.repeat(40)],
  ['set', Buffer.from([0x62, 0x00, 0xff]), 'binary key'],
  ['rpush', 'list', 'a', 'b', 'c', 'd'],
  ['hset', 'hash', 'f1', '1', 'f2', '2'],
  ['sadd', 'set', 'm1', 'm2', 'm3'],
  ['zadd', 'zset', '1', 'a'],
  ['xadd', 'stream', '1-1', 'f', 'v'],
  ...Array.from({ length: 30 }, (_, i) => ['set', `user:${i}`, String(i).repeat(i % 7)]),
];
const bigkeysNeeds = ['scan', 'dbsize', 'type', 'strlen', 'llen', 'scard', 'hlen', 'zcard', 'xlen'];
const memkeysNeeds = ['scan', 'dbsize', 'type', 'memory|usage'];
const pipeInput =
  'SET p1 1\r\nINCR p1\r\nNOSUCHCOMMAND\r\n*3\r\n$3\r\nSET\r\n$2\r\np2\r\n$5\r\nhello\r\nset p3 "quoted value"\nget p2\n';

const CASES: Case[] = [
  { name: '--scan', args: ['--scan'], setup: mixed, needs: ['scan'] },
  { name: '--scan --pattern', args: ['--scan', '--pattern', 'user:1*'], setup: mixed, needs: ['scan'] },
  { name: '--scan --quoted-pattern', args: ['--scan', '--quoted-pattern', '"b\\x00*"'], setup: mixed, needs: ['scan'] },
  { name: '--scan on an empty database', args: ['--scan'], setup: flush, needs: ['scan'] },
  { name: '--quoted-pattern that does not parse', args: ['--scan', '--quoted-pattern', '"open'], needs: [] },
  { name: '--bigkeys', args: ['--bigkeys'], setup: mixed, needs: bigkeysNeeds },
  { name: '--bigkeys --pattern', args: ['--bigkeys', '--pattern', 'user:*'], setup: mixed, needs: bigkeysNeeds },
  { name: '--bigkeys on an empty database', args: ['--bigkeys'], setup: flush, needs: bigkeysNeeds },
  { name: '--bigkeys with one key', args: ['--bigkeys'], setup: [...flush, ['set', 'only', 'one']], needs: bigkeysNeeds },
  { name: '--memkeys', args: ['--memkeys'], setup: mixed, needs: memkeysNeeds },
  { name: '--memkeys-samples', args: ['--memkeys-samples', '2'], setup: mixed, needs: memkeysNeeds },
  {
    name: '--hotkeys without an LFU policy',
    args: ['--hotkeys'],
    setup: [['config', 'set', 'maxmemory-policy', 'noeviction'], ...mixed],
    needs: ['scan', 'dbsize', 'object|freq'],
  },
  {
    name: '--hotkeys with allkeys-lfu',
    args: ['--hotkeys'],
    // Keys made under the LFU policy start at counter 5; the first access always takes it to 6 (later
    // ones only with some probability, so there is exactly one).
    // lfu-decay-time 0: counters do not drop when a minute boundary passes during the test.
    setup: [['config', 'set', 'maxmemory-policy', 'allkeys-lfu', 'lfu-decay-time', '0'], ...mixed, ['get', 'short']],
    needs: ['scan', 'dbsize', 'object|freq'],
  },
  { name: '--eval with keys and arguments', args: ['--eval', script, 'k1', 'k2', ',', 'a1', 'a2'], needs: ['eval'] },
  { name: '--eval, comma glued to a word', args: ['--eval', script, 'k1', 'k2,a1'], needs: ['eval'] },
  { name: '--eval, script error', args: ['--eval', failing], needs: ['eval'] },
  { name: '--eval, script error with -e', args: ['-e', '--eval', failing], needs: ['eval'] },
  { name: '--eval, missing file', args: ['--eval', join(dir, 'missing.lua')], needs: [] },
  { name: '--pipe', args: ['--pipe'], stdin: pipeInput, setup: flush, needs: [] },
  { name: '--pipe with no input', args: ['--pipe'], stdin: '', needs: [] },
  {
    name: '--pipe then read back',
    args: ['--pipe'],
    stdin: Array.from({ length: 2000 }, (_, i) => `SET bulk:${i} value:${i}\r\n`).join(''),
    setup: flush,
    needs: [],
  },
  {
    name: '--pipe-timeout with a truncated command',
    args: ['--pipe', '--pipe-timeout', '1'],
    stdin: 'SET a 1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$9\r\n2',
    needs: [],
    stderrEnds: true,
    // The end marker's random bytes complete the truncated command, so how many more errors follow
    // differs from run to run (for redis-cli too): only the first stdout line is compared.
    stdoutFirstLine: true,
  },
  { name: '--json map', args: ['--json', 'hgetall', 'hash'], setup: mixed, needs: [] },
  { name: '--json -2 stays on RESP2', args: ['--json', '-2', 'hgetall', 'hash'], setup: mixed, needs: [] },
  { name: '--json string with escapes', args: ['--json', 'get', 'j'], setup: [['set', 'j', 'é "q" \\ \n\t\x01']], needs: [] },
  { name: '--quoted-json string with escapes', args: ['--quoted-json', 'get', 'j'], setup: [['set', 'j', 'é "q" \\ \n\t\x01']], needs: [] },
  { name: '--json nested arrays', args: ['--json', 'eval', 'return {1,{2,"x"},{}}', '0'], needs: ['eval'] },
  { name: '--json error', args: ['--json', 'nosuchcommand'], needs: [] },
  { name: '--json double', args: ['--json', 'zscore', 'zset', 'a'], setup: mixed, needs: [] },
  { name: '--json resp3 map with integer keys', args: ['--json', 'debug', 'protocol', 'map'], needs: ['debug'] },
  { name: '--json resp3 set and booleans', args: ['--json', 'debug', 'protocol', 'set'], needs: ['debug'] },
  { name: '--quoted-input', args: ['--quoted-input', 'set', '"nul\\x00key"', '"a b"'], needs: [] },
  { name: '--quoted-input reads back', args: ['--quoted-input', 'get', '"nul\\x00key"'], setup: [['set', 'nul\x00key', 'v']], needs: [] },
  { name: '--quoted-input, bad quoting', args: ['--quoted-input', 'get', '"open'], needs: [] },
  { name: '-X replaces the tagged argument', args: ['-X', 'TAG', 'set', 'xk', 'TAG'], stdin: 'from stdin\n', needs: [] },
  { name: '-X with no matching argument', args: ['-X', 'TAG', 'set', 'xk', 'v'], stdin: 'x', needs: [] },
  { name: '--scan with the server down', args: ['-p', '1', '--scan'], needs: [] },
  { name: '--pipe with the server down', args: ['-p', '1', '--pipe'], stdin: 'PING\r\n', needs: [] },
  { name: '--latency with the server down', args: ['-p', '1', '--latency'], needs: [] },
  { name: 'mode option missing its value', args: ['--pipe-timeout'], needs: [] },
  {
    name: '--show-pushes prints invalidations before the next reply',
    args: ['-3', '--show-pushes', 'yes', '--no-raw'],
    stdin: 'client tracking on bcast\nset tk v\nping\nget tk\nset tk w\nping\n',
    needs: ['client|tracking'],
  },
  {
    name: 'pushes are not shown by default off a terminal',
    args: ['-3'],
    stdin: 'client tracking on bcast\nset tk v\nping\n',
    needs: ['client|tracking'],
  },
  { name: '--show-pushes with a bad value warns', args: ['--show-pushes', 'maybe', 'ping'], needs: [] },
  { name: '--askpass from a pipe', args: ['--askpass', 'ping'], stdin: 'wrongpass\n', needs: [] },
  { name: '--askpass then commands from the pipe', args: ['--askpass'], stdin: 'wrongpass\nping\necho hi\n', needs: [] },
  { name: '--askpass ignores -a', args: ['--askpass', '-a', 'other', 'ping'], stdin: 'x\n', needs: [] },
];

const skipped: string[] = [];

/** Spawning a cli costs about half a second of CPU; a few servers let cases overlap. */
const SERVERS_PER_TARGET = 3;

for (const target of TARGETS) {
  describe.concurrent(`cli modes vs redis-cli, ${target} server`, () => {
    // Cases are spread over a few servers; cases on one server take turns (they flush and reuse keys).
    const servers: RunningServer[] = [];
    const turns: Promise<unknown>[] = [];
    const onServer = <T>(i: number, fn: (s: RunningServer) => Promise<T>): Promise<T> => {
      const slot = i % SERVERS_PER_TARGET;
      const run = (turns[slot] ?? Promise.resolve()).then(() => fn(servers[slot]!));
      turns[slot] = run.catch(() => undefined);
      return run;
    };
    const can = new Map<string, boolean>();
    beforeAll(async () => {
      for (let i = 0; i < SERVERS_PER_TARGET; i++) servers.push(await startTarget(target));
      for (const c of CASES) {
        const key = c.needs.join(' ');
        if (!can.has(key)) can.set(key, await supports(servers[0]!.port, c.needs));
      }
    }, 60000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });

    CASES.forEach((c, i) => {
      it(c.name, async () => {
        if (!can.get(c.needs.join(' '))) {
          skipped.push(`${target}: ${c.name} (needs ${c.needs.join(', ')})`);
          return;
        }
        const [expected, actual] = await onServer(i, async (server) => {
          // A port given by the case (a server that is down) wins over the target's.
          const at = c.args.includes('-p') ? [] : ['-p', String(server.port)];
          // After each fresh setup, give redis-server's cron time to finish rehashing the new dict:
          // SCAN order (and so what the scanning modes print) differs while a rehash is under way.
          const settle = () => new Promise((r) => setTimeout(r, 300));
          await setup(server.port, c.setup ?? []);
          await settle();
          const e = await runRedisCli([...at, ...c.args], { stdin: c.stdin });
          await setup(server.port, c.setup ?? []);
          await settle();
          return [e, await runOurs([...at, ...c.args], { stdin: c.stdin })];
        });
        const out = (b: Buffer) => (c.stdoutFirstLine ? b.toString('latin1').split('\n')[0] : b.toString('latin1'));
        expect(out(actual.stdout)).toBe(out(expected.stdout));
        const ends = (b: Buffer) => {
          const lines = b.toString('latin1').split('\n');
          if (c.stdoutFirstLine) return [lines[0]];
          return c.stderrEnds ? [lines[0], lines.length, lines[lines.length - 2]] : lines;
        };
        expect(ends(actual.stderr)).toEqual(ends(expected.stderr));
        expect(actual.code).toBe(expected.code);
      }, 90000);
    });
  });
}

describe('cli modes: what only ours does', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTarget('redis');
  }, 30000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (skipped.length > 0) console.log(`cli modes skipped where the server lacks commands:\n  ${skipped.join('\n  ')}`);
  });
  const at = () => ['-p', String(server.port)];

  it('--latency prints one line after the -i window, in raw and CSV form', async () => {
    const raw = await runOurs([...at(), '--latency', '-i', '0.2']);
    expect(raw.code).toBe(0);
    expect(raw.stdout.toString()).toMatch(/^\d+ \d+ \d+\.\d\d \d+\n$/);
    const csv = await runOurs([...at(), '--latency', '--csv', '-i', '0.2']);
    expect(csv.stdout.toString()).toMatch(/^\d+,\d+,\d+\.\d\d,\d+\n$/);
    const [, , , samples] = raw.stdout.toString().trim().split(' ');
    // One PING per 10 ms or so for 200 ms.
    expect(Number(samples)).toBeGreaterThan(3);
  }, 30000);

  it('--intrinsic-latency runs without a server', async () => {
    const r = await runOurs(['-p', '1', '--intrinsic-latency', '1']);
    expect(r.code).toBe(0);
    const text = r.stdout.toString();
    expect(text).toMatch(/^Max latency so far: \d+ microseconds\.\n/);
    expect(text).toMatch(/\n\n\d+ total runs \(avg latency: \d+\.\d{4} microseconds \/ \d+\.\d\d nanoseconds per run\)\.\nWorst run took \d+x longer than the average latency\.\n$/);
  }, 30000);

  it('--count is passed to SCAN (a Redis 7.2 option)', async () => {
    await setup(server.port, [['flushall'], ...Array.from({ length: 50 }, (_, i) => ['set', `c:${i}`, '1'])]);
    const r = await runOurs([...at(), '--scan', '--count', '1000']);
    expect(r.stdout.toString().trim().split('\n').sort()).toEqual(Array.from({ length: 50 }, (_, i) => `c:${i}`).sort());
    const bad = await runOurs([...at(), '--scan', '--count', '0']);
    expect(bad.stdout.toString()).toBe('ERROR: ERR syntax error\n');
    expect(bad.code).toBe(1);
  }, 30000);

  it('--pipe stores every command it was given', async () => {
    await setup(server.port, [['flushall']]);
    const input = Array.from({ length: 5000 }, (_, i) => `*3\r\n$3\r\nSET\r\n$${`k${i}`.length}\r\nk${i}\r\n$1\r\nv\r\n`).join('');
    const r = await runOurs([...at(), '--pipe'], { stdin: input });
    expect(r.stdout.toString()).toBe(
      'All data transferred. Waiting for the last reply...\nLast reply received from server.\nerrors: 0, replies: 5000\n',
    );
    const size = await runOurs([...at(), 'dbsize']);
    expect(size.stdout.toString()).toBe('5000\n');
  }, 60000);

  for (const [opt, extra] of [
    ['--replica', []],
    ['--rdb', ['dump.rdb']],
    ['--functions-rdb', ['functions.rdb']],
  ] as const) {
    it(`${opt} is refused with a clear message`, async () => {
      const r = await runOurs([...at(), opt, ...extra]);
      expect(r.code).toBe(1);
      expect(r.stdout.toString()).toBe('');
      expect(r.stderr.toString()).toBe(`${opt} needs the replication protocol (SYNC/PSYNC), which Cinnabar does not support yet.\n`);
    }, 30000);
  }

  it('--help lists every mode option', async () => {
    const r = await runOurs(['--help']);
    const text = r.stdout.toString();
    for (const opt of ['--scan', '--pattern', '--quoted-pattern', '--count', '--bigkeys', '--memkeys', '--memkeys-samples',
      '--hotkeys', '--latency', '--latency-history', '--latency-dist', '--intrinsic-latency', '--stat', '--pipe',
      '--pipe-timeout', '--eval', '--csv', '--json', '--quoted-json', '--quoted-input', '--no-auth-warning', '--askpass',
      '-c ', '--tls', '--cacert', '--cert', '--key', '--sni', '--insecure', '--replica', '--rdb', '-X']) {
      expect(text).toContain(opt);
    }
  }, 30000);
});
