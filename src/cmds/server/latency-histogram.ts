// LATENCY HISTOGRAM [command ...] - per command: its calls and the cumulative count of calls at each
// power-of-two latency bucket (microseconds), for every command called so far or the named ones.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('latency|histogram', (ctx, argv) => ctx.server.latency.histogram(argv.length > 2 ? argv.slice(2) : null));
