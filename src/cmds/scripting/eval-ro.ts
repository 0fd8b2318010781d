// EVAL_RO - EVAL for scripts that only read; a write command inside fails.
// The script engine is src/server/scripting.ts, reached through ctx.server.scripting.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('eval_ro', (ctx, argv) => ctx.server.scripting.eval(ctx, argv, false, true));
