#!/usr/bin/env node
// Regenerates test/fixtures/rdb/: each fixture is an RDB file saved by the real redis-server found on
// PATH (7.0.15 here) after the commands below, plus <name>.json with what that server reported for every
// key (type, OBJECT ENCODING, PEXPIRETIME, value, and for LRU/LFU files OBJECT IDLETIME/FREQ).
// Usage: node scripts/make-rdb-fixtures.mjs
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'rdb');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

/** A tiny RESP2 client: send(argv) resolves with the decoded reply (bulk strings as latin1). */
function client(port) {
  const sock = connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  const waiting = [];
  const parse = (b, p) => {
    const nl = b.indexOf('\r\n', p);
    if (nl < 0) return null;
    const t = String.fromCharCode(b[p]);
    const line = b.latin1Slice(p + 1, nl);
    if (t === '+') return [line, nl + 2];
    if (t === '-') return [new Error(line), nl + 2];
    if (t === ':') return [Number(line), nl + 2];
    if (t === '$') {
      const n = Number(line);
      if (n < 0) return [null, nl + 2];
      if (b.length < nl + 2 + n + 2) return null;
      return [b.latin1Slice(nl + 2, nl + 2 + n), nl + 4 + n];
    }
    if (t === '*') {
      const n = Number(line);
      if (n < 0) return [null, nl + 2];
      const arr = [];
      let q = nl + 2;
      for (let i = 0; i < n; i++) {
        const r = parse(b, q);
        if (r === null) return null;
        arr.push(r[0]);
        q = r[1];
      }
      return [arr, q];
    }
    throw new Error('bad reply ' + t);
  };
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (buf.length === 0 || waiting.length === 0) return;
      const r = parse(buf, 0);
      if (r === null) return;
      buf = buf.subarray(r[1]);
      waiting.shift()(r[0]);
    }
  });
  const ready = new Promise((res) => sock.once('connect', res));
  return {
    ready,
    send(argv) {
      const parts = [`*${argv.length}\r\n`];
      for (const a of argv) parts.push(`$${Buffer.byteLength(String(a), 'latin1')}\r\n${a}\r\n`);
      sock.write(Buffer.from(parts.join(''), 'latin1'));
      return new Promise((res) => waiting.push(res));
    },
    close() { sock.destroy(); },
  };
}

async function startRedis(dir, extra) {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--dir', dir, '--dbfilename', 'dump.rdb', '--save', '',
    '--enable-debug-command', 'yes', ...extra], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((res) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); res(true); });
      c.once('error', () => { c.destroy(); res(false); });
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const c = client(port);
  await c.ready;
  return { proc, c };
}

const bin = (n) => Array.from({ length: n }, (_, i) => String.fromCharCode((i * 37 + 11) & 0xff)).join('');
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

/** Every type and every encoding Redis 7.0 writes, in three databases, with expiries. */
async function populateTypes(c) {
  const cmds = [
    ['set', 'str:small', 'hello'],
    ['set', 'str:int8', '-100'],
    ['set', 'str:int16', '30000'],
    ['set', 'str:int32', '-2000000000'],
    ['set', 'str:int64', '9223372036854775807'],
    ['set', 'str:notint', '007'],
    ['set', 'str:empty', ''],
    ['set', 'str:binary', bin(300)],
    ['set', 'str:compressible', 'abc'.repeat(200)],
    ['set', 'str:big', range(3000, (i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('')],
    ['set', 'str:ttl', 'expiring', 'px', '86400000'],
    ['rpush', 'list:small', 'a', '1', '-5', '300000', 'x'.repeat(70), bin(20)],
    ['rpush', 'list:big', ...range(600, (i) => (i % 3 === 0 ? String(i * 1000) : `element-${i}`))],
    ['rpush', 'list:longelem', 'y'.repeat(10000), 'short'],
    ['sadd', 'set:intset', '1', '2', '3', '-70000', '5000000000'],
    ['sadd', 'set:strings', 'alpha', 'beta', 'gamma'],
    ['sadd', 'set:big', ...range(600, (i) => `m${i}`)],
    ['zadd', 'zset:small', '1', 'one', '2.5', 'two', '-3', 'three', 'inf', 'pinf', '-inf', 'ninf', '100', '42'],
    ['zadd', 'zset:big', ...range(200, (i) => [String(i / 7), `member:${i}`]).flat()],
    ['zadd', 'zset:longmember', '1', 'z'.repeat(100)],
    ['hset', 'hash:small', 'f1', 'v1', 'num', '12345', 'bin', bin(10)],
    ['hset', 'hash:big', ...range(600, (i) => [`field${i}`, `value${i}`]).flat()],
    ['hset', 'hash:longvalue', 'k', 'v'.repeat(100)],
    ['set', 'hll:key', ''],
    ['del', 'hll:key'],
    ['pfadd', 'hll:key', 'a', 'b', 'c'],
    ['xadd', 'stream:s', '1-1', 'name', 'alice', 'age', '30'],
    ['xadd', 'stream:s', '1-2', 'name', 'bob', 'age', '31'],
    ['xadd', 'stream:s', '2-0', 'other', 'field'],
    ['xadd', 'stream:s', '3-0', 'name', 'carol', 'age', '32'],
    ['xdel', 'stream:s', '1-2'],
    ['xgroup', 'create', 'stream:s', 'g1', '0'],
    ['xgroup', 'create', 'stream:s', 'g2', '$'],
    ['xreadgroup', 'group', 'g1', 'c1', 'count', '2', 'streams', 'stream:s', '>'],
    ['xreadgroup', 'group', 'g1', 'c2', 'count', '1', 'streams', 'stream:s', '>'],
    ['xgroup', 'createconsumer', 'stream:s', 'g2', 'idle'],
    ['xadd', 'stream:empty', 'maxlen', '0', '5-5', 'f', 'v'],
    ['xadd', 'stream:big', 'maxlen', '1000', '*', 'a', '1'],
    ['expire', 'list:small', '100000'],
    ['pexpireat', 'hash:small', '4102444800000'],
    ['function', 'load', "#!lua name=fixturelib\nredis.register_function('fixture_echo', function(keys, args) return args[1] end)"],
    ['select', '1'],
    ['set', 'db1:key', 'in db one'],
    ['rpush', 'db1:list', 'x', 'y'],
    ['select', '5'],
    ['set', 'db5:key', 'in db five', 'ex', '100000'],
    ['select', '0'],
  ];
  for (let i = 0; i < 300; i++) cmds.push(['xadd', 'stream:big', '*', 'a', String(i), 'b', `v${i}`]);
  for (const argv of cmds) {
    const r = await c.send(argv);
    if (r instanceof Error) throw new Error(`${argv.join(' ')}: ${r.message}`);
  }
}

async function describeKeys(c, withClock) {
  const out = {};
  for (const db of [0, 1, 5]) {
    await c.send(['select', String(db)]);
    const keys = (await c.send(['keys', '*'])).sort();
    const dbOut = {};
    for (const k of keys) {
      const type = await c.send(['type', k]);
      const d = { type, encoding: await c.send(['object', 'encoding', k]), pexpiretime: await c.send(['pexpiretime', k]) };
      if (type === 'string') d.value = await c.send(['get', k]);
      else if (type === 'list') d.value = await c.send(['lrange', k, '0', '-1']);
      else if (type === 'set') d.value = (await c.send(['smembers', k])).sort();
      else if (type === 'zset') d.value = await c.send(['zrange', k, '0', '-1', 'withscores']);
      else if (type === 'hash') {
        const flat = await c.send(['hgetall', k]);
        const pairs = [];
        for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
        d.value = pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      } else if (type === 'stream') {
        d.value = await c.send(['xrange', k, '-', '+']);
        d.info = await c.send(['xinfo', 'stream', k, 'full']);
      }
      if (withClock === 'lru') d.idletime = await c.send(['object', 'idletime', k]);
      if (withClock === 'lfu') d.freq = await c.send(['object', 'freq', k]);
      dbOut[k] = d;
    }
    if (keys.length > 0) out[db] = dbOut;
  }
  await c.send(['select', '0']);
  return out;
}

async function make(name, extra, populate, withClock) {
  const dir = mkdtempSync(join(tmpdir(), 'rdbfix-'));
  const { proc, c } = await startRedis(dir, extra);
  try {
    await populate(c);
    const expected = { server: (await c.send(['info', 'server'])).match(/redis_version:(\S+)/)[1], args: extra, keys: await describeKeys(c, withClock) };
    expected.functions = await c.send(['function', 'list', 'withcode']);
    expected.digest = await c.send(['debug', 'digest']);
    const r = await c.send(['save']);
    if (r instanceof Error) throw r;
    copyFileSync(join(dir, 'dump.rdb'), join(OUT, `${name}.rdb`));
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify(expected, null, 1) + '\n');
    console.log(`${name}.rdb written`);
  } finally {
    c.close();
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await make('types-7.0', [], populateTypes);
await make('types-7.0-plain', ['--rdbcompression', 'no', '--rdbchecksum', 'no'], populateTypes);
await make('list-compressed-7.0', ['--list-compress-depth', '1', '--list-max-listpack-size', '8'], async (c) => {
  await c.send(['rpush', 'l', ...range(100, (i) => `compressible-element-${i % 5}-${'q'.repeat(30)}`)]);
});
await make('list-plain-node-7.0', [], async (c) => {
  await c.send(['debug', 'quicklist-packed-threshold', '100']);
  await c.send(['rpush', 'l', 'small', 'p'.repeat(500), 'tail']);
});
await make('lru-7.0', ['--maxmemory-policy', 'allkeys-lru'], async (c) => {
  await c.send(['set', 'a', '1']);
  await c.send(['set', 'b', '2']);
}, 'lru');
await make('lfu-7.0', ['--maxmemory-policy', 'allkeys-lfu'], async (c) => {
  await c.send(['set', 'a', '1']);
  for (let i = 0; i < 20; i++) await c.send(['get', 'a']);
  await c.send(['set', 'b', '2']);
}, 'lfu');
