// ACL GETUSER username - flags, passwords, commands, keys, channels and selectors of one user (null if none).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('acl|getuser', (ctx, argv) => ctx.server.acl.getUser(argv[2]));
