// XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count] - removes the oldest entries.
// Counterpart: xtrimCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupStreamWrite } from './stream-access.js';
import { parseAddTrimArgs } from './trim-args.js';
import { applyTrim } from './trim-generic.js';

export default defineCommand('xtrim', (ctx, argv) => {
  const args = parseAddTrimArgs(ctx, argv, false);
  if (args instanceof ErrorReply) return args;
  const key = argv[1];
  const s = lookupStreamWrite(ctx, key);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const { deleted, rewritten } = applyTrim(ctx, key, s, args.trim!, argv, args.trimArgIndex);
  if (deleted) {
    if (rewritten !== null) ctx.propagateAs(rewritten);
    ctx.signalModifiedKey(ctx.db, key);
    ctx.addDirty(deleted);
  }
  return deleted;
});
