// FLUSHALL [ASYNC|SYNC] - empties every database (functions are kept), then saves the empty dataset
// when save points are configured. Redis counterpart: flushallCommand / flushAllDataAndResetRDB (db.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import type { Db } from '../../keyspace/db.js';
import { parseFlushMode } from '../generic/flush-args.js';
import { keyspaceServices, signalFlushed } from '../generic/db-services.js';
import { clockOf } from '../generic/key-access.js';

export default defineCommand('flushall', (ctx, argv) => {
  const async = parseFlushMode(ctx, argv);
  if (typeof async !== 'boolean') return async;
  const dbs: Db[] = [];
  for (let i = 0; i < ctx.server.dbCount; i++) dbs.push(ctx.server.getDb(i));
  signalFlushed(ctx, dbs, -1, async);
  let removed = 0;
  for (const db of dbs) {
    removed += db.flush();
    clockOf(db, ctx.server.startTime).reset(ctx.now);
  }
  ctx.forcePropagation();
  ctx.addDirty(removed);
  keyspaceServices(ctx).saveAfterFlushall?.();
  return OK;
});
