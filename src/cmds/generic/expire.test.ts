import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

function propagated(hh: Harness): string[][] {
  const seen: string[][] = [];
  hh.server.engine.onPropagate((_db, argv) => seen.push(argv));
  return seen;
}

describe('EXPIRE', () => {
  it('sets a TTL in seconds and propagates PEXPIREAT with the absolute time', () => {
    h = createHarness();
    const seen = propagated(h);
    h.run(['set', 'k', 'v']);
    const before = Date.now();
    expect(h.resp(['expire', 'k', '100'])).toBe(':1\r\n');
    expect(h.resp(['ttl', 'k'])).toBe(':100\r\n');
    const [cmd, key, at] = seen[1];
    expect([cmd, key]).toEqual(['PEXPIREAT', 'k']);
    expect(Number(at) - before).toBeGreaterThanOrEqual(100000);
    expect(Number(at) - before).toBeLessThan(100100);
  });

  it('applies NX XX GT LT, treating a key without TTL as infinite', () => {
    h = createHarness();
    h.run(['set', 'a', '1']);
    expect(h.resp(['expire', 'a', '10', 'xx'])).toBe(':0\r\n');
    expect(h.resp(['expire', 'a', '10', 'gt'])).toBe(':0\r\n');
    expect(h.resp(['expire', 'a', '10', 'lt'])).toBe(':1\r\n');
    expect(h.resp(['expire', 'a', '5', 'gt'])).toBe(':0\r\n');
    expect(h.resp(['expire', 'a', '50', 'GT'])).toBe(':1\r\n');
    expect(h.resp(['expire', 'a', '100', 'lt'])).toBe(':0\r\n');
    expect(h.resp(['expire', 'a', '100', 'nx'])).toBe(':0\r\n');
    expect(h.resp(['expire', 'a', '20', 'xx', 'lt'])).toBe(':1\r\n');
    expect(h.resp(['ttl', 'a'])).toBe(':20\r\n');
  });

  it('keeps the options in the propagated PEXPIREAT', () => {
    h = createHarness();
    const seen = propagated(h);
    h.run(['set', 'a', '1']);
    h.run(['expire', 'a', '10', 'lt']);
    expect(seen[1][0]).toBe('PEXPIREAT');
    expect(seen[1][3]).toBe('lt');
  });

  it('deletes the key for a time in the past and propagates DEL, or UNLINK with lazyfree-lazy-expire', () => {
    h = createHarness();
    const seen = propagated(h);
    h.run(['set', 'a', '1']);
    expect(h.resp(['expire', 'a', '-5'])).toBe(':1\r\n');
    expect(h.resp(['exists', 'a'])).toBe(':0\r\n');
    h.run(['config', 'set', 'lazyfree-lazy-expire', 'yes']);
    h.run(['set', 'b', '1']);
    h.run(['expire', 'b', '0']);
    expect(seen.filter((a) => a[0] !== 'set' && a[0] !== 'config')).toEqual([['DEL', 'a'], ['UNLINK', 'b']]);
  });

  it('reports option and time errors with Redis wording', () => {
    h = createHarness();
    h.run(['set', 'k', 'v']);
    expect(h.resp(['expire', 'k', '10', 'nx', 'xx'])).toBe(
      '-ERR NX and XX, GT or LT options at the same time are not compatible\r\n',
    );
    expect(h.resp(['expire', 'k', '10', 'gt', 'lt'])).toBe(
      '-ERR GT and LT options at the same time are not compatible\r\n',
    );
    expect(h.resp(['expire', 'k', '10', 'foo'])).toBe('-ERR Unsupported option foo\r\n');
    expect(h.resp(['expire', 'k', '10', 'fo\r\no'])).toBe('-ERR Unsupported option fo  o\r\n');
    expect(h.resp(['expire', 'k', 'abc'])).toBe('-ERR value is not an integer or out of range\r\n');
    expect(h.resp(['expire', 'k', '9223372036854775807'])).toBe("-ERR invalid expire time in 'expire' command\r\n");
    expect(h.resp(['expire', 'k', '9223372036854775'])).toBe("-ERR invalid expire time in 'expire' command\r\n");
    expect(h.resp(['expire', 'k', '-9223372036854775808'])).toBe("-ERR invalid expire time in 'expire' command\r\n");
    expect(h.resp(['expire', 'nokey', '10'])).toBe(':0\r\n');
  });

  it('expires the key when the time comes', () => {
    h = createHarness();
    h.run(['set', 'k', 'v']);
    h.run(['expire', 'k', '1']);
    h.advanceTime(1001);
    expect(h.resp(['get', 'k'])).toBe('$-1\r\n');
  });
});
