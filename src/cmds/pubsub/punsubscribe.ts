// PUNSUBSCRIBE - Redis counterpart: punsubscribeCommand (pubsub.c). One push reply per pattern, carrying the
// client's subscription count after it.
import { defineCommand } from '../../spec/define.js';
import { MultiReply } from '../../protocol/reply.js';

export default defineCommand('punsubscribe', (ctx, argv) => new MultiReply(ctx.server.pubsub.unsubscribe(ctx.client, 'pattern', argv.slice(1))));
