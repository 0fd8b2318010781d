// XGROUP CREATECONSUMER key group consumer - 1 if created, 0 if it existed.
// Counterpart: the CREATECONSUMER branch of xgroupCommand / streamCreateConsumer (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { xgroupTarget } from './xgroup-generic.js';

export default defineCommand('xgroup|createconsumer', (ctx, argv) => {
  const t = xgroupTarget(ctx, argv, true);
  if (t instanceof ErrorReply) return t;
  if (t.group!.createConsumer(argv[4], ctx.now) === null) return 0;
  ctx.addDirty(1);
  ctx.notify('t', 'xgroup-createconsumer', argv[2], ctx.db.id);
  return 1;
});
