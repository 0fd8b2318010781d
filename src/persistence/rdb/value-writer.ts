// Serialising one engine value in RDB form (rdbSaveObjectType + rdbSaveObject in Redis's rdb.c), with
// the encodings Redis 7.0 writes, chosen from the value's current encoding as Redis does:
// strings with integer encoding or LZF compression, listpacks for small hashes and sorted sets,
// intsets, quicklist 2 for lists (nodes cut by list-max-listpack-size), plain forms for large values.
// A listpack-encoded set (Redis 7.2) is written as SET_LISTPACK only for RDB 11; RDB 10 has no such
// type, so it is written as a plain set (what Redis 7.0 loads).
import { MutableString, type RValue } from '../../keyspace/value.js';
import { ListValue, listpackEntryBytes } from '../../datatypes/list.js';
import { HashValue } from '../../datatypes/hash.js';
import { SetValue } from '../../datatypes/set.js';
import { ZsetValue } from '../../datatypes/zset.js';
import { formatG17 } from '../../util/number.js';
import { ByteSink, encodeIntset, encodeListpack } from './pack.js';
import { QUICKLIST_NODE, RDB_TYPE } from './constants.js';
import { writeBytes, writeLen, writeString } from './write-primitives.js';
import { StreamValue } from '../../datatypes/stream.js';
import { StreamValueJob, writeStream } from './stream-convert.js';
import type { ElementLog } from '../element-log.js';

export { writeBytes, writeLen, writeString };

export interface ValueWriterOptions {
  /** RDB version being written (10 = Redis 7.0, 11 = Redis 7.2). */
  version: number;
  /** rdbcompression: LZF for strings over 20 bytes. */
  compression: boolean;
  /** list-max-listpack-size: how lists are cut into quicklist nodes. */
  listFill: number;
}

/** d2string as Redis 7.0 writes listpack scores: integers below 2^52 as integers, else %.17g. */
export function scoreString(d: number): string {
  if (Number.isInteger(d) && Math.abs(d) < 4503599627370496 && !Object.is(d, -0)) return String(d);
  return formatG17(d);
}

/** Listpack node byte limits for list-max-listpack-size -1 .. -5. */
const NODE_LIMITS = [4096, 8192, 16384, 32768, 65536];

/** A value written in steps (a long aggregate over several slices of a background save). */
export interface ValueJob {
  /** Writes about `units` more elements; true once the whole value is written. */
  step(out: ByteSink, units: number): boolean;
  /**
   * Goes on from a copy (cheap: shared buffers), so the value itself may change from now on; absent
   * for jobs of values that cannot be copied cheaply.
   */
  detach?(): void;
}

/** Aggregates with more elements than this are written in steps by a background save. */
export const STEPPED_ELEMENTS = 4096;

/**
 * A list's value as quicklist 2, in steps so a long list can be written over several time slices of a
 * background save: first the node cuts (the way quicklist fills nodes when elements are appended one
 * by one), then the nodes. The list must not change until the job is done.
 */
export class ListValueJob implements ValueJob {
  private phase = 0;
  private i = 0;
  private start = 0;
  private bytes = 7;
  private readonly cuts: number[] = [];
  private node = 0;
  private from = 0;

  constructor(
    private l: ListValue,
    private readonly opts: ValueWriterOptions,
  ) {}

  /**
   * Carries on from a copy sharing the list's node buffers (O(nodes)), so the list itself may change:
   * a background save calls it when the list it is writing is about to.
   */
  detach(): void {
    this.l = this.l.cloneShared();
  }

  /** Does about `units` elements' worth of work; true once the whole value is written. */
  step(out: ByteSink, units: number): boolean {
    const l = this.l;
    const n = l.length;
    const fill = this.opts.listFill;
    if (this.phase === 0) {
      const stop = Math.min(n, this.i + units);
      let { i, start, bytes } = this;
      for (; i < stop; i++) {
        const add = listpackEntryBytes(l.at(i));
        const count = i - start;
        if (count > 0) {
          const nb = bytes + add;
          const fits = fill >= 0 ? count < Math.max(fill, 1) && nb <= 8192 : nb <= NODE_LIMITS[Math.min(-fill - 1, 4)];
          if (!fits) {
            this.cuts.push(i);
            start = i;
            bytes = 7;
          }
        }
        bytes += add;
      }
      this.i = i;
      this.start = start;
      this.bytes = bytes;
      if (i < n) return false;
      this.cuts.push(n);
      writeLen(out, this.cuts.length);
      this.phase = 1;
      // The nodes start in the next step (unless this one is to finish the value).
      if (units !== Infinity) return false;
    }
    let done = 0;
    while (this.node < this.cuts.length) {
      const to = this.cuts[this.node++];
      writeLen(out, QUICKLIST_NODE.PACKED);
      writeBytes(out, encodeListpack(l.range(this.from, to - 1), 0, to - this.from), this.opts.compression);
      done += to - this.from;
      this.from = to;
      if (done >= units && this.node < this.cuts.length) return false;
    }
    return true;
  }
}

/**
 * A hash in its plain (hashtable) form: the count, then field and value strings. With a log (a
 * background save), written from the live Map as it was at the snapshot's instant while it changes.
 */
class HashValueJob implements ValueJob {
  private iter: Iterator<[string, string | number]> | null = null;
  constructor(
    private readonly h: HashValue,
    private readonly opts: ValueWriterOptions,
    private readonly log: ElementLog | null = null,
  ) {}

  step(out: ByteSink, units: number): boolean {
    const h = this.h;
    const log = this.log;
    const c = this.opts.compression;
    if (this.iter === null) {
      writeLen(out, log === null ? h.size : log.size);
      this.iter = h.scanSource.entries();
    }
    for (let k = 0; k < units; k++) {
      const r = this.iter.next();
      if (r.done) {
        if (log !== null) {
          log.rest((f, v) => {
            writeString(out, f, c);
            writeString(out, v as string, c);
            log.count++;
          });
          checkCount(log);
        }
        return true;
      }
      const f = r.value[0];
      const cur = h.scanValue(r.value[1]);
      const v = log === null ? cur : (log.met(f, cur) as string | null);
      if (v === null) continue;
      writeString(out, f, c);
      writeString(out, v, c);
      if (log !== null) log.count++;
    }
    return false;
  }
}

/** A save's log lost track of the value (a mutation outside the watched methods): no corrupt file. */
function checkCount(log: ElementLog): void {
  if (log.count !== log.size) throw new Error(`a ${log.value.type} changed while saved: ${log.count} elements written, ${log.size} expected`);
}

/**
 * A set in its plain form: the count, then member strings. With a log (a background save, hashtable
 * sets), written from the live index as it was at the snapshot's instant while it changes.
 */
class SetValueJob implements ValueJob {
  private members: string[] | null = null;
  private iter: Iterator<string> | null = null;
  private i = 0;
  constructor(
    private readonly set: SetValue,
    private readonly opts: ValueWriterOptions,
    private readonly log: ElementLog | null = null,
  ) {}

  step(out: ByteSink, units: number): boolean {
    const log = this.log;
    const c = this.opts.compression;
    if (log !== null) {
      if (this.iter === null) {
        writeLen(out, log.size);
        this.iter = this.set.scanSource.keys();
      }
      for (let k = 0; k < units; k++) {
        const r = this.iter.next();
        if (r.done) {
          log.rest((m) => {
            writeString(out, m, c);
            log.count++;
          });
          checkCount(log);
          return true;
        }
        if (log.met(r.value, true) === null) continue;
        writeString(out, r.value, c);
        log.count++;
      }
      return false;
    }
    if (this.members === null) {
      this.members = this.set.members();
      writeLen(out, this.members.length);
    }
    const m = this.members;
    const stop = Math.min(m.length, this.i + units);
    for (; this.i < stop; this.i++) writeString(out, m[this.i], c);
    return this.i === m.length;
  }
}

/**
 * A sorted set as ZSET_2: the count, then members with binary scores, greatest first. With a log (a
 * background save), walked downwards from the last key written, looked up again at every step, so
 * members inserted or moved meanwhile neither shift the walk nor get lost.
 */
class ZsetValueJob implements ValueJob {
  private next = -2;
  private lastScore = Infinity;
  private lastMember = '';
  constructor(
    private readonly z: ZsetValue,
    private readonly opts: ValueWriterOptions,
    private readonly log: ElementLog | null = null,
  ) {}

  step(out: ByteSink, units: number): boolean {
    const z = this.z;
    const log = this.log;
    if (this.next === -2) {
      writeLen(out, log === null ? z.size : log.size);
      this.next = z.size - 1;
    } else if (log !== null && this.next >= 0) {
      this.next = z.rankOf(this.lastScore, this.lastMember) - 1;
    }
    while (this.next >= 0 && units > 0) {
      const lo = Math.max(0, this.next - Math.min(units, 1 << 20) + 1);
      // Greatest first, as Redis walks its skiplist from the tail: loading then appends at the head.
      const entries = z.range(this.next, lo, true);
      for (const [m, sc] of entries) {
        const s = log === null ? sc : (log.met(m, sc) as number | null);
        if (s === null) continue;
        this.member(out, m, s);
        if (log !== null) log.count++;
      }
      units -= entries.length;
      this.next = lo - 1;
      if (log !== null && entries.length > 0) {
        const [m, sc] = entries[entries.length - 1];
        this.lastScore = sc;
        this.lastMember = m;
      }
    }
    if (this.next >= 0) return false;
    if (log !== null) {
      log.rest((m, s) => {
        this.member(out, m, s as number);
        log.count++;
      });
      checkCount(log);
    }
    return true;
  }

  private member(out: ByteSink, m: string, s: number): void {
    writeString(out, m, this.opts.compression);
    out.reserve(8);
    out.buf.writeDoubleLE(s, out.len);
    out.len += 8;
  }
}

/** The job writing v's value (after writeValueType), or null for a value written in one go. */
function valueJob(v: RValue, opts: ValueWriterOptions, log: ElementLog | null): ValueJob | null {
  if (v instanceof ListValue) return new ListValueJob(v, opts);
  if (v instanceof HashValue) return v.isListpack ? null : new HashValueJob(v, opts, log);
  if (v instanceof ZsetValue) return v.isListpack ? null : new ZsetValueJob(v, opts, log);
  if (v instanceof SetValue) return v.encoding() === 'hashtable' || (v.encoding() === 'listpack' && opts.version < 11) ? new SetValueJob(v, opts, log) : null;
  if (v instanceof StreamValue) return new StreamValueJob(v, opts.version >= 11 ? 3 : 2, opts.compression);
  return null;
}

/**
 * The job for a value big enough to be written in steps (an aggregate past STEPPED_ELEMENTS), else null.
 * A log (for the values needsElementLog names) lets the value change while the job runs.
 */
export function steppedValueJob(v: RValue, opts: ValueWriterOptions, log: ElementLog | null = null): ValueJob | null {
  if (typeof v === 'string' || v instanceof MutableString) return null;
  // A logged value is written in steps whatever its size now: it was big at the snapshot's instant.
  if (log !== null) return valueJob(v, opts, log);
  const n = v instanceof ListValue || v instanceof StreamValue ? v.length : (v as unknown as { size: number }).size;
  return n > STEPPED_ELEMENTS ? valueJob(v, opts, null) : null;
}

function writeList(out: ByteSink, l: ListValue, opts: ValueWriterOptions): void {
  new ListValueJob(l, opts).step(out, Infinity);
}

/** Writes the value's type byte; returns false for a type this writer cannot serialise. */
export function writeValueType(out: ByteSink, v: RValue, opts: ValueWriterOptions): boolean {
  if (typeof v === 'string' || v instanceof MutableString) out.byte(RDB_TYPE.STRING);
  else if (v instanceof ListValue) out.byte(RDB_TYPE.LIST_QUICKLIST_2);
  else if (v instanceof SetValue) {
    const enc = v.encoding();
    out.byte(enc === 'intset' ? RDB_TYPE.SET_INTSET : enc === 'listpack' && opts.version >= 11 ? RDB_TYPE.SET_LISTPACK : RDB_TYPE.SET);
  } else if (v instanceof ZsetValue) out.byte(v.isListpack ? RDB_TYPE.ZSET_LISTPACK : RDB_TYPE.ZSET_2);
  else if (v instanceof HashValue) out.byte(v.isListpack ? RDB_TYPE.HASH_LISTPACK : RDB_TYPE.HASH);
  else if (v instanceof StreamValue) out.byte(opts.version >= 11 ? RDB_TYPE.STREAM_LISTPACKS_3 : RDB_TYPE.STREAM_LISTPACKS_2);
  else return false;
  return true;
}

/** Writes the value itself (after writeValueType). */
export function writeValue(out: ByteSink, v: RValue, opts: ValueWriterOptions): void {
  if (typeof v === 'string') {
    writeString(out, v, opts.compression);
  } else if (v instanceof MutableString) {
    writeBytes(out, v.view(), opts.compression);
  } else if (v instanceof ListValue) {
    writeList(out, v, opts);
  } else if (v instanceof SetValue) {
    const enc = v.encoding();
    if (enc === 'intset') {
      writeBytes(out, encodeIntset(v.members()), opts.compression);
    } else if (enc === 'listpack' && opts.version >= 11) {
      writeBytes(out, encodeListpack(v.members()), opts.compression);
    } else {
      new SetValueJob(v, opts).step(out, Infinity);
    }
  } else if (v instanceof ZsetValue) {
    if (v.isListpack) {
      const flat: string[] = [];
      v.forEach((m, s) => flat.push(m, scoreString(s)));
      writeBytes(out, encodeListpack(flat), opts.compression);
    } else {
      new ZsetValueJob(v, opts).step(out, Infinity);
    }
  } else if (v instanceof HashValue) {
    if (v.isListpack) {
      const flat: string[] = [];
      v.forEach((f, val) => flat.push(f, val));
      writeBytes(out, encodeListpack(flat), opts.compression);
    } else {
      new HashValueJob(v, opts).step(out, Infinity);
    }
  } else if (v instanceof StreamValue) {
    writeStream(out, v, opts.version >= 11 ? 3 : 2, opts.compression);
  } else {
    throw new Error(`cannot serialise a value of type ${(v as { type: string }).type}`);
  }
}

/** rdbSavedObjectLen: bytes of the serialised value without its type byte (DEBUG OBJECT). */
export function serializedLength(v: RValue, opts: ValueWriterOptions): number {
  const out = new ByteSink(64);
  writeValue(out, v, opts);
  return out.len;
}
