// SLOWLOG RESET - empties the slow log.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('slowlog|reset', (ctx) => {
  ctx.server.slowlog.reset();
  return OK;
});
