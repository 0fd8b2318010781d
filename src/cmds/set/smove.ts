// SMOVE source destination member - moves a member between sets: "srem" on the source (and "del" if
// it empties), "sadd" on the destination when the member was new there. A missing source answers 0
// before the destination's type is checked. Redis counterpart: smoveCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { SetValue } from '../../datatypes/set.js';
import { lookupSetWrite, setLimits } from './set-access.js';

export default defineCommand('smove', (ctx, argv) => {
  const srcKey = argv[1];
  const dstKey = argv[2];
  const member = argv[3];
  const src = lookupSetWrite(ctx, srcKey);
  const found = lookupSetWrite(ctx, dstKey);
  if (src === undefined) return 0;
  if (src instanceof ErrorReply) return src;
  if (found instanceof ErrorReply) return found;
  if (src === found) return src.has(member) ? 1 : 0;
  if (!src.delete(member)) return 0;

  const db = ctx.db;
  ctx.notify('s', 'srem', srcKey, db.id);
  if (src.size === 0) {
    db.delete(srcKey);
    ctx.notify('g', 'del', srcKey, db.id);
  }
  const limits = setLimits(ctx);
  let dst = found;
  if (dst === undefined) {
    dst = SetValue.create(member, 1, limits);
    db.add(dstKey, dst);
  }
  ctx.signalModifiedKey(db, srcKey);
  ctx.addDirty(1);
  if (dst.add(member, limits)) {
    dst.trim();
    ctx.addDirty(1);
    ctx.signalModifiedKey(db, dstKey);
    ctx.notify('s', 'sadd', dstKey, db.id);
  }
  return 1;
});
