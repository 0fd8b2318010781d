// DEBUG DIGEST and DEBUG DIGEST-VALUE: Redis's order-insensitive SHA-1 fingerprint of a dataset, so the
// same data gives the same digest here and in Redis. Counterpart: xorObjectDigest and
// computeDatasetDigest in Redis's debug.c.
//
// Two combining steps: xor (add the SHA-1 of some bytes into a 20-byte digest: order-free, used for the
// members of sets, hashes, sorted sets and for the keys of a database) and mix (xor, then replace the
// digest by its own SHA-1: order-sensitive, used along lists, strings and streams). Sorted-set scores
// are hashed in their shortest round-trip text, as Redis 7.2 prints them (7.0 used %.17g, which
// differs for scores such as 0.1).
import * as crypto from 'node:crypto';
import { MutableString, type RValue } from '../keyspace/value.js';
import { ListValue } from '../datatypes/list.js';
import { SetValue } from '../datatypes/set.js';
import { ZsetValue } from '../datatypes/zset.js';
import { HashValue } from '../datatypes/hash.js';
import { StreamValue } from '../datatypes/stream.js';
import { MAX_ID, MIN_ID } from '../datatypes/stream-id.js';
import { fpconvDtoa } from '../util/number.js';

type Bytes = string | Uint8Array;

// crypto.hash (one call, no Hash object) is about 3x faster than createHash for these small inputs.
const oneShot = (crypto as unknown as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;

function sha1(data: Bytes): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  if (oneShot !== undefined) return oneShot('sha1', bytes, 'buffer');
  return crypto.createHash('sha1').update(bytes).digest();
}

/** xorDigest: digest ^= SHA1(data). */
export function xorDigest(digest: Buffer, data: Bytes): void {
  const h = sha1(data);
  for (let i = 0; i < 20; i++) digest[i] ^= h[i];
}

/** mixDigest: xorDigest, then digest = SHA1(digest). */
export function mixDigest(digest: Buffer, data: Bytes): void {
  xorDigest(digest, data);
  sha1(digest).copy(digest);
}

const TYPE_CODE: Record<string, number> = { string: 0, list: 1, set: 2, zset: 3, hash: 4, stream: 6 };

function typeWord(code: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(code);
  return b;
}

/** xorObjectDigest: the value's contribution, plus the expire marker when the key has a TTL. */
export function xorObjectDigest(digest: Buffer, v: RValue, hasExpire: boolean): void {
  const type = typeof v === 'string' || v instanceof MutableString ? 'string' : v.type;
  mixDigest(digest, typeWord(TYPE_CODE[type]));
  if (typeof v === 'string') {
    mixDigest(digest, v);
  } else if (v instanceof MutableString) {
    mixDigest(digest, v.view());
  } else if (v instanceof ListValue) {
    for (let i = 0; i < v.length; i++) mixDigest(digest, v.at(i));
  } else if (v instanceof SetValue) {
    v.forEach((m) => xorDigest(digest, m));
  } else if (v instanceof ZsetValue) {
    const ele = Buffer.alloc(20);
    v.forEach((m, s) => {
      ele.fill(0);
      mixDigest(ele, m);
      mixDigest(ele, fpconvDtoa(s));
      xorDigest(digest, ele);
    });
  } else if (v instanceof HashValue) {
    const ele = Buffer.alloc(20);
    v.forEach((f, val) => {
      ele.fill(0);
      mixDigest(ele, f);
      mixDigest(ele, val);
      xorDigest(digest, ele);
    });
  } else if (v instanceof StreamValue) {
    const it = v.iterate(MIN_ID, MAX_ID);
    while (it.next()) {
      mixDigest(digest, it.idText().replace('-', '.'));
      const fields = it.fields();
      for (const f of fields) mixDigest(digest, f);
    }
  }
  if (hasExpire) xorDigest(digest, '!!expire!!');
}

/** DEBUG DIGEST-VALUE for one value (20 zero bytes for a missing key). */
export function valueDigest(v: RValue | undefined, hasExpire: boolean): Buffer {
  const d = Buffer.alloc(20);
  if (v !== undefined) xorObjectDigest(d, v, hasExpire);
  return d;
}

export interface DigestDb {
  id: number;
  dict: Map<string, RValue>;
  expires: Map<string, number>;
}

/** computeDatasetDigest over every key, logically expired ones included, as Redis iterates them. */
export function datasetDigest(dbs: Iterable<DigestDb>): Buffer {
  const final = Buffer.alloc(20);
  const digest = Buffer.alloc(20);
  for (const db of dbs) {
    if (db.dict.size === 0) continue;
    mixDigest(final, typeWord(db.id));
    for (const [key, v] of db.dict) {
      digest.fill(0);
      mixDigest(digest, key);
      xorObjectDigest(digest, v, db.expires.has(key));
      xorDigest(final, digest);
    }
  }
  return final;
}
