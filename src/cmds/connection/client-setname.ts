// CLIENT SETNAME name - Redis counterpart: clientSetNameOrReply (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export const ERR_BAD_CLIENT_NAME = errorReply('ERR Client names cannot contain spaces, newlines or special characters.');

/** Names are printable ASCII without spaces ('!' to '~'); empty clears the name. */
export function validClientName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  return true;
}

export default defineCommand('client|setname', (ctx, argv) => {
  if (!validClientName(argv[2])) return ERR_BAD_CLIENT_NAME;
  ctx.client.name = argv[2];
  return OK;
});
