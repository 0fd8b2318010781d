import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { encodeReply } from '../../protocol/encoder.js';
import type { CommandContext } from '../../spec/context.js';
import { zrankGeneric } from './zrank-generic.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('ZRANK / ZREVRANK', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c']);
  expect(h.resp(['zrank', 'z', 'a'])).toBe(':0\r\n');
  expect(h.resp(['zrevrank', 'z', 'a'])).toBe(':2\r\n');
  expect(h.resp(['zrank', 'z', 'x'])).toBe('$-1\r\n');
  expect(h.resp(['zrank', 'missing', 'x'])).toBe('$-1\r\n');
});

// WITHSCORE is Redis 7.2's; the generated command table still carries 7.0's fixed arity, so the core is
// exercised directly here.
test('WITHSCORE answers [rank, score], a null array for a missing member', () => {
  h.run(['zadd', 'z', '1.5', 'a', '2', 'b']);
  const ctx = { db: h.server.engine.dbs[0], now: Date.now(), resp: 2 } as unknown as CommandContext;
  const enc = (argv: string[], resp: 2 | 3) => encodeReply(zrankGeneric(ctx, argv, argv[0] === 'zrevrank'), resp).toString('latin1');
  expect(enc(['zrank', 'z', 'a', 'WITHSCORE'], 2)).toBe('*2\r\n:0\r\n$3\r\n1.5\r\n');
  expect(enc(['zrevrank', 'z', 'a', 'withscore'], 3)).toBe('*2\r\n:1\r\n,1.5\r\n');
  expect(enc(['zrank', 'z', 'x', 'WITHSCORE'], 2)).toBe('*-1\r\n');
  expect(enc(['zrank', 'missing', 'x', 'WITHSCORE'], 3)).toBe('_\r\n');
  expect(enc(['zrank', 'z', 'a', 'WITHSCORES'], 2)).toBe('-ERR syntax error\r\n');
});
