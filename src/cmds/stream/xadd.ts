// XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]
// Appends an entry; a generated ID (or generated sequence) is propagated as the concrete ID, and
// approximate trimming as the exact threshold it reached. Counterpart: xaddCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { StreamValue } from '../../datatypes/stream.js';
import { MAX_ID, MIN_ID, formatId, incrId, word, type StreamId } from '../../datatypes/stream-id.js';
import { ErrorReply } from '../../protocol/reply.js';
import { errArity, errorReply } from '../../protocol/errors.js';
import { lookupStreamWrite, nodeLimits } from './stream-access.js';
import { parseAddTrimArgs } from './trim-args.js';
import { applyTrim } from './trim-generic.js';

const ERR_ZERO = errorReply('ERR The ID specified in XADD must be greater than 0-0');
const ERR_EXHAUSTED = errorReply('ERR The stream has exhausted the last possible ID, unable to add more items');
const ERR_SMALLER = errorReply('ERR The ID specified in XADD is equal or smaller than the target stream top item');
const ERR_TOO_LARGE = errorReply('ERR Elements are too large to be stored');

export default defineCommand('xadd', (ctx, argv) => {
  const args = parseAddTrimArgs(ctx, argv, true);
  if (args instanceof ErrorReply) return args;
  const fieldPos = args.idIndex + 1;
  const n = argv.length - fieldPos;
  if (n < 2 || n % 2 === 1) return errArity('xadd');
  if (args.id !== null && args.seqGiven && args.id === MIN_ID) return ERR_ZERO;
  const key = argv[1];
  const db = ctx.db;
  let s = lookupStreamWrite(ctx, key);
  if (s instanceof ErrorReply) return s;
  if (s === undefined) {
    if (args.noMkStream) return null;
    s = new StreamValue();
    db.add(key, s);
  }
  if (s.lastId === MAX_ID) return ERR_EXHAUSTED;
  let id: StreamId | null;
  if (args.id === null) id = s.nextId(ctx.now);
  else if (args.seqGiven) id = args.id;
  else if (word(s.lastId, 0) === word(args.id, 0) && word(s.lastId, 4) === word(args.id, 4)) {
    // Same millisecond: the next sequence, never rolling over into the next millisecond.
    id = word(s.lastId, 8) === 0xffffffff && word(s.lastId, 12) === 0xffffffff ? null : incrId(s.lastId);
  }
  else id = args.id;
  if (id === null || id <= s.lastId) return ERR_SMALLER;
  if (!s.append(id, argv, fieldPos, nodeLimits(ctx))) return ERR_TOO_LARGE;
  const idText = formatId(id);
  ctx.notify('t', 'xadd', key, db.id);
  ctx.addDirty(1);
  let out: string[] | null = null;
  if (args.trim !== null) {
    out = applyTrim(ctx, key, s, args.trim, argv, args.trimArgIndex).rewritten;
  }
  ctx.signalModifiedKey(db, key);
  if (args.id === null || !args.seqGiven) {
    out ??= argv.slice();
    out[args.idIndex] = idText;
  }
  if (out !== null) ctx.propagateAs(out);
  return idText;
});
