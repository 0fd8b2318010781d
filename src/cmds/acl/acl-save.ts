// ACL SAVE - writes the users to the aclfile.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('acl|save', (ctx) => {
  const err = ctx.server.acl.save();
  return err === null ? OK : errorReply(err);
});
