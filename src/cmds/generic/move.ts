// MOVE key db - moves a key with its TTL to another database; 0 when the key is missing or the
// destination already has it. Redis counterpart: moveCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_DB_INDEX, ERR_SAME_OBJECT } from '../../protocol/errors.js';
import { parseIntArg } from './args.js';
import { ERR_MOVE_CLUSTER } from './errors.js';
import { clockOf, noteAccess } from './key-access.js';

export default defineCommand('move', (ctx, argv) => {
  if (ctx.server.config.getBool('cluster-enabled')) return ERR_MOVE_CLUSTER;
  const src = ctx.db;
  const id = parseIntArg(argv[2]);
  if (typeof id !== 'number') return id;
  if (id < 0 || id >= ctx.server.dbCount) return ERR_DB_INDEX;
  const dst = ctx.server.getDb(id);
  if (dst === src) return ERR_SAME_OBJECT;

  const key = argv[1];
  const value = src.lookupWrite(key, ctx.now);
  if (value === undefined) return 0;
  noteAccess(ctx, src, key);
  const expire = src.getExpire(key);
  if (dst.lookupWrite(key, ctx.now) !== undefined) return 0;
  dst.add(key, value);
  if (expire !== -1) dst.setExpire(key, expire);
  clockOf(dst, ctx.server.startTime).carry(clockOf(src, ctx.server.startTime), key, key);
  src.delete(key);
  ctx.signalModifiedKey(src, key);
  ctx.signalModifiedKey(dst, key);
  ctx.notify('g', 'move_from', key, src.id);
  ctx.notify('g', 'move_to', key, dst.id);
  ctx.addDirty(1);
  return 1;
});
