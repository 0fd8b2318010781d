// LATENCY HISTORY event - the event's [unix time, milliseconds] samples, oldest first.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('latency|history', (ctx, argv) => ctx.server.latency.history(argv[2]));
