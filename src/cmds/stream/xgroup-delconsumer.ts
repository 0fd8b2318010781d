// XGROUP DELCONSUMER key group consumer - deletes a consumer and its pending entries; replies with
// how many were pending. Counterpart: the DELCONSUMER branch of xgroupCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { xgroupTarget } from './xgroup-generic.js';

export default defineCommand('xgroup|delconsumer', (ctx, argv) => {
  const t = xgroupTarget(ctx, argv, true);
  if (t instanceof ErrorReply) return t;
  const g = t.group!;
  const c = g.consumers.get(argv[4]);
  if (c === undefined) return 0;
  const pending = g.deleteConsumer(c);
  ctx.addDirty(1);
  ctx.notify('t', 'xgroup-delconsumer', argv[2], ctx.db.id);
  return pending;
});
