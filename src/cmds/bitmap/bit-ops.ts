// Shared pieces of the bitmap commands: bit offset parsing, the lookup that grows a string for a bit
// write, and the byte-level popcount and first-bit search. Counterpart: getBitOffsetFromArgument,
// lookupStringForBitCommand, redisPopcount and redisBitpos in Redis's bitops.c.
import { MutableString } from '../../protocol/reply.js';
import { ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import type { ErrorReply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64, parseSafeInt } from '../../util/number.js';
import { isString } from '../string/string-value.js';

export const ERR_BIT_OFFSET = errorReply('ERR bit offset is not an integer or out of range');
export const ERR_BIT_VALUE = errorReply('ERR bit is not an integer or out of range');
export const ERR_BITPOS_BIT = errorReply('ERR The bit argument must be 1 or 0.');

/**
 * A bit offset argument: a non-negative int64 whose byte index stays below proto-max-bulk-len (2^32
 * bits with the default 512 MB). With `bits` set, "#N" means N * bits; the product wraps like the
 * 64-bit multiplication it mirrors before the range check.
 */
export function parseBitOffset(ctx: CommandContext, arg: string, bits = 0): number | ErrorReply {
  const hash = bits > 0 && arg.charCodeAt(0) === 35; /* # */
  const text = hash ? arg.slice(1) : arg;
  let off: number | bigint | null = parseSafeInt(text);
  if (off === null || !Number.isSafeInteger(off)) off = parseI64(text);
  if (off === null) return ERR_BIT_OFFSET;
  if (hash) off = BigInt.asIntN(64, BigInt(off) * BigInt(bits));
  const limit = ctx.server.config.getNumber('proto-max-bulk-len') * 8;
  if (off < 0 || off >= limit) return ERR_BIT_OFFSET;
  return Number(off);
}

/**
 * lookupStringForBitCommand: the string at key as a MutableString at least (maxBit >> 3) + 1 bytes
 * long, created or zero-extended as needed and changed in place from then on. `grew` reports whether
 * the key was created or lengthened (SETBIT counts that as a change even when the bit stays).
 */
export function lookupStringForBit(
  ctx: CommandContext,
  key: string,
  maxBit: number,
): { m: MutableString; grew: boolean } | ErrorReply {
  const db = ctx.db;
  const size = Math.floor(maxBit / 8) + 1;
  const v = db.lookupWrite(key, ctx.now);
  let m: MutableString;
  let grew = false;
  if (v === undefined) {
    m = new MutableString('');
    m.buf = Buffer.alloc(Math.max(16, size));
    m.len = size;
    db.add(key, m);
    return { m, grew: true };
  }
  if (!isString(v)) return ERR_WRONGTYPE;
  if (v instanceof MutableString) {
    m = v;
  } else {
    m = new MutableString(v);
    db.overwrite(key, m);
  }
  m.shownEncoding = 'raw';
  if (size > m.len) {
    m.extendZeroed(size);
    grew = true;
  }
  return { m, grew };
}

/** Bytes [start, end) of a string value; a plain string is copied only over that range. */
export function byteRange(v: string | MutableString, start: number, end: number): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v.slice(start, end), 'latin1');
  return v.buf.subarray(start, end);
}

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1];

/**
 * redisPopcount: set bits in p. Bytes up to a 4-byte boundary go through a table; the aligned middle
 * is read as 32-bit words and counted with the usual SWAR steps, several times faster on large values.
 */
export function popcount(p: Uint8Array): number {
  let n = 0;
  const len = p.length;
  let i = 0;
  while (i < len && ((p.byteOffset + i) & 3) !== 0) n += POPCOUNT[p[i++]];
  const words = (len - i) >>> 2;
  if (words > 0) {
    const w = new Uint32Array(p.buffer, p.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      let x = w[k];
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      x = (x + (x >>> 4)) & 0x0f0f0f0f;
      n += Math.imul(x, 0x01010101) >>> 24;
    }
    i += words * 4;
  }
  while (i < len) n += POPCOUNT[p[i++]];
  return n;
}

/**
 * redisBitpos: the position of the first bit equal to `bit` in p. Not found is -1 for a set bit but
 * p.length * 8 for a clear bit: past the end a string reads as zeros.
 */
export function firstBit(p: Uint8Array, bit: number): number {
  const skip = bit ? 0 : 0xff;
  const len = p.length;
  let i = 0;
  while (i < len && p[i] === skip) i++;
  if (i === len) return bit ? -1 : len * 8;
  const b = bit ? p[i] : ~p[i] & 0xff;
  return i * 8 + (Math.clz32(b) - 24);
}

/**
 * A 64-bit integer argument (getLongLongFromObject), or null. Values beyond 2^53 stay bigint so that
 * comparisons between two huge indexes keep their order; arithmetic may use Number() of them, since
 * anything that large is clamped to the string's bounds anyway.
 */
export function parseLongLong(s: string): number | bigint | null {
  const n = parseSafeInt(s);
  if (n !== null && Number.isSafeInteger(n)) return n;
  return parseI64(s);
}
