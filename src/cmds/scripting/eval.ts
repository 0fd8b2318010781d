// EVAL - runs a Lua script with its keys and arguments, atomically.
// The script engine is src/server/scripting.ts, reached through ctx.server.scripting.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('eval', (ctx, argv) => ctx.server.scripting.eval(ctx, argv, false, false));
