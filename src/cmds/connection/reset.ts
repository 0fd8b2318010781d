// RESET - returns the connection to its initial state. Counterpart: resetCommand (networking.c).
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const RESET = new Status('RESET');

export default defineCommand('reset', (ctx) => {
  ctx.client.reset();
  ctx.server.tracking.disable(ctx.client);
  ctx.server.transactions.discard(ctx.client);
  ctx.server.transactions.unwatch(ctx.client);
  if (ctx.client.subscriptionCount > 0) {
    ctx.server.pubsub.unsubscribe(ctx.client, 'channel', []);
    ctx.server.pubsub.unsubscribe(ctx.client, 'pattern', []);
    ctx.server.pubsub.unsubscribe(ctx.client, 'shard', []);
  }
  return RESET;
});
