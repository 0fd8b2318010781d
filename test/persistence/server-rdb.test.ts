// RDB persistence of the server process: data survives SHUTDOWN and SIGTERM through dump.rdb and moves
// between cinnabar and redis-server both ways (same DEBUG DIGEST), save points fire, a damaged file stops
// the start-up with a message, and a failing background save makes writes answer MISCONF until a save
// succeeds again.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, rmdirSync, existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { key, rdbFile, selectDb, str } from './old-encoder.js';

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cinnabar-rdb-'));
  dirs.push(d);
  return d;
}

async function run(kind: 'cinnabar' | 'redis', dir: string, extra: string[] = []): Promise<RunningServer> {
  const args = ['--dir', dir, '--enable-debug-command', 'yes', ...extra];
  const s = kind === 'cinnabar' ? await startCinnabar(args) : await startRedis(args);
  servers.push(s);
  return s;
}

async function cmd(s: RunningServer, argv: string[]): Promise<string> {
  const c = await RespConnection.open(s.port);
  try {
    return (await c.call(argv, 20_000)).toString('latin1');
  } finally {
    c.close();
  }
}

async function waitExit(s: RunningServer, ms = 10_000): Promise<number | null> {
  if (s.proc.exitCode !== null) return s.proc.exitCode;
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(null), ms);
    s.proc.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

async function fill(s: RunningServer): Promise<void> {
  const c = await RespConnection.open(s.port);
  try {
    for (let i = 0; i < 300; i++) c.send(['SET', `s:${i}`, `v${i}`]);
    c.send(['RPUSH', 'list', ...Array.from({ length: 200 }, (_, i) => `e${i}`)]);
    c.send(['HSET', 'hash', 'a', '1', 'b', '2']);
    c.send(['ZADD', 'zset', '1.5', 'x', '2.25', 'y']);
    c.send(['SADD', 'set', 'p', 'q', '17']);
    c.send(['SET', 'ttl', 'v', 'EX', '5000']);
    c.send(['XADD', 'stream', '1-1', 'f', 'v']);
    c.send(['SELECT', '5']);
    c.send(['SET', 'in5', 'x']);
    c.send(['FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('f', function() return 7 end)"]);
    for (let i = 0; i < 309; i++) await c.read();
  } finally {
    c.close();
  }
}

describe('dump.rdb across restarts and servers', () => {
  it('SHUTDOWN saves; redis-server loads it; redis-server saves; cinnabar loads it back (same digest)', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--save', '3600 1']);
    await fill(a);
    const digest = await cmd(a, ['DEBUG', 'DIGEST']);
    expect(digest).toMatch(/^\+[0-9a-f]{40}\r\n$/);
    await cmd(a, ['SHUTDOWN']).catch(() => '');
    expect(await waitExit(a)).toBe(0);
    expect(existsSync(join(dir, 'dump.rdb'))).toBe(true);

    const r = await run('redis', dir);
    expect(await cmd(r, ['DEBUG', 'DIGEST'])).toBe(digest);
    expect(await cmd(r, ['FCALL', 'f', '0'])).toBe(':7\r\n');
    await cmd(r, ['SET', 'from-redis', '1']);
    const digest2 = await cmd(r, ['DEBUG', 'DIGEST']);
    expect(await cmd(r, ['SAVE'])).toBe('+OK\r\n');
    await r.stop();

    const b = await run('cinnabar', dir);
    expect(await cmd(b, ['DEBUG', 'DIGEST'])).toBe(digest2);
    expect(await cmd(b, ['GET', 'from-redis'])).toBe('$1\r\n1\r\n');
    expect(await cmd(b, ['FCALL', 'f', '0'])).toBe(':7\r\n');
    const ttl = Number((await cmd(b, ['TTL', 'ttl'])).slice(1));
    expect(ttl).toBeGreaterThan(4900);
    expect(b.output()).toMatch(/Done loading RDB, keys loaded: 308, keys expired: 0\./);
    expect(await cmd(b, ['INFO', 'persistence'])).toMatch(/rdb_last_load_keys_loaded:308/);
  }, 60_000);

  it('SIGTERM saves when save points are configured; SHUTDOWN NOSAVE does not', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--save', '3600 1']);
    await cmd(a, ['SET', 'k', 'v']);
    a.proc.kill('SIGTERM');
    expect(await waitExit(a)).toBe(0);
    const size = statSync(join(dir, 'dump.rdb')).size;
    const b = await run('cinnabar', dir, ['--save', '3600 1']);
    expect(await cmd(b, ['GET', 'k'])).toBe('$1\r\nv\r\n');
    await cmd(b, ['SET', 'k2', 'v2']);
    await cmd(b, ['SHUTDOWN', 'NOSAVE']).catch(() => '');
    expect(await waitExit(b)).toBe(0);
    expect(statSync(join(dir, 'dump.rdb')).size).toBe(size);
  }, 60_000);

  it('a save point fires a background save once its time and change count are reached', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--save', '1 2']);
    await cmd(a, ['SET', 'a', '1']);
    await cmd(a, ['SET', 'b', '2']);
    const deadline = Date.now() + 8000;
    let info = '';
    while (Date.now() < deadline) {
      info = await cmd(a, ['INFO', 'persistence']);
      if (/rdb_saves:[1-9]/.test(info)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(info).toMatch(/rdb_saves:[1-9]/);
    expect(info).toMatch(/rdb_changes_since_last_save:0/);
    expect(a.output()).toMatch(/2 changes in 1 seconds\. Saving\.\.\./);
    expect(existsSync(join(dir, 'dump.rdb'))).toBe(true);
  }, 30_000);

  it('a damaged dump.rdb (truncated, bit-flipped, empty, a key twice) stops the start-up with a message and exit status 1', async () => {
    // A good file written by cinnabar to damage.
    const src = workDir();
    const a = await run('cinnabar', src);
    await fill(a);
    await cmd(a, ['SAVE']);
    const good = readFileSync(join(src, 'dump.rdb'));
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 2)] ^= 0x20;
    const cases: Array<[string, Buffer]> = [
      ['truncated', good.subarray(0, Math.floor(good.length * 0.7))],
      ['bit-flipped', flipped],
      ['empty', Buffer.alloc(0)],
      ['truncated header', Buffer.concat([Buffer.from('REDIS0010'), Buffer.from([0xfa, 0x09])])],
      // Well-formed, but one key twice in a database (Redis refuses such a file too).
      ['duplicate key', rdbFile(10, [selectDb(0), key(0, 'k', str('one')), key(0, 'other', str('x')), key(0, 'k', str('two'))])],
    ];
    for (const [what, bytes] of cases) {
      const dir = workDir();
      writeFileSync(join(dir, 'dump.rdb'), bytes);
      const r = spawnSync(process.execPath, [BIN, 'server', '--port', '0', '--dir', dir, '--save', ''], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status, what).toBe(1);
      expect(r.stdout + r.stderr, what).toMatch(/Failed loading the RDB file .*dump\.rdb: \S/);
      expect(r.stdout + r.stderr, what).toMatch(/Fatal error loading the DB/);
      if (what === 'duplicate key') expect(r.stdout + r.stderr).toMatch(/duplicate key 'k' in database 0/);
    }
  }, 60_000);
});

describe('a failing background save', () => {
  it('sets rdb_last_bgsave_status:err and MISCONF for writes and PING until a save succeeds', async () => {
    const dir = workDir();
    const a = await run('cinnabar', dir, ['--save', '3600 1']);
    const pid = /process_id:(\d+)/.exec(await cmd(a, ['INFO', 'server']))![1];
    // The temporary file's path is taken by a directory: opening it fails.
    const blocker = join(dir, `temp-${pid}-bg.rdb`);
    mkdirSync(blocker);
    expect(await cmd(a, ['BGSAVE'])).toBe('-ERR\r\n');
    expect(await cmd(a, ['INFO', 'persistence'])).toMatch(/rdb_last_bgsave_status:err/);
    const misconf = await cmd(a, ['SET', 'k', 'v']);
    expect(misconf).toBe(
      "-MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.\r\n",
    );
    expect((await cmd(a, ['PING'])).startsWith('-MISCONF')).toBe(true);
    expect(await cmd(a, ['GET', 'k'])).toBe('$-1\r\n');
    // Without save points the failure no longer stops writes.
    await cmd(a, ['CONFIG', 'SET', 'save', '']);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await cmd(a, ['SET', 'k', 'v'])).toBe('+OK\r\n');
    await cmd(a, ['CONFIG', 'SET', 'save', '3600 1']);
    rmdirSync(blocker);
    expect(await cmd(a, ['BGSAVE'])).toBe('+Background saving started\r\n');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !/rdb_last_bgsave_status:ok/.test(await cmd(a, ['INFO', 'persistence']))) await new Promise((r) => setTimeout(r, 100));
    expect(await cmd(a, ['SET', 'k', 'v2'])).toBe('+OK\r\n');
    expect(readFileSync(join(dir, 'dump.rdb')).subarray(0, 9).toString()).toBe('REDIS0010');
  }, 30_000);
});
