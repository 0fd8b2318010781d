// FLUSHDB [ASYNC|SYNC] - empties the selected database. Redis counterpart: flushdbCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { parseFlushMode } from '../generic/flush-args.js';
import { signalFlushed } from '../generic/db-services.js';
import { clockOf } from '../generic/key-access.js';

export default defineCommand('flushdb', (ctx, argv) => {
  const async = parseFlushMode(ctx, argv);
  if (typeof async !== 'boolean') return async;
  const db = ctx.db;
  signalFlushed(ctx, [db], db.id, async);
  const removed = db.flush();
  clockOf(db, ctx.server.startTime).reset(ctx.now);
  // Redis propagates a flush even when the database was already empty.
  ctx.forcePropagation();
  ctx.addDirty(removed);
  return OK;
});
