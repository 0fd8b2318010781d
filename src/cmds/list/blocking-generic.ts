// Shared parts of the blocking list commands: the timeout argument (seconds, fractional allowed) and
// the BlockRequest they hand to the dispatcher when nothing can be served yet.
// Redis counterpart: getTimeoutFromObjectOrReply (timeout.c) and blockForKeys (blocked.c).
import type { CommandContext } from '../../spec/context.js';
import type { BlockRequest } from '../../spec/types.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { parseDouble } from '../../util/number.js';

const ERR_TIMEOUT_FLOAT = errorReply('ERR timeout is not a float or out of range');
const ERR_TIMEOUT_NEGATIVE = errorReply('ERR timeout is negative');
const ERR_TIMEOUT_RANGE = errorReply('ERR timeout is out of range');
const LLONG_MAX = 9223372036854775807;

/** Absolute unix ms to wait until (0 = forever), or the error reply. */
export function parseTimeout(ctx: CommandContext, arg: string): number | ErrorReply {
  const secs = parseDouble(arg);
  if (secs === null || Number.isNaN(secs)) return ERR_TIMEOUT_FLOAT;
  const ms = secs * 1000;
  if (ms > LLONG_MAX) return ERR_TIMEOUT_RANGE;
  const t = Math.ceil(ms);
  if (t < 0) return ERR_TIMEOUT_NEGATIVE;
  if (t === 0) return 0;
  if (t > LLONG_MAX - ctx.now) return ERR_TIMEOUT_RANGE;
  return ctx.now + t;
}

/**
 * A wait on `keys`: `attempt` is re-run when one of them changes and serves the client when it
 * returns a reply. An error (the key now holds another type) keeps the client waiting, as Redis does.
 */
export function blockOn(keys: string[], timeoutAt: number, onTimeout: Reply, attempt: (ctx: CommandContext) => Reply | undefined): BlockRequest {
  return {
    kind: 'block',
    keys,
    timeoutAt,
    onTimeout,
    retry: (ctx) => {
      const r = attempt(ctx);
      return r instanceof ErrorReply ? undefined : r;
    },
  };
}
