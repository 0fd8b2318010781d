// CLIENT UNPAUSE - ends a CLIENT PAUSE at once; held clients resume in order.
// Counterpart: clientCommand "unpause" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('client|unpause', (ctx) => {
  ctx.server.clientPause.unpause();
  return OK;
});
