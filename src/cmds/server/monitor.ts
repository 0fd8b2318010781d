// MONITOR - from now on this connection receives a line for every command the server executes.
// Counterpart: monitorCommand (replication.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('monitor', (ctx) => {
  ctx.server.monitor(ctx.client);
  return OK;
});
