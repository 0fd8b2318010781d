// ZLEXCOUNT key min max - the number of members in a lexicographic range.
// Redis counterpart: zlexcountCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupZsetRead } from './zset-access.js';
import { lexRangeRanks, parseLexRange } from './zset-args.js';
import { ERR_MIN_MAX_LEX } from './errors.js';

export default defineCommand('zlexcount', (ctx, argv) => {
  const range = parseLexRange(argv[2], argv[3]);
  if (range === null) return ERR_MIN_MAX_LEX;
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const [start, end] = lexRangeRanks(z, range);
  return end - start;
});
