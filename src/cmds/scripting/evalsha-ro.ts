// EVALSHA_RO - EVALSHA for scripts that only read.
// The script engine is src/server/scripting.ts, reached through ctx.server.scripting.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('evalsha_ro', (ctx, argv) => ctx.server.scripting.eval(ctx, argv, true, true));
