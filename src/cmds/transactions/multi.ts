// MULTI - starts queueing commands for EXEC. Counterpart: multiCommand (multi.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('multi', (ctx) => ctx.server.transactions.multi(ctx.client));
