// MEMORY PURGE - asks for a full garbage collection (when the process allows it), Redis's "release
// dirty pages" for a garbage-collected heap.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';

export default defineCommand('memory|purge', (ctx) => {
  ctx.server.debug.gc();
  return OK;
});
