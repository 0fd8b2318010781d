// PUBSUB NUMPAT - number of distinct patterns subscribed. Counterpart: pubsubCommand (pubsub.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('pubsub|numpat', (ctx) => ctx.server.pubsub.patternCount);
