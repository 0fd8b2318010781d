// PSUBSCRIBE - Redis counterpart: psubscribeCommand (pubsub.c). One push reply per pattern, carrying the
// client's subscription count after it.
import { defineCommand } from '../../spec/define.js';
import { MultiReply } from '../../protocol/reply.js';

export default defineCommand('psubscribe', (ctx, argv) => new MultiReply(ctx.server.pubsub.subscribe(ctx.client, 'pattern', argv.slice(1))));
