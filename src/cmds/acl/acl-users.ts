// ACL USERS - the user names, sorted.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('acl|users', (ctx) => ctx.server.acl.userNames());
