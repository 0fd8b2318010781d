// AUTH [username] password - Redis counterpart: authCommand (acl.c), with the default user only.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';

export const ERR_AUTH_NOPASS = errorReply(
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
);
export const ERR_WRONGPASS = errorReply('WRONGPASS invalid username-password pair or user is disabled.');

export default defineCommand('auth', (ctx, argv) => {
  if (argv.length > 3) return ERR_SYNTAX;
  const user = argv.length === 3 ? argv[1] : 'default';
  const pass = argv.length === 3 ? argv[2] : argv[1];
  const res = ctx.server.checkPassword(user, pass);
  if (res === 'nopass' && argv.length === 2) return ERR_AUTH_NOPASS;
  if (res === false) return ERR_WRONGPASS;
  ctx.client.authenticated = true;
  ctx.client.user = user;
  return OK;
});
