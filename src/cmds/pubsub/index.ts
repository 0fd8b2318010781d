// The pubsub group.
import type { CommandImpl } from '../../spec/define.js';
import subscribe from './subscribe.js';
import psubscribe from './psubscribe.js';
import ssubscribe from './ssubscribe.js';
import unsubscribe from './unsubscribe.js';
import punsubscribe from './punsubscribe.js';
import sunsubscribe from './sunsubscribe.js';
import publish from './publish.js';
import spublish from './spublish.js';
import { pubsubChannels, pubsubShardchannels } from './pubsub-channels.js';
import { pubsubNumsub, pubsubShardnumsub } from './pubsub-numsub.js';
import pubsubNumpat from './pubsub-numpat.js';
import pubsubHelp from './pubsub-help.js';

export const pubsubCommands: CommandImpl[] = [
  subscribe, psubscribe, ssubscribe, unsubscribe, punsubscribe, sunsubscribe, publish, spublish,
  pubsubChannels, pubsubShardchannels, pubsubNumsub, pubsubShardnumsub, pubsubNumpat, pubsubHelp,
];
