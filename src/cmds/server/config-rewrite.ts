// CONFIG REWRITE - writes the running configuration back into the server's config file, keeping the
// file's comments and layout (src/server/config-rewrite.ts). Counterpart: configRewriteCommand.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('config|rewrite', (ctx) => {
  const err = ctx.server.configRewrite();
  return err === null ? OK : errorReply(err);
});
