// FUNCTION FLUSH [ASYNC|SYNC] - removes every library.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { parseFlushMode } from '../generic/flush-args.js';
import { errorReply } from '../../protocol/errors.js';

const ERR_MODE = errorReply('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');

export default defineCommand('function|flush', (ctx, argv) => {
  const mode = parseFlushMode(ctx, argv.slice(1));
  if (mode instanceof ErrorReply) return ERR_MODE;
  return ctx.server.scripting.functionFlush();
});
