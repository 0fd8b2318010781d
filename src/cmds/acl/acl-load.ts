// ACL LOAD - replaces the users with those of the aclfile, all or nothing.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('acl|load', (ctx) => {
  const err = ctx.server.acl.load(ctx.client);
  return err === null ? OK : errorReply(err);
});
