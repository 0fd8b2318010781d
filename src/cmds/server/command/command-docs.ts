// COMMAND DOCS [name ...] - documentation of the named commands as a map keyed by full command name
// (unknown names are left out, repeated ones repeat), or of every command when no name is given.
// Counterpart: commandDocsCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';
import { MapReply, type Reply } from '../../../protocol/reply.js';
import { commandDocsReply, lookupByFullName } from './render.js';

export default defineCommand('command|docs', (ctx, argv) => {
  const registry = ctx.server.registry;
  const flat: Reply[] = [];
  if (argv.length === 2) {
    for (const c of registry.commands.values()) flat.push(c.meta.name, commandDocsReply(c.meta));
  } else {
    for (let i = 2; i < argv.length; i++) {
      const cmd = lookupByFullName(registry, argv[i]);
      if (cmd) flat.push(cmd.meta.name, commandDocsReply(cmd.meta));
    }
  }
  return new MapReply(flat);
});
