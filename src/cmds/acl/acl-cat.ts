// ACL CAT [category] - the command categories, or the commands and subcommands in one of them.
import { defineCommand } from '../../spec/define.js';
import { errSubcommandSyntax } from './syntax.js';

export default defineCommand('acl|cat', (ctx, argv) => {
  if (argv.length > 3) return errSubcommandSyntax(argv);
  return ctx.server.acl.cat(argv[2]);
});
