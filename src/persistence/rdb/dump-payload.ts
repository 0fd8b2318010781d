// DUMP payloads: the value's type byte and RDB serialisation, the 2-byte RDB version and a CRC-64 of
// everything before it, little endian. Counterpart: createDumpPayload / verifyDumpPayload (cluster.c).
//
// Payloads are written with RDB version 10 and Redis 7.0's encodings so that both Redis 7.0 and 7.2
// accept them; versions up to 11 are accepted on RESTORE.
import type { RValue } from '../../keyspace/value.js';
import { Crc64 } from '../../util/crc64.js';
import { Cursor } from './cursor.js';
import { ByteSink } from './pack.js';
import { RDB_DEFAULT_WRITE_VERSION, RDB_MAX_READ_VERSION } from './constants.js';
import { writeValue, writeValueType } from './value-writer.js';
import { readValue, valueTypeOf, type RdbValue } from './value-reader.js';

export interface DumpOptions {
  compression: boolean;
  listFill: number;
}

/** The DUMP payload of a value, or null for a type that cannot be serialised. */
export function createDumpPayload(v: RValue, o: DumpOptions): Buffer | null {
  const out = new ByteSink(64);
  const opts = { version: RDB_DEFAULT_WRITE_VERSION, compression: o.compression, listFill: o.listFill };
  if (!writeValueType(out, v, opts)) return null;
  writeValue(out, v, opts);
  return finishPayload(out);
}

/** Appends the payload footer (RDB version, then CRC-64 of everything before it) and takes the bytes. */
export function finishPayload(out: ByteSink): Buffer {
  out.byte(RDB_DEFAULT_WRITE_VERSION & 0xff);
  out.byte(RDB_DEFAULT_WRITE_VERSION >> 8);
  out.reserve(8);
  new Crc64().update(out.buf, 0, out.len).writeLE(out.buf, out.len);
  out.len += 8;
  return out.take();
}

/** verifyDumpPayload: footer present, version readable, checksum right (or zero when checks are off). */
export function verifyDumpPayload(p: Buffer, skipChecksum = false): boolean {
  if (p.length < 10) return false;
  const footer = p.length - 10;
  const version = p[footer] | (p[footer + 1] << 8);
  if (version > RDB_MAX_READ_VERSION) return false;
  if (skipChecksum) return true;
  return new Crc64().update(p, 0, footer + 2).equalsLE(p, footer + 2);
}

/**
 * Decodes a verified payload's value; throws RdbError when it is malformed. As in Redis, the value is
 * read from the whole payload: a value that runs into the footer is not itself an error.
 */
export function readDumpPayload(p: Buffer): RdbValue {
  const c = new Cursor(p, 0, p.length);
  const t = c.u8();
  const kind = valueTypeOf(t);
  if (kind === null || kind === 'module') c.fail(`Unsupported type ${t} in DUMP payload`, 0);
  const v = readValue(c, t);
  return v;
}
