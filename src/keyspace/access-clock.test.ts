import { describe, it, expect } from 'vitest';
import { AccessClock, type ClockConfig } from './access-clock.js';

const LRU: ClockConfig = { lfu: false, logFactor: 10, decayTime: 1 };
const LFU: ClockConfig = { lfu: true, logFactor: 10, decayTime: 1 };
const T0 = 1_700_000_000_000;

describe('AccessClock', () => {
  it('measures idle seconds from the last access', () => {
    const c = new AccessClock(T0);
    c.touch('a', T0, LRU);
    expect(c.idleSeconds('a', T0 + 999)).toBe(0);
    expect(c.idleSeconds('a', T0 + 5000)).toBe(5);
    c.touch('a', T0 + 5000, LRU);
    expect(c.idleSeconds('a', T0 + 6000)).toBe(1);
  });

  it('treats never-stamped keys as accessed when the clock started', () => {
    const c = new AccessClock(T0);
    expect(c.idleSeconds('never', T0 + 10_000)).toBeGreaterThanOrEqual(10);
  });

  it('keeps most keys apart when the table is as large as the key count', () => {
    const c = new AccessClock(T0);
    const n = 20000;
    c.fit(n);
    for (let i = 0; i < n; i++) c.touch(`key:${i}`, T0, LRU);
    c.touch('key:hot', T0 + 100_000, LRU);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (c.idleSeconds(`key:${i}`, T0 + 100_000) !== 100) wrong++;
    // One hot key can only disturb the few keys that share its slot.
    expect(wrong).toBeLessThan(5);
    expect(c.bytes).toBeLessThanOrEqual(8 * n);
  });

  it('keeps history when it grows', () => {
    const c = new AccessClock(T0);
    c.touch('a', T0, LRU);
    c.fit(100_000);
    expect(c.idleSeconds('a', T0 + 7000)).toBe(7);
  });

  it('counts LFU accesses logarithmically and decays them per minute', () => {
    const c = new AccessClock(T0);
    c.created('k', T0, LFU);
    expect(c.frequency('k', T0, LFU)).toBe(5);
    for (let i = 0; i < 1000; i++) c.touch('k', T0, LFU);
    const f = c.frequency('k', T0, LFU);
    expect(f).toBeGreaterThan(10);
    expect(f).toBeLessThan(40);
    expect(c.frequency('k', T0 + 3 * 60_000, LFU)).toBe(f - 3);
    expect(c.frequency('k', T0 + 3 * 60_000, { ...LFU, decayTime: 0 })).toBe(f);
  });

  it('carries a key history across tables and resets', () => {
    const a = new AccessClock(T0);
    const b = new AccessClock(T0);
    a.touch('x', T0, LRU);
    b.carry(a, 'x', 'y');
    expect(b.idleSeconds('y', T0 + 4000)).toBe(4);
    b.reset(T0 + 4000);
    expect(b.idleSeconds('y', T0 + 4000)).toBe(0);
  });
});
