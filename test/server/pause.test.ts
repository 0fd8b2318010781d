// CLIENT PAUSE / UNPAUSE over the wire, differential against redis-server: held commands get no reply
// until the pause ends (nothing is refused), WRITE mode holds only what may write or propagate, ALL holds
// everything (CLIENT UNPAUSE from another connection included), keys do not expire while paused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { runScenario, type ScenarioStep } from '../tracking/scenario.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

async function same(steps: ScenarioStep[]): Promise<string[]> {
  const first: ScenarioStep[] = [[9, ['CLIENT', 'UNPAUSE']], [9, ['FLUSHALL']]];
  const [a, b] = await Promise.all([runScenario(cin.port, [...first, ...steps]), runScenario(ref.port, [...first, ...steps])]);
  expect(a.join('\n')).toBe(b.join('\n'));
  return a;
}

const text = (b: Buffer) => b.toString('latin1');

describe('CLIENT PAUSE', () => {
  it('argument errors', async () => {
    await same([
      [0, ['CLIENT', 'PAUSE', '-1']],
      [0, ['CLIENT', 'PAUSE', 'abc']],
      [0, ['CLIENT', 'PAUSE', '1.5']],
      [0, ['CLIENT', 'PAUSE', '9223372036854775808']],
      [0, ['CLIENT', 'PAUSE', '10', 'READ']],
      [0, ['CLIENT', 'PAUSE', '10', 'ALL', 'x']],
      [0, ['CLIENT', 'PAUSE']],
      [0, ['CLIENT', 'UNPAUSE', 'x']],
      [0, ['CLIENT', 'UNPAUSE']],
      [0, ['CLIENT', 'PAUSE', '0']],
      [0, ['CLIENT', 'PAUSE', '0', 'write']],
      [0, ['PING']],
    ]);
  });

  it('WRITE holds writes, may-replicate commands and transactions that write; reads go on', async () => {
    const out = await same([
      [9, ['SET', 'a', 'before']],
      [0, ['CLIENT', 'PAUSE', '100000', 'WRITE']],
      [1, ['GET', 'a']],
      [1, ['SET', 'a', '1'], 'held'],
      [2, ['PUBLISH', 'ch', 'm'], 'held'],
      [3, ['EVAL_RO', 'return 1', '0']],
      [3, ['EVAL', 'return 1', '0'], 'held'],
      [4, ['MULTI']],
      [4, ['INCR', 'n'], 'held'],
      [5, ['MULTI']],
      [5, ['GET', 'a']],
      [5, ['EXEC']],
      [6, ['PING']],
      [6, ['MGET', 'a', 'n']],
      [6, ['DBSIZE']],
      [0, ['GET', 'a']],
      [7, ['CLIENT', 'UNPAUSE']],
      [4, ['EXEC']],
      [6, ['MGET', 'a', 'n']],
    ]);
    // The held SET answers only after UNPAUSE.
    expect(out.findIndex((l) => l.startsWith('[7] CLIENT UNPAUSE -> 1: "+OK'))).toBeGreaterThan(0);
  });

  it('a transaction begun before the pause waits at EXEC', async () => {
    await same([
      [1, ['MULTI']],
      [1, ['SET', 'x', '1']],
      [0, ['CLIENT', 'PAUSE', '100000', 'WRITE']],
      [1, ['EXEC'], 'held'],
      [2, ['GET', 'x']],
      [0, ['CLIENT', 'UNPAUSE']],
      [2, ['GET', 'x']],
    ]);
  });

  it('ALL holds every command, UNPAUSE included, until the time is up; pipelined input keeps its order', async () => {
    await same([
      [0, ['CLIENT', 'PAUSE', '400', 'ALL']],
      [1, ['GET', 'a'], 'held'],
      [2, ['CLIENT', 'UNPAUSE'], 'held'],
      [1, ['SET', 'a', '1'], 'held'],
      [1, ['GET', 'a'], 'held'],
      [0, ['PING'], 'held'],
      { sleep: 700 },
      [3, ['GET', 'a']],
    ]);
  });

  it('keys do not expire while writes are paused; they look missing', async () => {
    await same([
      [9, ['SET', 'keep', 'v']],
      [9, ['SET', 'k', 'v', 'PX', '300']],
      [0, ['CLIENT', 'PAUSE', '100000', 'WRITE']],
      { sleep: 600 },
      [1, ['GET', 'k']],
      [1, ['EXISTS', 'k']],
      [1, ['DBSIZE']],
      [1, ['RANDOMKEY']],
      [0, ['CLIENT', 'UNPAUSE']],
      { sleep: 400 },
      [1, ['DBSIZE']],
    ]);
  });
});

describe('CLIENT NO-EVICT', () => {
  it('answers as Redis and shows the e flag', async () => {
    await same([
      [0, ['CLIENT', 'NO-EVICT', 'on']],
      [0, ['CLIENT', 'NO-EVICT', 'maybe']],
      [0, ['CLIENT', 'NO-EVICT']],
      [0, ['CLIENT', 'NO-EVICT', 'ON', 'x']],
      [0, ['CLIENT', 'NO-EVICT', 'OFF']],
    ]);
    for (const port of [cin.port, ref.port]) {
      const c = await RespConnection.open(port);
      try {
        await c.call(['CLIENT', 'NO-EVICT', 'on']);
        expect(text(await c.call(['CLIENT', 'INFO']))).toMatch(/ flags=e /);
        await c.call(['CLIENT', 'NO-EVICT', 'off']);
        expect(text(await c.call(['CLIENT', 'INFO']))).toMatch(/ flags=N /);
      } finally {
        c.close();
      }
    }
  });
});

describe('CLIENT PAUSE on cinnabar', () => {
  it('a timeout that would overflow the clock is out of range (Redis 7.2; 7.0 accepted it and did not pause)', async () => {
    const c = await RespConnection.open(cin.port);
    try {
      expect(text(await c.call(['CLIENT', 'PAUSE', '9223372036854775807']))).toBe('-ERR timeout is out of range\r\n');
      expect(text(await c.call(['PING']))).toBe('+PONG\r\n');
    } finally {
      c.close();
    }
  });

  it('shows held clients as blocked, counts them in blocked_clients, and a WRITE pause does not relax ALL', async () => {
    const admin = await RespConnection.open(cin.port);
    const held = await RespConnection.open(cin.port);
    try {
      await admin.call(['CLIENT', 'PAUSE', '100000', 'WRITE']);
      const id = text(await held.call(['CLIENT', 'ID'])).slice(1, -2);
      held.send(['SET', 'p', '1']);
      await new Promise((r) => setTimeout(r, 100));
      expect(text(await admin.call(['CLIENT', 'LIST', 'ID', id]))).toMatch(/ flags=b .* cmd=set /);
      expect(text(await admin.call(['INFO', 'clients']))).toContain('blocked_clients:1\r\n');
      // CLIENT UNBLOCK does not release a paused client.
      expect(text(await admin.call(['CLIENT', 'UNBLOCK', id]))).toBe(':0\r\n');
      // Redis 7.2 keeps the stricter mode and the later end when pauses overlap.
      await admin.call(['CLIENT', 'PAUSE', '100000', 'ALL']);
      admin.send(['CLIENT', 'PAUSE', '10', 'WRITE']);
      await expect(admin.read(300)).rejects.toThrow(/no complete reply/);
      const other = await RespConnection.open(cin.port);
      other.send(['CLIENT', 'UNPAUSE']);
      await expect(other.read(200)).rejects.toThrow(/no complete reply/);
      other.close();
    } finally {
      // Only the server's end of the pause can lift ALL now: restart-free cleanup through a new pause's end.
      held.close();
      admin.close();
    }
  });
});
