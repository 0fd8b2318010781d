// Long-running scripts, run the same way against cinnabar and the real redis-server and compared byte for
// byte: past busy-reply-threshold other clients get BUSY (EVAL and function wordings) except for the
// allow-busy commands, SCRIPT KILL / FUNCTION KILL stop a script that has not written (and refuse each
// other's kind), UNKILLABLE once it wrote, NOTBUSY when nothing runs, SHUTDOWN NOSAVE ends the server
// without saving, FUNCTION LOAD's 500 ms limit, connections opened while a script runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection, RespClosedError } from '../helpers/resp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (b: Buffer): string => b.toString('latin1');

/** What one server answered at each step of a session. */
type Transcript = Array<[string, string]>;

/**
 * Sends the script from `caller`, then waits from `other` until the server is busy with it: a PING
 * answered PONG means the script had not started yet (tried again); once it runs, the PING is answered
 * only after busy-reply-threshold, with BUSY.
 */
async function startBusy(caller: RespConnection, other: RespConnection, argv: string[], t: Transcript): Promise<void> {
  caller.send(argv);
  for (let i = 0; i < 100; i++) {
    const r = text(await other.call(['PING'], 20_000));
    if (r.startsWith('-BUSY')) {
      t.push(['PING while busy', r]);
      return;
    }
    await sleep(20);
  }
  throw new Error('the server never became busy');
}

async function step(t: Transcript, label: string, c: RespConnection, argv: string[], normalize?: (s: string) => string): Promise<void> {
  const r = text(await c.call(argv, 20_000));
  t.push([label, normalize ? normalize(r) : r]);
}

/** Two connections opened before any script runs. */
async function connections(s: RunningServer): Promise<[RespConnection, RespConnection]> {
  return [await RespConnection.open(s.port, { readTimeoutMs: 20_000 }), await RespConnection.open(s.port, { readTimeoutMs: 20_000 })];
}

const LIBRARY = [
  '#!lua name=busylib',
  "redis.register_function('spin', function() while true do end end)",
  "redis.register_function('spinw', function(keys) redis.call('set', keys[1], 'v') while true do end end)",
  "redis.register_function{function_name='quick', callback=function() return 'done' end, flags={'no-writes'}}",
].join('\n');

/** The session over one server: every reply in order. */
async function killSession(s: RunningServer): Promise<Transcript> {
  const t: Transcript = [];
  const [a, b] = await connections(s);
  try {
    await step(t, 'config set', b, ['CONFIG', 'SET', 'busy-reply-threshold', '100']);
    await step(t, 'config get alias', b, ['CONFIG', 'GET', 'lua-time-limit']);
    await step(t, 'script kill idle', b, ['SCRIPT', 'KILL']);
    await step(t, 'function kill idle', b, ['FUNCTION', 'KILL']);
    await step(t, 'function load', b, ['FUNCTION', 'LOAD', LIBRARY]);
    await step(t, 'function stats idle', b, ['FUNCTION', 'STATS']);

    // An EVAL script in an endless loop.
    await startBusy(a, b, ['EVAL', 'while true do end', '0'], t);
    await step(t, 'get', b, ['GET', 'k']);
    await step(t, 'set', b, ['SET', 'k', 'v']);
    await step(t, 'function kill of a script', b, ['FUNCTION', 'KILL']);
    await step(t, 'function stats during eval', b, ['FUNCTION', 'STATS']);
    await step(t, 'shutdown without nosave', b, ['SHUTDOWN']);
    await step(t, 'fcall', b, ['FCALL', 'quick', '0']);
    await step(t, 'multi', b, ['MULTI']);
    await step(t, 'queued get', b, ['GET', 'k']);
    await step(t, 'watch in multi', b, ['WATCH', 'k']);
    await step(t, 'exec', b, ['EXEC']);
    await step(t, 'exec without multi', b, ['EXEC']);
    await step(t, 'client setname', b, ['CLIENT', 'SETNAME', 'x']);
    await step(t, 'script kill', b, ['SCRIPT', 'KILL']);
    t.push(['caller', text(await a.read(20_000))]);
    await step(t, 'script kill after', b, ['SCRIPT', 'KILL']);
    await step(t, 'ping after', b, ['PING']);
    await step(t, 'caller ping after', a, ['PING']);
    await step(t, 'k untouched', a, ['EXISTS', 'k']);

    // pcall cannot keep a killed script alive.
    await startBusy(a, b, ['EVAL', 'local n = 0\nwhile true do\n  pcall(function() while true do n = n + 1 end end)\nend', '0'], t);
    await step(t, 'script kill (pcall loop)', b, ['SCRIPT', 'KILL']);
    t.push(['caller (pcall loop)', text(await a.read(20_000))]);

    // A function in an endless loop.
    await startBusy(a, b, ['FCALL', 'spin', '0'], t);
    await step(t, 'script kill of a function', b, ['SCRIPT', 'KILL']);
    await step(t, 'function stats during fcall', b, ['FUNCTION', 'STATS'], (r) => r.replace(/duration_ms\r\n:\d+/, 'duration_ms\r\n:N'));
    await step(t, 'hello', b, ['HELLO', '2'], (r) => r.slice(0, 1));
    await step(t, 'function kill', b, ['FUNCTION', 'KILL']);
    t.push(['fcall caller', text(await a.read(20_000))]);
    await step(t, 'fcall quick after', a, ['FCALL', 'quick', '0']);

    // A function that wrote cannot be killed; it keeps running (this session ends its server).
    await startBusy(a, b, ['FCALL', 'spinw', '1', 'w'], t);
    await step(t, 'function kill after a write', b, ['FUNCTION', 'KILL']);
    await step(t, 'script kill after a write', b, ['SCRIPT', 'KILL']);
  } finally {
    a.close();
    b.close();
  }
  return t;
}

/** A script that wrote, then loops: UNKILLABLE, and SHUTDOWN NOSAVE ends the server without saving. */
async function shutdownSession(s: RunningServer): Promise<{ t: Transcript; exitCode: number | null; rdb: boolean }> {
  const t: Transcript = [];
  const [a, b] = await connections(s);
  try {
    await step(t, 'config set', b, ['CONFIG', 'SET', 'busy-reply-threshold', '100']);
    // Save points make a plain SHUTDOWN save; NOSAVE must not.
    await step(t, 'save points', b, ['CONFIG', 'SET', 'save', '3600 1']);
    await step(t, 'set', b, ['SET', 'before', '1']);
    await startBusy(a, b, ['EVAL', "redis.call('incr', 'counter') while true do end", '0'], t);
    await step(t, 'script kill after a write', b, ['SCRIPT', 'KILL']);
    await step(t, 'function kill of a script that wrote', b, ['FUNCTION', 'KILL']);
    await step(t, 'shutdown abort', b, ['SHUTDOWN', 'ABORT']);
    await step(t, 'shutdown save', b, ['SHUTDOWN', 'SAVE']);
    b.send(['SHUTDOWN', 'NOSAVE']);
    t.push(['shutdown nosave', await b.read(20_000).then(text, (e) => (e instanceof RespClosedError ? 'closed' : String(e)))]);
    t.push(['caller', await a.read(20_000).then(text, (e) => (e instanceof RespClosedError ? 'closed' : String(e)))]);
  } finally {
    a.close();
    b.close();
  }
  const exited = await new Promise<boolean>((resolve) => {
    if (s.proc.exitCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), 20_000);
    s.proc.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  return { t, exitCode: exited ? s.proc.exitCode : null, rdb: existsSync(join(s.dir, 'dump.rdb')) };
}

/** Connections opened while a script runs (as redis-cli opens one for SCRIPT KILL) are served. */
async function newConnectionSession(s: RunningServer): Promise<Transcript> {
  const t: Transcript = [];
  const [a, b] = await connections(s);
  const opened: RespConnection[] = [];
  try {
    await step(t, 'config set', b, ['CONFIG', 'SET', 'busy-reply-threshold', '100']);
    await startBusy(a, b, ['EVAL', 'while true do end', '0'], t);
    for (let i = 0; i < 3; i++) {
      const c = await RespConnection.open(s.port, { readTimeoutMs: 20_000 });
      opened.push(c);
      await step(t, `new connection ${i} ping`, c, ['PING']);
    }
    await step(t, 'script kill from a new connection', opened[2], ['SCRIPT', 'KILL']);
    t.push(['caller', text(await a.read(20_000))]);
    for (const [i, c] of opened.entries()) await step(t, `new connection ${i} after`, c, ['ECHO', `c${i}`]);
    // A second busy period: accepting again.
    await startBusy(a, b, ['EVAL', 'while true do end', '0'], t);
    const late = await RespConnection.open(s.port, { readTimeoutMs: 20_000 });
    opened.push(late);
    await step(t, 'script kill again', late, ['SCRIPT', 'KILL']);
    t.push(['caller again', text(await a.read(20_000))]);
    await step(t, 'late connection after', late, ['PING']);
  } finally {
    for (const c of [a, b, ...opened]) c.close();
  }
  return t;
}

/** FUNCTION LOAD stops a library whose top-level code runs longer than 500 ms. */
async function loadTimeoutSession(s: RunningServer): Promise<Transcript> {
  const t: Transcript = [];
  const [a] = await connections(s);
  try {
    await step(t, 'endless library', a, ['FUNCTION', 'LOAD', "#!lua name=forever\nwhile true do end\nredis.register_function('f', function() return 1 end)"]);
    await step(t, 'library not loaded', a, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'forever']);
    await step(t, 'ping', a, ['PING']);
  } finally {
    a.close();
  }
  return t;
}

describe('long-running scripts (differential)', () => {
  const servers: RunningServer[] = [];
  let cinnabar: RunningServer;
  let redis: RunningServer;
  beforeAll(async () => {
    [cinnabar, redis] = await Promise.all([startCinnabar(), startRedis()]);
    servers.push(cinnabar, redis);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('FUNCTION LOAD gives up after 500 ms', async () => {
    const [mine, theirs] = [await loadTimeoutSession(cinnabar), await loadTimeoutSession(redis)];
    expect(mine).toEqual(theirs);
    expect(mine[0][1]).toBe('-ERR Error registering functions: ERR FUNCTION LOAD timeout\r\n');
  }, 60_000);

  it('connections opened while a script runs are accepted and served', async () => {
    const mine = await newConnectionSession(cinnabar);
    const theirs = await newConnectionSession(redis);
    expect(mine).toEqual(theirs);
    expect(mine.find(([l]) => l === 'new connection 0 ping')?.[1]).toMatch(/^-BUSY /);
  }, 120_000);

  it('BUSY, allow-busy commands, SCRIPT KILL, FUNCTION KILL, NOTBUSY, UNKILLABLE', async () => {
    const mine = await killSession(cinnabar);
    const theirs = await killSession(redis);
    expect(mine).toEqual(theirs);
    // The transcript holds what the issue is about, not only agreement.
    const get = (label: string) => mine.find(([l]) => l === label)?.[1];
    expect(get('PING while busy')).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
    expect(get('caller')).toMatch(/^-ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.\r\n$/);
    expect(get('fcall caller')).toBe('-ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:2.\r\n');
    expect(get('script kill after')).toBe('-NOTBUSY No scripts in execution right now.\r\n');
    expect(get('function kill after a write')).toMatch(/^-UNKILLABLE /);
  }, 120_000);

  it('SHUTDOWN NOSAVE ends a server busy with a script that wrote, without saving', async () => {
    const pair = await Promise.all([startCinnabar(), startRedis()]);
    servers.push(...pair);
    const [mine, theirs] = [await shutdownSession(pair[0]), await shutdownSession(pair[1])];
    expect(mine.t).toEqual(theirs.t);
    expect(mine.exitCode).toBe(theirs.exitCode);
    expect(mine.exitCode).toBe(0);
    expect(mine.rdb).toBe(false);
    expect(theirs.rdb).toBe(false);
  }, 120_000);
});
