// COMMAND COUNT - how many top-level commands this server has (subcommands are not counted).
// Counterpart: commandCountCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';

export default defineCommand('command|count', (ctx) => ctx.server.registry.commands.size);
