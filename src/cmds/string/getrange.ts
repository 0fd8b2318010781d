// GETRANGE key start end - Redis counterpart: getrangeCommand (t_string.c). SUBSTR shares this body.
import { defineCommand } from '../../spec/define.js';
import { MAX_STRING_LENGTH, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseInteger } from './incr-decr.js';
import { isString } from './string-value.js';

/** Offsets beyond the safe-integer range only matter by their sign once the length is added. */
function toNumber(v: number | bigint): number {
  if (typeof v === 'number') return v;
  return v < 0n ? -Infinity : Infinity;
}

export function getrangeGeneric(ctx: CommandContext, argv: string[]): Reply {
  const rawStart = parseInteger(argv[2]);
  if (rawStart === null) return ERR_NOT_INTEGER;
  const rawEnd = parseInteger(argv[3]);
  if (rawEnd === null) return ERR_NOT_INTEGER;
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return '';
  if (!isString(v)) return ERR_WRONGTYPE;
  // Two negative offsets in the wrong order select nothing, before any clamping (compared exactly).
  if (rawStart < 0 && rawEnd < 0 && rawStart > rawEnd) return '';
  const len = typeof v === 'string' ? v.length : v.len;
  let start = toNumber(rawStart);
  let end = toNumber(rawEnd);
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return '';
  if (typeof v === 'string') return v.slice(start, end + 1);
  return end + 1 - start > MAX_STRING_LENGTH ? Buffer.from(v.buf.subarray(start, end + 1)) : v.buf.latin1Slice(start, end + 1);
}

export default defineCommand('getrange', getrangeGeneric);
