// DISCARD - drops the queued commands and the WATCHes. Counterpart: discardCommand (multi.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('discard', (ctx) => ctx.server.transactions.discard(ctx.client));
