// BITCOUNT key [start end [BYTE|BIT]] - Redis counterpart: bitcountCommand (bitops.c). As in Redis
// 7.x the key is looked up first: a missing key answers 0 (and a wrong type WRONGTYPE) whatever the
// other arguments say; Redis 8 moved the argument checks first.
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE } from '../../protocol/errors.js';
import { isString, stringLength } from '../string/string-value.js';
import { byteRange, parseLongLong, popcount } from './bit-ops.js';
import { parseUnit, resolveRange } from './range.js';

export default defineCommand('bitcount', (ctx, argv) => {
  const argc = argv.length;
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return 0;
  if (!isString(v)) return ERR_WRONGTYPE;
  let rawStart: number | bigint = 0;
  let rawEnd: number | bigint = -1;
  let isBit = false;
  if (argc === 4 || argc === 5) {
    const s = parseLongLong(argv[2]);
    if (s === null) return ERR_NOT_INTEGER;
    const e = parseLongLong(argv[3]);
    if (e === null) return ERR_NOT_INTEGER;
    // Checked before the unit, so an inverted negative range answers 0 even with a bad unit.
    if (s < 0 && e < 0 && s > e) return 0;
    if (argc === 5) {
      const unit = parseUnit(argv[4]);
      if (unit === null) return ERR_SYNTAX;
      isBit = unit;
    }
    rawStart = s;
    rawEnd = e;
  } else if (argc !== 2) {
    return ERR_SYNTAX;
  }
  const r = resolveRange(stringLength(v), rawStart, rawEnd, isBit);
  if (r.start > r.end) return 0;
  const bytes = byteRange(v, r.start, r.end + 1);
  let count = popcount(bytes);
  // The edge bytes were counted whole; take back the bits that lie outside a BIT range.
  if (r.firstMask !== 0) count -= popcount(Uint8Array.of(bytes[0] & r.firstMask));
  if (r.lastMask !== 0) count -= popcount(Uint8Array.of(bytes[bytes.length - 1] & r.lastMask));
  return count;
});
