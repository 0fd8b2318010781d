// LRANGE key start stop - elements between two inclusive indexes; negative indexes count from the
// tail and out-of-range ones are clamped. The indexes are parsed before the key is looked up.
// Redis counterpart: lrangeCommand and addListRangeReply (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { clampRange, lookupListRead, parseLong } from './list-generic.js';

export default defineCommand('lrange', (ctx, argv) => {
  const start = parseLong(argv[2]);
  const end = parseLong(argv[3]);
  if (start === null || end === null) return ERR_NOT_INTEGER;
  const list = lookupListRead(ctx, argv[1]);
  if (list === undefined) return [];
  if (!(list instanceof ListValue)) return list;
  const r = clampRange(start, end, list.length);
  return r === null ? [] : list.rangeReply(r[0], r[1], ctx.replyNow);
});
