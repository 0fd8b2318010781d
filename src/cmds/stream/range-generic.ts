// XRANGE / XREVRANGE: interval IDs ("-", "+", incomplete IDs, "(" for an exclusive bound) and COUNT.
// Counterpart: xrangeGenericCommand and streamParseIntervalIDOrReply (t_stream.c).
import { ErrorReply, NullArray, type Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { decrId, incrId, parseIdText, type StreamId } from '../../datatypes/stream-id.js';
import type { CommandContext } from '../../spec/context.js';
import { ERR_INVALID_ID, lookupStreamRead, parseLongLong, rangeReply } from './stream-access.js';

export const ERR_BAD_START = errorReply('ERR invalid start ID for the interval');
export const ERR_BAD_END = errorReply('ERR invalid end ID for the interval');

/** An interval bound: "(" makes it exclusive (and strict); an incomplete ID takes seq 0 or max. */
export function parseIntervalId(arg: string, missingSeqMax: boolean): { id: StreamId; exclusive: boolean } | ErrorReply {
  const exclusive = arg.length > 1 && arg.charCodeAt(0) === 40;
  const id = exclusive ? parseIdText(arg.slice(1), missingSeqMax, true) : parseIdText(arg, missingSeqMax, false);
  return id === null ? ERR_INVALID_ID : { id, exclusive };
}

/** Inclusive start bound from an interval argument. */
export function parseStart(arg: string): StreamId | ErrorReply {
  const b = parseIntervalId(arg, false);
  if (b instanceof ErrorReply) return b;
  if (!b.exclusive) return b.id;
  return incrId(b.id) ?? ERR_BAD_START;
}

/** Inclusive end bound from an interval argument. */
export function parseEnd(arg: string): StreamId | ErrorReply {
  const b = parseIntervalId(arg, true);
  if (b instanceof ErrorReply) return b;
  if (!b.exclusive) return b.id;
  return decrId(b.id) ?? ERR_BAD_END;
}

export function xrangeGeneric(ctx: CommandContext, argv: string[], rev: boolean): Reply {
  const start = parseStart(rev ? argv[3] : argv[2]);
  if (start instanceof ErrorReply) return start;
  const end = parseEnd(rev ? argv[2] : argv[3]);
  if (end instanceof ErrorReply) return end;
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (argv[j].toLowerCase() === 'count' && j + 1 < argv.length) {
      const n = parseLongLong(argv[j + 1]);
      if (n instanceof ErrorReply) return n;
      count = n < 0 ? 0 : n;
      j++;
    } else {
      return ERR_SYNTAX;
    }
  }
  const s = lookupStreamRead(ctx, argv[1]);
  if (s === undefined) return [];
  if (s instanceof ErrorReply) return s;
  if (count === 0) return NullArray.instance;
  return rangeReply(s, start, end, count === -1 ? 0 : count, rev);
}
