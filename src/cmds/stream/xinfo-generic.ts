// The key lookup every XINFO subcommand starts with ("ERR no such key" when missing).
import type { ErrorReply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import type { StreamValue } from '../../datatypes/stream.js';
import { ERR_NO_SUCH_KEY, lookupStreamRead } from './stream-access.js';

export function xinfoStream(ctx: CommandContext, key: string): StreamValue | ErrorReply {
  const s = lookupStreamRead(ctx, key);
  if (s === undefined) return ERR_NO_SUCH_KEY;
  return s;
}

