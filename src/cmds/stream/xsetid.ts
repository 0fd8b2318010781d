// XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id] - sets a stream's last ID and counters (used
// to replicate streams). Counterpart: xsetidCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, OK } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { MIN_ID, type StreamId } from '../../datatypes/stream-id.js';
import { ERR_NO_SUCH_KEY, lookupStreamWrite, parseLongLong, strictId } from './stream-access.js';

const ERR_ADDED_NEG = errorReply('ERR entries_added must be positive');
const ERR_MAXDEL_GT_ID = errorReply('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
const ERR_SMALLER_MAXDEL = errorReply('ERR The ID specified in XSETID is smaller than current max_deleted_entry_id');
const ERR_SMALLER_TOP = errorReply('ERR The ID specified in XSETID is smaller than the target stream top item');
const ERR_ADDED_SMALL = errorReply('ERR The entries_added specified in XSETID is smaller than the target stream length');

export default defineCommand('xsetid', (ctx, argv) => {
  const id = strictId(argv[2]);
  if (id instanceof ErrorReply) return id;
  let entriesAdded = -1;
  let maxDel: StreamId = MIN_ID;
  for (let i = 3; i < argv.length; i += 2) {
    const more = argv.length - 1 - i;
    const opt = argv[i].toLowerCase();
    if (opt === 'entriesadded' && more) {
      const n = parseLongLong(argv[i + 1]);
      if (n instanceof ErrorReply) return n;
      if (n < 0) return ERR_ADDED_NEG;
      entriesAdded = n;
    } else if (opt === 'maxdeletedid' && more) {
      const m = strictId(argv[i + 1]);
      if (m instanceof ErrorReply) return m;
      if (id < m) return ERR_MAXDEL_GT_ID;
      maxDel = m;
    } else {
      return ERR_SYNTAX;
    }
  }
  const s = lookupStreamWrite(ctx, argv[1]);
  if (s === undefined) return ERR_NO_SUCH_KEY;
  if (s instanceof ErrorReply) return s;
  if (id < s.maxDeletedId) return ERR_SMALLER_MAXDEL;
  if (s.length > 0) {
    if (id < s.lastValidId()) return ERR_SMALLER_TOP;
    if (entriesAdded !== -1 && s.length > entriesAdded) return ERR_ADDED_SMALL;
  }
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  if (maxDel !== MIN_ID) s.maxDeletedId = maxDel;
  ctx.addDirty(1);
  ctx.notify('t', 'xsetid', argv[1], ctx.db.id);
  return OK;
});
