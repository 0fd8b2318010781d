// CONFIG RESETSTAT - zeroes INFO stats, commandstats and errorstats. Counterpart: resetServerStats.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('config|resetstat', (ctx) => {
  ctx.server.resetStats();
  return OK;
});
