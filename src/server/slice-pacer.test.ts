import { describe, expect, it, vi, afterEach } from 'vitest';
import { SlicePacer } from './rdb-persistence.js';

describe('SlicePacer', () => {
  afterEach(() => vi.restoreAllMocks());

  function clock(): { set(ms: number): void } {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    return { set: (ms) => (now = ms) };
  }

  it('gives long slices to a quiet server and short ones while clients send', () => {
    const c = clock();
    let input = 0;
    const p = new SlicePacer(() => input);
    // First look: the input counter is new, so the server counts as busy.
    expect(p.budget()).toBe(SlicePacer.BUSY_MS);
    p.ended();
    c.set(1000 + SlicePacer.QUIET_AFTER_MS + 1);
    expect(p.budget()).toBe(SlicePacer.QUIET_MS);
    c.set(1006.5);
    p.ended();
    input += 30; // a request came in and took one busy slice's time (half of that is less than a slice)
    c.set(1006.5 + SlicePacer.BUSY_MS);
    expect(p.budget()).toBe(SlicePacer.BUSY_MS);
  });

  it('grows the slice with the time clients took since the last one, up to the quiet length', () => {
    const c = clock();
    let input = 0;
    const p = new SlicePacer(() => input);
    p.budget();
    p.ended();
    input++;
    c.set(1000.4); // 0.4 ms serving clients: a 0.2 ms slice
    expect(p.budget()).toBeCloseTo(0.2);
    p.ended();
    input++;
    c.set(1005.4); // 5 ms of clients: capped
    expect(p.budget()).toBe(SlicePacer.QUIET_MS);
  });
});
