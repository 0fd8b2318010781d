// Evicted keys reach the append-only file as DEL (UNLINK with lazyfree-lazy-eviction), on cinnabar and on
// redis-server alike.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { withConnection } from '../helpers/resp.js';

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The commands of the incremental AOF files, as text. */
function aofText(dir: string): string {
  const sub = join(dir, 'appendonlydir');
  return readdirSync(sub)
    .filter((f) => f.includes('.incr.'))
    .map((f) => readFileSync(join(sub, f), 'latin1'))
    .join('');
}

async function evictAll(server: RunningServer, lazy: boolean): Promise<string[]> {
  return withConnection(server.port, async (c) => {
    await c.call(['CONFIG', 'SET', 'appendfsync', 'always']);
    await c.call(['CONFIG', 'SET', 'lazyfree-lazy-eviction', lazy ? 'yes' : 'no']);
    await c.call(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-random']);
    await c.call(['SET', 'persisted', 'x']);
    await c.call(['RPUSH', 'gone', 'a', 'b']);
    await c.call(['CONFIG', 'SET', 'maxmemory', '1']);
    // The next command finds memory over the limit and evicts everything (nothing fits in one byte).
    const r = (await c.call(['SET', 'refused', 'x'])).toString('latin1');
    await c.call(['CONFIG', 'SET', 'maxmemory', '0']);
    const size = (await c.call(['DBSIZE'])).toString('latin1');
    return [r, size];
  });
}

describe('evicted keys in the AOF', () => {
  for (const lazy of [false, true]) {
    const verb = lazy ? 'UNLINK' : 'DEL';
    it(`are written as ${verb}, like redis-server does`, async () => {
      const [ours, theirs] = await Promise.all([
        startCinnabar(['--appendonly', 'yes']),
        startRedis(['--appendonly', 'yes']),
      ]);
      servers.push(ours, theirs);
      const a = await evictAll(ours, lazy);
      const b = await evictAll(theirs, lazy);
      expect(a).toEqual(b);
      expect(a).toEqual(["-OOM command not allowed when used memory > 'maxmemory'.\r\n", ':0\r\n']);
      for (const s of [ours, theirs]) {
        const text = aofText(s.dir);
        for (const key of ['persisted', 'gone']) expect(text, s.kind).toContain(`$${verb.length}\r\n${verb}\r\n$${key.length}\r\n${key}\r\n`);
      }
    });
  }
});

describe('loading under maxmemory', () => {
  it('an AOF larger than maxmemory loads whole; the limit applies to the commands after it', async () => {
    const results: string[][] = [];
    for (const start of [startCinnabar, startRedis]) {
      const dir = mkdtempSync(join(tmpdir(), 'evict-aof-'));
      dirs.push(dir);
      const first = await start(['--appendonly', 'yes', '--dir', dir]);
      servers.push(first);
      await withConnection(first.port, async (c) => {
        await c.call(['CONFIG', 'SET', 'appendfsync', 'always']);
        for (let i = 0; i < 50; i++) await c.call(['SET', `k${i}`, 'v'.repeat(100)]);
      });
      await first.stop();
      const second = await start(['--appendonly', 'yes', '--dir', dir, '--maxmemory', '1', '--maxmemory-policy', 'noeviction']);
      servers.push(second);
      results.push(
        await withConnection(second.port, async (c) => [
          (await c.call(['DBSIZE'])).toString('latin1'),
          (await c.call(['SET', 'more', 'x'])).toString('latin1'),
          (await c.call(['STRLEN', 'k49'])).toString('latin1'),
        ]),
      );
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0][0]).toBe(':50\r\n');
  }, 60_000);
});
