// QUIT - replies OK, then the connection closes once the reply is written. Counterpart: quitCommand.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('quit', (ctx) => {
  ctx.client.closeAfterReply();
  return OK;
});
