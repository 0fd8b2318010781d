// Streams: XADD, XRANGE, XREAD, consumer groups.
import type { CommandImpl } from '../../spec/define.js';

export const streamCommands: CommandImpl[] = [];
