#!/usr/bin/env node
// Regenerates test/fixtures/aof/: each fixture is the appendonlydir/ that the real redis-server found on PATH
// (7.0.15 here) wrote with `--appendonly yes` and the arguments below, after the commands below (MULTI/EXEC
// blocks, expiries, every type), with BGREWRITEAOF where noted. Next to each directory, <name>.json records
// what the server reported afterwards (DBSIZE per database, DEBUG DIGEST, INFO persistence's aof fields).
// Usage: node scripts/make-aof-fixtures.mjs
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { mkdtempSync, cpSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'aof');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
      if (b.length < nl + 4 + n) return null;
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
    while (buf.length > 0 && waiting.length > 0) {
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
  const proc = spawn('redis-server', ['--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'yes',
    '--appendfsync', 'always', '--enable-debug-command', 'yes', ...extra], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((res) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); res(true); });
      c.once('error', () => { c.destroy(); res(false); });
    });
    if (ok) break;
    await sleep(50);
  }
  const c = client(port);
  await c.ready;
  return { proc, c };
}

async function run(c, cmds) {
  for (const argv of cmds) {
    const r = await c.send(argv);
    if (r instanceof Error && !/^EXECABORT|^WRONGTYPE/.test(r.message)) throw new Error(`${argv.join(' ')}: ${r.message}`);
  }
}

/** Waits until no rewrite is in progress (bounded: 10 s). */
async function rewrite(c) {
  await run(c, [['bgrewriteaof']]);
  for (let i = 0; i < 200; i++) {
    const info = await c.send(['info', 'persistence']);
    if (/aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) return;
    await sleep(50);
  }
  throw new Error('BGREWRITEAOF did not finish');
}

const BATCH_A = [
  ['set', 'str', 'hello'],
  ['set', 'n', '42'],
  ['incr', 'n'],
  ['set', 'ttl', 'v', 'ex', '1000'],
  ['rpush', 'list', 'a', 'b', 'c'],
  ['sadd', 'set', 'x', 'y', '1'],
  ['zadd', 'zset', '1', 'one', '2.5', 'two'],
  ['hset', 'hash', 'f1', 'v1', 'f2', 'v2'],
  ['xadd', 'stream', '1-1', 'field', 'value'],
  ['multi'], ['set', 'tx1', 'a'], ['incrby', 'n', '10'], ['lpush', 'list', 'z'], ['exec'],
  ['select', '3'], ['set', 'db3key', 'in db 3'], ['select', '0'],
  ['set', 'binary', 'a\r\nb\x00c\xff'],
];
const BATCH_B = [
  ['del', 'str'],
  ['expire', 'hash', '5000'],
  ['append', 'binary', '-more'],
  ['multi'], ['hset', 'hash', 'f3', 'v3'], ['sadd', 'set', 'w'], ['exec'],
  ['setex', 'late', '2000', 'x'],
];

async function describe(c) {
  const out = { dbsize: {} };
  for (const db of [0, 3]) {
    await c.send(['select', String(db)]);
    out.dbsize[db] = await c.send(['dbsize']);
  }
  await c.send(['select', '0']);
  out.digest = await c.send(['debug', 'digest']);
  return out;
}

async function make(name, extra, steps, note) {
  const dir = mkdtempSync(join(tmpdir(), 'aoffix-'));
  const { proc, c } = await startRedis(dir, extra);
  try {
    await steps(c);
    const info = await describe(c);
    const files = readdirSync(join(dir, 'appendonlydir')).sort();
    rmSync(join(OUT, name), { recursive: true, force: true });
    cpSync(join(dir, 'appendonlydir'), join(OUT, name), { recursive: true });
    const server = (await c.send(['info', 'server'])).match(/redis_version:(\S+)/)[1];
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ server, args: extra, note, files, ...info }, null, 2) + '\n');
  } finally {
    c.close();
    proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await make('plain-7.0', ['--aof-use-rdb-preamble', 'no'], async (c) => {
  await run(c, BATCH_A);
  await run(c, BATCH_B);
}, 'no rewrite: an empty RESP base file and one incr file holding every command');

await make('rewritten-plain-7.0', ['--aof-use-rdb-preamble', 'no'], async (c) => {
  await run(c, BATCH_A);
  await rewrite(c);
  await run(c, BATCH_B);
}, 'BGREWRITEAOF without RDB preamble: a RESP base file, then an incr file');

await make('preamble-7.0', ['--aof-use-rdb-preamble', 'yes'], async (c) => {
  await run(c, BATCH_A);
  await rewrite(c);
  await run(c, BATCH_B);
}, 'BGREWRITEAOF with RDB preamble: an RDB base file, then an incr file');

await make('timestamps-7.0', ['--aof-use-rdb-preamble', 'no', '--aof-timestamp-enabled', 'yes'], async (c) => {
  for (let i = 0; i < 3; i++) {
    await run(c, [['set', `t${i}`, String(i)], ['rpush', 'tl', String(i)]]);
    await sleep(1100);
  }
  await run(c, [['multi'], ['set', 'tx', '1'], ['set', 'ty', '2'], ['exec']]);
}, 'aof-timestamp-enabled: #TS:<unix> annotations between commands written in three different seconds');
console.log('fixtures written to', OUT);
