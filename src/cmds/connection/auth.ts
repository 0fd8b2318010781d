// AUTH [username] password - authenticates the connection as an ACL user ("default" when no username is
// given). Failures are logged in ACL LOG. Counterpart: authCommand (acl.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';

export const ERR_AUTH_NOPASS = errorReply(
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
);
export const ERR_WRONGPASS = errorReply('WRONGPASS invalid username-password pair or user is disabled.');

export default defineCommand('auth', (ctx, argv) => {
  if (argv.length > 3) return ERR_SYNTAX;
  // The one-argument form keeps its old meaning: an error when the default user needs no password.
  if (argv.length === 2 && ctx.server.acl.defaultUserNoPass()) return ERR_AUTH_NOPASS;
  const user = argv.length === 3 ? argv[1] : 'default';
  const pass = argv.length === 3 ? argv[2] : argv[1];
  return ctx.server.acl.authenticate(ctx.client, user, pass, argv[0]) ? OK : ERR_WRONGPASS;
});
