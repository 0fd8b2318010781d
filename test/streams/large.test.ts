// A stream of 1,000,000 entries through the command path (in-process engine): XADD, windows read with
// XRANGE / XREVRANGE from both ends and the middle, XDEL, exact and approximate XTRIM, and a consumer
// group reading the end of it. Checks results, not timings (the test has a generous time bound only).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../src/server/harness.js';
import type { MapReply } from '../../src/protocol/reply.js';

const N = 1_000_000;
let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

const id = (i: number) => `${1_000_000 + Math.floor(i / 7)}-${i % 7}`;
const field = (r: unknown, name: string) => {
  const flat = (r as MapReply).flat;
  return flat[flat.indexOf(name) + 1];
};

it('holds a million entries and serves ranges, deletes and trims in bounded time', { timeout: 180_000 }, () => {
  const argv = ['xadd', 'big', '', 'f', ''];
  for (let i = 0; i < N; i++) {
    argv[2] = id(i);
    argv[4] = String(i);
    h.run(argv);
  }
  expect(h.run(['xlen', 'big'])).toBe(N);
  const info = h.run(['xinfo', 'stream', 'big']);
  expect(field(info, 'radix-tree-keys')).toBe(N / 100);
  expect(field(info, 'last-generated-id')).toBe(id(N - 1));

  expect(h.run(['xrange', 'big', '-', '+', 'COUNT', '2'])).toEqual([[id(0), ['f', '0']], [id(1), ['f', '1']]]);
  expect(h.run(['xrevrange', 'big', '+', '-', 'COUNT', '1'])).toEqual([[id(N - 1), ['f', String(N - 1)]]]);
  const mid = h.run(['xrange', 'big', id(500_000), '+', 'COUNT', '3']) as unknown[][];
  expect(mid.map((e) => e[0])).toEqual([id(500_000), id(500_001), id(500_002)]);
  const back = h.run(['xrevrange', 'big', `(${id(700_000)}`, '-', 'COUNT', '2']) as unknown[][];
  expect(back.map((e) => e[0])).toEqual([id(699_999), id(699_998)]);
  const window = h.run(['xrange', 'big', id(123_456), id(123_555)]) as unknown[][];
  expect(window.length).toBe(100);

  const del: string[] = ['xdel', 'big'];
  for (let i = 400_000; i < 400_100; i++) del.push(id(i));
  expect(h.run(del)).toBe(100);
  expect(h.run(['xrange', 'big', id(399_999), id(400_100)])).toEqual([[id(399_999), ['f', '399999']], [id(400_100), ['f', '400100']]]);
  expect(field(h.run(['xinfo', 'stream', 'big']), 'radix-tree-keys')).toBe(N / 100 - 1);

  // "~" alone stops after 100 nodes (LIMIT 100 * stream-node-max-entries); LIMIT 0 lifts that.
  expect(h.run(['xtrim', 'big', 'MAXLEN', '~', '600000'])).toBe(10_000);
  expect(h.run(['xtrim', 'big', 'MAXLEN', '~', '600000', 'LIMIT', '0'])).toBe(389_900);
  expect(h.run(['xlen', 'big'])).toBe(600_000);
  expect(h.run(['xtrim', 'big', 'MINID', id(900_000)])).toBe(500_000);
  expect(h.run(['xrange', 'big', '-', '+', 'COUNT', '1'])).toEqual([[id(900_000), ['f', '900000']]]);
  expect(h.run(['xtrim', 'big', 'MAXLEN', '=', '50000'])).toBe(50_000);
  expect(h.run(['xlen', 'big'])).toBe(50_000);

  h.run(['xgroup', 'create', 'big', 'g', id(999_989)]);
  const read = h.run(['xreadgroup', 'GROUP', 'g', 'c', 'STREAMS', 'big', '>']) as unknown[][];
  expect((read[0][1] as unknown[]).length).toBe(10);
  expect(h.run(['xpending', 'big', 'g'])).toEqual([10, id(999_990), id(999_999), [['c', '10']]]);
});
