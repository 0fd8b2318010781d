// Scripting in-process: what scripts propagate (their effects, wrapped in MULTI/EXEC when several), the
// frozen clock, re-entrant execution (a script's commands inside EXEC), keyspace events from scripts,
// and the bookkeeping (commandstats for commands a script calls, the script cache).
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from './harness.js';
import { ErrorReply, Status } from '../protocol/reply.js';

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});

function effects() {
  const e = harnessWithEffects();
  open.push(e.h);
  return e;
}

describe('script propagation', () => {
  it('a script that writes once propagates that command alone', () => {
    const { h, propagated } = effects();
    h.run(['eval', "return redis.call('set', KEYS[1], ARGV[1])", '1', 'k', 'v']);
    expect(propagated).toEqual([['set', 'k', 'v']]);
  });

  it('several writes are wrapped in MULTI/EXEC; reads and the EVAL itself are not propagated', () => {
    const { h, propagated } = effects();
    h.run(['eval', "redis.call('set', 'a', '1') redis.call('get', 'a') redis.call('incr', 'a') return 1", '0']);
    expect(propagated).toEqual([['MULTI'], ['set', 'a', '1'], ['incr', 'a'], ['EXEC']]);
  });

  it('a script that changes nothing propagates nothing', () => {
    const { h, propagated } = effects();
    h.run(['eval', "return redis.call('get', 'nokey')", '0']);
    h.run(['eval', "return redis.call('del', 'nokey')", '0']);
    expect(propagated).toEqual([]);
  });

  it('commands rewrite their own propagation inside scripts (SET EX -> PXAT, SPOP -> SREM)', () => {
    const { h, propagated } = effects();
    h.run(['sadd', 's', 'only']);
    propagated.length = 0;
    h.run(['eval', "redis.call('set', 'e', 'v', 'EX', '100') return redis.call('spop', 's')", '0']);
    expect(propagated[0]).toEqual(['MULTI']);
    expect(propagated[1][0].toLowerCase()).toBe('set');
    expect(propagated[1].map((a) => a.toUpperCase())).toContain('PXAT');
    expect(propagated[2].map((a) => a.toLowerCase())).toEqual(['srem', 's', 'only']);
    expect(propagated[3]).toEqual(['EXEC']);
  });

  it('a script inside MULTI joins the transaction: one MULTI/EXEC around everything', () => {
    const { h, propagated } = effects();
    h.run(['multi']);
    h.run(['set', 'x', '1']);
    h.run(['eval', "redis.call('incr', 'x') return redis.call('incr', 'x')", '0']);
    const r = h.run(['exec']) as unknown[];
    expect(r.length).toBe(2);
    expect(r[0]).toBeInstanceOf(Status);
    expect(r[1]).toBe(3);
    expect(propagated).toEqual([['MULTI'], ['set', 'x', '1'], ['incr', 'x'], ['incr', 'x'], ['EXEC']]);
  });

  it('SELECT inside a script changes only the script database, and propagation follows it', () => {
    const dbs: number[] = [];
    const { h } = effects();
    h.server.engine.onPropagate((db, argv) => dbs.push(argv[0] === 'MULTI' || argv[0] === 'EXEC' ? -1 : db));
    h.run(['eval', "redis.call('set', 'a', '0') redis.call('select', '5') redis.call('set', 'b', '5') return 1", '0']);
    expect(h.client.dbIndex).toBe(0);
    expect(dbs.filter((d) => d >= 0)).toEqual([0, 5]);
    h.run(['select', '5']);
    expect(h.run(['get', 'b'])).toBe('5');
  });

  it('keyspace events fire for commands a script runs', () => {
    const { h, events } = effects();
    h.run(['eval', "redis.call('lpush', 'l', 'a') return redis.call('lpop', 'l')", '0']);
    expect(events).toEqual(['lpush:l', 'lpop:l', 'del:l']);
  });
});

describe('script execution', () => {
  it('numbers a script passes to commands are written as Redis 7.2 writes them, without losing digits', () => {
    const h = createHarness();
    open.push(h);
    const echo = (expr: string): unknown => {
      const r = h.run(['eval', `return redis.call('echo', ${expr})`, '0']);
      return Buffer.isBuffer(r) ? r.toString('latin1') : r;
    };
    // Integral values within 2^62: their digits (Lua's own "%.14g" would give 1e+15, which INCRBY refuses).
    expect(echo('1e15')).toBe('1000000000000000');
    expect(echo('3.0')).toBe('3');
    expect(echo('-0.0')).toBe('0');
    expect(echo('2^53 + 2')).toBe('9007199254740994');
    expect(echo('123456789012345678')).toBe('123456789012345680');
    // The rest: the shortest digits that read back as the same double, in fpconv's layout.
    expect(echo('0.1 + 0.2')).toBe('0.30000000000000004');
    expect(echo('1/3')).toBe('0.3333333333333333');
    expect(echo('0.1')).toBe('0.1');
    expect(echo('1e300')).toBe('1e+300');
    expect(echo('12345.1234567')).toBe('1.23451234567e+4');
    expect(echo('2^63')).toBe('9223372036854776000');
    expect(echo('1/0')).toBe('inf');
    expect(echo('-1/0')).toBe('-inf');
    // Several numbers in one call, mixed with strings, each converted on its own.
    h.run(['eval', "return redis.call('rpush', KEYS[1], 1.5, 'x', 2, 0.25)", '1', 'l']);
    expect((h.run(['lrange', 'l', '0', '-1']) as Buffer[]).map((b) => b.toString())).toEqual(['1.5', 'x', '2', '0.25']);
    h.run(['set', 'n', '1']);
    expect(h.run(['eval', "return redis.call('incrby', KEYS[1], 1e15)", '1', 'n'])).toBe(1000000000000001);
    // A 24-byte string argument is still a string.
    expect(echo("string.rep('a', 24)")).toBe('a'.repeat(24));
  });

  it('the clock is frozen for the whole script', () => {
    const h = createHarness();
    open.push(h);
    const r = h.run([
      'eval',
      "redis.call('set', 'k', 'v', 'PX', '50') local t0 = redis.call('pttl', 'k') local n = 0 for i = 1, 3000000 do n = n + i end return {t0, redis.call('pttl', 'k')}",
      '0',
    ]) as number[];
    expect(r[0]).toBe(r[1]);
  });

  it('commands a script calls count in commandstats; the script itself too', () => {
    const h = createHarness();
    open.push(h);
    h.run(['eval', "redis.call('set', 'a', '1') return redis.call('get', 'a')", '0']);
    const stats = h.resp(['info', 'commandstats']);
    expect(stats).toMatch(/cmdstat_set:calls=1,/);
    expect(stats).toMatch(/cmdstat_get:calls=1,/);
    expect(stats).toMatch(/cmdstat_eval:calls=1,/);
  });

  it('a blocking command called from a script answers at once (XREAD BLOCK is refused)', () => {
    const h = createHarness();
    open.push(h);
    const r = h.run(['eval', "return redis.call('xread', 'block', '100', 'streams', 's', '$')", '0']);
    expect(r).toBeInstanceOf(ErrorReply);
    expect((r as ErrorReply).text).toMatch(/^ERR xread command is not allowed with BLOCK option from scripts script: /);
  });

  it('a script running a script-called command that throws still restores the engine', () => {
    const h = createHarness();
    open.push(h);
    expect(h.run(['eval', "return redis.pcall('incr', 'k', 'extra')", '0'])).toBeInstanceOf(ErrorReply);
    expect(h.run(['set', 'after', '1'])).toBeInstanceOf(Status);
    expect(h.run(['get', 'after'])).toBe('1');
  });

  it('SCRIPT LOAD caches by digest; EVAL caches too; SCRIPT FLUSH empties', () => {
    const h = createHarness();
    open.push(h);
    const sha = h.run(['script', 'load', 'return 1']) as string;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    h.run(['eval', 'return 2', '0']);
    expect(h.run(['script', 'exists', sha, 'ffffffffffffffffffffffffffffffffffffffff'])).toEqual([1, 0]);
    expect(h.server.scripting.scriptCount).toBe(2);
    h.run(['script', 'flush']);
    expect(h.server.scripting.scriptCount).toBe(0);
  });

  it('functions keep working after the library is replaced, and see the new code', () => {
    const h = createHarness();
    open.push(h);
    h.run(['function', 'load', "#!lua name=lib\nredis.register_function('f', function() return 1 end)"]);
    expect(h.run(['fcall', 'f', '0'])).toBe(1);
    h.run(['function', 'load', 'replace', "#!lua name=lib\nredis.register_function('f', function() return 2 end)"]);
    expect(h.run(['fcall', 'f', '0'])).toBe(2);
  });
});
