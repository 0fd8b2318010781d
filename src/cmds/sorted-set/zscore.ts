// ZSCORE key member - a member's score as a double, or null. Redis counterpart: zscoreCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { DoubleReply, ErrorReply } from '../../protocol/reply.js';
import { lookupZsetRead } from './zset-access.js';

export default defineCommand('zscore', (ctx, argv) => {
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  const s = z.score(argv[2]);
  return s === undefined ? null : new DoubleReply(s);
});
