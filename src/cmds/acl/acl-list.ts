// ACL LIST - every user as an aclfile line ("user default on nopass sanitize-payload ~* &* +@all").
import { defineCommand } from '../../spec/define.js';

export default defineCommand('acl|list', (ctx) => ctx.server.acl.list());
