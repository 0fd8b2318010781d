// EVALSHA - runs a cached script by its SHA1 digest (NOSCRIPT when the cache lacks it).
// The script engine is src/server/scripting.ts, reached through ctx.server.scripting.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('evalsha', (ctx, argv) => ctx.server.scripting.eval(ctx, argv, true, false));
