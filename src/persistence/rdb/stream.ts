// Streams in RDB (STREAM_LISTPACKS 1, 2 and 3) decoded into a neutral structure: entries with ids and
// fields, consumer groups, consumers and pending entries. Counterpart: the RDB_TYPE_STREAM_LISTPACKS*
// branches of rdbLoadObject and rdbSaveObject (rdb.c) and the node layout of t_stream.c.
//
// A stream node is a listpack under a 16-byte big-endian master id. Its first entries are the master
// entry (count, deleted count, field count, the fields, a 0 terminator); every following entry is
// flags, ms-diff, seq-diff, then either the values of the master fields (SAMEFIELDS flag) or a field
// count and field/value pairs, and finally the number of listpack elements the entry used.
import type { Cursor } from './cursor.js';
import { BlobError, decodeListpack } from './blobs.js';

export interface StreamId {
  ms: bigint;
  seq: bigint;
}

export interface RdbStreamEntry {
  id: StreamId;
  /** field, value, field, value... */
  fields: string[];
}

export interface RdbStreamNack {
  id: StreamId;
  deliveryTime: number;
  deliveryCount: number;
  /** Owner, filled in from the consumers' lists (null if no consumer claims it). */
  consumer: string | null;
}

export interface RdbStreamConsumer {
  name: string;
  seenTime: number;
  /** Last successful interaction (RDB 11 / STREAM_LISTPACKS_3); -1 when the file has none. */
  activeTime: number;
  pending: StreamId[];
}

export interface RdbStreamGroup {
  name: string;
  lastId: StreamId;
  /** Entries read by the group; -1 when unknown (older files). */
  entriesRead: number;
  pending: RdbStreamNack[];
  consumers: RdbStreamConsumer[];
}

export interface RdbStream {
  /** Layout version: 1 (Redis 5-6), 2 (7.0), 3 (7.2). Version 1 has no group entries-read counters. */
  version: 1 | 2 | 3;
  entries: RdbStreamEntry[];
  /** The stored nodes as they are (16-byte big-endian master id, listpack), for loading as-is. */
  nodes: Array<{ masterId: Buffer; listpack: Buffer }>;
  length: number;
  lastId: StreamId;
  firstId: StreamId;
  maxDeletedId: StreamId;
  entriesAdded: number;
  groups: RdbStreamGroup[];
}

const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;
const U64_MAX = 0xffffffffffffffffn;

export function streamIdString(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

function idKey(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

function rawId(c: Cursor): StreamId {
  const b = c.bytes(16);
  return { ms: b.readBigUInt64BE(0), seq: b.readBigUInt64BE(8) };
}

function num(s: string | undefined, what: string): number {
  if (s === undefined) throw new BlobError(`stream node ends inside ${what}`);
  const v = Number(s);
  if (!Number.isInteger(v)) throw new BlobError(`stream node has a non-integer ${what}`);
  return v;
}

function idLess(a: StreamId, b: StreamId): boolean {
  return a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);
}

/** Decodes one stream node's live entries into out (in the order the node holds them, as Redis reads them). */
function decodeNode(master: StreamId, lp: Buffer, out: RdbStreamEntry[]): void {
  const e = decodeListpack(lp);
  if (e.length === 0) throw new BlobError('empty listpack in stream node');
  let i = 0;
  const count = num(e[i++], 'entry count');
  const deleted = num(e[i++], 'deleted count');
  const mf = num(e[i++], 'master field count');
  if (mf < 0 || i + mf >= e.length) throw new BlobError('stream master entry out of range');
  const masterFields = e.slice(i, i + mf);
  i += mf;
  if (e[i++] !== '0') throw new BlobError('stream master entry is not terminated');
  let live = 0;
  let dead = 0;
  while (i < e.length) {
    const flags = num(e[i++], 'entry flags');
    const msDiff = BigInt(num(e[i++], 'entry id'));
    const seqDiff = BigInt(num(e[i++], 'entry id'));
    let fields: string[];
    if (flags & FLAG_SAMEFIELDS) {
      if (i + mf > e.length) throw new BlobError('stream entry out of range');
      fields = new Array<string>(2 * mf);
      for (let k = 0; k < mf; k++) {
        fields[2 * k] = masterFields[k];
        fields[2 * k + 1] = e[i + k];
      }
      i += mf;
    } else {
      const nf = num(e[i++], 'field count');
      if (nf < 0 || i + 2 * nf > e.length) throw new BlobError('stream entry out of range');
      fields = e.slice(i, i + 2 * nf);
      i += 2 * nf;
    }
    const lpCount = num(e[i++], 'entry element count');
    const want = flags & FLAG_SAMEFIELDS ? mf + 3 : fields.length + 4;
    if (lpCount !== want) throw new BlobError('stream entry has a wrong element count');
    if (flags & ~(FLAG_DELETED | FLAG_SAMEFIELDS)) throw new BlobError('stream entry has unknown flags');
    const id = { ms: (master.ms + msDiff) & U64_MAX, seq: (master.seq + seqDiff) & U64_MAX };
    if (flags & FLAG_DELETED) {
      dead++;
      continue;
    }
    live++;
    out.push({ id, fields });
  }
  if (live !== count || dead !== deleted) throw new BlobError('stream node counts do not match its entries');
}

/** Reads a stream value of the given version (1, 2 or 3) at the cursor. */
export function readStream(c: Cursor, version: 1 | 2 | 3): RdbStream {
  const entries: RdbStreamEntry[] = [];
  const rawNodes: Array<{ masterId: Buffer; listpack: Buffer }> = [];
  // Redis files nodes in a radix tree keyed by master id: the order in the file does not matter, a
  // repeated key does.
  const nodes = c.len();
  const read: Array<{ master: StreamId; key: Buffer; lp: Buffer; at: number }> = [];
  for (let n = 0; n < nodes; n++) {
    const at = c.pos;
    const key = c.stringBytes();
    if (key.length !== 16) c.fail('Stream node key entry is not the size of a stream ID', at);
    const master = { ms: key.readBigUInt64BE(0), seq: key.readBigUInt64BE(8) };
    const lpAt = c.pos;
    read.push({ master, key: Buffer.from(key), lp: Buffer.from(c.stringBytes()), at: lpAt });
  }
  read.sort((a, b) => (idLess(a.master, b.master) ? -1 : idLess(b.master, a.master) ? 1 : 0));
  for (let n = 0; n < read.length; n++) {
    const { master, key, lp, at } = read[n];
    if (n > 0 && !idLess(read[n - 1].master, master)) c.fail('Listpack re-added with existing key', at);
    try {
      decodeNode(master, lp, entries);
    } catch (e) {
      if (e instanceof BlobError) c.fail(`Stream listpack integrity check failed: ${e.message}`, at);
      throw e;
    }
    rawNodes.push({ masterId: key, listpack: lp });
  }
  const length = c.len();
  const lastId = { ms: c.lenBig(), seq: c.lenBig() };
  let firstId: StreamId;
  let maxDeletedId: StreamId = { ms: 0n, seq: 0n };
  let entriesAdded = length;
  if (version >= 2) {
    firstId = { ms: c.lenBig(), seq: c.lenBig() };
    maxDeletedId = { ms: c.lenBig(), seq: c.lenBig() };
    entriesAdded = Number(c.lenBig());
  } else {
    firstId = entries.length > 0 ? entries[0].id : { ms: 0n, seq: 0n };
  }
  const groups: RdbStreamGroup[] = [];
  const ngroups = c.len();
  for (let g = 0; g < ngroups; g++) {
    const name = c.string();
    const gLast = { ms: c.lenBig(), seq: c.lenBig() };
    let entriesRead = -1;
    if (version >= 2) {
      const v = c.lenBig();
      entriesRead = v === U64_MAX ? -1 : Number(v);
    }
    const pending: RdbStreamNack[] = [];
    const byId = new Map<string, RdbStreamNack>();
    const npel = c.len();
    for (let k = 0; k < npel; k++) {
      const at = c.pos;
      const id = rawId(c);
      const deliveryTime = c.millis();
      const deliveryCount = c.len();
      const nack = { id, deliveryTime, deliveryCount, consumer: null };
      if (byId.has(idKey(id))) c.fail('Duplicated global PEL entry loading stream consumer group', at);
      byId.set(idKey(id), nack);
      pending.push(nack);
    }
    const consumers: RdbStreamConsumer[] = [];
    const ncons = c.len();
    for (let k = 0; k < ncons; k++) {
      const cname = c.string();
      const seenTime = c.millis();
      // Before STREAM_LISTPACKS_3 there is no active time: the seen time stands in, as Redis 7.2 loads it.
      const activeTime = version >= 3 ? c.millis() : seenTime;
      const cpel: StreamId[] = [];
      const n = c.len();
      for (let m = 0; m < n; m++) {
        const at = c.pos;
        const id = rawId(c);
        const nack = byId.get(idKey(id));
        if (nack === undefined) c.fail('Consumer entry not found in group global PEL', at);
        if (nack.consumer !== null) c.fail('Duplicated consumer PEL entry loading a stream consumer group', at);
        (nack as RdbStreamNack).consumer = cname;
        cpel.push(id);
      }
      consumers.push({ name: cname, seenTime, activeTime, pending: cpel });
    }
    groups.push({ name, lastId: gLast, entriesRead, pending, consumers });
  }
  return { version, entries, nodes: rawNodes, length, lastId, firstId, maxDeletedId, entriesAdded, groups };
}
