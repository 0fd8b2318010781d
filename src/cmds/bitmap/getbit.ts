// GETBIT key offset - Redis counterpart: getbitCommand (bitops.c). Bits past the end read as 0.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import { isString } from '../string/string-value.js';
import { parseBitOffset } from './bit-ops.js';

export default defineCommand('getbit', (ctx, argv) => {
  const offset = parseBitOffset(ctx, argv[2]);
  if (offset instanceof ErrorReply) return offset;
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return 0;
  if (!isString(v)) return ERR_WRONGTYPE;
  const byte = Math.floor(offset / 8);
  let b: number;
  if (typeof v === 'string') b = byte < v.length ? v.charCodeAt(byte) : 0;
  else b = byte < v.len ? v.buf[byte] : 0;
  return (b >> (7 - (offset & 7))) & 1;
});
