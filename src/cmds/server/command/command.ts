// COMMAND with no subcommand: every command's COMMAND INFO entry.
// Counterpart: commandCommand in Redis's server.c. The table lists COMMAND as a container, so the
// dispatcher routes a bare `COMMAND` here instead of answering it with an arity error.
import type { Reply } from '../../../protocol/reply.js';
import type { CommandContext } from '../../../spec/context.js';
import { allCommandsInfo } from './render.js';

export function commandBare(ctx: CommandContext): Reply {
  return allCommandsInfo(ctx.server.registry);
}
