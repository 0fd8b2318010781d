// The append-only file with real processes and real files: Redis 7's multi-part layout read and written
// both ways between cinnabar and redis-server (same DEBUG DIGEST), kill -9 under `appendfsync always`
// losing no acknowledged write, a truncated tail loaded or refused per aof-load-truncated, BGREWRITEAOF
// compacting while writes continue, and CONFIG SET appendonly yes at run time.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Resolves when the server process has exited (also when it already has). */
function exited(s: RunningServer): Promise<unknown> {
  return new Promise((res) => (s.proc.exitCode === null && s.proc.signalCode === null ? s.proc.once('exit', res) : res(null)));
}

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cinnabar-aof-'));
  dirs.push(d);
  return d;
}

async function run(kind: 'cinnabar' | 'redis', dir: string, extra: string[] = []): Promise<RunningServer> {
  const args = ['--dir', dir, '--appendonly', 'yes', '--enable-debug-command', 'yes', ...extra];
  const s = kind === 'cinnabar' ? await startCinnabar(args) : await startRedis(args);
  servers.push(s);
  return s;
}

/** One command; while the server is still loading its files (-LOADING), asks again. */
async function cmd(s: RunningServer, argv: string[]): Promise<string> {
  const c = await RespConnection.open(s.port);
  try {
    for (let tries = 0; ; tries++) {
      const r = (await c.call(argv, 20_000)).toString('latin1');
      if (!r.startsWith('-LOADING') || tries > 400) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    c.close();
  }
}

async function writeMix(s: RunningServer, tag: string): Promise<void> {
  const c = await RespConnection.open(s.port);
  try {
    const steps: string[][] = [
      ['SET', `${tag}:s`, 'v', 'EX', '5000'],
      ['RPUSH', `${tag}:l`, 'a', 'b', 'c'],
      ['LPOP', `${tag}:l`],
      ['HSET', `${tag}:h`, 'f', '1', 'g', '2'],
      ['HINCRBY', `${tag}:h`, 'f', '41'],
      ['ZADD', `${tag}:z`, '1.5', 'x', '2.5', 'y'],
      ['SADD', `${tag}:set`, 'a', 'b', 'c'],
      ['SPOP', `${tag}:set`],
      ['SELECT', '4'],
      ['INCRBY', `${tag}:n`, '10'],
      ['SELECT', '0'],
      ['EVAL', "redis.call('set', KEYS[1], '1') return redis.call('incr', KEYS[1])", '1', `${tag}:script`],
      ['MULTI'],
      ['SET', `${tag}:m1`, '1'],
      ['SET', `${tag}:m2`, '2'],
      ['EXEC'],
      ['SET', `${tag}:gone`, 'x'],
      ['DEL', `${tag}:gone`],
      ['XADD', `${tag}:x`, '5-1', 'f', 'v'],
    ];
    for (const s of steps) await c.call(s);
  } finally {
    c.close();
  }
}

describe('AOF between cinnabar and redis-server', () => {
  it('each loads the appendonlydir the other wrote, with the same digest', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir);
    await writeMix(a, 'one');
    expect(await cmd(a, ['BGREWRITEAOF'])).toBe('+Background append only file rewriting started\r\n');
    for (let i = 0; i < 50 && /aof_rewrite_in_progress:1/.test(await cmd(a, ['INFO', 'persistence'])); i++) await new Promise((r) => setTimeout(r, 100));
    await writeMix(a, 'two');
    const digest = await cmd(a, ['DEBUG', 'DIGEST']);
    await cmd(a, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(a);
    expect(existsSync(join(dir, 'dump.rdb'))).toBe(false);

    const r = await run('redis', dir);
    expect(await cmd(r, ['DEBUG', 'DIGEST'])).toBe(digest);
    await writeMix(r, 'three');
    const digest2 = await cmd(r, ['DEBUG', 'DIGEST']);
    // Not kill -9: under appendfsync everysec redis-server may postpone its AOF write while an fsync is
    // slow (up to two seconds) after replying; SHUTDOWN writes and fsyncs what is pending.
    await cmd(r, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(r);

    const b = await run('cinnabar', dir);
    expect(await cmd(b, ['DEBUG', 'DIGEST'])).toBe(digest2);
    expect(await cmd(b, ['HGET', 'three:h', 'f'])).toBe('$2\r\n42\r\n');
  }, 90_000);
});

describe('aof-use-rdb-preamble no', () => {
  /**
   * Every type, batches past 64 elements, TTLs, another database, streams with groups and an empty one.
   * Scores print alike with %.17g and shortest form: the digest of a sorted set holding 0.1 differs
   * between Redis 7.0 (%.17g) and 7.2 (shortest), which Cinnabar follows.
   */
  async function fillAll(s: RunningServer): Promise<void> {
    const c = await RespConnection.open(s.port);
    try {
      const steps: string[][] = [
        ['SET', 'str', 'value'],
        ['SET', 'ttl', 'v', 'PX', '5000000'],
        ['RPUSH', 'list', ...Array.from({ length: 150 }, (_, i) => `e${i}`)],
        ['SADD', 'set', ...Array.from({ length: 140 }, (_, i) => `m${i}`)],
        ['SADD', 'intset', '1', '2', '3'],
        ['HSET', 'hash', ...Array.from({ length: 130 }, (_, i) => [`f${i}`, `v${i}`]).flat()],
        ['ZADD', 'zset', 'inf', 'top', '-inf', 'bottom', '0.5', 'half', '1e-300', 'tiny', ...Array.from({ length: 100 }, (_, i) => [String(i * 1.25), `z${i}`]).flat()],
        ['PEXPIRE', 'zset', '9000000'],
        ['XADD', 'stream', '1-1', 'a', '1'],
        ['XADD', 'stream', '2-1', 'b', '2', 'c', '3'],
        ['XADD', 'stream', '3-1', 'a', '4'],
        ['XADD', 'stream', '4-1', 'a', '5'],
        ['XDEL', 'stream', '3-1'],
        ['XGROUP', 'CREATE', 'stream', 'g1', '0'],
        ['XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '2', 'STREAMS', 'stream', '>'],
        ['XREADGROUP', 'GROUP', 'g1', 'bob', 'COUNT', '1', 'STREAMS', 'stream', '>'],
        ['XGROUP', 'CREATECONSUMER', 'stream', 'g1', 'carol'],
        ['XGROUP', 'CREATE', 'stream', 'g2', '$'],
        ['XADD', 'empty', '7-7', 'f', 'v'],
        ['XDEL', 'empty', '7-7'],
        ['SELECT', '3'],
        ['SET', 'in3', 'x'],
        ['RPUSH', 'l3', 'a'],
        ['SELECT', '0'],
        ['FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('f', function() return 1 end)"],
      ];
      for (const st of steps) {
        const r = (await c.call(st)).toString('latin1');
        expect(r.startsWith('-'), `${st.join(' ')}: ${r}`).toBe(false);
      }
    } finally {
      c.close();
    }
  }

  async function rewrite(s: RunningServer): Promise<void> {
    expect(await cmd(s, ['BGREWRITEAOF'])).toBe('+Background append only file rewriting started\r\n');
    for (let i = 0; i < 100 && /aof_rewrite_in_progress:1/.test(await cmd(s, ['INFO', 'persistence'])); i++) await new Promise((r) => setTimeout(r, 100));
  }

  /** The base file the manifest names, and its bytes. */
  function base(dir: string): { name: string; bytes: Buffer } {
    const d = join(dir, 'appendonlydir');
    const manifest = readFileSync(join(d, 'appendonly.aof.manifest'), 'latin1');
    const name = /file (\S+) seq \d+ type b/.exec(manifest)![1];
    return { name, bytes: readFileSync(join(d, name)) };
  }

  /** What must survive besides the digest: group state, pending entries and functions. */
  async function extra(s: RunningServer): Promise<string[]> {
    return [
      await cmd(s, ['XINFO', 'GROUPS', 'stream']),
      // Each entry's idle time grows with the clock; its consumer and delivery count must not change.
      (await cmd(s, ['XPENDING', 'stream', 'g1', '-', '+', '10'])).replace(/:\d+\r\n(:\d+\r\n)/g, ':N\r\n$1'),
      await cmd(s, ['XPENDING', 'stream', 'g1']),
      await cmd(s, ['XINFO', 'STREAM', 'empty']),
      (await cmd(s, ['XINFO', 'CONSUMERS', 'stream', 'g1'])).replace(/:\d+\r\n/g, ':N\r\n'),
      await cmd(s, ['FUNCTION', 'LIST']),
      await cmd(s, ['PTTL', 'ttl']).then((t) => String(Number(t.slice(1)) > 4_000_000)),
    ];
  }

  it('the base is commands, as redis-server writes it, and each server loads the other\'s', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--aof-use-rdb-preamble', 'no']);
    // The base made at start-up is in command form too (empty: nothing to write).
    expect(base(dir)).toEqual({ name: 'appendonly.aof.1.base.aof', bytes: Buffer.alloc(0) });
    await fillAll(a);
    await rewrite(a);
    const ours = base(dir);
    expect(ours.name).toBe('appendonly.aof.2.base.aof');
    expect(ours.bytes.subarray(0, 1).toString()).toBe('*');
    expect(ours.bytes.includes(Buffer.from('$6\r\nXSETID\r\n'))).toBe(true);
    const digest = await cmd(a, ['DEBUG', 'DIGEST']);
    const info = await extra(a);
    await cmd(a, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(a);

    // Cinnabar again from its own command base, then redis-server from it.
    const b = await run('cinnabar', dir, ['--aof-use-rdb-preamble', 'no']);
    expect(await cmd(b, ['DEBUG', 'DIGEST'])).toBe(digest);
    expect(await extra(b)).toEqual(info);
    await cmd(b, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(b);
    // Redis 7.0 has no consumer active time (XINFO CONSUMERS' "inactive"): the rest is compared.
    const r = await run('redis', dir, ['--aof-use-rdb-preamble', 'no']);
    expect(await cmd(r, ['DEBUG', 'DIGEST'])).toBe(digest);
    expect((await extra(r)).slice(0, 4)).toEqual(info.slice(0, 4));

    // redis-server's own command base, loaded by cinnabar.
    await rewrite(r);
    expect(base(dir).name).toMatch(/\.base\.aof$/);
    await cmd(r, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(r);
    const c = await run('cinnabar', dir);
    expect(await cmd(c, ['DEBUG', 'DIGEST'])).toBe(digest);
    expect((await extra(c)).slice(0, 4)).toEqual(info.slice(0, 4));
  }, 120_000);
});

describe('durability', () => {
  it('redis.set_repl keeps a script\'s commands out of the AOF exactly as redis-server does', async () => {
    const incr: string[] = [];
    for (const kind of ['cinnabar', 'redis'] as const) {
      const dir = workDir();
      const s = await run(kind, dir, ['--appendfsync', 'always']);
      const script =
        "redis.call('set', 'a', '1') redis.set_repl(redis.REPL_NONE) redis.call('set', 'b', '2') " +
        "redis.set_repl(redis.REPL_AOF) redis.call('set', 'c', '3') redis.set_repl(redis.REPL_REPLICA) redis.call('set', 'd', '4') " +
        "redis.set_repl(redis.REPL_ALL) redis.call('set', 'e', '5')";
      expect(await cmd(s, ['EVAL', script, '0'])).toBe('$-1\r\n');
      expect(await cmd(s, ['EVAL', "redis.set_repl(redis.REPL_NONE) return redis.call('set', 'quiet', '1')", '0'])).toBe('+OK\r\n');
      expect(await cmd(s, ['MGET', 'a', 'b', 'c', 'd', 'e', 'quiet'])).toBe('*6\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n$1\r\n1\r\n');
      const aofDir = join(dir, 'appendonlydir');
      const file = readdirSync(aofDir).find((f) => f.endsWith('.incr.aof'))!;
      incr.push(readFileSync(join(aofDir, file), 'latin1'));
    }
    expect(incr[0]).toContain('MULTI');
    expect(incr[0]).not.toMatch(/\$1\r\nb\r\n|\$1\r\nd\r\n|quiet/);
    expect(incr[0]).toBe(incr[1]);
  });

  it('kill -9 under appendfsync always loses no acknowledged write', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--appendfsync', 'always']);
    const c = await RespConnection.open(a.port);
    let acked = 0;
    const deadline = Date.now() + 2000;
    // Pipelined writes: every reply received counts as acknowledged.
    let sent = 0;
    while (Date.now() < deadline) {
      for (let i = 0; i < 50; i++) c.send(['RPUSH', 'acked', String(sent++)]);
      for (let i = 0; i < 50; i++) {
        await c.read();
        acked++;
      }
    }
    // More in flight when the process dies.
    for (let i = 0; i < 200; i++) c.send(['RPUSH', 'acked', String(sent++)]);
    a.proc.kill('SIGKILL');
    await exited(a);
    c.close();
    servers.splice(servers.indexOf(a), 1);
    const b = await run('cinnabar', dir, ['--appendfsync', 'always']);
    const len = Number((await cmd(b, ['LLEN', 'acked'])).slice(1));
    expect(acked).toBeGreaterThan(100);
    expect(len).toBeGreaterThanOrEqual(acked);
    // What survived is a prefix of what was sent, in order.
    const firstAndLast = await cmd(b, ['LRANGE', 'acked', String(acked - 1), String(acked - 1)]);
    expect(firstAndLast).toBe(`*1\r\n$${String(acked - 1).length}\r\n${acked - 1}\r\n`);
    await a.stop();
  }, 60_000);

  it('a truncated last command is dropped with aof-load-truncated yes and refused with no', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir);
    await cmd(a, ['SET', 'k', 'v']);
    await cmd(a, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    await exited(a);
    const aofdir = join(dir, 'appendonlydir');
    const incr = readdirSync(aofdir).find((f) => f.endsWith('.incr.aof'))!;
    appendFileSync(join(aofdir, incr), '*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$5\r\nhal');
    const refused = spawnSync(process.execPath, [BIN, 'server', '--port', '0', '--dir', dir, '--appendonly', 'yes', '--aof-load-truncated', 'no', '--save', ''], { encoding: 'utf8', timeout: 20_000 });
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/Unexpected end of file reading the append only file/);
    const b = await run('cinnabar', dir);
    expect(await cmd(b, ['GET', 'k'])).toBe('$1\r\nv\r\n');
    expect(await cmd(b, ['EXISTS', 'x'])).toBe(':0\r\n');
    expect(b.output()).toMatch(/bytes of an incomplete command dropped/);
    // A damaged (not just short) command is refused whatever aof-load-truncated says.
    await b.stop();
    servers.splice(servers.indexOf(b), 1);
    const incrPath = join(aofdir, readdirSync(aofdir).find((f) => f.endsWith('.incr.aof'))!);
    const good = readFileSync(incrPath);
    const bad = Buffer.from(good);
    bad[bad.indexOf('$')] = 0x25;
    writeFileSync(incrPath, bad);
    const damaged = spawnSync(process.execPath, [BIN, 'server', '--port', '0', '--dir', dir, '--appendonly', 'yes', '--save', ''], { encoding: 'utf8', timeout: 20_000 });
    expect(damaged.status).toBe(1);
    expect(damaged.stdout + damaged.stderr).toMatch(/Bad file format reading the append only file/);
    writeFileSync(incrPath, good);
    // The file was cut back to its last whole command: redis-check-aof agrees it is valid.
    const check = spawnSync('redis-check-aof', [join(aofdir, 'appendonly.aof.manifest')], { encoding: 'utf8' });
    expect(check.stdout).toMatch(/is valid/);
  }, 60_000);

  it('a file ending inside MULTI ... EXEC is cut back to before the MULTI, as redis-server does', async () => {
    for (const kind of ['cinnabar', 'redis'] as const) {
      const dir = workDir();
      const a = await run(kind, dir);
      await cmd(a, ['SET', 'k', 'v']);
      await cmd(a, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
      await exited(a);
      servers.splice(servers.indexOf(a), 1);
      const aofdir = join(dir, 'appendonlydir');
      const incrPath = join(aofdir, readdirSync(aofdir).find((f) => f.endsWith('.incr.aof'))!);
      const size = readFileSync(incrPath).length;
      // Whole commands, but the EXEC never made it to the file.
      appendFileSync(incrPath, '*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$1\r\n1\r\n');
      const b = await run(kind, dir);
      expect(await cmd(b, ['GET', 'k'])).toBe('$1\r\nv\r\n');
      expect(await cmd(b, ['EXISTS', 'x'])).toBe(':0\r\n');
      expect(readFileSync(incrPath).length).toBe(size);
      // New writes land after the cut, so the next start loads them.
      await cmd(b, ['SET', 'after', '1']);
      await cmd(b, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
      await exited(b);
      servers.splice(servers.indexOf(b), 1);
      expect(readFileSync(incrPath).includes('MULTI')).toBe(false);
      const c = await run(kind, dir);
      expect(await cmd(c, ['GET', 'after'])).toBe('$1\r\n1\r\n');
      expect(await cmd(c, ['EXISTS', 'x'])).toBe(':0\r\n');
    }
  }, 60_000);
});

describe('rewrites and run-time switching', () => {
  it('BGREWRITEAOF compacts while writes continue; CONFIG SET appendonly yes starts an AOF with a base', async () => {
    const dir = workDir();
    const s = await startCinnabar(['--dir', dir, '--enable-debug-command', 'yes']);
    servers.push(s);
    for (let i = 0; i < 200; i++) await cmd(s, ['INCR', 'counter']);
    expect(existsSync(join(dir, 'appendonlydir'))).toBe(false);
    expect(await cmd(s, ['CONFIG', 'SET', 'appendonly', 'yes'])).toBe('+OK\r\n');
    const manifest = readFileSync(join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'latin1');
    expect(manifest).toMatch(/type b\n.*type i\n/);
    const c = await RespConnection.open(s.port);
    c.send(['BGREWRITEAOF']);
    for (let i = 0; i < 300; i++) c.send(['INCR', 'counter']);
    for (let i = 0; i < 301; i++) await c.read();
    c.close();
    for (let i = 0; i < 50 && /aof_rewrite_in_progress:1/.test(await cmd(s, ['INFO', 'persistence'])); i++) await new Promise((r) => setTimeout(r, 100));
    const digest = await cmd(s, ['DEBUG', 'DIGEST']);
    await s.stop();
    servers.splice(servers.indexOf(s), 1);
    const r = await run('redis', dir);
    expect(await cmd(r, ['GET', 'counter'])).toBe('$3\r\n500\r\n');
    expect(await cmd(r, ['DEBUG', 'DIGEST'])).toBe(digest);
  }, 60_000);
});
