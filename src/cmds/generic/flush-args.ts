// FLUSHDB / FLUSHALL option: SYNC, ASYNC, or nothing (lazyfree-lazy-user-flush decides). Both free
// memory the same way here (the garbage collector), but the mode still reaches client tracking.
// Counterpart: getFlushCommandFlags (db.c).
import type { CommandContext } from '../../spec/context.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import type { ErrorReply } from '../../protocol/reply.js';
import { optionName } from './args.js';

/** true for ASYNC, false for SYNC, or the syntax error. */
export function parseFlushMode(ctx: CommandContext, argv: string[]): boolean | ErrorReply {
  if (argv.length === 1) return ctx.server.config.getBool('lazyfree-lazy-user-flush');
  if (argv.length === 2) {
    const opt = optionName(argv[1]);
    if (opt === 'sync') return false;
    if (opt === 'async') return true;
  }
  return ERR_SYNTAX;
}
