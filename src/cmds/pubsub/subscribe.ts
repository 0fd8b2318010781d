// SUBSCRIBE - Redis counterpart: subscribeCommand (pubsub.c). One push reply per channel, carrying the
// client's subscription count after it.
import { defineCommand } from '../../spec/define.js';
import { MultiReply } from '../../protocol/reply.js';

export default defineCommand('subscribe', (ctx, argv) => new MultiReply(ctx.server.pubsub.subscribe(ctx.client, 'channel', argv.slice(1))));
