// Streams between the RDB codec and the engine's StreamValue (src/datatypes/stream.ts), whose nodes
// hold exactly the listpacks RDB stores, so nodes move as bytes. Writing follows rdbSaveObject's stream
// branch: STREAM_LISTPACKS_2 for RDB 10 (Redis 7.0), STREAM_LISTPACKS_3 (with consumer active times)
// for RDB 11; groups and consumers in name order, PELs in ID order.
import {
  StreamConsumer, StreamGroup, StreamNACK, StreamValue, INVALID_ENTRIES_READ, type StreamNode,
} from '../../datatypes/stream.js';
import type { ValueJob } from './value-writer.js';
import type { StreamId as EngineId } from '../../datatypes/stream-id.js';
import type { RdbStream, StreamId } from './stream.js';
import { ByteSink } from './pack.js';
import { writeBytes, writeLen, writeString } from './write-primitives.js';

const U64_MAX = 0xffffffffffffffffn;

function engineId(id: StreamId): EngineId {
  const b = Buffer.allocUnsafe(16);
  b.writeBigUInt64BE(id.ms, 0);
  b.writeBigUInt64BE(id.seq, 8);
  return b.latin1Slice();
}

export class StreamLoadError extends Error {}

/** The engine value for a decoded stream. */
export function streamToEngine(s: RdbStream): StreamValue {
  const groups: StreamGroup[] = [];
  for (const g of s.groups) {
    const group = new StreamGroup(g.name, engineId(g.lastId), g.entriesRead < 0 ? INVALID_ENTRIES_READ : g.entriesRead);
    const nacks = new Map<string, StreamNACK>();
    for (const p of g.pending) {
      const id = engineId(p.id);
      const nack = new StreamNACK(p.deliveryTime, p.deliveryCount, null);
      nacks.set(id, nack);
      group.pel.set(id, nack);
    }
    for (const c of g.consumers) {
      const consumer = new StreamConsumer(c.name, c.seenTime, c.activeTime);
      group.consumers.set(c.name, consumer);
      for (const pid of c.pending) {
        const id = engineId(pid);
        const nack = nacks.get(id)!;
        nack.consumer = consumer;
        consumer.pel.set(id, nack);
      }
    }
    for (const nack of nacks.values()) {
      if (nack.consumer === null) throw new StreamLoadError('Stream PEL entry without consumer');
    }
    groups.push(group);
  }
  const value = StreamValue.fromParts({
    nodes: s.nodes.map((n) => ({ masterId: n.masterId.latin1Slice(), listpack: n.listpack })),
    length: s.length,
    lastId: engineId(s.lastId),
    firstId: engineId(s.firstId),
    maxDeletedId: engineId(s.maxDeletedId),
    entriesAdded: s.entriesAdded,
    groups,
  });
  // Version 1 files have no entries-read counters: Redis estimates them from the group's last id.
  if (s.version === 1) for (const g of groups) g.entriesRead = value.estimateDistance(g.lastId);
  return value;
}

/** rdbSaveLen of a 64-bit unsigned value. */
function writeLenBig(out: ByteSink, v: bigint): void {
  if (v <= 0xffffffffn) {
    writeLen(out, Number(v));
    return;
  }
  out.byte(0x81);
  out.reserve(8);
  out.buf.writeBigUInt64BE(v, out.len);
  out.len += 8;
}

/** An engine id's ms and seq as RDB lengths. */
function writeIdLens(out: ByteSink, id: EngineId): void {
  const b = Buffer.from(id, 'latin1');
  writeLenBig(out, b.readBigUInt64BE(0));
  writeLenBig(out, b.readBigUInt64BE(8));
}

function writeRawId(out: ByteSink, id: EngineId): void {
  out.latin1(id);
}

/** A millisecond time as a little-endian int64 (-1 for none), by its two 32-bit halves. */
function writeMillis(out: ByteSink, ms: number): void {
  const v = Math.trunc(ms);
  const hi = Math.floor(v / 4294967296);
  out.reserve(8);
  out.buf.writeUInt32LE(v - hi * 4294967296, out.len);
  out.buf.writeInt32LE(hi, out.len + 4);
  out.len += 8;
}

/** The stream's value (after its type byte): version 2 or 3 of the STREAM_LISTPACKS layout. */
export function writeStream(out: ByteSink, s: StreamValue, version: 2 | 3, compress: boolean): void {
  new StreamValueJob(s, version, compress).step(out, Infinity);
}

/** The nodes RDB stores (Redis drops a node once it holds no entry, deleted ones included). */
function storedNodes(s: StreamValue): StreamNode[] {
  return s.nodes.filter((n) => n.count > 0 || n.deleted > 0);
}

/** What a detached StreamValueJob still has to write (see detach). */
interface Frozen {
  ids: string[];
  lps: Buffer[];
  lens: number[];
  units: number[];
  trailer: Buffer;
}

/**
 * A stream's value in steps (a long stream over several slices of a background save): its nodes, a
 * step's worth of entries at a time, then its counters and groups. The stream must not change until
 * the job is done, unless the job is detached from it first.
 */
export class StreamValueJob implements ValueJob {
  private nodes: StreamNode[] | null = null;
  private i = 0;
  /** Next frozen node to write. */
  private k = 0;
  /**
   * Once detached: the master IDs, listpack bytes and entry counts of the nodes not yet written (the
   * nodes' buffers shared, each copied by the stream before it next writes to it), and the counters
   * and groups serialised.
   */
  private frozen: Frozen | null = null;

  constructor(
    private readonly s: StreamValue,
    private readonly version: 2 | 3,
    private readonly compress: boolean,
  ) {}

  /** Makes the job independent of the stream, O(nodes), so the stream itself may change. */
  detach(): void {
    const nodes = (this.nodes ??= storedNodes(this.s));
    const ids: string[] = [];
    const lps: Buffer[] = [];
    const lens: number[] = [];
    const units: number[] = [];
    for (let k = this.i; k < nodes.length; k++) {
      const n = nodes[k];
      n.share();
      ids.push(n.masterId);
      lps.push(n.lp);
      lens.push(n.bytes);
      units.push(n.count + n.deleted);
    }
    // Sized for the PELs (an ID, a time and a count per group entry, an ID per consumer entry).
    let pending = 0;
    if (this.s.groups !== null) for (const g of this.s.groups.values()) pending += g.pel.size;
    const out = new ByteSink(256 + 48 * pending);
    writeTrailer(out, this.s, this.version, this.compress);
    this.frozen = { ids, lps, lens, units, trailer: out.buf.subarray(0, out.len) };
  }

  step(out: ByteSink, units: number): boolean {
    const nodes = (this.nodes ??= storedNodes(this.s));
    if (this.i === 0 && this.frozen === null) writeLen(out, nodes.length);
    const f = this.frozen;
    if (f !== null) return this.stepFrozen(out, units, f);
    while (this.i < nodes.length) {
      const n = nodes[this.i++];
      writeString(out, n.masterId, false);
      writeBytes(out, n.lp.subarray(0, n.bytes), this.compress);
      units -= n.count + n.deleted;
      if (units <= 0 && this.i < nodes.length) return false;
    }
    writeTrailer(out, this.s, this.version, this.compress);
    return true;
  }

  private stepFrozen(out: ByteSink, units: number, f: Frozen): boolean {
    // Detached before its first step: the node count comes first.
    if (this.k === 0 && this.i === 0) writeLen(out, f.ids.length);
    while (this.k < f.ids.length) {
      const k = this.k++;
      writeString(out, f.ids[k], false);
      writeBytes(out, f.lps[k].subarray(0, f.lens[k]), this.compress);
      units -= f.units[k];
      if (units <= 0 && this.k < f.ids.length) return false;
    }
    out.raw(f.trailer);
    return true;
  }
}

/** After the nodes: length, IDs, entries added, then groups with their PELs and consumers. */
function writeTrailer(out: ByteSink, s: StreamValue, version: 2 | 3, compress: boolean): void {
  writeLen(out, s.length);
  writeIdLens(out, s.lastId);
  writeIdLens(out, s.firstId);
  writeIdLens(out, s.maxDeletedId);
  writeLen(out, s.entriesAdded);
  const groups = s.sortedGroups();
  writeLen(out, groups.length);
  for (const g of groups) {
    writeString(out, g.name, compress);
    writeIdLens(out, g.lastId);
    writeLenBig(out, g.entriesRead < 0 ? U64_MAX : BigInt(g.entriesRead));
    writeLen(out, g.pel.size);
    g.pel.forEach((id, nack) => {
      writeRawId(out, id);
      writeMillis(out, nack.deliveryTime);
      writeLen(out, nack.deliveryCount);
    });
    const consumers = g.sortedConsumers();
    writeLen(out, consumers.length);
    for (const c of consumers) {
      writeString(out, c.name, compress);
      writeMillis(out, c.seenTime);
      if (version === 3) writeMillis(out, c.activeTime);
      writeLen(out, c.pel.size);
      c.pel.forEach((id) => writeRawId(out, id));
    }
  }
}
