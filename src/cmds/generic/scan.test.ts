import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

function scanAll(extra: string[] = []): { keys: string[]; calls: number } {
  let cursor = '0';
  const keys: string[] = [];
  let calls = 0;
  do {
    const [next, page] = h.run(['scan', cursor, ...extra]) as [string, string[]];
    keys.push(...page);
    cursor = next;
    calls++;
  } while (cursor !== '0');
  return { keys, calls };
}

describe('SCAN', () => {
  it('returns every key once on a quiet database', () => {
    h = createHarness();
    for (let i = 0; i < 100; i++) h.run(['set', `k${i}`, 'v']);
    const { keys, calls } = scanAll(['count', '7']);
    expect(new Set(keys).size).toBe(100);
    expect(keys).toHaveLength(100);
    expect(calls).toBe(15);
  });

  it('returns every key present for the whole scan while others come and go', () => {
    h = createHarness();
    for (let i = 0; i < 500; i++) h.run(['set', `stable${i}`, 'v']);
    for (let i = 0; i < 200; i++) h.run(['set', `gone${i}`, 'v']);
    let cursor = '0';
    const seen = new Set<string>();
    let round = 0;
    do {
      const [next, page] = h.run(['scan', cursor, 'count', '13']) as [string, string[]];
      for (const k of page) seen.add(k);
      cursor = next;
      // Between calls: delete some keys, add new ones, and overwrite stable ones.
      h.run(['del', `gone${round}`]);
      h.run(['set', `new${round}`, 'v']);
      h.run(['set', `stable${(round * 7) % 500}`, 'w']);
      round++;
    } while (cursor !== '0');
    for (let i = 0; i < 500; i++) expect(seen.has(`stable${i}`)).toBe(true);
    for (const k of seen) expect(/^(stable|gone|new)\d+$/.test(k)).toBe(true);
  });

  it('filters by MATCH and TYPE after visiting COUNT entries', () => {
    h = createHarness();
    for (let i = 0; i < 30; i++) h.run(['set', i % 2 ? `odd${i}` : `even${i}`, 'v']);
    expect(scanAll(['match', 'odd*', 'count', '4']).keys.sort()).toHaveLength(15);
    expect(scanAll(['type', 'STRING']).keys).toHaveLength(30);
    expect(scanAll(['type', 'list']).keys).toHaveLength(0);
    expect(scanAll(['type', 'nosuchtype']).keys).toHaveLength(0);
  });

  it('skips and deletes expired keys', () => {
    h = createHarness();
    h.run(['set', 'live', '1']);
    h.run(['set', 'dead', '1', 'px', '5']);
    h.advanceTime(10);
    expect(scanAll().keys).toEqual(['live']);
    expect(h.resp(['dbsize'])).toBe(':1\r\n');
  });

  it('rejects bad cursors and options with Redis errors', () => {
    h = createHarness();
    expect(h.resp(['scan', 'x'])).toBe('-ERR invalid cursor\r\n');
    expect(h.resp(['scan', '18446744073709551616'])).toBe('-ERR invalid cursor\r\n');
    expect(h.resp(['scan', '0', 'count', '0'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['scan', '0', 'count', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
    expect(h.resp(['scan', '0', 'match'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['scan', '0', 'foo', 'bar'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['scan', '0'])).toBe('*2\r\n$1\r\n0\r\n*0\r\n');
  });

  it('restarts from the beginning on an unknown cursor', () => {
    h = createHarness();
    h.run(['set', 'a', '1']);
    expect(h.resp(['scan', '12345'])).toBe('*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n');
  });
});
