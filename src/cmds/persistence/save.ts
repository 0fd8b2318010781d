// SAVE - writes the RDB snapshot in the foreground (the server answers nothing else meanwhile).
// Counterpart: saveCommand (rdb.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

const ERR_IN_PROGRESS = errorReply('ERR Background save already in progress');
const ERR = errorReply('ERR');

export default defineCommand('save', (ctx) => {
  const r = ctx.server.rdb.save();
  if (r === 'busy') return ERR_IN_PROGRESS;
  return r ? OK : ERR;
});
