// INFO reads the server through one object built at the first INFO: every report must still show the
// state of its own moment.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

function field(text: string, name: string): string {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(text);
  if (m === null) throw new Error(`no ${name} in INFO`);
  return m[1].trim();
}

function info(hh: Harness, ...sections: string[]): string {
  return (hh.run(['INFO', ...sections]) as unknown as { text: string }).text;
}

describe('INFO over successive calls', () => {
  it('follows keys, dirty count, configuration and the AOF switch between reports', () => {
    h = createHarness();
    const first = info(h);
    expect(field(first, 'rdb_changes_since_last_save')).toBe('0');
    expect(first).not.toMatch(/^db0:/m);
    h.run(['SET', 'a', '1']);
    h.run(['SET', 'b', '2']);
    h.run(['EXPIRE', 'b', '100']);
    const second = info(h);
    expect(field(second, 'rdb_changes_since_last_save')).toBe('3');
    expect(field(second, 'db0')).toMatch(/^keys=2,expires=1,avg_ttl=\d+$/);
    h.run(['CONFIG', 'SET', 'hz', '25']);
    h.run(['CONFIG', 'SET', 'maxmemory', '12345678']);
    const third = info(h, 'server', 'memory');
    expect(field(third, 'hz')).toBe('25');
    expect(field(third, 'maxmemory')).toBe('12345678');
    h.run(['FLUSHALL']);
    expect(info(h, 'keyspace')).not.toMatch(/^db0:/m);
  });

  it('reports used_memory and used_memory_dataset from one reading per report', () => {
    h = createHarness();
    for (let i = 0; i < 2000; i++) h.run(['SET', `k${i}`, 'x'.repeat(100)]);
    const m = info(h, 'memory');
    const used = Number(field(m, 'used_memory'));
    const dataset = Number(field(m, 'used_memory_dataset'));
    expect(dataset).toBeGreaterThan(200_000);
    expect(used).toBeGreaterThanOrEqual(dataset);
    h.run(['FLUSHALL']);
    expect(Number(field(info(h, 'memory'), 'used_memory_dataset'))).toBeLessThan(dataset / 10);
  });
});
