// ZPOPMIN/ZPOPMAX key [count]: the count is read before the key; without it the reply is a flat
// [member, score], with it a flat list in RESP2 and [member, score] pairs in RESP3.
// Counterpart: zpopMinMaxCommand (t_zset.c).
import type { Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseLong } from '../list/list-generic.js';
import { genericZpop, type ZWhere } from './zpop-generic.js';
import { ERR_MUST_BE_POSITIVE } from './errors.js';

export function zpopMinMax(ctx: CommandContext, argv: string[], where: ZWhere): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  let count = -1;
  if (argv.length === 3) {
    const n = parseLong(argv[2]);
    if (n === null || n < 0) return ERR_MUST_BE_POSITIVE;
    count = n;
  }
  const nested = ctx.resp === 3 && count !== -1;
  return genericZpop(ctx, [argv[1]], where, count, { emitKey: false, nested, propagate: null }) ?? [];
}
