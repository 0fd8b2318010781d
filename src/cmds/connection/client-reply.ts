// CLIENT REPLY ON|OFF|SKIP - Redis counterpart: clientCommand "reply" (networking.c). OFF and SKIP
// themselves get no reply; the server applies SKIP to the following command.
import { defineCommand } from '../../spec/define.js';
import { NoReply, OK } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';

export default defineCommand('client|reply', (ctx, argv) => {
  const mode = argv[2].toLowerCase();
  if (mode === 'on') {
    ctx.client.replyMode = 'on';
    return OK;
  }
  if (mode === 'off' || mode === 'skip') {
    ctx.client.replyMode = mode;
    return NoReply.instance;
  }
  return ERR_SYNTAX;
});
