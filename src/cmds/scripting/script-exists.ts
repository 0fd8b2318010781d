// SCRIPT EXISTS - 1 or 0 per digest: is the script in the cache?
import { defineCommand } from '../../spec/define.js';

export default defineCommand('script|exists', (ctx, argv) => ctx.server.scripting.scriptExists(argv.slice(2)));
