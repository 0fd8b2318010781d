// BITPOS key bit [start [end [BYTE|BIT]]] - Redis counterpart: bitposCommand (bitops.c). A missing
// key is an endless run of zeros. Looking for a 0 in an all-ones string finds the bit just past the
// end unless an explicit end bounds the range, in which case the answer is -1. As in Redis 7.x the key
// is looked up right after the bit argument, before the range is parsed.
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE } from '../../protocol/errors.js';
import { isString, stringLength } from '../string/string-value.js';
import { ERR_BITPOS_BIT, byteRange, firstBit, parseLongLong } from './bit-ops.js';
import { parseUnit, resolveRange } from './range.js';

export default defineCommand('bitpos', (ctx, argv) => {
  const argc = argv.length;
  const rawBit = parseLongLong(argv[2]);
  if (rawBit === null) return ERR_NOT_INTEGER;
  if (rawBit !== 0 && rawBit !== 1) return ERR_BITPOS_BIT;
  const bit = rawBit;
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return bit ? -1 : 0;
  if (!isString(v)) return ERR_WRONGTYPE;
  if (argc > 6) return ERR_SYNTAX;
  let rawStart: number | bigint = 0;
  let rawEnd: number | bigint | null = null;
  let isBit = false;
  if (argc >= 4) {
    const s = parseLongLong(argv[3]);
    if (s === null) return ERR_NOT_INTEGER;
    rawStart = s;
    if (argc === 6) {
      const unit = parseUnit(argv[5]);
      if (unit === null) return ERR_SYNTAX;
      isBit = unit;
    }
    if (argc >= 5) {
      rawEnd = parseLongLong(argv[4]);
      if (rawEnd === null) return ERR_NOT_INTEGER;
    }
  }
  const strlen = stringLength(v);
  const endGiven = rawEnd !== null;
  const end = rawEnd ?? (isBit ? strlen * 8 + 7 : strlen - 1);
  const r = resolveRange(strlen, rawStart, end, isBit);
  if (r.start > r.end) return -1;
  const p = byteRange(v, r.start, r.end + 1);
  let start = r.start;
  let bytes = p.length;
  let at = 0;
  let pos: number;
  // Mirrors Redis's three-part search (masked first byte, whole middle bytes, masked last byte) so that
  // the "first bit past the range" result lands exactly where Redis's does.
  search: {
    if (r.firstMask !== 0) {
      let c = bit ? p[0] & ~r.firstMask : p[0] | r.firstMask;
      if (r.lastMask !== 0 && bytes === 1) c = bit ? c & ~r.lastMask : c | r.lastMask;
      pos = firstBit(Uint8Array.of(c & 0xff), bit);
      if (bytes === 1 || (pos !== -1 && pos !== 8)) break search;
      start++;
      at++;
      bytes--;
    }
    const cur = bytes - (r.lastMask !== 0 ? 1 : 0);
    if (cur > 0) {
      pos = firstBit(p.subarray(at, at + cur), bit);
      if (bytes === cur || (pos !== -1 && pos !== cur * 8)) break search;
      start += cur;
      at += cur;
      bytes -= cur;
    }
    const c = bit ? p[p.length - 1] & ~r.lastMask : p[p.length - 1] | r.lastMask;
    pos = firstBit(Uint8Array.of(c & 0xff), bit);
  }
  if (endGiven && bit === 0 && pos === bytes * 8) return -1;
  if (pos !== -1) pos += start * 8;
  return pos;
});
