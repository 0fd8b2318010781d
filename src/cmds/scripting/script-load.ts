// SCRIPT LOAD - compiles a script into the cache and returns its SHA1 digest.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('script|load', (ctx, argv) => ctx.server.scripting.scriptLoad(argv[2]));
