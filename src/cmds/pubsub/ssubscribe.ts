// SSUBSCRIBE - Redis counterpart: ssubscribeCommand (pubsub.c). One push reply per shard, carrying the
// client's subscription count after it.
import { defineCommand } from '../../spec/define.js';
import { MultiReply } from '../../protocol/reply.js';

export default defineCommand('ssubscribe', (ctx, argv) => new MultiReply(ctx.server.pubsub.subscribe(ctx.client, 'shard', argv.slice(1))));
