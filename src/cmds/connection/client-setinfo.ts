// CLIENT SETINFO LIB-NAME|LIB-VER value (Redis 7.2) - Counterpart: clientSetinfoCommand (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('client|setinfo', (ctx, argv) => {
  const attr = argv[2].toLowerCase();
  const val = argv[3];
  if (attr !== 'lib-name' && attr !== 'lib-ver') return errorReply(`ERR Unrecognized option '${argv[2]}'`);
  for (let i = 0; i < val.length; i++) {
    const c = val.charCodeAt(i);
    if (c < 33 || c > 126) return errorReply(`ERR ${attr} cannot contain spaces, newlines or special characters.`);
  }
  if (attr === 'lib-name') ctx.client.libName = val;
  else ctx.client.libVer = val;
  return OK;
});
