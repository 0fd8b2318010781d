import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

const bytes = (r: unknown): string => (Buffer.isBuffer(r) ? r.toString('latin1') : String(r));

describe('DUMP / RESTORE', () => {
  it('round-trips every type through a payload', () => {
    h = createHarness();
    h.run(['set', 's', 'hello']);
    h.run(['rpush', 'l', 'a', 'b', '3']);
    h.run(['sadd', 'st', 'x', '1']);
    h.run(['zadd', 'z', '1.5', 'm', '-2', 'n']);
    h.run(['hset', 'hh', 'f', 'v']);
    for (const [k, read] of [['s', ['get']], ['l', ['lrange', '0', '-1']], ['st', ['smembers']], ['z', ['zrange', '0', '-1', 'withscores']], ['hh', ['hgetall']]] as const) {
      const before = h.resp([read[0], k, ...read.slice(1)]);
      const p = bytes(h.run(['dump', k]));
      expect(h.resp(['restore', `${k}2`, '0', p])).toBe('+OK\r\n');
      expect(h.resp([read[0], `${k}2`, ...read.slice(1)])).toBe(before);
    }
    expect(h.resp(['dump', 'missing'])).toBe('$-1\r\n');
  });

  it('propagates a relative TTL as an absolute one with ABSTTL and fires "restore"', () => {
    const fx = harnessWithEffects();
    h = fx.h;
    h.run(['set', 's', 'v']);
    const p = bytes(h.run(['dump', 's']));
    fx.propagated.length = 0;
    fx.events.length = 0;
    expect(h.resp(['restore', 'k', '5000', p])).toBe('+OK\r\n');
    expect(fx.propagated).toHaveLength(1);
    const [cmd, key, ttl, , abs] = fx.propagated[0];
    expect([cmd.toLowerCase(), key, abs]).toEqual(['restore', 'k', 'ABSTTL']);
    expect(Math.abs(Number(ttl) - (Date.now() + 5000))).toBeLessThan(1000);
    expect(fx.events).toContain('restore:k');
    fx.propagated.length = 0;
    expect(h.resp(['restore', 'k2', '4102444800000', p, 'absttl'])).toBe('+OK\r\n');
    expect(fx.propagated[0].slice(2, 3)).toEqual(['4102444800000']);
    expect(fx.propagated[0]).toHaveLength(5);
  });

  it('an already expired REPLACE only deletes, propagated as DEL', () => {
    const fx = harnessWithEffects();
    h = fx.h;
    h.run(['set', 's', 'v']);
    const p = bytes(h.run(['dump', 's']));
    fx.propagated.length = 0;
    expect(h.resp(['restore', 's', '1', p, 'absttl', 'replace'])).toBe('+OK\r\n');
    expect(h.resp(['exists', 's'])).toBe(':0\r\n');
    expect(fx.propagated).toEqual([['DEL', 's']]);
    expect(fx.events).toContain('del:s');
    fx.propagated.length = 0;
    expect(h.resp(['restore', 's', '1', p, 'absttl'])).toBe('+OK\r\n');
    expect(fx.propagated).toEqual([]);
  });

  it('IDLETIME sets the idle time', () => {
    h = createHarness();
    h.run(['set', 's', 'v']);
    const p = bytes(h.run(['dump', 's']));
    h.run(['restore', 'k', '0', p, 'idletime', '100000']);
    expect(Number(h.run(['object', 'idletime', 'k']))).toBeGreaterThanOrEqual(100000);
    expect(Number(h.run(['object', 'idletime', 's']))).toBeLessThan(5);
  });

  it('RESTORE-ASKING behaves as RESTORE', () => {
    h = createHarness();
    h.run(['set', 's', 'v']);
    const p = bytes(h.run(['dump', 's']));
    expect(h.resp(['restore-asking', 's', '0', p])).toBe('-BUSYKEY Target key name already exists.\r\n');
    expect(h.resp(['restore-asking', 't', '0', p])).toBe('+OK\r\n');
    expect(h.resp(['get', 't'])).toBe('$1\r\nv\r\n');
  });
});
