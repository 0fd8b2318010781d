// COMMAND INFO [name ...] - metadata of the named commands (a null for each unknown name), or of every
// command when no name is given. Counterpart: commandInfoCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';
import type { Reply } from '../../../protocol/reply.js';
import { allCommandsInfo, commandInfoReply, lookupByFullName } from './render.js';

export default defineCommand('command|info', (ctx, argv) => {
  const registry = ctx.server.registry;
  if (argv.length === 2) return allCommandsInfo(registry);
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) {
    const cmd = lookupByFullName(registry, argv[i]);
    out.push(cmd ? commandInfoReply(cmd.meta) : null);
  }
  return out;
});
