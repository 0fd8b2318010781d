// LATENCY GRAPH event - an ASCII chart of the event's recorded samples.
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';

export default defineCommand('latency|graph', (ctx, argv) => {
  const graph = ctx.server.latency.graph(argv[2]);
  if (graph === null) return errorReply(`ERR No samples available for event '${argv[2]}'`);
  return new VerbatimReply('txt', graph);
});
