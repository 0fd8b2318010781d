// HSETNX key field value - sets a field only when it is absent. Redis counterpart: hsetnxCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { hashTypeSet, lookupHashWriteOrCreate, tryConversion } from './hash-access.js';

export default defineCommand('hsetnx', (ctx, argv) => {
  const key = argv[1];
  const h = lookupHashWriteOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  if (h.has(argv[2])) return 0;
  tryConversion(ctx, h, argv, 2, 3);
  hashTypeSet(ctx, h, argv[2], argv[3]);
  const db = ctx.db;
  ctx.signalModifiedKey(db, key);
  ctx.notify('h', 'hset', key, db.id);
  ctx.addDirty(1);
  return 1;
});
