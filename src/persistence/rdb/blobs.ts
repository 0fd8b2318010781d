// Decoders of the packed encodings that RDB stores as one string blob: ziplist, zipmap, intset and
// listpack. Each checks the structure as it goes (Redis's shallow integrity checks: header sizes, entry
// bounds, terminator, declared counts) and returns the entries as latin1 strings.
// Counterparts: ziplist.c, zipmap.c, intset.c, listpack.c (and their *ValidateIntegrity functions).

export class BlobError extends Error {}

function bad(what: string): never {
  throw new BlobError(what);
}

/** The decimal text of a 64-bit signed integer read from 8 little-endian bytes. */
function i64le(b: Buffer, p: number): string {
  const lo = b.readUInt32LE(p);
  const hi = b.readInt32LE(p + 4);
  if ((hi === 0 && lo < 0x200000) || (hi === -1 && lo >= 0xffe00000)) return String(hi * 4294967296 + lo);
  return b.readBigInt64LE(p).toString();
}

/** Ziplist entries (Redis <= 6.2 lists, hashes and sorted sets). */
export function decodeZiplist(b: Buffer): string[] {
  if (b.length < 11) bad('ziplist header too short');
  const zlbytes = b.readUInt32LE(0);
  if (zlbytes !== b.length) bad('ziplist size does not match its header');
  const tail = b.readUInt32LE(4);
  const count = b.readUInt16LE(8);
  if (b[b.length - 1] !== 0xff) bad('ziplist is not terminated');
  const out: string[] = [];
  let p = 10;
  let prevLen = 0;
  let lastStart = 10;
  const end = b.length - 1;
  while (p < end) {
    const start = p;
    // prevlen: one byte, or 0xfe followed by 4 bytes.
    let prev = b[p++];
    if (prev === 0xfe) {
      if (p + 4 > end) bad('ziplist entry out of range');
      prev = b.readUInt32LE(p);
      p += 4;
    }
    if (prev !== prevLen) bad('ziplist entry has a wrong prevlen');
    if (p >= end) bad('ziplist entry out of range');
    const enc = b[p++];
    let v: string;
    const top = enc >> 6;
    if (top < 3) {
      let n: number;
      if (top === 0) n = enc & 0x3f;
      else if (top === 1) {
        if (p + 1 > end) bad('ziplist entry out of range');
        n = ((enc & 0x3f) << 8) | b[p++];
      } else {
        if (enc !== 0x80) bad('ziplist entry has an invalid encoding');
        if (p + 4 > end) bad('ziplist entry out of range');
        n = b.readUInt32BE(p);
        p += 4;
      }
      if (p + n > end) bad('ziplist entry out of range');
      v = b.latin1Slice(p, p + n);
      p += n;
    } else {
      let need: number;
      switch (enc) {
        case 0xc0: need = 2; break;
        case 0xd0: need = 4; break;
        case 0xe0: need = 8; break;
        case 0xf0: need = 3; break;
        case 0xfe: need = 1; break;
        default:
          if (enc >= 0xf1 && enc <= 0xfd) need = 0;
          else bad('ziplist entry has an invalid encoding');
      }
      if (p + need > end) bad('ziplist entry out of range');
      switch (enc) {
        case 0xc0: v = String(b.readInt16LE(p)); break;
        case 0xd0: v = String(b.readInt32LE(p)); break;
        case 0xe0: v = i64le(b, p); break;
        case 0xf0: v = String(b.readIntLE(p, 3)); break;
        case 0xfe: v = String(b.readInt8(p)); break;
        default: v = String((enc & 0x0f) - 1);
      }
      p += need;
    }
    prevLen = p - start;
    lastStart = start;
    out.push(v);
  }
  if (p !== end) bad('ziplist entries overrun the terminator');
  if (out.length > 0 && tail !== lastStart) bad('ziplist tail offset is wrong');
  if (count !== 0xffff && count !== out.length) bad('ziplist entry count does not match its header');
  return out;
}

/** Zipmap field/value pairs (Redis < 2.6 small hashes). */
export function decodeZipmap(b: Buffer): string[] {
  if (b.length < 2) bad('zipmap too short');
  const out: string[] = [];
  let p = 1;
  const readLen = (): number => {
    if (p >= b.length) bad('zipmap entry out of range');
    const first = b[p++];
    if (first < 254) return first;
    if (first === 254) {
      if (p + 4 > b.length) bad('zipmap entry out of range');
      const n = b.readUInt32LE(p);
      p += 4;
      return n;
    }
    return -1;
  };
  for (;;) {
    const klen = readLen();
    if (klen < 0) break;
    if (p + klen > b.length) bad('zipmap entry out of range');
    const key = b.latin1Slice(p, p + klen);
    p += klen;
    const vlen = readLen();
    if (vlen < 0) bad('zipmap key without a value');
    if (p >= b.length) bad('zipmap entry out of range');
    const free = b[p++];
    if (p + vlen + free > b.length) bad('zipmap entry out of range');
    const val = b.latin1Slice(p, p + vlen);
    p += vlen + free;
    out.push(key, val);
  }
  if (p !== b.length) bad('zipmap has bytes after its end marker');
  return out;
}

/** Intset members in their stored (ascending) order. */
export function decodeIntset(b: Buffer): string[] {
  if (b.length < 8) bad('intset header too short');
  const width = b.readUInt32LE(0);
  const count = b.readUInt32LE(4);
  if (width !== 2 && width !== 4 && width !== 8) bad('intset has an invalid encoding');
  if (8 + count * width !== b.length) bad('intset size does not match its header');
  const out = new Array<string>(count);
  let prev: bigint | number | null = null;
  for (let i = 0, p = 8; i < count; i++, p += width) {
    let v: number | bigint;
    if (width === 2) v = b.readInt16LE(p);
    else if (width === 4) v = b.readInt32LE(p);
    else v = b.readBigInt64LE(p);
    if (prev !== null && v <= prev) bad('intset members are not in ascending order');
    prev = v;
    out[i] = typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n ? String(Number(v)) : String(v);
  }
  return out;
}

/** Bytes of a listpack entry's back-length field for an entry of `l` bytes. */
export function lpBacklenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Listpack entries (Redis 7 hashes, sorted sets, list nodes, sets in 7.2, stream nodes). */
export function decodeListpack(b: Buffer): string[] {
  if (b.length < 7) bad('listpack header too short');
  const total = b.readUInt32LE(0);
  if (total !== b.length) bad('listpack size does not match its header');
  const count = b.readUInt16LE(4);
  const end = b.length - 1;
  if (b[end] !== 0xff) bad('listpack is not terminated');
  const out: string[] = [];
  let p = 6;
  while (p < end) {
    const start = p;
    const enc = b[p++];
    let v: string;
    if (enc < 0x80) {
      v = String(enc);
    } else if (enc < 0xc0) {
      const n = enc & 0x3f;
      if (p + n > end) bad('listpack entry out of range');
      v = b.latin1Slice(p, p + n);
      p += n;
    } else if (enc < 0xe0) {
      if (p + 1 > end) bad('listpack entry out of range');
      let n = ((enc & 0x1f) << 8) | b[p++];
      if (n >= 4096) n -= 8192;
      v = String(n);
    } else if (enc < 0xf0) {
      if (p + 1 > end) bad('listpack entry out of range');
      const n = ((enc & 0x0f) << 8) | b[p++];
      if (p + n > end) bad('listpack entry out of range');
      v = b.latin1Slice(p, p + n);
      p += n;
    } else {
      let need: number;
      switch (enc) {
        case 0xf0: need = 4; break;
        case 0xf1: need = 2; break;
        case 0xf2: need = 3; break;
        case 0xf3: need = 4; break;
        case 0xf4: need = 8; break;
        default: bad('listpack entry has an invalid encoding');
      }
      if (p + need > end) bad('listpack entry out of range');
      if (enc === 0xf0) {
        const n = b.readUInt32LE(p);
        p += 4;
        if (p + n > end) bad('listpack entry out of range');
        v = b.latin1Slice(p, p + n);
        p += n;
      } else {
        if (enc === 0xf1) v = String(b.readInt16LE(p));
        else if (enc === 0xf2) v = String(b.readIntLE(p, 3));
        else if (enc === 0xf3) v = String(b.readInt32LE(p));
        else v = i64le(b, p);
        p += need;
      }
    }
    const l = p - start;
    const bl = lpBacklenSize(l);
    if (p + bl > end) bad('listpack entry out of range');
    // The back-length is stored big-endian-first with the continuation bit on all but the first byte.
    let back = 0;
    for (let i = 0; i < bl; i++) back = back * 128 + (b[p + i] & 0x7f);
    if (back !== l) bad('listpack entry has a wrong back-length');
    p += bl;
    out.push(v);
  }
  if (p !== end) bad('listpack entries overrun the terminator');
  if (count !== 0xffff && count !== out.length) bad('listpack entry count does not match its header');
  return out;
}
