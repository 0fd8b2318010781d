// BGREWRITEAOF - writes a new AOF base (a snapshot of the dataset) while commands go on to a new incr
// file; scheduled after a background save that is running. Counterpart: bgrewriteaofCommand (aof.c).
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

const STARTED = new Status('Background append only file rewriting started');
const SCHEDULED = new Status('Background append only file rewriting scheduled');
const ERR_IN_PROGRESS = errorReply('ERR Background append only file rewriting already in progress');
const ERR = errorReply('ERR Can\'t execute an AOF background rewriting. Please check the server logs for more information.');

export default defineCommand('bgrewriteaof', (ctx) => {
  switch (ctx.server.aof.rewrite()) {
    case 'started':
      return STARTED;
    case 'scheduled':
      return SCHEDULED;
    case 'busy':
      return ERR_IN_PROGRESS;
    default:
      return ERR;
  }
});
