// `cinnabar cli CMD ...` against the real redis-cli: same server, same arguments, same stdin, stdout
// not a terminal; stdout, stderr and exit code must be byte-identical. Each case runs against every
// target server that supports it (see TARGETS in harness.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../helpers/servers.js';
import { TARGETS, runOurs, runRedisCli, setup, startTarget } from './harness.js';

interface Case {
  name: string;
  args: string[];
  setup?: (string | Buffer)[][];
  stdin?: string | Buffer;
  /** Also run against our server (it supports the commands involved). */
  basic?: boolean;
}

const bin = Buffer.from([0x00, 0xff, 0x0a, 0x22, 0x5c, 0x41, 0x07, 0x08, 0x09, 0x0d]);

const CASES: Case[] = [
  { name: 'status reply', args: ['ping'], basic: true },
  { name: 'status reply, formatted', args: ['--no-raw', 'ping'], basic: true },
  { name: 'set', args: ['set', 'k', 'v'], basic: true },
  { name: 'bulk reply', args: ['get', 'k'], setup: [['set', 'k', 'hello world']], basic: true },
  { name: 'bulk reply, formatted', args: ['--no-raw', 'get', 'k'], setup: [['set', 'k', 'hello world']], basic: true },
  { name: 'nil', args: ['get', 'missing'], setup: [['del', 'missing']], basic: true },
  { name: 'nil, formatted', args: ['--no-raw', 'get', 'missing'], setup: [['del', 'missing']], basic: true },
  { name: 'integer', args: ['incr', 'n'], setup: [['set', 'n', '41']], basic: true },
  { name: 'integer, formatted', args: ['--no-raw', 'incr', 'n'], setup: [['set', 'n', '41']], basic: true },
  { name: 'del', args: ['del', 'a', 'b'], setup: [['set', 'a', '1'], ['set', 'b', '2']], basic: true },
  { name: 'error reply', args: ['nosuchcommand', 'x'], basic: true },
  { name: 'error reply, formatted', args: ['--no-raw', 'nosuchcommand'], basic: true },
  { name: 'arity error', args: ['get'], basic: true },
  { name: 'error with -e goes to stderr, exit 1', args: ['-e', 'nosuchcommand', 'x'], basic: true },
  { name: '-e with a normal reply', args: ['-e', 'ping'], basic: true },
  { name: '-r repeats', args: ['-r', '3', 'incr', 'r'], setup: [['del', 'r']], basic: true },
  { name: '-r with -i', args: ['-r', '2', '-i', '0.05', 'ping'], basic: true },
  { name: '-e -r stops at the first error', args: ['-e', '-r', '3', 'nosuchcommand'], basic: true },
  { name: '-x reads the last argument from stdin', args: ['-x', 'set', 'k'], stdin: 'line one\nline two\n', basic: true },
  { name: '-x with binary stdin', args: ['-x', 'set', 'k'], stdin: bin, basic: true },
  { name: 'binary value, raw', args: ['get', 'b'], setup: [['set', 'b', bin]], basic: true },
  { name: 'binary value, formatted', args: ['--no-raw', 'get', 'b'], setup: [['set', 'b', bin]], basic: true },
  { name: 'utf-8 value, formatted', args: ['--no-raw', 'get', 'u'], setup: [['set', 'u', 'café ✓']], basic: true },
  { name: 'utf-8 argument', args: ['set', 'ключ', 'значение'], basic: true },
  { name: '-n selects a database', args: ['-n', '2', 'get', 'k'], basic: true },
  { name: 'select', args: ['select', '3'], basic: true },
  { name: 'select out of range', args: ['select', '99'], basic: true },
  { name: '-n out of range warns and goes on', args: ['-n', '99', 'ping'], basic: true },
  { name: 'array', args: ['lrange', 'l', '0', '-1'], setup: [['del', 'l'], ['rpush', 'l', 'a', 'b c', '']] },
  { name: 'array, formatted', args: ['--no-raw', 'lrange', 'l', '0', '-1'], setup: [['del', 'l'], ['rpush', 'l', 'a', 'b c', '']] },
  { name: 'empty array, formatted', args: ['--no-raw', 'lrange', 'nol', '0', '-1'], setup: [['del', 'nol']] },
  { name: 'empty array, raw', args: ['lrange', 'nol', '0', '-1'], setup: [['del', 'nol']] },
  {
    name: 'array with nils, formatted',
    args: ['--no-raw', 'mget', 'x1', 'x2', 'x3'],
    setup: [['del', 'x1', 'x2', 'x3'], ['set', 'x2', 'two']],
    basic: true,
  },
  { name: 'array with nils, raw', args: ['mget', 'x1', 'x2', 'x3'], setup: [['del', 'x1', 'x2', 'x3'], ['set', 'x2', 'two']], basic: true },
  {
    name: 'nested arrays, formatted',
    args: ['--no-raw', 'eval', 'return {1,{2,{3,4}},"x",{},{5,6,7,8,9,10,11,12,13,14,15}}', '0'],
  },
  { name: 'nested arrays, raw', args: ['eval', 'return {1,{2,{3,4}},"x",{}}', '0'] },
  { name: 'wide array indexes, formatted', args: ['--no-raw', 'lrange', 'w', '0', '-1'], setup: [['del', 'w'], ['rpush', 'w', ...'abcdefghijkl'.split('')]] },
  { name: '-d sets the element delimiter', args: ['-d', ',', 'lrange', 'l', '0', '-1'], setup: [['del', 'l'], ['rpush', 'l', 'a', 'b']] },
  { name: '-D sets the reply delimiter', args: ['-D', 'X', '-r', '2', 'ping'], basic: true },
  { name: 'csv array', args: ['--csv', 'lrange', 'l', '0', '-1'], setup: [['del', 'l'], ['rpush', 'l', 'a', 'b"c']] },
  { name: 'csv error', args: ['--csv', 'nosuchcommand'] },
  { name: 'csv nil', args: ['--csv', 'get', 'missing'], setup: [['del', 'missing']] },
  { name: 'resp3 map, formatted', args: ['-3', '--no-raw', 'hgetall', 'h'], setup: [['del', 'h'], ['hset', 'h', 'f1', 'v1', 'f2', 'v2']] },
  { name: 'resp3 map, raw', args: ['-3', 'hgetall', 'h'], setup: [['del', 'h'], ['hset', 'h', 'f1', 'v1', 'f2', 'v2']] },
  { name: 'resp3 empty map', args: ['-3', '--no-raw', 'hgetall', 'noh'], setup: [['del', 'noh']] },
  { name: 'resp3 set, formatted', args: ['-3', '--no-raw', 'smembers', 's'], setup: [['del', 's'], ['sadd', 's', 'm']] },
  { name: 'resp3 empty set', args: ['-3', '--no-raw', 'smembers', 'nos'], setup: [['del', 'nos']] },
  { name: 'resp3 double, formatted', args: ['-3', '--no-raw', 'zscore', 'z', 'a'], setup: [['del', 'z'], ['zadd', 'z', '1.5', 'a']] },
  {
    name: 'resp3 nested doubles, formatted',
    args: ['-3', '--no-raw', 'zrange', 'z', '0', '-1', 'withscores'],
    setup: [['del', 'z'], ['zadd', 'z', '1.5', 'a', '2', 'b']],
  },
  ...['verbatim', 'double', 'map', 'set', 'true', 'false', 'null'].flatMap((t) => [
    { name: `debug protocol ${t}, resp3 formatted`, args: ['-3', '--no-raw', 'debug', 'protocol', t] },
    { name: `debug protocol ${t}, resp3 raw`, args: ['-3', 'debug', 'protocol', t] },
    { name: `debug protocol ${t}, resp3 csv`, args: ['-3', '--csv', 'debug', 'protocol', t] },
    { name: `debug protocol ${t}, resp2 formatted`, args: ['--no-raw', 'debug', 'protocol', t] },
  ]),
  { name: 'resp2 attribute drops the attribute', args: ['--no-raw', 'debug', 'protocol', 'attrib'] },
  { name: 'help for a command', args: ['help', 'set'] },
  { name: 'help for a container command', args: ['help', 'config'] },
  { name: 'help for a subcommand', args: ['help', 'client', 'kill'] },
  { name: 'help for a group', args: ['help', '@hyperloglog'] },
  { name: 'help for an unknown group', args: ['help', '@nosuchgroup'] },
  { name: 'help for an unknown command', args: ['help', 'nosuchcommand'] },
  { name: 'wrong password', args: ['-a', 'wrong', 'ping'], basic: true },
  { name: 'wrong user and password', args: ['--user', 'bob', '--pass', 'x', 'ping'] },
  { name: 'password warning can be silenced', args: ['--no-auth-warning', '-a', 'wrong', 'ping'], basic: true },
];

/** Options that point a cli at the server; `-u` cases put the port in the URL instead. */
const at = (s: RunningServer) => ['-p', String(s.port)];

/** Spawning a cli costs about half a second of CPU, so cases are spread over a few servers and run in parallel. */
const SERVERS_PER_TARGET = 3;

for (const target of TARGETS) {
  describe.concurrent(`cli one-shot vs redis-cli, ${target} server`, () => {
    const servers: RunningServer[] = [];
    // Cases sharing a server take turns: they use the same key names.
    const turns: Promise<unknown>[] = [];
    const onServer = <T>(i: number, fn: (s: RunningServer) => Promise<T>): Promise<T> => {
      const slot = i % SERVERS_PER_TARGET;
      const run = (turns[slot] ?? Promise.resolve()).then(() => fn(servers[slot]!));
      turns[slot] = run.catch(() => undefined);
      return run;
    };
    beforeAll(async () => {
      for (let i = 0; i < SERVERS_PER_TARGET; i++) servers.push(await startTarget(target));
    }, 60000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });

    const cases = target === 'redis' ? CASES : CASES.filter((c) => c.basic);
    cases.forEach((c, i) => {
      it(c.name, async () => {
        const [expected, actual] = await onServer(i, async (server) => {
          await setup(server.port, c.setup ?? []);
          const e = await runRedisCli([...at(server), ...c.args], { stdin: c.stdin });
          await setup(server.port, c.setup ?? []);
          const a = await runOurs([...at(server), ...c.args], { stdin: c.stdin });
          return [e, a];
        });
        // redis-cli writes help with colour escapes even into a pipe; ours only on a terminal.
        const strip = (b: Buffer) => {
          const t = b.toString('latin1');
          return c.args[0] === 'help' ? t.replace(/\x1b\[[0-9;]*m/g, '') : t;
        };
        expect(strip(actual.stdout)).toBe(strip(expected.stdout));
        expect(actual.stderr.toString('latin1')).toBe(expected.stderr.toString('latin1'));
        expect(actual.code).toBe(expected.code);
      }, 120000);
    });

    it('-x value is stored byte for byte', async () => {
      const got = await onServer(0, async (server) => {
        await runOurs([...at(server), '-x', 'set', 'xb'], { stdin: bin });
        return runOurs([...at(server), 'get', 'xb']);
      });
      expect(got.stdout.equals(Buffer.concat([bin, Buffer.from('\n')]))).toBe(true);
    }, 120000);

    it('-u URL with a database', async () => {
      const [expected, actual] = await onServer(1, async (server) => {
        await setup(server.port, [['select', '4'], ['set', 'urlkey', 'in-db-4']]);
        const url = `redis://127.0.0.1:${server.port}/4`;
        return [await runRedisCli(['-u', url, 'get', 'urlkey']), await runOurs(['-u', url, 'get', 'urlkey'])];
      });
      expect(actual.stdout.toString()).toBe(expected.stdout.toString());
      expect(actual.stdout.toString()).toBe('in-db-4\n');
    }, 120000);
  });
}

describe.concurrent('cli one-shot without a server', () => {
  const cases: Array<{ name: string; args: string[] }> = [
    { name: 'connection refused', args: ['-p', '1', 'ping'] },
    { name: 'missing unix socket', args: ['-s', '/nonexistent/cinnabar.sock', 'ping'] },
    { name: 'unknown option', args: ['--nosuchoption', 'ping'] },
    { name: 'option missing its value', args: ['-p'] },
    { name: 'help works offline', args: ['-p', '1', 'help', 'get'] },
    { name: 'help for a group offline', args: ['-p', '1', 'help', '@hyperloglog'] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const expected = await runRedisCli(c.args);
      const actual = await runOurs(c.args);
      const strip = (b: Buffer) => b.toString('latin1').replace(/\x1b\[[0-9;]*m/g, '');
      expect(strip(actual.stdout)).toBe(strip(expected.stdout));
      expect(actual.stderr.toString()).toBe(expected.stderr.toString());
      expect(actual.code).toBe(expected.code);
    }, 30000);
  }

  it('-v prints the version', async () => {
    const r = await runOurs(['-v']);
    expect(r.stdout.toString()).toMatch(/^cinnabar cli \d+\.\d+\.\d+\n$/);
    expect(r.code).toBe(0);
  }, 30000);
});

describe('cli over a unix socket', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-sock-'));
    server = await startTarget('redis', ['--unixsocket', join(dir, 'r.sock')]);
  }, 30000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs commands with -s like redis-cli', async () => {
    const sock = join(dir, 'r.sock');
    for (const args of [['ping'], ['set', 'sk', 'sv'], ['--no-raw', 'get', 'sk']]) {
      const expected = await runRedisCli(['-s', sock, ...args]);
      const actual = await runOurs(['-s', sock, ...args]);
      expect(actual.stdout.toString()).toBe(expected.stdout.toString());
      expect(actual.stderr.toString()).toBe(expected.stderr.toString());
      expect(actual.code).toBe(expected.code);
    }
  }, 30000);
});
