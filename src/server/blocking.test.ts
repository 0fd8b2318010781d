import { describe, expect, it, vi } from 'vitest';
import { BlockingManager, type BlockedState } from './blocking.js';
import type { Client } from './client.js';
import type { BlockRequest } from '../spec/types.js';
import type { Reply } from '../protocol/reply.js';

function fakeClient(id: number): Client {
  return { id, blocked: false } as unknown as Client;
}

/** A wait on `keys` that is served once `stock` has something for it. */
function setup() {
  const stock = new Map<string, string[]>();
  const finished: Array<[number, Reply]> = [];
  const m = new BlockingManager({
    retry: (c: Client, state: BlockedState) => {
      for (const k of state.req.keys) {
        const items = stock.get(k);
        if (items && items.length) return [k, items.shift()!];
      }
      void c;
      return undefined;
    },
    finish: (c, reply) => finished.push([c.id, reply]),
  });
  const req = (keys: string[], timeoutAt = 0): BlockRequest => ({ kind: 'block', keys, timeoutAt, retry: () => undefined, onTimeout: null });
  return { stock, finished, m, req };
}

describe('BlockingManager', () => {
  it('serves waiters of a key in FIFO order, one item each', () => {
    const { stock, finished, m, req } = setup();
    const a = fakeClient(1), b = fakeClient(2), c = fakeClient(3);
    m.block(a, req(['q']), 0, 'blpop');
    m.block(b, req(['q']), 0, 'blpop');
    m.block(c, req(['q']), 0, 'blpop');
    expect(m.count).toBe(3);
    stock.set('q', ['x', 'y']);
    m.signal(0, 'q');
    m.handleReady();
    expect(finished).toEqual([[1, ['q', 'x']], [2, ['q', 'y']]]);
    expect(c.blocked).toBe(true);
    expect(m.count).toBe(1);
  });

  it('ignores signals for keys nobody waits on and other databases', () => {
    const { stock, finished, m, req } = setup();
    m.block(fakeClient(1), req(['q']), 0, 'blpop');
    stock.set('q', ['x']);
    m.signal(1, 'q');
    m.signal(0, 'other');
    expect(m.hasReady).toBe(false);
    m.handleReady();
    expect(finished).toEqual([]);
  });

  it('a client waiting on several keys is served once and leaves every queue', () => {
    const { stock, finished, m, req } = setup();
    const a = fakeClient(1);
    m.block(a, req(['k1', 'k2']), 0, 'blpop');
    stock.set('k1', ['1']);
    stock.set('k2', ['2']);
    m.signal(0, 'k2');
    m.signal(0, 'k1');
    m.handleReady();
    expect(finished).toEqual([[1, ['k1', '1']]]);
    const b = fakeClient(2);
    m.block(b, req(['k2']), 0, 'blpop');
    m.signal(0, 'k2');
    m.handleReady();
    expect(finished[1]).toEqual([2, ['k2', '2']]);
  });

  it('times out with the request reply and can be unblocked or removed', () => {
    vi.useFakeTimers();
    try {
      const { finished, m, req } = setup();
      const a = fakeClient(1), b = fakeClient(2), c = fakeClient(3);
      m.block(a, req(['q'], Date.now() + 100), 0, 'blpop');
      m.block(b, req(['q']), 0, 'blpop');
      m.block(c, req(['q']), 0, 'blpop');
      vi.advanceTimersByTime(150);
      expect(finished).toEqual([[1, null]]);
      expect(m.unblock(b, 'why')).toBe(true);
      expect(m.unblock(b, 'again')).toBe(false);
      m.remove(c);
      expect(m.count).toBe(0);
      expect(finished).toEqual([[1, null], [2, 'why']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
