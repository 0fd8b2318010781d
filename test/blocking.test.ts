// Blocking list commands with several real connections: FIFO service, timeouts, chaining through
// BLMOVE, MULTI, CLIENT UNBLOCK, and the same replies as redis-server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from './helpers/servers.js';
import { RespConnection } from './helpers/resp.js';

const text = (b: Buffer) => b.toString('latin1');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([['cinnabar'], ['redis']])('blocking commands on %s', (kind) => {
  let srv: RunningServer;
  const open: RespConnection[] = [];
  const conn = async () => {
    const c = await RespConnection.open(srv.port, { readTimeoutMs: 10000 });
    open.push(c);
    return c;
  };
  beforeAll(async () => {
    srv = kind === 'redis' ? await startRedis() : await startCinnabar();
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await srv?.stop();
  });

  it('serves waiting clients in FIFO order and propagates nothing odd', async () => {
    const w1 = await conn();
    const w2 = await conn();
    const p = await conn();
    await p.call(['DEL', '{t}q']);
    w1.send(['BLPOP', '{t}q', '0']);
    await sleep(50);
    w2.send(['BLPOP', '{t}q', '0']);
    await sleep(50);
    expect(text(await p.call(['INFO', 'clients']))).toMatch(/blocked_clients:2/);
    expect(text(await p.call(['RPUSH', '{t}q', 'a', 'b', 'c']))).toBe(':3\r\n');
    expect(text(await w1.read())).toBe('*2\r\n$4\r\n{t}q\r\n$1\r\na\r\n');
    expect(text(await w2.read())).toBe('*2\r\n$4\r\n{t}q\r\n$1\r\nb\r\n');
    expect(text(await p.call(['LRANGE', '{t}q', '0', '-1']))).toBe('*1\r\n$1\r\nc\r\n');
  });

  it('times out with a null, fractional timeouts included', async () => {
    const w = await conn();
    const t0 = Date.now();
    expect(text(await w.call(['BRPOP', '{t}none', '0.2']))).toBe('*-1\r\n');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    expect(text(await w.call(['BLMOVE', '{t}none', '{t}d', 'LEFT', 'RIGHT', '0.05']))).toBe('*-1\r\n');
    expect(text(await w.call(['BLPOP', '{t}none', '-1']))).toBe('-ERR timeout is negative\r\n');
    expect(text(await w.call(['BLPOP', '{t}none', 'x']))).toBe('-ERR timeout is not a float or out of range\r\n');
  });

  it('BLMOVE chains to a client waiting on the destination', async () => {
    const mover = await conn();
    const popper = await conn();
    const p = await conn();
    await p.call(['DEL', '{t}src', '{t}dst']);
    mover.send(['BLMOVE', '{t}src', '{t}dst', 'LEFT', 'RIGHT', '0']);
    await sleep(50);
    popper.send(['BLPOP', '{t}dst', '0']);
    await sleep(50);
    await p.call(['LPUSH', '{t}src', 'job']);
    expect(text(await mover.read())).toBe('$3\r\njob\r\n');
    expect(text(await popper.read())).toBe('*2\r\n$6\r\n{t}dst\r\n$3\r\njob\r\n');
  });

  it('does not block inside MULTI, and CLIENT UNBLOCK ends a wait', async () => {
    const w = await conn();
    const p = await conn();
    await w.call(['MULTI']);
    await w.call(['BLPOP', '{t}none', '0']);
    expect(text(await w.call(['EXEC']))).toBe('*1\r\n*-1\r\n');
    const id = text(await w.call(['CLIENT', 'ID'])).slice(1, -2);
    w.send(['BLPOP', '{t}none', '0']);
    await sleep(50);
    expect(text(await p.call(['CLIENT', 'UNBLOCK', id, 'ERROR']))).toBe(':1\r\n');
    expect(text(await w.read())).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
    w.send(['BLPOP', '{t}none', '0']);
    await sleep(50);
    expect(text(await p.call(['CLIENT', 'UNBLOCK', id]))).toBe(':1\r\n');
    expect(text(await w.read())).toBe('*-1\r\n');
    expect(text(await p.call(['CLIENT', 'UNBLOCK', id]))).toBe(':0\r\n');
    // The unblocked client is usable again.
    expect(text(await w.call(['PING']))).toBe('+PONG\r\n');
  });

  it('keeps commands pipelined behind a blocked one until it is served', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['DEL', '{t}pipe']);
    w.write('BLPOP {t}pipe 0\r\nPING\r\n');
    await sleep(100);
    await p.call(['RPUSH', '{t}pipe', 'x']);
    expect(text(await w.read())).toBe('*2\r\n$7\r\n{t}pipe\r\n$1\r\nx\r\n');
    expect(text(await w.read())).toBe('+PONG\r\n');
  });

  it('a job queue: LPUSH producers and BRPOP workers process every job once', async () => {
    const workers = await Promise.all([conn(), conn(), conn()]);
    const producer = await conn();
    await producer.call(['DEL', '{t}jobs']);
    const seen: string[] = [];
    const N = 60;
    const loops = workers.map(async (w) => {
      for (;;) {
        const r = text(await w.call(['BRPOP', '{t}jobs', '0.5']));
        if (r === '*-1\r\n') return;
        seen.push(r.split('\r\n')[4]);
      }
    });
    for (let i = 0; i < N; i++) await producer.call(['LPUSH', '{t}jobs', `job${i}`]);
    await Promise.all(loops);
    expect(seen.length).toBe(N);
    expect(new Set(seen).size).toBe(N);
  });
});
