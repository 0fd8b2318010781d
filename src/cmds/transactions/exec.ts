// EXEC - runs the queued commands as one atomic step; a null reply when a WATCHed key changed,
// EXECABORT when a command was refused while queueing. The dispatcher runs it (src/server/engine.ts)
// so the queued commands get full per-command bookkeeping. Counterpart: execCommand (multi.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('exec', (ctx) => ctx.server.transactions.exec(ctx.client));
