import { afterEach, describe, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from './harness.js';
import { ErrorReply, NullArray } from '../protocol/reply.js';

let h: Harness;
afterEach(() => h?.close());

const KEYS = 1000;
/** No time box: these tests evict synchronously, within the command that finds memory full. */
const UNBOXED = { 'maxmemory-eviction-tenacity': '100' };

function fill(prefix: string, n: number, extra: string[] = []): void {
  for (let i = 0; i < n; i++) h.run(['set', `${prefix}${i}`, `value-${i}`, ...extra]);
}

/** Sets maxmemory so that about `fraction` of the dataset must go, then runs one command to evict. */
function squeeze(fraction: number): void {
  const ev = h.server.engine.eviction;
  const used = ev.usedMemory();
  const dataset = ev.datasetMemory();
  h.server.config.set('maxmemory', String(Math.floor(used - dataset * fraction)));
  h.run(['ping']);
}

function alive(prefix: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (h.run(['exists', `${prefix}${i}`]) === 1) n++;
  return n;
}

function info(field: string): string {
  return new RegExp(`${field}:(\\S*)`).exec(h.resp(['info', 'everything']))?.[1] ?? '';
}

describe('eviction policies', () => {
  test('allkeys-lru keeps recently used keys', () => {
    h = createHarness({ ...UNBOXED, 'maxmemory-policy': 'allkeys-lru', 'maxmemory-samples': '10' });
    fill('k', KEYS);
    h.advanceTime(20_000);
    for (let i = 0; i < 200; i++) h.run(['get', `k${i}`]);
    squeeze(0.3);
    expect(h.run(['dbsize'])).toBeLessThan(KEYS * 0.75);
    // The recently read fifth survives (all but the odd key whose hashed access-clock slot it shared
    // with an evicted key); the evictions came from the idle keys.
    expect(alive('k', 0, 200)).toBeGreaterThanOrEqual(196);
    expect(Number(info('evicted_keys'))).toBeGreaterThan(200);
  });

  test('allkeys-lfu keeps frequently used keys', () => {
    h = createHarness({ ...UNBOXED, 'maxmemory-policy': 'allkeys-lfu', 'lfu-log-factor': '0', 'lfu-decay-time': '0', 'maxmemory-samples': '10' });
    fill('k', KEYS);
    for (let r = 0; r < 10; r++) for (let i = 0; i < 200; i++) h.run(['get', `k${i}`]);
    expect(h.run(['object', 'freq', 'k0'])).toBe(15);
    expect(h.run(['object', 'freq', `k${KEYS - 1}`])).toBe(5);
    squeeze(0.3);
    // As above: a key sharing its hashed counter slot with an evicted one can lose its count.
    expect(alive('k', 0, 200)).toBeGreaterThanOrEqual(196);
    expect(alive('k', 200, KEYS)).toBeLessThan(600);
  });

  test('volatile-ttl evicts the nearest expiries first and never a key without TTL', () => {
    h = createHarness({ ...UNBOXED, 'maxmemory-policy': 'volatile-ttl', 'maxmemory-samples': '10' });
    fill('p', 500);
    for (let i = 0; i < 500; i++) h.run(['set', `t${i}`, `value-${i}`, 'EX', String(1000 + i * 10)]);
    squeeze(0.1);
    expect(alive('p', 0, 500)).toBe(500);
    const gone: number[] = [];
    for (let i = 0; i < 500; i++) if (h.run(['exists', `t${i}`]) === 0) gone.push(i);
    expect(gone.length).toBeGreaterThan(50);
    // Sampling is approximate, but what went is overwhelmingly from the short end.
    const mean = gone.reduce((a, b) => a + b, 0) / gone.length;
    expect(mean).toBeLessThan(150);
  });

  test('volatile-lru and volatile-lfu only consider keys with a TTL', () => {
    for (const policy of ['volatile-lru', 'volatile-lfu', 'volatile-random']) {
      h = createHarness({ ...UNBOXED, 'maxmemory-policy': policy });
      fill('p', 300);
      fill('t', 300, ['EX', '1000']);
      squeeze(0.2);
      expect(alive('p', 0, 300)).toBe(300);
      expect(alive('t', 0, 300)).toBeLessThan(300);
      h.close();
    }
  });

  test('allkeys-random evicts from every database', () => {
    h = createHarness({ ...UNBOXED, 'maxmemory-policy': 'allkeys-random' });
    fill('a', 500);
    h.run(['select', '3']);
    fill('b', 500);
    squeeze(0.5);
    const db3 = h.run(['dbsize']) as number;
    h.run(['select', '0']);
    const db0 = h.run(['dbsize']) as number;
    expect(db0).toBeLessThan(500);
    expect(db3).toBeLessThan(500);
  });

  test('noeviction and volatile policies without volatile keys answer OOM to denyoom commands', () => {
    h = createHarness({ 'maxmemory-policy': 'volatile-lru' });
    fill('k', 10);
    h.server.config.set('maxmemory', '1');
    const r = h.run(['set', 'x', 'y']);
    expect(r).toBeInstanceOf(ErrorReply);
    expect((r as ErrorReply).text).toBe("OOM command not allowed when used memory > 'maxmemory'.");
    expect(h.run(['get', 'k1'])).toBe('value-1');
    expect(h.run(['dbsize'])).toBe(10);
    expect(info('errorstat_OOM')).toBe('count=1');
  });
});

describe('what an eviction does', () => {
  test('keyspace event "evicted", DEL propagated, UNLINK with lazyfree-lazy-eviction', () => {
    const fx = harnessWithEffects();
    h = fx.h;
    h.run(['config', 'set', 'maxmemory-policy', 'allkeys-random']);
    h.run(['set', 'a', '1']);
    h.run(['set', 'b', '2']);
    fx.propagated.length = 0;
    fx.events.length = 0;
    h.server.config.set('maxmemory', '1');
    h.run(['get', 'a']);
    expect(fx.events.filter((e) => e.startsWith('evicted:')).sort()).toEqual(['evicted:a', 'evicted:b']);
    expect(fx.propagated.map((p) => p.join(' ')).sort()).toEqual(['DEL a', 'DEL b']);
    h.server.config.set('maxmemory', '0');
    h.run(['config', 'set', 'lazyfree-lazy-eviction', 'yes']);
    h.run(['set', 'c', '3']);
    fx.propagated.length = 0;
    h.server.config.set('maxmemory', '1');
    h.run(['get', 'c']);
    expect(fx.propagated).toEqual([['UNLINK', 'c']]);
  });

  test('an evicted key invalidates WATCH', () => {
    h = createHarness({ ...UNBOXED, 'maxmemory-policy': 'allkeys-lru' });
    const other = h.newClient();
    h.run(['set', 'k', 'v']);
    h.run(['watch', 'k']);
    h.run(['multi']);
    expect(h.run(['ping'])).toMatchObject({ text: 'QUEUED' });
    h.server.config.set('maxmemory', '1');
    h.runAs(other, ['get', 'x']);
    h.server.config.set('maxmemory', '0');
    expect(h.run(['exec'])).toBe(NullArray.instance);
    expect(h.run(['exists', 'k'])).toBe(0);
  });

  test('CONFIG SET maxmemory below the used memory evicts without waiting for a command', async () => {
    h = createHarness({ 'maxmemory-policy': 'allkeys-lru' });
    fill('k', 2000);
    const ev = h.server.engine.eviction;
    const target = Math.floor(ev.usedMemory() - ev.datasetMemory() / 2);
    expect(h.run(['config', 'set', 'maxmemory', String(target)])).toMatchObject({ text: 'OK' });
    for (let i = 0; i < 200 && ev.usedMemory() > target; i++) await new Promise((r) => setImmediate(r));
    expect(ev.usedMemory()).toBeLessThanOrEqual(target);
    expect(h.server.engine.dbs[0].size).toBeLessThan(2000);
  });

  test('a time box that runs out leaves the rest to the background loop', async () => {
    h = createHarness({ 'maxmemory-policy': 'allkeys-random', 'maxmemory-eviction-tenacity': '0' });
    fill('k', 3000);
    const ev = h.server.engine.eviction;
    h.server.config.set('maxmemory', String(Math.floor(ev.usedMemory() - ev.datasetMemory() * 0.9)));
    // Tenacity 0 gives no time at all: 16 keys per round, the background loop does the rest.
    h.run(['get', 'x']);
    expect(h.server.engine.dbs[0].size).toBeGreaterThan(2500);
    expect(Number(info('current_eviction_exceeded_time'))).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 2000 && ev.running; i++) await new Promise((r) => setImmediate(r));
    expect(ev.running).toBe(false);
    expect(h.server.engine.dbs[0].size).toBeLessThan(600);
    h.run(['get', 'x']);
    expect(info('current_eviction_exceeded_time')).toBe('0');
  });

  test('INFO reports the accounting and the eviction settings', () => {
    h = createHarness({ 'maxmemory-policy': 'allkeys-lfu' });
    const before = Number(info('used_memory'));
    fill('k', 1000);
    const after = Number(info('used_memory'));
    expect(after - before).toBeGreaterThan(1000 * 60);
    expect(after - before).toBeLessThan(1000 * 200);
    expect(Number(info('used_memory_dataset'))).toBe(h.server.engine.eviction.datasetMemory());
    h.run(['config', 'set', 'maxmemory', '100mb']);
    expect(info('maxmemory')).toBe('104857600');
    expect(info('maxmemory_human')).toBe('100.00M');
    expect(info('maxmemory_policy')).toBe('allkeys-lfu');
    expect(info('evicted_clients')).toBe('0');
  });
});
