// COMMAND GETKEYSANDFLAGS command [arg ...] - the key names in a full command line, each with its access
// flags (RO/RW/OW/RM, access/update/insert/delete...). Counterpart: commandGetKeysAndFlagsCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';
import { getKeysGeneric } from './getkeys-generic.js';

export default defineCommand('command|getkeysandflags', (ctx, argv) => getKeysGeneric(ctx, argv, true));
