// MEMORY MALLOC-STATS - there is no jemalloc to ask: the JavaScript engine's heap statistics instead.
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';
import { getHeapStatistics } from 'node:v8';

export default defineCommand('memory|malloc-stats', () => {
  const h = getHeapStatistics() as unknown as Record<string, number>;
  const lines = ['Stats from the V8 heap (this server does not use jemalloc):'];
  for (const [k, v] of Object.entries(h)) lines.push(`${k}: ${v}`);
  return new VerbatimReply('txt', lines.join('\n') + '\n');
});
