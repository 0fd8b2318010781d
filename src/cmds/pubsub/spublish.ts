// SPUBLISH shardchannel message - Redis counterpart: spublishCommand (pubsub.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('spublish', (ctx, argv) => ctx.server.pubsub.spublish(argv[1], argv[2]));
