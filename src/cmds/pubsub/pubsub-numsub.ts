// PUBSUB NUMSUB [channel ...] and PUBSUB SHARDNUMSUB [shardchannel ...] - subscriber counts as a flat
// channel, count list (an array in RESP3 too, as Redis replies). Counterpart: pubsubCommand.
import { defineCommand } from '../../spec/define.js';
import type { Reply } from '../../protocol/reply.js';

function counts(kind: 'channel' | 'shard') {
  return defineCommand(kind === 'channel' ? 'pubsub|numsub' : 'pubsub|shardnumsub', (ctx, argv) => {
    const out: Reply[] = [];
    for (let j = 2; j < argv.length; j++) out.push(argv[j], ctx.server.pubsub.subscriberCount(kind, argv[j]));
    return out;
  });
}

export const pubsubNumsub = counts('channel');
export const pubsubShardnumsub = counts('shard');
