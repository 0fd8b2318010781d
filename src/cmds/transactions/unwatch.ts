// UNWATCH - forgets every WATCHed key. Counterpart: unwatchCommand (multi.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('unwatch', (ctx) => ctx.server.transactions.unwatch(ctx.client));
