// FCALL_RO - FCALL for functions flagged no-writes.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('fcall_ro', (ctx, argv) => ctx.server.scripting.fcall(ctx, argv, true));
