// PUBLISH channel message - Redis counterpart: publishCommand (pubsub.c). Replies with the number of
// clients that received the message.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('publish', (ctx, argv) => ctx.server.pubsub.publish(argv[1], argv[2]));
