// SETBIT key offset value - Redis counterpart: setbitCommand (bitops.c). The string becomes a
// MutableString changed in place, so a run of SETBITs on a large bitmap is amortised O(1) each.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { parseSafeInt } from '../../util/number.js';
import { ERR_BIT_VALUE, lookupStringForBit, parseBitOffset } from './bit-ops.js';

export default defineCommand('setbit', (ctx, argv) => {
  const offset = parseBitOffset(ctx, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  const on = parseSafeInt(argv[3]);
  if (on !== 0 && on !== 1) return ERR_BIT_VALUE;
  const key = argv[1];
  const found = lookupStringForBit(ctx, key, offset);
  if (found instanceof ErrorReply) return found;
  const buf = found.m.buf;
  const byte = Math.floor(offset / 8);
  const mask = 1 << (7 - (offset & 7));
  const old = buf[byte] & mask ? 1 : 0;
  // Redis counts a change (dirty, event, WATCH) only when the key was created or grew, or the bit flipped.
  if (found.grew || old !== on) {
    buf[byte] = on ? buf[byte] | mask : buf[byte] & ~mask;
    ctx.signalModifiedKey(ctx.db, key);
    ctx.notify('$', 'setbit', key, ctx.db.id);
    ctx.addDirty(1);
  }
  return old;
});
