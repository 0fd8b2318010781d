// Streams between the RDB codec and the engine's StreamValue (src/datatypes/stream.ts), whose nodes
// hold exactly the listpacks RDB stores, so nodes move as bytes. Writing follows rdbSaveObject's stream
// branch: STREAM_LISTPACKS_2 for RDB 10 (Redis 7.0), STREAM_LISTPACKS_3 (with consumer active times)
// for RDB 11; groups and consumers in name order, PELs in ID order.
import {
  StreamConsumer, StreamGroup, StreamNACK, StreamValue, INVALID_ENTRIES_READ,
} from '../../datatypes/stream.js';
import type { StreamId as EngineId } from '../../datatypes/stream-id.js';
import type { RdbStream, StreamId } from './stream.js';
import type { ByteSink } from './pack.js';
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

function writeMillis(out: ByteSink, ms: number): void {
  out.reserve(8);
  out.buf.writeBigInt64LE(BigInt(Math.trunc(ms)), out.len);
  out.len += 8;
}

/** The stream's value (after its type byte): version 2 or 3 of the STREAM_LISTPACKS layout. */
export function writeStream(out: ByteSink, s: StreamValue, version: 2 | 3, compress: boolean): void {
  const nodes = s.nodes.filter((n) => n.count > 0 || n.deleted > 0);
  writeLen(out, nodes.length);
  for (const n of nodes) {
    writeString(out, n.masterId, false);
    writeBytes(out, n.lp.subarray(0, n.bytes), compress);
  }
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
    for (const [id, nack] of g.pel.entries()) {
      writeRawId(out, id);
      writeMillis(out, nack.deliveryTime);
      writeLen(out, nack.deliveryCount);
    }
    const consumers = g.sortedConsumers();
    writeLen(out, consumers.length);
    for (const c of consumers) {
      writeString(out, c.name, compress);
      writeMillis(out, c.seenTime);
      if (version === 3) writeMillis(out, c.activeTime);
      writeLen(out, c.pel.size);
      for (const [id] of c.pel.entries()) writeRawId(out, id);
    }
  }
}
