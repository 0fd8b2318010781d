// BGSAVE [SCHEDULE] - starts a background save (a point-in-time snapshot written while commands run);
// with SCHEDULE, one already running makes the next start as soon as it ends. Counterpart: bgsaveCommand.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';

const STARTED = new Status('Background saving started');
const SCHEDULED = new Status('Background saving scheduled');
const ERR_IN_PROGRESS = errorReply('ERR Background save already in progress');
const ERR = errorReply('ERR');
const ERR_AOF = errorReply("ERR An AOF log rewriting in progress: can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");

export default defineCommand('bgsave', (ctx, argv) => {
  let schedule = false;
  if (argv.length > 1) {
    if (argv.length === 2 && argv[1].toLowerCase() === 'schedule') schedule = true;
    else return ERR_SYNTAX;
  }
  switch (ctx.server.rdb.bgsave(schedule)) {
    case 'started':
      return STARTED;
    case 'scheduled':
      return SCHEDULED;
    case 'busy':
      return ERR_IN_PROGRESS;
    case 'aof':
      return ERR_AOF;
    default:
      return ERR;
  }
});
