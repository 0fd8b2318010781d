import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import type { Reply } from '../../protocol/reply.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

function fill(key: string, n: number): void {
  const argv = ['hset', key];
  for (let i = 0; i < n; i++) argv.push(`f${i}`, `v${i}`);
  h.run(argv);
}

test('HSCAN returns a small hash whole with cursor 0, whatever the cursor', () => {
  fill('h', 3);
  expect(h.resp(['hscan', 'h', '0'])).toBe(
    '*2\r\n$1\r\n0\r\n*6\r\n$2\r\nf0\r\n$2\r\nv0\r\n$2\r\nf1\r\n$2\r\nv1\r\n$2\r\nf2\r\n$2\r\nv2\r\n',
  );
  expect(h.run(['hscan', 'h', '123', 'count', '1', 'match', '*2'])).toEqual(['0', ['f2', 'v2']]);
  expect(h.resp3(['hscan', 'nokey', '0'])).toBe('*2\r\n$1\r\n0\r\n*0\r\n');
});

test('HSCAN walks a large hash COUNT pairs a call and sees every field once', () => {
  fill('h', 1000);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
  const seen = new Map<string, string>();
  let cursor = '0';
  let calls = 0;
  do {
    const [next, items] = h.run(['hscan', 'h', cursor, 'count', '100']) as [string, string[]];
    expect(items.length).toBeLessThanOrEqual(200);
    for (let i = 0; i < items.length; i += 2) seen.set(items[i], items[i + 1]);
    cursor = next;
    calls++;
  } while (cursor !== '0');
  expect(seen.size).toBe(1000);
  expect(seen.get('f7')).toBe('v7');
  expect(calls).toBeGreaterThanOrEqual(10);
  const [, matched] = h.run(['hscan', 'h', '0', 'count', '2000', 'match', 'f99*']) as [Reply, string[]];
  expect(matched.filter((_, i) => i % 2 === 0).sort()).toEqual(['f99', 'f990', 'f991', 'f992', 'f993', 'f994', 'f995', 'f996', 'f997', 'f998', 'f999']);
});

test('HSCAN argument errors, in Redis order', () => {
  fill('h', 2);
  expect(h.resp(['hscan', 'h', 'x'])).toBe('-ERR invalid cursor\r\n');
  expect(h.resp(['hscan', 'nokey', '0', 'bogus'])).toBe('*2\r\n$1\r\n0\r\n*0\r\n');
  expect(h.resp(['hscan', 'h', '0', 'bogus'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['hscan', 'h', '0', 'count'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['hscan', 'h', '0', 'count', '0'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['hscan', 'h', '0', 'count', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['hscan', 'h', '0', 'type', 'hash'])).toBe('-ERR syntax error\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hscan', 's', '0'])).toMatch(/^-WRONGTYPE/);
});
