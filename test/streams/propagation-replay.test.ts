// What stream commands propagate must rebuild the same stream on a replica or from the AOF: a workload
// runs on one engine, its propagated commands are replayed on a second one (as a client that must be
// obeyed, like a master link), and the two streams are compared field by field: entries, counters,
// node layout, groups, PELs with delivery times and counts. Only consumers' seen/active times may differ
// (a replica sets them when it replays).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../src/server/harness.js';
import { ErrorReply, type MapReply, type Reply } from '../../src/protocol/reply.js';

let a: Harness;
let b: Harness;
let propagated: string[][];
beforeEach(() => {
  ({ h: a, propagated } = harnessWithEffects());
  b = createHarness();
  (b.client as unknown as { mustObey: boolean }).mustObey = true;
});
afterEach(() => {
  a.close();
  b.close();
});

/** XINFO STREAM FULL as plain data, consumers' seen-time and active-time left out. */
function state(h: Harness, key: string): unknown {
  const plain = (r: Reply): unknown => {
    if (Array.isArray(r)) return r.map((x) => plain(x));
    if (r && typeof r === 'object' && 'flat' in r) {
      const out: Record<string, unknown> = {};
      const flat = (r as MapReply).flat;
      for (let i = 0; i < flat.length; i += 2) {
        const k = String(flat[i]);
        if (k === 'seen-time' || k === 'active-time') continue;
        out[k] = plain(flat[i + 1]);
      }
      return out;
    }
    if (r && typeof r === 'object' && 'text' in r) return (r as { text: string }).text;
    return r;
  };
  return plain(h.run(['xinfo', 'stream', key, 'FULL', 'COUNT', '0']));
}

it('replaying the propagated commands rebuilds the same streams and groups', () => {
  a.run(['config', 'set', 'stream-node-max-entries', '5']);
  b.run(['config', 'set', 'stream-node-max-entries', '5']);
  const run = (...argv: string[]) => a.run(argv);
  for (let i = 0; i < 40; i++) run('xadd', 's', '*', 'f', String(i), ...(i % 3 ? [] : ['g', 'x']));
  run('xadd', 's', 'MAXLEN', '~', '30', '*', 'f', 'trim');
  run('xadd', 's', '99999999999999-*', 'f', 'v');
  run('xadd', 's', 'MINID', '~', '0', 'LIMIT', '10', '99999999999999-*', 'f', 'v');
  run('xgroup', 'create', 's', 'g1', '0');
  run('xgroup', 'create', 's', 'g2', '$', 'ENTRIESREAD', '7');
  run('xreadgroup', 'GROUP', 'g1', 'alice', 'COUNT', '7', 'STREAMS', 's', '>');
  run('xreadgroup', 'GROUP', 'g1', 'bob', 'COUNT', '4', 'STREAMS', 's', '>');
  run('xreadgroup', 'GROUP', 'g1', 'carol', 'COUNT', '3', 'NOACK', 'STREAMS', 's', '>');
  a.advanceTime(50);
  run('xreadgroup', 'GROUP', 'g1', 'alice', 'COUNT', '2', 'STREAMS', 's', '0');
  run('xack', 's', 'g1', ...((a.run(['xpending', 's', 'g1', '-', '+', '3']) as unknown[][]).map((e) => e[0] as string)));
  const pend = (a.run(['xpending', 's', 'g1', '-', '+', '100']) as unknown[][]).map((e) => e[0] as string);
  run('xdel', 's', pend[0], pend[3]);
  a.advanceTime(50);
  run('xclaim', 's', 'g1', 'dave', '10', pend[0], pend[1], pend[2]);
  run('xclaim', 's', 'g1', 'dave', '0', pend[4], 'JUSTID', 'RETRYCOUNT', '9', 'IDLE', '5');
  run('xclaim', 's', 'g1', 'erin', '0', pend[5], 'FORCE', 'LASTID', '99999999999999-0');
  a.advanceTime(50);
  run('xautoclaim', 's', 'g1', 'frank', '20', '0', 'COUNT', '3');
  run('xgroup', 'setid', 's', 'g2', '0', 'ENTRIESREAD', '0');
  run('xreadgroup', 'GROUP', 'g2', 'gina', 'STREAMS', 's', '>');
  run('xgroup', 'delconsumer', 's', 'g2', 'gina');
  run('xgroup', 'createconsumer', 's', 'g2', 'hal');
  run('xtrim', 's', 'MAXLEN', '~', '12');
  run('xsetid', 's', '99999999999999-5', 'ENTRIESADDED', '100', 'MAXDELETEDID', '99999999999999-4');
  run('xadd', 'other', '1-1', 'f', 'v');
  run('xgroup', 'create', 'other', 'g', '0');
  run('xreadgroup', 'GROUP', 'g', 'c', 'STREAMS', 'other', '>');
  run('xgroup', 'destroy', 'other', 'g');

  for (const argv of propagated) {
    const r = b.run(argv);
    expect(r instanceof ErrorReply ? r.text : 'ok', argv.join(' ')).toBe('ok');
  }
  expect(propagated.filter((c) => c[0] === 'XCLAIM').length).toBeGreaterThan(10);
  const groups = (state(a, 's') as { groups: Array<{ 'pel-count': number }> }).groups;
  expect(groups.map((g) => g['pel-count'])).toEqual([expect.any(Number), 0]);
  expect(groups[0]['pel-count']).toBeGreaterThan(5);
  expect(state(b, 's')).toEqual(state(a, 's'));
  expect(state(b, 'other')).toEqual(state(a, 'other'));
  expect(b.run(['xrange', 's', '-', '+'])).toEqual(a.run(['xrange', 's', '-', '+']));
});
