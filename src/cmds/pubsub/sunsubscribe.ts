// SUNSUBSCRIBE - Redis counterpart: sunsubscribeCommand (pubsub.c). One push reply per shard, carrying the
// client's subscription count after it.
import { defineCommand } from '../../spec/define.js';
import { MultiReply } from '../../protocol/reply.js';

export default defineCommand('sunsubscribe', (ctx, argv) => new MultiReply(ctx.server.pubsub.unsubscribe(ctx.client, 'shard', argv.slice(1))));
