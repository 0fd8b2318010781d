import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('DEL', () => {
  it('counts removed keys once each, ignoring missing and repeated ones', () => {
    h = createHarness();
    h.run(['mset', 'a', '1', 'b', '2']);
    expect(h.resp(['del', 'a', 'zz', 'a', 'b'])).toBe(':2\r\n');
    expect(h.resp(['exists', 'a', 'b'])).toBe(':0\r\n');
  });

  it('does not count a key that had already expired', () => {
    h = createHarness();
    h.run(['set', 'a', '1', 'px', '10']);
    h.advanceTime(20);
    expect(h.resp(['del', 'a'])).toBe(':0\r\n');
  });

  it('propagates and counts as a change only when something was deleted', () => {
    h = createHarness();
    const seen: string[][] = [];
    h.server.engine.onPropagate((_db, argv) => seen.push(argv));
    h.run(['set', 'a', '1']);
    h.run(['del', 'nothing']);
    h.run(['del', 'a']);
    expect(seen).toEqual([['set', 'a', '1'], ['del', 'a']]);
  });
});
