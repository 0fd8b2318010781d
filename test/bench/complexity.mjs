#!/usr/bin/env node
// Complexity check (issue: documented complexity at 1,000,000 elements): times each operation in-process
// through the real command path at 10k, 100k and 1M elements and prints microseconds per operation. O(1)
// and O(log N) operations should stay flat or grow slowly from column to column; an O(N) one would grow
// a hundredfold. Needs `npm run build` first. Usage: node test/bench/complexity.mjs [--max 1000000]
import { createHarness } from '../../dist/src/server/harness.js';
import Table from 'cli-table3';

const argv = process.argv.slice(2);
const maxIdx = argv.indexOf('--max');
const MAX = maxIdx >= 0 ? Number(argv[maxIdx + 1]) : 1_000_000;
const SIZES = [10_000, 100_000, 1_000_000].filter((n) => n <= MAX);
const OPS = 20_000;

function fill(h, n) {
  const batch = [];
  for (let i = 0; i < n; i++) {
    h.run(['zadd', 'z', String(i * 1.5), `m${i}`]);
    h.run(['rpush', 'l', `e${i}`]);
    h.run(['sadd', 's', `m${i}`]);
    h.run(['hset', 'h', `f${i}`, `v${i}`]);
  }
  return batch;
}

function time(fn) {
  const t0 = performance.now();
  for (let i = 0; i < OPS; i++) fn(i);
  return ((performance.now() - t0) * 1000) / OPS;
}

const rows = new Map();
for (const n of SIZES) {
  const h = createHarness();
  fill(h, n);
  const r = (i) => (i * 7919) % n;
  const results = {
    'ZADD (update score)': time((i) => h.run(['zadd', 'z', String(r(i) + 0.25), `m${r(i)}`])),
    'ZINCRBY': time((i) => h.run(['zincrby', 'z', '1', `m${r(i)}`])),
    'ZRANK': time((i) => h.run(['zrank', 'z', `m${r(i)}`])),
    'ZRANGE by rank (10 from the middle)': time(() => h.run(['zrange', 'z', String(n >> 1), String((n >> 1) + 9)])),
    'ZRANGE BYSCORE (10 from the middle)': time(() => h.run(['zrange', 'z', String(n * 0.75), '+inf', 'BYSCORE', 'LIMIT', '0', '10'])),
    'ZRANDMEMBER 10': time(() => h.run(['zrandmember', 'z', '10'])),
    'LPUSH + RPOP': time((i) => {
      h.run(['lpush', 'l', `x${i}`]);
      h.run(['rpop', 'l']);
    }),
    'LRANGE 0 9': time(() => h.run(['lrange', 'l', '0', '9'])),
    'LRANGE -10 -1': time(() => h.run(['lrange', 'l', '-10', '-1'])),
    'LINDEX middle': time(() => h.run(['lindex', 'l', String(n >> 1)])),
    'SISMEMBER': time((i) => h.run(['sismember', 's', `m${r(i)}`])),
    'SRANDMEMBER 10': time(() => h.run(['srandmember', 's', '10'])),
    'SPOP + SADD': time(() => {
      const m = h.run(['spop', 's']);
      h.run(['sadd', 's', m]);
    }),
    'HGET': time((i) => h.run(['hget', 'h', `f${r(i)}`])),
    'HRANDFIELD 10': time(() => h.run(['hrandfield', 'h', '10'])),
    'SETBIT (10M-bit bitmap)': time((i) => h.run(['setbit', 'b', String((i * 104729) % 10_000_000), String(i & 1)])),
  };
  for (const [k, v] of Object.entries(results)) {
    if (!rows.has(k)) rows.set(k, []);
    rows.get(k).push(v);
  }
  h.close();
}

const table = new Table({ head: ['operation', ...SIZES.map((n) => `${n.toLocaleString('en-US')} elements`), 'growth'] });
for (const [k, vs] of rows) table.push([k, ...vs.map((v) => `${v.toFixed(2)} us`), `${(vs[vs.length - 1] / vs[0]).toFixed(1)}x`]);
console.log(`microseconds per operation through the command path, ${OPS} operations each`);
console.log(table.toString());
