// MONITOR and SLOWLOG over the wire on cinnabar and redis-server: the same commands produce the same
// MONITOR lines (timestamps and client ports masked) — including commands run by scripts ("lua"),
// MULTI/EXEC ordering, redacted passwords, SELECT's database and quoting — and slow log entries of the
// same shape with the same arguments (shortened as Redis shortens them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection, decodeReply, type RespValue } from '../helpers/resp.js';

let cin: RunningServer;
let ref: RunningServer;
beforeAll(async () => {
  [cin, ref] = await Promise.all([startCinnabar(['--enable-debug-command', 'yes']), startRedis(['--enable-debug-command', 'yes'])]);
});
afterAll(async () => {
  await Promise.all([cin?.stop(), ref?.stop()]);
});

const SCRIPT = "redis.call('set', KEYS[1], ARGV[1]) return redis.call('get', KEYS[1])";

async function monitorLines(port: number): Promise<string[]> {
  const mon = await RespConnection.open(port);
  const cli = await RespConnection.open(port);
  try {
    expect((await mon.call(['MONITOR'])).toString()).toBe('+OK\r\n');
    const steps: string[][] = [
      ['SET', 'a b', 'x"y\n\x01\xff'],
      ['GET', 'nokey'],
      ['EVAL', SCRIPT, '1', 'sk', 'sv'],
      ['MULTI'],
      ['INCR', 'm'],
      ['EXEC'],
      ['SELECT', '3'],
      ['SET', 'in3', '1'],
      ['SELECT', '0'],
      ['AUTH', 'secret'],
      ['HELLO', '2', 'AUTH', 'default', 'pw'],
      ['CONFIG', 'GET', 'maxmemory'],
      ['DEBUG', 'SLEEP', '0'],
      ['PING'],
    ];
    for (const s of steps) await cli.call(s);
    const lines: string[] = [];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const r = await mon.read(1000).catch(() => null);
      if (r === null) break;
      lines.push(r.toString('latin1'));
    }
    // Mask what differs by nature: the time and the client's port.
    return lines.map((l) => l.replace(/^\+\d+\.\d{6} /, '+T ').replace(/127\.0\.0\.1:\d+/, 'ADDR'));
  } finally {
    mon.close();
    cli.close();
  }
}

describe('MONITOR', () => {
  it('shows the same lines as redis-server', async () => {
    const ours = await monitorLines(cin.port);
    const theirs = await monitorLines(ref.port);
    expect(theirs.length).toBeGreaterThan(10);
    expect(ours).toEqual(theirs);
  });
});

function shape(v: RespValue): unknown {
  // Entry: id, time, duration, argv, addr, name — compare argv, name and the types of the rest.
  return (v.items ?? []).map((e) => {
    const f = e.items ?? [];
    return [f[0]?.type, f[1]?.type, f[2]?.type, (f[3]?.items ?? []).map((a) => a.data?.toString('latin1')), f[4]?.type, f[5]?.data?.toString('latin1')];
  });
}

async function slowlogRun(port: number): Promise<unknown[]> {
  const c = await RespConnection.open(port);
  try {
    const out: unknown[] = [];
    await c.call(['CONFIG', 'SET', 'slowlog-log-slower-than', '0']);
    await c.call(['SLOWLOG', 'RESET']);
    await c.call(['CLIENT', 'SETNAME', 'slowpoke']);
    await c.call(['SET', 'k', 'v'.repeat(200)]);
    await c.call(['RPUSH', 'l', ...Array.from({ length: 40 }, (_, i) => `e${i}`)]);
    await c.call(['EVAL', "return redis.call('get', 'k')", '0']);
    await c.call(['AUTH', 'nopass-here']);
    out.push(shape(decodeReply(await c.call(['SLOWLOG', 'GET', '4']))));
    out.push((await c.call(['SLOWLOG', 'LEN'])).toString());
    out.push((await c.call(['SLOWLOG', 'GET', '-2'])).toString());
    out.push((await c.call(['SLOWLOG', 'GET', 'x'])).toString());
    await c.call(['CONFIG', 'SET', 'slowlog-log-slower-than', '-1']);
    await c.call(['SLOWLOG', 'RESET']);
    await c.call(['GET', 'k']);
    out.push((await c.call(['SLOWLOG', 'LEN'])).toString());
    await c.call(['CONFIG', 'SET', 'slowlog-log-slower-than', '0', 'slowlog-max-len', '2']);
    for (let i = 0; i < 5; i++) await c.call(['PING']);
    out.push((await c.call(['SLOWLOG', 'LEN'])).toString());
    await c.call(['CONFIG', 'SET', 'slowlog-log-slower-than', '10000', 'slowlog-max-len', '128']);
    return out;
  } finally {
    c.close();
  }
}

describe('SLOWLOG', () => {
  it('records the same entries as redis-server', async () => {
    const ours = await slowlogRun(cin.port);
    const theirs = await slowlogRun(ref.port);
    expect(ours).toEqual(theirs);
  });
});
