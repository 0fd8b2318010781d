import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('COPY', () => {
  it('copies value and TTL, refusing an existing destination without REPLACE', () => {
    h = createHarness();
    h.run(['set', 'a', 'v', 'ex', '50']);
    h.run(['set', 'b', 'other']);
    expect(h.resp(['copy', 'a', 'b'])).toBe(':0\r\n');
    expect(h.resp(['copy', 'a', 'b', 'replace'])).toBe(':1\r\n');
    expect(h.resp(['get', 'b'])).toBe('$1\r\nv\r\n');
    expect(h.resp(['ttl', 'b'])).toBe(':50\r\n');
    expect(h.resp(['copy', 'nokey', 'c'])).toBe(':0\r\n');
  });

  it('deep-copies a string changed in place', () => {
    h = createHarness();
    h.run(['append', 'a', 'hello']);
    h.run(['copy', 'a', 'b']);
    h.run(['append', 'a', ' world']);
    expect(h.resp(['get', 'b'])).toBe('$5\r\nhello\r\n');
    expect(h.resp(['get', 'a'])).toBe('$11\r\nhello world\r\n');
  });

  it('copies into another database', () => {
    h = createHarness();
    h.run(['set', 'a', 'v']);
    expect(h.resp(['copy', 'a', 'a', 'db', '1'])).toBe(':1\r\n');
    expect(h.resp(['copy', 'a', 'a', 'db', '1'])).toBe(':0\r\n');
    h.run(['select', '1']);
    expect(h.resp(['get', 'a'])).toBe('$1\r\nv\r\n');
  });

  it('reports errors with Redis wording', () => {
    h = createHarness();
    h.run(['set', 'a', 'v']);
    expect(h.resp(['copy', 'a', 'a'])).toBe('-ERR source and destination objects are the same\r\n');
    expect(h.resp(['copy', 'nokey', 'nokey'])).toBe('-ERR source and destination objects are the same\r\n');
    expect(h.resp(['copy', 'a', 'b', 'db', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
    expect(h.resp(['copy', 'a', 'b', 'db', '99'])).toBe('-ERR DB index is out of range\r\n');
    expect(h.resp(['copy', 'a', 'b', 'db', '99999999999'])).toBe(
      '-ERR value is out of range, value must between -2147483648 and 2147483647\r\n',
    );
    expect(h.resp(['copy', 'a', 'b', 'db', '0', 'db'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['copy', 'a', 'b', 'foo'])).toBe('-ERR syntax error\r\n');
  });
});
