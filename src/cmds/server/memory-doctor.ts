// MEMORY DOCTOR - a short report on the heap: peak versus current use, and what the dataset takes.
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';

export default defineCommand('memory|doctor', (ctx) => {
  const info = ctx.server.info(['memory']);
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  const used = field('used_memory');
  const peak = field('used_memory_peak');
  const rss = field('used_memory_rss');
  const lines: string[] = [];
  if (used < 5 * 1024 * 1024) {
    lines.push('This instance holds little data (under 5 MB of heap), so there is nothing to diagnose yet.');
  } else {
    lines.push(`Heap in use: ${used} bytes; peak ${peak} bytes; resident set ${rss} bytes.`);
    if (peak > used * 1.5) lines.push('* The peak is over 1.5 times the current use: memory freed since is kept by the process until V8 returns it; MEMORY PURGE asks for a full collection.');
    if (rss > used * 1.5) lines.push('* The resident set is over 1.5 times the heap in use: buffers outside the heap (client output, files) or freed pages not yet returned.');
    if (lines.length === 1) lines.push('No memory problems found.');
  }
  return new VerbatimReply('txt', lines.join('\n') + '\n');
});
