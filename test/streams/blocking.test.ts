// XREAD / XREADGROUP BLOCK over real connections, against cinnabar and the real redis-server: FIFO
// service, timeouts, BLOCK 0, "$", MULTI, CLIENT UNBLOCK, and what a group reader is told when its
// key, group or type goes away. Where Redis 7.2 (our target) answers differently from the 7.0 oracle,
// each server is held to its own version's text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const text = (b: Buffer) => b.toString('latin1');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([['cinnabar'], ['redis']])('stream blocking on %s', (kind) => {
  let srv: RunningServer;
  const open: RespConnection[] = [];
  const is72 = kind === 'cinnabar';
  const conn = async () => {
    const c = await RespConnection.open(srv.port, { readTimeoutMs: 10000 });
    open.push(c);
    return c;
  };
  /** Waits until the server reports `n` blocked clients. */
  const blocked = async (p: RespConnection, n: number) => {
    for (let i = 0; i < 200; i++) {
      if (text(await p.call(['INFO', 'clients'])).includes(`blocked_clients:${n}\r\n`)) return;
      await sleep(10);
    }
    throw new Error(`never reached ${n} blocked clients`);
  };
  beforeAll(async () => {
    srv = kind === 'redis' ? await startRedis() : await startCinnabar();
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await srv?.stop();
  });

  it('wakes every XREAD reader with the new entry, "$" meaning after the last ID at call time', async () => {
    const w1 = await conn();
    const w2 = await conn();
    const p = await conn();
    await p.call(['XADD', 'x1', '1-0', 'old', 'v']);
    w1.send(['XREAD', 'BLOCK', '0', 'STREAMS', 'x1', '$']);
    await blocked(p, 1);
    w2.send(['XREAD', 'BLOCK', '0', 'COUNT', '1', 'STREAMS', 'x1', '1-0']);
    await blocked(p, 2);
    expect(text(await p.call(['XADD', 'x1', '2-0', 'f', 'v']))).toBe('$3\r\n2-0\r\n');
    const entry = '*1\r\n*2\r\n$2\r\nx1\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n';
    expect(text(await w1.read())).toBe(entry);
    expect(text(await w2.read())).toBe(entry);
    await blocked(p, 0);
  });

  it('serves XREADGROUP waiters first come, first served, one entry each', async () => {
    const w1 = await conn();
    const w2 = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x2', 'g', '$', 'MKSTREAM']);
    w1.send(['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '1', 'BLOCK', '0', 'STREAMS', 'x2', '>']);
    await blocked(p, 1);
    w2.send(['XREADGROUP', 'GROUP', 'g', 'c2', 'COUNT', '1', 'BLOCK', '0', 'STREAMS', 'x2', '>']);
    await blocked(p, 2);
    await p.call(['XADD', 'x2', '1-0', 'f', 'a']);
    expect(text(await w1.read())).toBe('*1\r\n*2\r\n$2\r\nx2\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\na\r\n');
    await blocked(p, 1);
    await p.call(['XADD', 'x2', '2-0', 'f', 'b']);
    expect(text(await w2.read())).toBe('*1\r\n*2\r\n$2\r\nx2\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nb\r\n');
    const pending = text(await p.call(['XPENDING', 'x2', 'g']));
    expect(pending).toBe('*4\r\n:2\r\n$3\r\n1-0\r\n$3\r\n2-0\r\n*2\r\n*2\r\n$2\r\nc1\r\n$1\r\n1\r\n*2\r\n$2\r\nc2\r\n$1\r\n1\r\n');
  });

  it('times out with a null array; BLOCK 0 waits until served', async () => {
    const w = await conn();
    const p = await conn();
    let t0 = Date.now();
    expect(text(await w.call(['XREAD', 'BLOCK', '150', 'STREAMS', 'x3', '$']))).toBe('*-1\r\n');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await p.call(['XGROUP', 'CREATE', 'x3', 'g', '$', 'MKSTREAM']);
    t0 = Date.now();
    expect(text(await w.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '100', 'STREAMS', 'x3', '>']))).toBe('*-1\r\n');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    w.send(['XREAD', 'BLOCK', '0', 'STREAMS', 'x3', '$']);
    await sleep(300);
    await blocked(p, 1);
    await p.call(['XADD', 'x3', '5-0', 'f', 'v']);
    expect(text(await w.read())).toContain('5-0');
  });

  it('serves the stream that received data when waiting on several', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XADD', '{m}a', '1-0', 'f', 'v']);
    w.send(['XREAD', 'BLOCK', '0', 'STREAMS', '{m}a', '{m}b', '$', '$']);
    await blocked(p, 1);
    await p.call(['XADD', '{m}b', '7-0', 'g', 'w']);
    expect(text(await w.read())).toBe('*1\r\n*2\r\n$4\r\n{m}b\r\n*1\r\n*2\r\n$3\r\n7-0\r\n*2\r\n$1\r\ng\r\n$1\r\nw\r\n');
  });

  it('replies with a map under RESP3', async () => {
    const w = await conn();
    const p = await conn();
    await w.call(['HELLO', '3']);
    w.send(['XREAD', 'BLOCK', '0', 'STREAMS', 'x4', '0']);
    await blocked(p, 1);
    await p.call(['XADD', 'x4', '1-0', 'f', 'v']);
    expect(text(await w.read())).toBe('%1\r\n$2\r\nx4\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
  });

  it('keeps an XREAD reader waiting when its key is deleted or retyped', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XADD', 'x5', '1-0', 'f', 'v']);
    w.send(['XREAD', 'BLOCK', '0', 'STREAMS', 'x5', '$']);
    await blocked(p, 1);
    await p.call(['DEL', 'x5']);
    await p.call(['SET', 'x5', 'str']);
    await sleep(50);
    await blocked(p, 1);
    await p.call(['DEL', 'x5']);
    await p.call(['XADD', 'x5', '2-0', 'f', 'v']);
    expect(text(await w.read())).toContain('2-0');
  });

  it('tells a group reader when its key or group disappears', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x6', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x6', '>']);
    await blocked(p, 1);
    await p.call(['DEL', 'x6']);
    // 7.2 re-runs the command, which finds neither key nor group; 7.0 answered UNBLOCKED.
    expect(text(await w.read())).toBe(
      is72 ? "-NOGROUP No such key 'x6' or consumer group 'g' in XREADGROUP with GROUP option\r\n" : '-UNBLOCKED the stream key no longer exists\r\n',
    );
    await p.call(['XGROUP', 'CREATE', 'x6', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x6', '>']);
    await blocked(p, 1);
    expect(text(await p.call(['XGROUP', 'DESTROY', 'x6', 'g']))).toBe(':1\r\n');
    expect(text(await w.read())).toBe(
      is72
        ? "-NOGROUP No such key 'x6' or consumer group 'g' in XREADGROUP with GROUP option\r\n"
        : '-NOGROUP the consumer group this client was blocked on no longer exists\r\n',
    );
    await blocked(p, 0);
  });

  it('tells a group reader when the database is flushed', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x10', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x10', '>']);
    await blocked(p, 1);
    await p.call(['FLUSHALL']);
    expect(text(await w.read())).toBe(
      is72 ? "-NOGROUP No such key 'x10' or consumer group 'g' in XREADGROUP with GROUP option\r\n" : '-UNBLOCKED the stream key no longer exists\r\n',
    );
  });

  it('serves or refuses a group reader when RENAME replaces its key', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', '{r}s', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', '{r}s', '>']);
    await blocked(p, 1);
    await p.call(['XGROUP', 'CREATE', '{r}s2', 'g', '$', 'MKSTREAM']);
    await p.call(['XADD', '{r}s2', '100-0', 'f', 'v']);
    await p.call(['RENAME', '{r}s2', '{r}s']);
    expect(text(await w.read())).toBe('*1\r\n*2\r\n$4\r\n{r}s\r\n*1\r\n*2\r\n$5\r\n100-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n');
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', '{r}s', '>']);
    await blocked(p, 1);
    await p.call(['XADD', '{r}s3', '200-0', 'f', 'v']);
    await p.call(['RENAME', '{r}s3', '{r}s']);
    expect(text(await w.read())).toBe(
      is72
        ? "-NOGROUP No such key '{r}s' or consumer group 'g' in XREADGROUP with GROUP option\r\n"
        : '-NOGROUP the consumer group this client was blocked on no longer exists\r\n',
    );
  });

  it.runIf(is72)('re-runs a group read after SWAPDB and after a transaction changed the type (7.2)', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['SELECT', '9']);
    await w.call(['SELECT', '9']);
    await p.call(['XGROUP', 'CREATE', 'sw', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'sw', '>']);
    await blocked(p, 1);
    await p.call(['SWAPDB', '4', '9']);
    expect(text(await w.read())).toBe("-NOGROUP No such key 'sw' or consumer group 'g' in XREADGROUP with GROUP option\r\n");
    await p.call(['FLUSHDB']);
    await p.call(['XGROUP', 'CREATE', 'sw', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'sw', '>']);
    await blocked(p, 1);
    await p.call(['MULTI']);
    await p.call(['DEL', 'sw']);
    await p.call(['SADD', 'sw', 'e1']);
    await p.call(['EXEC']);
    expect(text(await w.read())).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
    await p.call(['SELECT', '0']);
    await w.call(['SELECT', '0']);
  });

  it.runIf(is72)('answers a group reader WRONGTYPE when the key changes type (7.2)', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x7', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x7', '>']);
    await blocked(p, 1);
    await p.call(['SET', 'x7', 'str']);
    expect(text(await w.read())).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
  });

  it('does not block inside MULTI, and CLIENT UNBLOCK ends a wait', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x8', 'g', '$', 'MKSTREAM']);
    await w.call(['MULTI']);
    await w.call(['XREAD', 'BLOCK', '0', 'STREAMS', 'x8', '$']);
    await w.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x8', '>']);
    expect(text(await w.call(['EXEC']))).toBe('*2\r\n*-1\r\n*-1\r\n');
    const id = text(await w.call(['CLIENT', 'ID'])).slice(1, -2);
    w.send(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'x8', '>']);
    await blocked(p, 1);
    expect(text(await p.call(['CLIENT', 'UNBLOCK', id]))).toBe(':1\r\n');
    expect(text(await w.read())).toBe('*-1\r\n');
    w.send(['XREAD', 'BLOCK', '0', 'STREAMS', 'x8', '$']);
    await blocked(p, 1);
    expect(text(await p.call(['CLIENT', 'UNBLOCK', id, 'ERROR']))).toBe(':1\r\n');
    expect(text(await w.read())).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
  });

  it('lets a blocked group reader see entries another consumer did not take', async () => {
    const w = await conn();
    const p = await conn();
    await p.call(['XGROUP', 'CREATE', 'x9', 'g', '$', 'MKSTREAM']);
    w.send(['XREADGROUP', 'GROUP', 'g', 'slow', 'BLOCK', '0', 'COUNT', '10', 'STREAMS', 'x9', '>']);
    await blocked(p, 1);
    await p.call(['MULTI']);
    await p.call(['XADD', 'x9', '1-0', 'f', '1']);
    await p.call(['XADD', 'x9', '2-0', 'f', '2']);
    await p.call(['XREADGROUP', 'GROUP', 'g', 'fast', 'COUNT', '1', 'STREAMS', 'x9', '>']);
    await p.call(['EXEC']);
    expect(text(await w.read())).toBe('*1\r\n*2\r\n$2\r\nx9\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\n2\r\n');
  });
});
