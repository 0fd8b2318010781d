// XGROUP DESTROY key group - deletes a group; clients blocked reading through it are woken (and
// answered NOGROUP). Counterpart: the DESTROY branch of xgroupCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { xgroupTarget } from './xgroup-generic.js';

export default defineCommand('xgroup|destroy', (ctx, argv) => {
  const t = xgroupTarget(ctx, argv, false);
  if (t instanceof ErrorReply) return t;
  if (t.group === undefined) return 0;
  t.s!.destroyGroup(argv[3]);
  ctx.addDirty(1);
  ctx.notify('t', 'xgroup-destroy', argv[2], ctx.db.id);
  // Redis signals the key ready so that XREADGROUP callers re-run and see the group gone; WATCH and
  // client-side caches are not touched.
  ctx.signalKeyAsReady(ctx.db, argv[2]);
  return 1;
});
