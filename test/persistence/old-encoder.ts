// A small encoder for RDB inputs that redis-server 7.0.15 can no longer write (RDB versions before 10:
// zipmap, ziplist, quicklist v1, ZSET v1 text doubles, EXPIRETIME in seconds), built byte by byte from the
// format descriptions so the reader can be tested on them and redis-server/redis-check-rdb can vouch for
// the bytes.
import { crc64 } from '../../src/util/crc64.js';
import { lzfCompress } from '../../src/util/lzf.js';

export function len(n: number): Buffer {
  if (n < 64) return Buffer.from([n]);
  if (n < 16384) return Buffer.from([0x40 | (n >> 8), n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 0x80;
  b.writeUInt32BE(n, 1);
  return b;
}

export function str(s: string | Buffer): Buffer {
  const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
  return Buffer.concat([len(b.length), b]);
}

/** An LZF-compressed string (0xc3, compressed length, length, data). */
export function lzfStr(s: string): Buffer {
  const b = Buffer.from(s, 'latin1');
  const out = Buffer.alloc(b.length);
  const n = lzfCompress(b, out);
  if (n === 0) throw new Error('not compressible');
  return Buffer.concat([Buffer.from([0xc3]), len(n), len(b.length), out.subarray(0, n)]);
}

/** Integer-encoded string (0xc0/0xc1/0xc2). */
export function intStr(v: number): Buffer {
  if (v >= -128 && v <= 127) return Buffer.from([0xc0, v & 0xff]);
  if (v >= -32768 && v <= 32767) {
    const b = Buffer.alloc(3);
    b[0] = 0xc1;
    b.writeInt16LE(v, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = 0xc2;
  b.writeInt32LE(v, 1);
  return b;
}

/** ZSET v1 score: length byte + ASCII, 253/254/255 for nan/inf/-inf. */
export function asciiDouble(d: number): Buffer {
  if (d === Infinity) return Buffer.from([254]);
  if (d === -Infinity) return Buffer.from([255]);
  const s = Buffer.from(String(d), 'latin1');
  return Buffer.concat([Buffer.from([s.length]), s]);
}

/** One ziplist entry's encoding + data (strings or integers, choosing the smallest form). */
function zlEncoding(v: string | number): Buffer {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 12) return Buffer.from([0xf1 + v]);
    if (v >= -128 && v <= 127) return Buffer.from([0xfe, v & 0xff]);
    if (v >= -32768 && v <= 32767) {
      const b = Buffer.alloc(3);
      b[0] = 0xc0;
      b.writeInt16LE(v, 1);
      return b;
    }
    if (v >= -8388608 && v <= 8388607) {
      const b = Buffer.alloc(4);
      b[0] = 0xf0;
      b.writeIntLE(v, 1, 3);
      return b;
    }
    if (v >= -2147483648 && v <= 2147483647) {
      const b = Buffer.alloc(5);
      b[0] = 0xd0;
      b.writeInt32LE(v, 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xe0;
    b.writeBigInt64LE(BigInt(v), 1);
    return b;
  }
  const d = Buffer.from(v, 'latin1');
  let h: Buffer;
  if (d.length < 64) h = Buffer.from([d.length]);
  else if (d.length < 16384) h = Buffer.from([0x40 | (d.length >> 8), d.length & 0xff]);
  else {
    h = Buffer.alloc(5);
    h[0] = 0x80;
    h.writeUInt32BE(d.length, 1);
  }
  return Buffer.concat([h, d]);
}

/** A ziplist: numbers are stored with integer encodings, strings as strings. */
export function ziplist(entries: Array<string | number>): Buffer {
  const parts: Buffer[] = [];
  let prev = 0;
  let offset = 10;
  let tail = 10;
  for (const e of entries) {
    const prevField = prev < 254 ? Buffer.from([prev]) : Buffer.concat([Buffer.from([0xfe]), Buffer.from(new Uint32Array([prev]).buffer)]);
    const entry = Buffer.concat([prevField, zlEncoding(e)]);
    tail = offset;
    offset += entry.length;
    prev = entry.length;
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  const b = Buffer.alloc(10 + body.length + 1);
  b.writeUInt32LE(b.length, 0);
  b.writeUInt32LE(tail, 4);
  b.writeUInt16LE(Math.min(entries.length, 65535), 8);
  body.copy(b, 10);
  b[b.length - 1] = 0xff;
  return b;
}

/** A zipmap of field/value pairs. */
export function zipmap(pairs: Array<[string, string]>): Buffer {
  const l = (n: number) => (n < 254 ? Buffer.from([n]) : Buffer.concat([Buffer.from([254]), Buffer.from(new Uint32Array([n]).buffer)]));
  const parts: Buffer[] = [Buffer.from([Math.min(pairs.length, 254)])];
  for (const [k, v] of pairs) parts.push(l(k.length), Buffer.from(k, 'latin1'), l(v.length), Buffer.from([0]), Buffer.from(v, 'latin1'));
  parts.push(Buffer.from([0xff]));
  return Buffer.concat(parts);
}

/** A whole RDB file: header, records, EOF and (version >= 5) the CRC-64 trailer. */
export function rdbFile(version: number, records: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from(`REDIS${String(version).padStart(4, '0')}`), ...records, Buffer.from([0xff])]);
  if (version < 5) return body;
  const t = Buffer.alloc(8);
  t.writeBigUInt64LE(crc64(body));
  return Buffer.concat([body, t]);
}

export const key = (type: number, name: string, value: Buffer): Buffer => Buffer.concat([Buffer.from([type]), str(name), value]);
export const selectDb = (n: number): Buffer => Buffer.concat([Buffer.from([0xfe]), len(n)]);
export function expireSeconds(sec: number): Buffer {
  const b = Buffer.alloc(5);
  b[0] = 0xfd;
  b.writeInt32LE(sec, 1);
  return b;
}
export function expireMs(ms: number): Buffer {
  const b = Buffer.alloc(9);
  b[0] = 0xfc;
  b.writeBigInt64LE(BigInt(ms), 1);
  return b;
}
