// PUBSUB CHANNELS [pattern] and PUBSUB SHARDCHANNELS [pattern] - active channels (with subscribers).
// Counterpart: pubsubCommand (pubsub.c).
import { defineCommand } from '../../spec/define.js';

export const pubsubChannels = defineCommand('pubsub|channels', (ctx, argv) =>
  ctx.server.pubsub.channelNames('channel', argv.length > 2 ? argv[2] : null),
);

export const pubsubShardchannels = defineCommand('pubsub|shardchannels', (ctx, argv) =>
  ctx.server.pubsub.channelNames('shard', argv.length > 2 ? argv[2] : null),
);
