import { describe, expect, it } from 'vitest';
import { StreamValue, PendingList, StreamGroup, StreamNACK, type NodeLimits } from './stream.js';
import { FLAG_DELETED, entry } from './stream-node.js';
import { MAX_ID, MIN_ID, formatId, idOf, type StreamId } from './stream-id.js';
import { headerNumElements, headerTotalBytes } from './stream-listpack.js';
import { StreamValueJob } from '../persistence/rdb/stream-convert.js';
import { ByteSink } from '../persistence/rdb/pack.js';

const LIMITS: NodeLimits = { maxBytes: 4096, maxEntries: 10 };

/** A tiny deterministic PRNG so failures replay. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function all(s: StreamValue, start: StreamId = MIN_ID, end: StreamId = MAX_ID, rev = false): string[] {
  const out: string[] = [];
  const it = s.iterate(start, end, rev);
  while (it.next()) out.push(`${it.idText()}:${it.fields().join(',')}`);
  return out;
}

/** Every node's counters agree with its listpack. */
function checkNodes(s: StreamValue): void {
  let live = 0;
  for (const n of s.nodes) {
    expect(headerTotalBytes(n.lp)).toBe(n.bytes);
    expect(n.lp[n.bytes - 1]).toBe(0xff);
    let c = 0;
    let d = 0;
    let p = n.entriesStart;
    let elements = 4 + n.masterFields.length;
    while (n.lp[p] !== 0xff) {
      p = n.readEntry(p);
      if (entry.flags & FLAG_DELETED) d++;
      else c++;
      elements += (entry.flags & 2 ? entry.numFields + 3 : 2 * entry.numFields + 4) + 1;
    }
    expect([c, d]).toEqual([n.count, n.deleted]);
    expect(headerNumElements(n.lp)).toBe(Math.min(elements, 65535));
    live += c;
  }
  expect(live).toBe(s.length);
  for (let i = 1; i < s.nodes.length; i++) expect(s.nodes[i - 1].masterId < s.nodes[i].masterId).toBe(true);
}

describe('StreamValue', () => {
  it('appends, iterates both ways and seeks ranges across nodes', () => {
    const s = new StreamValue();
    for (let i = 1; i <= 35; i++) s.append(idOf(i, i % 3), i % 4 === 0 ? ['a', String(i), 'b', 'x'] : ['f', `v${i}`], 0, LIMITS);
    expect(s.nodes.length).toBe(4);
    expect(s.length).toBe(35);
    expect(formatId(s.lastId)).toBe('35-2');
    expect(formatId(s.firstId)).toBe('1-1');
    const fwd = all(s);
    expect(fwd[0]).toBe('1-1:f,v1');
    expect(fwd[3]).toBe('4-1:a,4,b,x');
    expect(all(s, MIN_ID, MAX_ID, true)).toEqual([...fwd].reverse());
    expect(all(s, idOf(12, 0), idOf(14, 5))).toEqual(fwd.slice(11, 14));
    expect(all(s, idOf(12, 0), idOf(14, 5), true)).toEqual(fwd.slice(11, 14).reverse());
    expect(all(s, idOf(36, 0), MAX_ID)).toEqual([]);
    expect(all(s, MIN_ID, idOf(0, 5), true)).toEqual([]);
    checkNodes(s);
  });

  it('agrees with a plain array model under random adds, deletes and trims', () => {
    const rand = rng(7);
    for (let round = 0; round < 20; round++) {
      const s = new StreamValue();
      const model: Array<[StreamId, string]> = [];
      let ms = 1;
      for (let op = 0; op < 400; op++) {
        const r = rand();
        if (r < 0.6) {
          ms += Math.floor(rand() * 3);
          const id = rand() < 0.5 ? idOf(ms, Math.floor(rand() * 1000)) : idOf(ms * 1000003, 0);
          if (id <= s.lastId) continue;
          const v = rand() < 0.3 ? String(Math.floor(rand() * 1e6) - 5e5) : 'v'.repeat(Math.floor(rand() * 80));
          s.append(id, rand() < 0.8 ? ['f', v] : ['g', v, 'h', 'w'], 0, LIMITS);
          model.push([id, v]);
        } else if (r < 0.8 && model.length) {
          const k = Math.floor(rand() * model.length);
          expect(s.deleteIds([model[k][0]])).toBe(1);
          model.splice(k, 1);
        } else if (r < 0.9) {
          const maxlen = Math.floor(rand() * (model.length + 2));
          const approx = rand() < 0.5;
          const removed = s.trim({ strategy: 'maxlen', maxlen, minid: MIN_ID, approx, limit: approx ? 1000 : 0 });
          model.splice(0, removed);
          if (!approx) expect(s.length).toBe(Math.min(model.length, Math.max(maxlen, 0)));
        } else if (model.length) {
          const minid = model[Math.floor(rand() * model.length)][0];
          const removed = s.trim({ strategy: 'minid', maxlen: 0, minid, approx: false, limit: 0 });
          const keep = model.filter(([id]) => id >= minid);
          expect(removed).toBe(model.length - keep.length);
          model.splice(0, model.length, ...keep);
        }
        expect(s.length).toBe(model.length);
      }
      expect(all(s).map((e) => e.split(':')[0])).toEqual(model.map(([id]) => formatId(id)));
      expect(all(s, MIN_ID, MAX_ID, true).length).toBe(model.length);
      if (model.length) expect(s.firstId).toBe(model[0][0]);
      checkNodes(s);
    }
  });

  it('a save job detached from a stream writes it as it was while the stream keeps changing', () => {
    const rand = rng(11);
    const mutate = (s: StreamValue, ops: number): void => {
      for (let op = 0; op < ops; op++) {
        const r = rand();
        const ids = all(s).map((e) => e.split(':')[0]);
        if (r < 0.5) s.append(s.nextId(0)!, ['f', `new${op}`], 0, LIMITS);
        else if (r < 0.8 && ids.length) s.deleteIds([parseTestId(ids[Math.floor(rand() * ids.length)])]);
        else if (r < 0.9) s.trim({ strategy: 'maxlen', maxlen: Math.max(0, ids.length - 3), minid: MIN_ID, approx: false, limit: 0 });
        else if (ids.length) s.trim({ strategy: 'minid', maxlen: 0, minid: parseTestId(ids[Math.floor(rand() * Math.min(ids.length, 20))]), approx: false, limit: 0 });
      }
    };
    const parseTestId = (t: string): StreamId => idOf(Number(t.split('-')[0]), Number(t.split('-')[1]));
    const bytes = (job: StreamValueJob): Buffer => {
      const out = new ByteSink();
      job.step(out, Infinity);
      return out.buf.subarray(0, out.len);
    };
    // Detached before its first step and half-way (the nodes not yet written are the shared ones).
    for (const firstUnits of [0, 100]) {
      const s = new StreamValue();
      for (let i = 1; i <= 600; i++) s.append(idOf(i, 0), i % 5 === 0 ? ['g', String(i), 'h', 'x'] : ['f', `v${i}`], 0, LIMITS);
      s.deleteIds([idOf(7, 0), idOf(300, 0)]);
      const before = all(s);
      const expected = bytes(new StreamValueJob(s.clone(), 2, false));
      const job = new StreamValueJob(s, 2, false);
      const out = new ByteSink();
      if (firstUnits > 0) expect(job.step(out, firstUnits)).toBe(false);
      job.detach();
      mutate(s, 300);
      job.step(out, Infinity);
      expect(out.buf.subarray(0, out.len).equals(expected)).toBe(true);
      checkNodes(s);
      expect(all(s)).not.toEqual(before);
    }
  });

  it('drops a node when its last live entry is deleted, keeping first and max-deleted IDs', () => {
    const s = new StreamValue();
    for (let i = 1; i <= 12; i++) s.append(idOf(i, 0), ['f', 'v'], 0, LIMITS);
    expect(s.deleteIds([idOf(1, 0), idOf(2, 0), idOf(99, 0)])).toBe(2);
    expect(formatId(s.firstId)).toBe('3-0');
    expect(formatId(s.maxDeletedId)).toBe('2-0');
    expect(s.deleteIds([idOf(11, 0), idOf(12, 0)])).toBe(2);
    expect(s.nodes.length).toBe(1);
    expect(formatId(s.lastId)).toBe('12-0');
    expect(formatId(s.lastValidId())).toBe('10-0');
    expect(formatId(s.edgeId(true, false))).toBe('1-0');
    checkNodes(s);
  });

  it('approximate trimming removes whole nodes only, within the limit', () => {
    const s = new StreamValue();
    for (let i = 1; i <= 100; i++) s.append(idOf(i, 0), ['f', 'v'], 0, LIMITS);
    expect(s.trim({ strategy: 'maxlen', maxlen: 55, minid: MIN_ID, approx: true, limit: 10000 })).toBe(40);
    expect(s.trim({ strategy: 'maxlen', maxlen: 0, minid: MIN_ID, approx: true, limit: 25 })).toBe(20);
    expect(s.trim({ strategy: 'minid', maxlen: 0, minid: idOf(75, 0), approx: true, limit: 10000 })).toBe(10);
    expect(formatId(s.firstId)).toBe('71-0');
    expect(s.length).toBe(30);
  });

  it('re-encodes node counters that outgrow one byte (nodes of more than 127 entries)', () => {
    const s = new StreamValue();
    const big = { maxBytes: 1 << 20, maxEntries: 5000 };
    for (let i = 1; i <= 4000; i++) s.append(idOf(i, 0), ['f', String(i)], 0, big);
    expect(s.nodes.length).toBe(1);
    checkNodes(s);
    const ids: StreamId[] = [];
    for (let i = 2; i <= 4000; i += 3) ids.push(idOf(i, 0));
    expect(s.deleteIds(ids)).toBe(ids.length);
    checkNodes(s);
    expect(s.trim({ strategy: 'maxlen', maxlen: 100, minid: MIN_ID, approx: false, limit: 0 })).toBe(4000 - ids.length - 100);
    checkNodes(s);
    expect(all(s).length).toBe(100);
    expect(all(s, MIN_ID, MAX_ID, true)[0]).toBe('4000-0:f,4000');
  });

  it('counts radix tree nodes as Redis does', () => {
    const s = new StreamValue();
    expect(s.radixTreeNodes()).toBe(1);
    s.append(idOf(1, 0), ['f', 'v'], 0, { maxBytes: 4096, maxEntries: 1 });
    expect(s.radixTreeNodes()).toBe(2);
    // root chain, the branch at byte 7, one node under each branch, two leaves
    s.append(idOf(2, 0), ['f', 'v'], 0, { maxBytes: 4096, maxEntries: 1 });
    expect(s.radixTreeNodes()).toBe(6);
  });

  it('rebuilds from its parts and clones deeply', () => {
    const s = new StreamValue();
    for (let i = 1; i <= 25; i++) s.append(idOf(i, 0), ['f', String(i)], 0, LIMITS);
    s.deleteIds([idOf(5, 0)]);
    const g = s.createGroup('g', idOf(3, 0), 3)!;
    const c = g.createConsumer('alice', 1000)!;
    const nack = new StreamNACK(1234, 2, c);
    g.pel.set(idOf(2, 0), nack);
    c.pel.set(idOf(2, 0), nack);
    const copy = StreamValue.fromParts({
      nodes: s.nodes.map((n) => ({ masterId: n.masterId, listpack: n.listpack() })),
      length: s.length, lastId: s.lastId, firstId: s.firstId, maxDeletedId: s.maxDeletedId, entriesAdded: s.entriesAdded,
      groups: [g.clone()],
    });
    expect(all(copy)).toEqual(all(s));
    checkNodes(copy);
    copy.append(idOf(30, 0), ['f', 'new'], 0, LIMITS);
    expect(copy.length).toBe(s.length + 1);
    const cl = s.clone();
    cl.group('g')!.ack(idOf(2, 0));
    expect(s.group('g')!.pel.size).toBe(1);
    expect(cl.group('g')!.pel.size).toBe(0);
    expect(cl.group('g')!.consumers.get('alice')!.pel.size).toBe(0);
    expect(all(cl)).toEqual(all(s));
  });

  it('estimates logical read counters and lag as Redis 7 does', () => {
    const s = new StreamValue();
    const g = new StreamGroup('g', MIN_ID, -1);
    expect(s.groupLag(g)).toBe(0);
    for (let i = 1; i <= 5; i++) s.append(idOf(i, 0), ['f', 'v'], 0, LIMITS);
    expect(s.estimateDistance(idOf(5, 0))).toBe(5);
    expect(s.estimateDistance(idOf(1, 0))).toBe(1);
    expect(s.estimateDistance(MIN_ID)).toBe(0);
    expect(s.estimateDistance(idOf(3, 0))).toBe(-1);
    expect(s.groupLag(g)).toBe(5);
    s.deleteIds([idOf(3, 0)]);
    g.lastId = idOf(2, 0);
    g.entriesRead = 2;
    expect(s.groupLag(g)).toBeNull();
    g.lastId = idOf(4, 0);
    g.entriesRead = 3;
    expect(s.groupLag(g)).toBe(2);
  });
});

describe('PendingList', () => {
  it('keeps IDs ordered through out-of-order inserts and deletes, compacting lazily', () => {
    const l = new PendingList<number>();
    for (let i = 100; i >= 1; i--) l.set(idOf(i, 0), i);
    for (let i = 1; i <= 100; i += 2) l.delete(idOf(i, 0));
    l.set(idOf(3, 0), 3);
    expect(l.size).toBe(51);
    expect(formatId(l.first()!)).toBe('2-0');
    expect(formatId(l.last()!)).toBe('100-0');
    const seen: number[] = [];
    for (const id of l.from(idOf(90, 0))) {
      seen.push(l.get(id)!);
      l.delete(id);
    }
    expect(seen).toEqual([90, 92, 94, 96, 98, 100]);
    expect([...l.entries()].slice(0, 3).map(([, v]) => v)).toEqual([2, 3, 4]);
  });
});
