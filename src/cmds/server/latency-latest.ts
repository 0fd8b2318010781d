// LATENCY LATEST - per event: its name, the time and milliseconds of its latest sample, its all-time maximum.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('latency|latest', (ctx) => ctx.server.latency.latest());
