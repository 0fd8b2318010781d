// ZRANK / ZREVRANK key member [WITHSCORE]: the member's 0-based position, with its score as
// [rank, score] when WITHSCORE is given (Redis 7.2). A missing member answers null, a null array with
// WITHSCORE. Counterpart: zrankGenericCommand (t_zset.c).
import { DoubleReply, ErrorReply, NullArray, type Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { optionName } from '../generic/args.js';
import { lookupZsetRead } from './zset-access.js';

export function zrankGeneric(ctx: CommandContext, argv: string[], reverse: boolean): Reply {
  if (argv.length > 4) return ERR_SYNTAX;
  const withscore = argv.length === 4;
  if (withscore && optionName(argv[3]) !== 'withscore') return ERR_SYNTAX;
  const none = withscore ? NullArray.instance : null;
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return none;
  if (z instanceof ErrorReply) return z;
  const r = z.rank(argv[2]);
  if (r < 0) return none;
  const rank = reverse ? z.size - 1 - r : r;
  return withscore ? [rank, new DoubleReply(z.score(argv[2])!)] : rank;
}
