// ACL WHOAMI - the name of the user this connection runs as.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('acl|whoami', (ctx) => ctx.client.user);
