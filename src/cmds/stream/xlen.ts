// XLEN key - the number of entries. Counterpart: xlenCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupStreamRead } from './stream-access.js';

export default defineCommand('xlen', (ctx, argv) => {
  const s = lookupStreamRead(ctx, argv[1]);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  return s.length;
});
