// MULTI/EXEC/DISCARD/WATCH over the wire: differential cases against redis-server, and WATCH races
// between two connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCases, useDiffPair } from '../helpers/differential.js';
import { startCinnabar, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const text = (b: Buffer) => b.toString('latin1');

describe('transactions: one connection', () => {
  const pair = useDiffPair();
  diffCases('multi exec discard', pair, [
    ['EXEC'],
    ['DISCARD'],
    ['UNWATCH'],
    ['MULTI'],
    ['MULTI'],
    ['WATCH', 'a'],
    ['SET', 'a', '1'],
    ['INCR', 'a'],
    ['LPUSH', 'a', 'x'],
    ['GET', 'a'],
    ['EXEC'],
    ['MULTI'],
    ['SET', 'a', '1'],
    ['FOO'],
    ['GET'],
    ['EXEC'],
    ['MULTI'],
    ['SET', 'b', '2'],
    ['DISCARD'],
    ['GET', 'b'],
    ['MULTI'],
    ['EXEC'],
    ['WATCH', 'w'],
    ['SET', 'w', '1'],
    ['MULTI'],
    ['GET', 'w'],
    ['EXEC'],
    ['WATCH', 'w2'],
    ['MULTI'],
    ['SET', 'w2', 'x'],
    ['EXEC'],
    ['GET', 'w2'],
    ['MULTI'],
    ['PING'],
    ['EXEC', 'extra'],
    ['EXEC'],
    ['MULTI'],
    ['SELECT', '1'],
    ['SET', 'in1', 'v'],
    ['EXEC'],
    ['GET', 'in1'],
    ['SELECT', '0'],
  ]);
});

describe('transactions: WATCH across connections', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startCinnabar();
  });
  afterAll(async () => srv?.stop());

  it('aborts EXEC when another client changed a watched key, and runs it otherwise', async () => {
    const a = await RespConnection.open(srv.port);
    const b = await RespConnection.open(srv.port);
    try {
      await a.call(['SET', 'balance', '100']);
      expect(text(await a.call(['WATCH', 'balance']))).toBe('+OK\r\n');
      await b.call(['INCRBY', 'balance', '5']);
      await a.call(['MULTI']);
      expect(text(await a.call(['DECRBY', 'balance', '10']))).toBe('+QUEUED\r\n');
      expect(text(await a.call(['EXEC']))).toBe('*-1\r\n');
      expect(text(await a.call(['GET', 'balance']))).toBe('$3\r\n105\r\n');
      await a.call(['WATCH', 'balance']);
      await a.call(['MULTI']);
      await a.call(['DECRBY', 'balance', '10']);
      expect(text(await a.call(['EXEC']))).toBe('*1\r\n:95\r\n');
    } finally {
      a.close();
      b.close();
    }
  });

  it('aborts when a watched key expires before EXEC', async () => {
    const a = await RespConnection.open(srv.port);
    try {
      await a.call(['SET', 'lease', 'x', 'PX', '50']);
      await a.call(['WATCH', 'lease']);
      await new Promise((r) => setTimeout(r, 120));
      await a.call(['MULTI']);
      await a.call(['PING']);
      expect(text(await a.call(['EXEC']))).toBe('*-1\r\n');
    } finally {
      a.close();
    }
  });

  it('aborts when FLUSHALL runs in between, and shows the state in CLIENT LIST', async () => {
    const a = await RespConnection.open(srv.port);
    const b = await RespConnection.open(srv.port);
    try {
      await a.call(['SET', 'f', '1']);
      await a.call(['WATCH', 'f']);
      await a.call(['MULTI']);
      await a.call(['GET', 'f']);
      expect(text(await b.call(['CLIENT', 'LIST']))).toMatch(/flags=x .*multi=1 /);
      await b.call(['FLUSHALL']);
      expect(text(await a.call(['EXEC']))).toBe('*-1\r\n');
    } finally {
      a.close();
      b.close();
    }
  });
});
