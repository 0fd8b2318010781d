// ACL DRYRUN username command [arg ...] - OK if the user could run the command line, otherwise why not.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('acl|dryrun', (ctx, argv) => ctx.server.acl.dryRun(argv[2], argv.slice(3)));
