// ACL DELUSER username [username ...] - removes users (never "default"); their connections are closed.
import { defineCommand } from '../../spec/define.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('acl|deluser', (ctx, argv) => {
  const r = ctx.server.acl.deleteUsers(argv.slice(2), ctx.client);
  return typeof r === 'string' ? errorReply(r) : r;
});
