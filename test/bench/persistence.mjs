#!/usr/bin/env node
// RDB persistence next to redis-server in one run (never part of `npm test`):
//   SAVE of 1M string keys, and start-up load of the file it wrote;
//   BGSAVE of the same dataset while a client sends GETs one at a time: the longest single request (the
//   event-loop stall the save causes) and GET p99 during the save against p99 when idle;
//   SAVE and start-up load of a 100k-member hash and a 100k-member sorted set;
//   SET throughput with appendonly yes / appendfsync everysec, then BGREWRITEAOF's duration;
//   BGSAVE of one 1M-element list, hash, set, sorted set or stream behind (or before) 200k string keys while
//   a client writes to that value (right away, then every 5 ms) and another sends PINGs: the longest
//   of each.
// Results go to test/bench/results-persistence.md.
//   node test/bench/persistence.mjs [--keys N] [--rounds N] [--no-build] [--big-only]
import { connect } from 'node:net';
import { writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, benchmarkCommand, build, command, log, startServer } from './lib.mjs';

const argv = process.argv.slice(2);
const KEYS = argv.includes('--keys') ? Number(argv[argv.indexOf('--keys') + 1]) : 1_000_000;

/** Loads `count` string keys with pipelined SETs (16-byte keys, 10-byte values). */
function load(port, count = KEYS) {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let pending = 0;
    let sent = 0;
    let buf = '';
    const batch = () => {
      let out = '';
      for (let i = 0; i < 1000 && sent < count; i++, sent++) {
        const k = `key:${String(sent).padStart(12, '0')}`;
        out += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$10\r\nvalue-${String(sent % 10000).padStart(4, '0')}\r\n`;
        pending++;
      }
      s.write(out);
    };
    s.on('data', (d) => {
      buf += d.toString('latin1');
      let n = 0;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n', i + 2)) n++;
      buf = buf.slice(buf.lastIndexOf('\r\n') + 2);
      pending -= n;
      if (pending === 0) {
        if (sent >= count) {
          s.destroy();
          resolve();
        } else batch();
      }
    });
    s.on('error', reject);
    batch();
  });
}

/** GETs one at a time for `ms` (or until stop() resolves true); per-request latencies in ms. */
function probe(port, until) {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    s.setNoDelay(true);
    const lat = [];
    let t0 = 0;
    const send = () => {
      t0 = performance.now();
      s.write('*2\r\n$3\r\nGET\r\n$16\r\nkey:000000000042\r\n');
    };
    s.on('data', async () => {
      lat.push(performance.now() - t0);
      if (await until()) {
        s.destroy();
        resolve(lat);
      } else send();
    });
    s.on('error', reject);
    s.on('connect', send);
  });
}

/** redis-server accepts connections while it loads (answering LOADING): wait until it has loaded. */
async function loaded(port) {
  for (;;) {
    const r = await command(port, ['DBSIZE']);
    if (!r.startsWith('-LOADING')) return;
    await new Promise((res) => setTimeout(res, 5));
  }
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
};

async function waitBgsave(port) {
  for (;;) {
    const info = await command(port, ['INFO', 'persistence']);
    if (/rdb_bgsave_in_progress:0/.test(info)) return /rdb_last_bgsave_status:ok/.test(info);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** INFO persistence over one connection; ask() resolves null while a previous ask is unanswered. */
function infoPoller(port) {
  const sock = connect(port, '127.0.0.1');
  sock.setNoDelay(true);
  let buf = '';
  let pending = null;
  sock.on('data', (d) => {
    buf += d.toString('latin1');
    const m = /^\$(\d+)\r\n/.exec(buf);
    if (m === null || buf.length < m[0].length + Number(m[1]) + 2) return;
    const body = buf.slice(m[0].length, m[0].length + Number(m[1]));
    buf = '';
    const p = pending;
    pending = null;
    p?.(body);
  });
  sock.on('error', () => {});
  return {
    ask() {
      if (pending !== null) return Promise.resolve(null);
      return new Promise((resolve) => {
        pending = resolve;
        sock.write('*2\r\n$4\r\nINFO\r\n$11\r\npersistence\r\n');
      });
    },
    close: () => sock.destroy(),
  };
}

const ROUNDS = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 3;

const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 2 s of GETs on the idle server, then GETs while one BGSAVE runs. */
async function bgsaveRound(port) {
  const idleEnd = Date.now() + 2000;
  const idle = await probe(port, async () => Date.now() > idleEnd);
  await command(port, ['BGSAVE']);
  const t = performance.now();
  let finished = false;
  // The end of the save is polled every 20 ms on one open connection, as a monitoring client would:
  // polling after each GET, or a new connection per poll, would add to the latency measured.
  const poller = infoPoller(port);
  const poll = setInterval(() => {
    void poller.ask().then((info) => {
      if (info !== null && /rdb_bgsave_in_progress:0/.test(info)) finished = true;
    });
  }, 20);
  const during = await probe(port, async () => finished);
  clearInterval(poll);
  poller.close();
  const bgsaveMs = performance.now() - t;
  await waitBgsave(port);
  return { idleP99: pct(idle, 99), duringP99: pct(during, 99), maxDuring: Math.max(...during), requestsDuring: during.length, bgsaveMs };
}

async function measure(kind) {
  const s = await startServer(kind);
  log(`${kind}: loading ${KEYS} keys`);
  await load(s.port);
  let t = performance.now();
  await command(s.port, ['SAVE']);
  const saveMs = performance.now() - t;
  const size = statSync(join(s.dir ?? '.', 'dump.rdb'), { throwIfNoEntry: false })?.size;
  // Rounds of: idle latency for 2 s, then latency while a background save runs. p99 over one save is
  // a handful of requests and moves with the host (other tenants, the kernel's writeback) as much as
  // with the server, so each round compares its save with the idle window just before it, and the
  // table reports the median round.
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await bgsaveRound(s.port));
  log(`${kind}: BGSAVE rounds ${rounds.map((x) => `${x.duringP99.toFixed(3)}/${x.idleP99.toFixed(3)}`).join(' ')} (p99 during/idle, ms)`);
  const byRatio = [...rounds].sort((a, b) => a.duringP99 / a.idleP99 - b.duringP99 / b.idleP99);
  const median = byRatio[Math.floor(byRatio.length / 2)];
  const bgsaveMs = medianOf(rounds.map((x) => x.bgsaveMs));
  const dir = s.dir;
  await s.stop({ keepDir: true });
  // Start-up load of the file the last save wrote (every round waited for its save to end).
  t = performance.now();
  const again = await startServer(kind, [], { dir });
  await loaded(again.port);
  const loadMs = performance.now() - t;
  const dbsize = await command(again.port, ['DBSIZE']);
  await again.stop();
  return {
    kind, saveMs, loadMs, bgsaveMs, size, dbsize: dbsize.trim(),
    idleP99: median.idleP99, duringP99: median.duringP99, maxDuring: Math.max(...rounds.map((x) => x.maxDuring)),
    requestsDuring: medianOf(rounds.map((x) => x.requestsDuring)), rounds,
  };
}

/** Pipelined writes of one big hash and one big zset (100k members each). */
function loadAggregates(port) {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const N = 100_000;
    let out = '';
    for (let i = 0; i < N; i += 100) {
      const h = ['HSET', 'bighash'];
      const z = ['ZADD', 'bigzset'];
      for (let j = i; j < i + 100; j++) h.push(`field:${j}`, `value:${j}`), z.push(String(j * 1.5), `member:${j}`);
      for (const argv of [h, z]) out += `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
    }
    let replies = 0;
    s.on('data', (d) => {
      for (const b of d) if (b === 10) replies++;
      if (replies >= (N / 100) * 2) {
        s.destroy();
        resolve();
      }
    });
    s.on('error', reject);
    s.write(out);
  });
}

async function aggregates(kind) {
  const s = await startServer(kind);
  await loadAggregates(s.port);
  let t = performance.now();
  await command(s.port, ['SAVE']);
  const saveMs = performance.now() - t;
  const dir = s.dir;
  await s.stop({ keepDir: true });
  t = performance.now();
  const again = await startServer(kind, [], { dir });
  await loaded(again.port);
  const loadMs = performance.now() - t;
  await again.stop();
  return { saveMs, loadMs };
}

async function waitRewrite(port) {
  for (;;) {
    const info = await command(port, ['INFO', 'persistence']);
    if (/aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function aof(kind) {
  const s = await startServer(kind, ['--appendonly', 'yes', '--appendfsync', 'everysec']);
  const rps = benchmarkCommand(s.port, ['-n', String(Math.min(KEYS, 500_000)), '-c', '50', '-P', '16', '-r', '1000000'], ['SET', 'key:__rand_int__', 'value-1234']);
  const t = performance.now();
  await command(s.port, ['BGREWRITEAOF']);
  await waitRewrite(s.port);
  const rewriteMs = performance.now() - t;
  await s.stop();
  return { rps, rewriteMs };
}

const resp = (argv) => `*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** A connection for commands with one-line or bulk-string replies, answered in order. */
function lineClient(port) {
  const s = connect(port, '127.0.0.1');
  s.setNoDelay(true);
  const waiting = [];
  let buf = '';
  s.on('data', (d) => {
    buf += d.toString('latin1');
    for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
      let reply;
      if (buf[0] === '$' && buf[1] !== '-') {
        const n = Number(buf.slice(1, i));
        if (buf.length < i + n + 4) break;
        reply = buf.slice(i + 2, i + 2 + n);
        buf = buf.slice(i + n + 4);
      } else {
        reply = buf.slice(0, i);
        buf = buf.slice(i + 2);
      }
      waiting.shift()?.(reply);
    }
  });
  s.on('error', () => {});
  const ready = new Promise((r) => s.once('connect', r));
  return {
    ready,
    send: (argv) => new Promise((r) => {
      waiting.push(r);
      s.write(resp(argv));
    }),
    /** Latency of one command (ms). */
    async timed(argv) {
      const t = performance.now();
      await this.send(argv);
      return performance.now() - t;
    },
    close: () => s.destroy(),
  };
}

const BIG = 1_000_000;
const BIG_TYPES = {
  list: { fill: (i) => ['RPUSH', 'big', ...Array.from({ length: 1000 }, (_, j) => `element:${i + j}`)], write: (n) => ['LPUSH', 'big', `pushed:${n}`] },
  hash: { fill: (i) => ['HSET', 'big', ...Array.from({ length: 1000 }, (_, j) => [`field:${i + j}`, `value:${i + j}`]).flat()], write: (n) => ['HSET', 'big', `field:${n * 7}`, `changed:${n}`] },
  set: { fill: (i) => ['SADD', 'big', ...Array.from({ length: 1000 }, (_, j) => `member:${i + j}`)], write: (n) => ['SREM', 'big', `member:${n * 7}`] },
  zset: { fill: (i) => ['ZADD', 'big', ...Array.from({ length: 1000 }, (_, j) => [String((i + j) * 1.5), `member:${i + j}`]).flat()], write: (n) => ['ZINCRBY', 'big', '1', `member:${n * 7}`] },
  // One entry per XADD: a batch is 1000 commands.
  stream: { fill: (i) => Array.from({ length: 1000 }, (_, j) => ['XADD', 'big', '*', 'field', `value:${i + j}`]), write: (n) => ['XADD', 'big', '*', 'written', String(n)] },
};

/**
 * One 1M-element value of a type behind 200k string keys (or before them, so the save is
 * writing it when the writes start: `ahead`): BGSAVE, then a write to the value and one every 5 ms until the
 * save ends, while another client sends PINGs.
 */
async function bigValue(kind, type, ahead = false) {
  const s = await startServer(kind);
  if (!ahead) await load(s.port, 200_000);
  const c = lineClient(s.port);
  await c.ready;
  const spec = BIG_TYPES[type];
  for (let i = 0; i < BIG; i += 10_000) {
    const batch = [];
    for (let j = i; j < i + 10_000; j += 1000) {
      const f = spec.fill(j);
      if (Array.isArray(f[0])) for (const argv of f) batch.push(c.send(argv));
      else batch.push(c.send(f));
    }
    await Promise.all(batch);
  }
  if (ahead) await load(s.port, 200_000);
  const p = lineClient(s.port);
  await p.ready;
  const bgsave = await c.timed(['BGSAVE']);
  const first = await c.timed(spec.write(0));
  let finished = false;
  const poller = infoPoller(s.port);
  const poll = setInterval(() => {
    void poller.ask().then((info) => {
      if (info !== null && /rdb_bgsave_in_progress:0/.test(info)) finished = true;
    });
  }, 20);
  const writes = (async () => {
    let longest = 0;
    for (let n = 1; !finished; n++) {
      longest = Math.max(longest, await c.timed(spec.write(n)));
      await new Promise((r) => setTimeout(r, 5));
    }
    return longest;
  })();
  let ping = 0;
  while (!finished) ping = Math.max(ping, await p.timed(['PING']));
  const longestWrite = await writes;
  clearInterval(poll);
  poller.close();
  const ok = await waitBgsave(s.port);
  c.close();
  p.close();
  await s.stop();
  log(`${kind} ${type}${ahead ? ' (first)' : ''}: BGSAVE ${bgsave.toFixed(1)} ms, first write ${first.toFixed(1)} ms, longest write ${longestWrite.toFixed(1)} ms, longest PING ${ping.toFixed(1)} ms${ok ? '' : ' (save failed)'}`);
  return { bgsave, first, longestWrite, ping, ok };
}

async function main() {
  if (!argv.includes('--no-build')) build();
  if (argv.includes('--big-only')) {
    for (const type of Object.keys(BIG_TYPES)) for (const first of [false, true]) for (const kind of ['cinnabar', 'redis']) await bigValue(kind, type, first);
    return;
  }
  const c = await measure('cinnabar');
  const r = await measure('redis');
  const ca = await aggregates('cinnabar');
  const ra = await aggregates('redis');
  const cf = await aof('cinnabar');
  const rf = await aof('redis');
  const big = [];
  for (const type of Object.keys(BIG_TYPES)) {
    big.push([type, await bigValue('cinnabar', type), await bigValue('redis', type)]);
    big.push([`${type}, first`, await bigValue('cinnabar', type, true), await bigValue('redis', type, true)]);
  }
  const f = (x) => x.toFixed(1);
  const lines = [
    '# RDB persistence',
    '',
    `Generated by \`node test/bench/persistence.mjs\` on ${new Date().toISOString().slice(0, 10)}; ${KEYS} string keys (16-byte keys, 10-byte values).`,
    'Start-up time: from spawning the process until it answers DBSIZE with the data loaded (process start included). GET latencies are single unpipelined requests from one client.',
    `BGSAVE: ${ROUNDS} rounds per server, each 2 s of GETs on the idle server then GETs while one BGSAVE runs; the p99 rows are the round with the median during/idle ratio, the duration and GET count medians, the longest GET the longest of all rounds (every round is listed below).`,
    '',
    '| measure | cinnabar | redis 7.0 | ratio (redis/cinnabar time) |',
    '| --- | ---: | ---: | ---: |',
    `| SAVE (ms) | ${f(c.saveMs)} | ${f(r.saveMs)} | ${(r.saveMs / c.saveMs).toFixed(2)} |`,
    `| start-up with the file (ms) | ${f(c.loadMs)} | ${f(r.loadMs)} | ${(r.loadMs / c.loadMs).toFixed(2)} |`,
    `| BGSAVE duration (ms) | ${f(c.bgsaveMs)} | ${f(r.bgsaveMs)} | ${(r.bgsaveMs / c.bgsaveMs).toFixed(2)} |`,
    `| GET p99 idle (ms) | ${c.idleP99.toFixed(3)} | ${r.idleP99.toFixed(3)} | |`,
    `| GET p99 during BGSAVE (ms) | ${c.duringP99.toFixed(3)} | ${r.duringP99.toFixed(3)} | |`,
    `| GET p99 during BGSAVE / idle | ${(c.duringP99 / c.idleP99).toFixed(2)} | ${(r.duringP99 / r.idleP99).toFixed(2)} | |`,
    `| longest GET during BGSAVE (ms) | ${f(c.maxDuring)} | ${f(r.maxDuring)} | |`,
    `| GETs answered during BGSAVE | ${c.requestsDuring} | ${r.requestsDuring} | |`,
    `| file size (bytes) | ${c.size} | ${r.size} | |`,
    `| SAVE, 100k-member hash + zset (ms) | ${f(ca.saveMs)} | ${f(ra.saveMs)} | ${(ra.saveMs / ca.saveMs).toFixed(2)} |`,
    `| start-up with them (ms) | ${f(ca.loadMs)} | ${f(ra.loadMs)} | ${(ra.loadMs / ca.loadMs).toFixed(2)} |`,
    '',
    '| BGSAVE round | cinnabar p99 idle / during (ms) | ratio | duration (ms) | redis p99 idle / during (ms) | ratio | duration (ms) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...c.rounds.map((x, i) => {
      const y = r.rounds[i];
      return `| ${i + 1} | ${x.idleP99.toFixed(3)} / ${x.duringP99.toFixed(3)} | ${(x.duringP99 / x.idleP99).toFixed(2)} | ${f(x.bgsaveMs)} | ${y.idleP99.toFixed(3)} / ${y.duringP99.toFixed(3)} | ${(y.duringP99 / y.idleP99).toFixed(2)} | ${f(y.bgsaveMs)} |`;
    }),
    '',
    '| AOF (appendfsync everysec) | cinnabar | redis 7.0 | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| SET -P 16 requests/s | ${cf.rps.toFixed(0)} | ${rf.rps.toFixed(0)} | ${(cf.rps / rf.rps).toFixed(2)} |`,
    `| BGREWRITEAOF after that (ms) | ${f(cf.rewriteMs)} | ${f(rf.rewriteMs)} | ${(rf.rewriteMs / cf.rewriteMs).toFixed(2)} (redis/cinnabar time) |`,
    '',
    'One value of 1M elements behind 200k string keys (\"first\": before them, so the save is writing it when the writes begin): BGSAVE, a write to the value right after, then one every 5 ms until the save ends, while another client sends PINGs one at a time (all in ms; redis forks, so its BGSAVE command itself is the fork).',
    '',
    '| big value | cinnabar BGSAVE / first write / longest write / longest PING | redis BGSAVE / first write / longest write / longest PING |',
    '| --- | ---: | ---: |',
    ...big.map(([type, x, y]) => `| ${type} | ${[x.bgsave, x.first, x.longestWrite, x.ping].map(f).join(' / ')}${x.ok ? '' : ' (failed)'} | ${[y.bgsave, y.first, y.longestWrite, y.ping].map(f).join(' / ')}${y.ok ? '' : ' (failed)'} |`),
    '',
  ];
  console.log(lines.join('\n'));
  writeFileSync(join(ROOT, 'test', 'bench', 'results-persistence.md'), lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
