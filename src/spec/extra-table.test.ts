import { describe, expect, it } from 'vitest';
import { createHarness } from '../server/harness.js';

describe('Redis 7.2 additions to the command table', () => {
  it('ZRANK and ZREVRANK take WITHSCORE', () => {
    const h = createHarness();
    try {
      h.run(['zadd', 'z', '1.5', 'a', '2', 'b']);
      expect(h.resp(['zrank', 'z', 'a', 'withscore'])).toBe('*2\r\n:0\r\n$3\r\n1.5\r\n');
      expect(h.resp3(['zrevrank', 'z', 'a', 'WITHSCORE'])).toBe('*2\r\n:1\r\n,1.5\r\n');
      expect(h.resp(['zrank', 'z', 'nope', 'withscore'])).toBe('*-1\r\n');
      expect(h.resp(['zrank', 'z', 'a', 'bogus'])).toBe('-ERR syntax error\r\n');
      expect(h.resp(['command', 'info', 'zrank']).startsWith('*1\r\n*10\r\n$5\r\nzrank\r\n:-3\r\n')).toBe(true);
    } finally {
      h.close();
    }
  });

  it('CLIENT SETINFO and CLIENT NO-TOUCH exist', () => {
    const h = createHarness();
    try {
      expect(h.resp(['client', 'setinfo', 'lib-name', 'mylib'])).toBe('+OK\r\n');
      expect(h.resp(['client', 'setinfo', 'lib-ver', '1 2'])).toMatch(/^-ERR/);
      expect(h.resp(['client', 'no-touch', 'on'])).toBe('+OK\r\n');
      expect(h.resp(['client', 'info'])).toMatch(/lib-name=mylib/);
    } finally {
      h.close();
    }
  });
});
