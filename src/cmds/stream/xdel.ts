// XDEL key id [id ...] - deletes entries; every ID is validated before any is deleted.
// Counterpart: xdelCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import type { StreamId } from '../../datatypes/stream-id.js';
import { lookupStreamWrite, strictId } from './stream-access.js';

export default defineCommand('xdel', (ctx, argv) => {
  const key = argv[1];
  const s = lookupStreamWrite(ctx, key);
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  const ids: StreamId[] = [];
  for (let j = 2; j < argv.length; j++) {
    const id = strictId(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }
  const deleted = s.deleteIds(ids);
  if (deleted) {
    ctx.signalModifiedKey(ctx.db, key);
    ctx.notify('t', 'xdel', key, ctx.db.id);
    ctx.addDirty(deleted);
  }
  return deleted;
});
