// ZCOUNT key min max - the number of members with scores in a range, by two rank lookups.
// Redis counterpart: zcountCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupZsetRead } from './zset-access.js';
import { parseScoreRange, scoreRangeRanks } from './zset-args.js';
import { ERR_MIN_MAX_FLOAT } from './errors.js';

export default defineCommand('zcount', (ctx, argv) => {
  const range = parseScoreRange(argv[2], argv[3]);
  if (range === null) return ERR_MIN_MAX_FLOAT;
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const [start, end] = scoreRangeRanks(z, range);
  return end - start;
});
