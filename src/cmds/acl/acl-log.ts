// ACL LOG [count | RESET] - the newest `count` (default 10) security events, or clears them.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { errSubcommandSyntax } from './syntax.js';

export default defineCommand('acl|log', (ctx, argv) => {
  if (argv.length > 3) return errSubcommandSyntax(argv);
  let count = 10;
  if (argv.length === 3) {
    if (argv[2].toLowerCase() === 'reset') {
      ctx.server.acl.resetLog();
      return OK;
    }
    const n = parseI64(argv[2]);
    if (n === null) return ERR_NOT_INTEGER;
    count = n < 0n ? 0 : n > 1000000000n ? 1000000000 : Number(n);
  }
  return ctx.server.acl.logEntries(count);
});
