// The options XADD and XTRIM share: MAXLEN|MINID [=|~] threshold [LIMIT n], plus XADD's NOMKSTREAM
// and ID. Counterpart: streamParseAddOrTrimArgsOrReply (t_stream.c).
import type { TrimArgs } from '../../datatypes/stream.js';
import { MIN_ID, parseId, type StreamId } from '../../datatypes/stream-id.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { ERR_INVALID_ID, parseLongLong } from './stream-access.js';

const ERR_BOTH = errorReply('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
const ERR_MAXLEN_NEG = errorReply('ERR The MAXLEN argument must be >= 0.');
const ERR_LIMIT_NEG = errorReply('ERR The LIMIT argument must be >= 0.');
const ERR_LIMIT_NO_STRATEGY = errorReply('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
const ERR_XTRIM_NO_STRATEGY = errorReply('ERR syntax error, XTRIM must be called with a trimming strategy');
const ERR_LIMIT_NO_APPROX = errorReply('ERR syntax error, LIMIT cannot be used without the special ~ option');

export interface AddTrimArgs {
  trim: TrimArgs | null;
  /** Index of the threshold argument (rewritten when trimming was approximate). */
  trimArgIndex: number;
  noMkStream: boolean;
  /** XADD: explicit ID, or null for "*". */
  id: StreamId | null;
  /** XADD "<ms>-*": the sequence is generated. */
  seqGiven: boolean;
  /** XADD: index of the ID argument. */
  idIndex: number;
}

export function parseAddTrimArgs(ctx: CommandContext, argv: string[], xadd: boolean): AddTrimArgs | ErrorReply {
  const r: AddTrimArgs = { trim: null, trimArgIndex: 0, noMkStream: false, id: null, seqGiven: true, idIndex: 0 };
  let strategy: 'maxlen' | 'minid' | null = null;
  let approx = false;
  let maxlen = 0;
  let minid: StreamId = MIN_ID;
  let limit = 0;
  let limitGiven = false;
  const argc = argv.length;
  let i = 2;
  for (; i < argc; i++) {
    const more = argc - 1 - i;
    const opt = argv[i];
    const lower = opt.length <= 10 ? opt.toLowerCase() : '';
    if (xadd && opt === '*') break;
    if ((lower === 'maxlen' || lower === 'minid') && more) {
      if (strategy !== null) return ERR_BOTH;
      approx = false;
      const next = argv[i + 1];
      if (more >= 2 && next === '~') {
        approx = true;
        i++;
      } else if (more >= 2 && next === '=') {
        i++;
      }
      if (lower === 'maxlen') {
        const n = parseLongLong(argv[i + 1]);
        if (n instanceof ErrorReply) return n;
        if (n < 0) return ERR_MAXLEN_NEG;
        maxlen = n;
      } else {
        const p = parseId(argv[i + 1], false, true);
        if (p === null) return ERR_INVALID_ID;
        minid = p.id;
      }
      i++;
      strategy = lower as 'maxlen' | 'minid';
      r.trimArgIndex = i;
    } else if (lower === 'limit' && more) {
      const n = parseLongLong(argv[i + 1]);
      if (n instanceof ErrorReply) return n;
      if (n < 0) return ERR_LIMIT_NEG;
      limit = n;
      limitGiven = true;
      i++;
    } else if (xadd && lower === 'nomkstream') {
      r.noMkStream = true;
    } else if (xadd) {
      const p = parseId(opt, false, true, true);
      if (p === null) return ERR_INVALID_ID;
      r.id = p.id;
      r.seqGiven = p.seqGiven;
      break;
    } else {
      return ERR_SYNTAX;
    }
  }
  r.idIndex = i;
  if (limit && strategy === null) return ERR_LIMIT_NO_STRATEGY;
  if (!xadd && strategy === null) return ERR_XTRIM_NO_STRATEGY;
  if ((ctx.client as { mustObey?: boolean }).mustObey === true) {
    // A master link or the AOF loader (Redis's mustObeyClient): trims arrive rewritten to "=" with
    // their LIMIT kept, which is then ignored.
    limit = 0;
  } else if (limitGiven) {
    if (!approx) return ERR_LIMIT_NO_APPROX;
  } else if (approx) {
    limit = 100 * ctx.server.config.getNumber('stream-node-max-entries');
    if (limit <= 0) limit = 10000;
    if (limit > 1000000) limit = 1000000;
  } else {
    limit = 0;
  }
  if (strategy !== null) r.trim = { strategy, maxlen, minid, approx, limit };
  return r;
}
