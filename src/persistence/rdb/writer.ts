// The RDB file writer: an object fed the header, function libraries, databases and keys one at a time,
// which hands back the bytes produced so far (take) so a background save can interleave serialisation
// with commands and write the file in chunks. The CRC-64 trailer is accumulated as bytes are taken.
// Counterpart: rdbSaveRio / rdbSaveDb / rdbSaveKeyValuePair / rdbSaveInfoAuxFields in Redis's rdb.c.
//
// Defaults produce what Redis 7.0 writes and loads: RDB version 10, EXPIRETIME_MS expiries, AUX fields
// redis-ver, redis-bits, ctime, used-mem, aof-base.
import type { RValue } from '../../keyspace/value.js';
import type { ConfigReader } from './engine-values.js';
import { Crc64 } from '../../util/crc64.js';
import { ByteSink } from './pack.js';
import { RDB_DEFAULT_WRITE_VERSION, RDB_OPCODE } from './constants.js';
import type { ElementLog } from '../element-log.js';
import { steppedValueJob, writeLen, writeString, writeValue, writeValueType, type ValueJob, type ValueWriterOptions } from './value-writer.js';

export interface RdbWriterOptions {
  /** RDB version to write: 10 (Redis 7.0, the default) or 11 (Redis 7.2). */
  version?: number;
  /** rdbcompression (default true). */
  compression?: boolean;
  /** rdbchecksum (default true): when false the trailer is 0, as Redis writes it. */
  checksum?: boolean;
  /** list-max-listpack-size (default -2). */
  listFill?: number;
}

/** Writer options from the live configuration (rdbcompression, rdbchecksum, list-max-listpack-size). */
export function writerOptions(config: ConfigReader, version?: number): RdbWriterOptions {
  return {
    version,
    compression: config.getBool('rdbcompression'),
    checksum: config.getBool('rdbchecksum'),
    listFill: config.getNumber('list-max-listpack-size'),
  };
}

export interface AuxOptions {
  version: string;
  usedMem: number;
  /** Unix seconds (default: now). */
  ctime?: number;
  aofBase?: boolean;
}

/** The AUX fields Redis writes at the start of a snapshot, in its order. */
export function standardAux(o: AuxOptions): Array<[string, string]> {
  return [
    ['redis-ver', o.version],
    ['redis-bits', '64'],
    ['ctime', String(o.ctime ?? Math.floor(Date.now() / 1000))],
    ['used-mem', String(o.usedMem)],
    ['aof-base', o.aofBase ? '1' : '0'],
  ];
}

export class RdbWriter {
  readonly version: number;
  private readonly opts: ValueWriterOptions;
  private readonly checksum: boolean;
  private readonly out = new ByteSink(64 * 1024);
  private readonly crc = new Crc64();
  /** How much of the bytes not yet taken the checksum has already folded in. */
  private crcAt = 0;
  private finished = false;
  /** Bytes handed out by take() so far. */
  written = 0;

  constructor(options: RdbWriterOptions = {}) {
    this.version = options.version ?? RDB_DEFAULT_WRITE_VERSION;
    this.opts = { version: this.version, compression: options.compression ?? true, listFill: options.listFill ?? -2 };
    this.checksum = options.checksum ?? true;
  }

  /** Bytes produced and not yet taken (a saver takes them once this passes its chunk size). */
  get pending(): number {
    return this.out.len;
  }

  /** "REDIS" + the 4-digit version, then the AUX fields. */
  header(aux: Array<[string, string]>): this {
    this.out.latin1(`REDIS${String(this.version).padStart(4, '0')}`);
    for (const [k, v] of aux) this.aux(k, v);
    return this;
  }

  aux(key: string, value: string): this {
    this.out.byte(RDB_OPCODE.AUX);
    writeString(this.out, key, this.opts.compression);
    writeString(this.out, value, this.opts.compression);
    return this;
  }

  /** A function library's code (FUNCTION2 opcode). */
  functionLibrary(code: string): this {
    this.out.byte(RDB_OPCODE.FUNCTION2);
    writeString(this.out, code, this.opts.compression);
    return this;
  }

  /** SELECTDB and RESIZEDB before a database's keys. */
  selectDb(db: number, size: number, expires: number): this {
    this.out.byte(RDB_OPCODE.SELECTDB);
    writeLen(this.out, db);
    this.out.byte(RDB_OPCODE.RESIZEDB);
    writeLen(this.out, size);
    writeLen(this.out, expires);
    return this;
  }

  /**
   * One key: expiry (absolute unix ms, -1 for none), then the LRU idle seconds or LFU counter when
   * given (Redis writes them under an LRU or LFU maxmemory-policy), then type, key and value.
   */
  key(key: string, value: RValue, expireMs = -1, clock?: { idle?: number; freq?: number }): this {
    const out = this.out;
    this.expiry(expireMs);
    if (clock?.idle !== undefined && clock.idle >= 0) {
      out.byte(RDB_OPCODE.IDLE);
      writeLen(out, clock.idle);
    }
    if (clock?.freq !== undefined && clock.freq >= 0) {
      out.byte(RDB_OPCODE.FREQ);
      out.byte(clock.freq & 0xff);
    }
    const mark = out.len;
    if (!writeValueType(out, value, this.opts)) {
      out.len = mark;
      throw new Error(`cannot serialise a value of type ${(value as { type: string }).type}`);
    }
    writeString(out, key, this.opts.compression);
    writeValue(out, value, this.opts);
    return this;
  }

  /**
   * A key whose value is big enough to be written over several steps (see steppedValueJob): writes its
   * expiry, type and name and returns the job that writes the value by stepValue, or returns null
   * (writing nothing) for a value to write with key(). Nothing else may be written while a job runs.
   * The value must not change until the job is done, unless it has a log (see ElementLog) or the job
   * was detached from it. `prepared`: the job, made (with steppedJob) and detached earlier.
   */
  beginStepped(key: string, value: RValue, expireMs = -1, log: ElementLog | null = null, prepared: ValueJob | null = null): ValueJob | null {
    const job = prepared ?? steppedValueJob(value, this.opts, log);
    if (job === null) return null;
    const out = this.out;
    this.expiry(expireMs);
    writeValueType(out, value, this.opts);
    writeString(out, key, this.opts.compression);
    return job;
  }

  /** True when beginStepped would write the value in steps (an aggregate past STEPPED_ELEMENTS). */
  isStepped(value: RValue): boolean {
    return steppedValueJob(value, this.opts) !== null;
  }

  /** The job beginStepped would make for the value (null: not written in steps). */
  steppedJob(value: RValue): ValueJob | null {
    return steppedValueJob(value, this.opts);
  }

  /** Writes about `units` more elements of a value begun with beginStepped; true once it is complete. */
  stepValue(job: ValueJob, units: number): boolean {
    return job.step(this.out, units);
  }

  /** EXPIRETIME_MS before a key that has a TTL (absolute unix ms; -1 for none). */
  private expiry(expireMs: number): void {
    if (expireMs === -1) return;
    const out = this.out;
    out.byte(RDB_OPCODE.EXPIRETIME_MS);
    out.reserve(8);
    out.buf.writeBigInt64LE(BigInt(expireMs), out.len);
    out.len += 8;
  }

  /** Bytes another writer produced (a snapshot's keys serialised ahead of their turn). */
  raw(bytes: Uint8Array): this {
    const out = this.out;
    out.reserve(bytes.length);
    out.buf.set(bytes, out.len);
    out.len += bytes.length;
    return this;
  }

  /** EOF and the checksum trailer (0 when checksums are off). */
  finish(): this {
    this.out.byte(RDB_OPCODE.EOF);
    this.finished = true;
    return this;
  }

  /**
   * Folds the bytes produced so far into the checksum now rather than at take(): a saver working in
   * time slices pays for them in the slice that produced them instead of in one long step.
   */
  checksumPending(): void {
    if (!this.checksum || this.out.len === this.crcAt) return;
    this.crc.update(this.out.buf, this.crcAt, this.out.len);
    this.crcAt = this.out.len;
  }

  /** A buffer take() handed out is free again (see ByteSink.recycle). */
  recycle(b: Buffer): void {
    this.out.recycle(b);
  }

  /** The bytes produced since the last take (the trailer included once finished). */
  take(): Buffer {
    this.checksumPending();
    const b = this.out.take();
    this.crcAt = 0;
    if (!this.finished) {
      this.written += b.length;
      return b;
    }
    const all = Buffer.allocUnsafe(b.length + 8);
    b.copy(all, 0);
    if (this.checksum) this.crc.writeLE(all, b.length);
    else all.fill(0, b.length);
    this.written += all.length;
    this.finished = false;
    return all;
  }
}

/** A database as the writer needs it. */
export interface DbSource {
  id: number;
  dict: Map<string, RValue>;
  expires: Map<string, number>;
}

/** Serialises whole databases into one buffer (tests and small saves; a background save feeds keys itself). */
export function writeRdb(dbs: DbSource[], options: RdbWriterOptions & { aux?: Array<[string, string]>; functions?: string[] } = {}): Buffer {
  const w = new RdbWriter(options);
  w.header(options.aux ?? standardAux({ version: '7.2.4', usedMem: 0 }));
  for (const code of options.functions ?? []) w.functionLibrary(code);
  const parts: Buffer[] = [];
  for (const db of dbs) {
    if (db.dict.size === 0) continue;
    w.selectDb(db.id, db.dict.size, db.expires.size);
    for (const [k, v] of db.dict) {
      const e = db.expires.get(k);
      w.key(k, v, e === undefined ? -1 : e);
      if (w.pending > 1 << 20) parts.push(w.take());
    }
  }
  w.finish();
  parts.push(w.take());
  return Buffer.concat(parts);
}
