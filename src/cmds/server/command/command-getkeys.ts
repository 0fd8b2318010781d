// COMMAND GETKEYS command [arg ...] - the key names in a full command line.
// Counterpart: commandGetKeysCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';
import { getKeysGeneric } from './getkeys-generic.js';

export default defineCommand('command|getkeys', (ctx, argv) => getKeysGeneric(ctx, argv, false));
