// ACL SETUSER username [rule ...] - creates or changes a user; every rule applies or none does.
// Counterpart: the SETUSER branch of aclCommand (acl.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('acl|setuser', (ctx, argv) => {
  const err = ctx.server.acl.setUser(argv[2], argv.slice(3), ctx.client);
  return err === null ? OK : errorReply(err);
});
