// LATENCY RESET [event ...] - forgets the named events (any case), or every event; replies how many.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('latency|reset', (ctx, argv) => ctx.server.latency.reset(argv.slice(2)));
