// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT] - Counterpart: shutdownCommand (server.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { NoReply, OK } from '../../protocol/reply.js';

export default defineCommand('shutdown', (ctx, argv) => {
  const o: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean; abort?: boolean } = {};
  for (let j = 1; j < argv.length; j++) {
    const a = argv[j].toLowerCase();
    if (a === 'nosave') o.nosave = true;
    else if (a === 'save') o.save = true;
    else if (a === 'now') o.now = true;
    else if (a === 'force') o.force = true;
    else if (a === 'abort') o.abort = true;
    else return ERR_SYNTAX;
  }
  if ((o.save && o.nosave) || (o.abort && argv.length > 2)) return ERR_SYNTAX;
  const err = ctx.server.shutdown(o);
  if (err !== null) return errorReply(err);
  return o.abort ? OK : NoReply.instance;
});
