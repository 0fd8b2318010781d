// XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n] - creates a consumer group.
// Counterpart: the CREATE branch of xgroupCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { StreamValue } from '../../datatypes/stream.js';
import { MIN_ID } from '../../datatypes/stream-id.js';
import { errSubcommandSyntax, strictId } from './stream-access.js';
import { xgroupTarget } from './xgroup-generic.js';

const ERR_BUSYGROUP = errorReply('BUSYGROUP Consumer Group name already exists');

export default defineCommand('xgroup|create', (ctx, argv) => {
  const t = xgroupTarget(ctx, argv, false);
  if (t instanceof ErrorReply) return t;
  if (argv.length > 8) return errSubcommandSyntax(argv[1], 'XGROUP');
  let s = t.s;
  const id = argv[4] === '$' ? (s ? s.lastId : MIN_ID) : strictId(argv[4]);
  if (id instanceof ErrorReply) return id;
  const key = argv[2];
  if (s === undefined) {
    s = new StreamValue();
    ctx.db.add(key, s);
    ctx.signalModifiedKey(ctx.db, key);
  }
  if (s.createGroup(argv[3], id, t.entriesRead) === null) return ERR_BUSYGROUP;
  ctx.addDirty(1);
  ctx.notify('t', 'xgroup-create', key, ctx.db.id);
  return OK;
});
