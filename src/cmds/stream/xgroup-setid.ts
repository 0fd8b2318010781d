// XGROUP SETID key group id|$ [ENTRIESREAD n] - moves a group's last delivered ID (the read counter
// becomes unknown unless given). Counterpart: the SETID branch of xgroupCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, OK } from '../../protocol/reply.js';
import { parseId } from '../../datatypes/stream-id.js';
import { ERR_INVALID_ID, errSubcommandSyntax } from './stream-access.js';
import { xgroupTarget } from './xgroup-generic.js';

export default defineCommand('xgroup|setid', (ctx, argv) => {
  const t = xgroupTarget(ctx, argv, true);
  if (t instanceof ErrorReply) return t;
  if (argv.length !== 5 && argv.length !== 7) return errSubcommandSyntax(argv[1], 'XGROUP');
  const s = t.s!;
  const g = t.group!;
  let id;
  if (argv[4] === '$') id = s.lastId;
  else {
    const p = parseId(argv[4], false, false);
    if (p === null) return ERR_INVALID_ID;
    id = p.id;
  }
  g.lastId = id;
  g.entriesRead = t.entriesRead;
  ctx.addDirty(1);
  ctx.notify('t', 'xgroup-setid', argv[2], ctx.db.id);
  return OK;
});
