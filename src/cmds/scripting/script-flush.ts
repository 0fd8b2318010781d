// SCRIPT FLUSH [ASYNC|SYNC] - empties the script cache.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { parseFlushMode } from '../generic/flush-args.js';
import { errorReply } from '../../protocol/errors.js';

const ERR_MODE = errorReply('ERR SCRIPT FLUSH only support SYNC|ASYNC option');

export default defineCommand('script|flush', (ctx, argv) => {
  const mode = parseFlushMode(ctx, argv.slice(1));
  if (mode instanceof ErrorReply) return ERR_MODE;
  return ctx.server.scripting.scriptFlush();
});
