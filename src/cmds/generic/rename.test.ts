import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('RENAME', () => {
  it('moves the value and its TTL, replacing the destination', () => {
    h = createHarness();
    h.run(['set', 'src', 'v', 'ex', '100']);
    h.run(['set', 'dst', 'old', 'ex', '5']);
    expect(h.resp(['rename', 'src', 'dst'])).toBe('+OK\r\n');
    expect(h.resp(['get', 'dst'])).toBe('$1\r\nv\r\n');
    expect(h.resp(['ttl', 'dst'])).toBe(':100\r\n');
    expect(h.resp(['exists', 'src'])).toBe(':0\r\n');
  });

  it('drops the destination TTL when the source has none', () => {
    h = createHarness();
    h.run(['set', 'src', 'v']);
    h.run(['set', 'dst', 'old', 'ex', '5']);
    h.run(['rename', 'src', 'dst']);
    expect(h.resp(['ttl', 'dst'])).toBe(':-1\r\n');
  });

  it('errors on a missing source, also when renaming to itself', () => {
    h = createHarness();
    expect(h.resp(['rename', 'nokey', 'x'])).toBe('-ERR no such key\r\n');
    expect(h.resp(['rename', 'nokey', 'nokey'])).toBe('-ERR no such key\r\n');
    h.run(['set', 'k', 'v']);
    expect(h.resp(['rename', 'k', 'k'])).toBe('+OK\r\n');
  });

  it('notifies rename_from and rename_to', () => {
    h = createHarness({ 'notify-keyspace-events': 'KEg' });
    const events: string[] = [];
    h.server.engine.onKeyspaceEvent((ch, msg) => events.push(`${ch} ${msg}`));
    h.run(['set', 'a', '1']);
    h.run(['rename', 'a', 'b']);
    expect(events).toEqual([
      '__keyspace@0__:a rename_from',
      '__keyevent@0__:rename_from a',
      '__keyspace@0__:b rename_to',
      '__keyevent@0__:rename_to b',
    ]);
  });
});
