// FCALL - calls a function registered by a library loaded with FUNCTION LOAD.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('fcall', (ctx, argv) => ctx.server.scripting.fcall(ctx, argv, false));
