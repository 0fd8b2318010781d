// RPOPLPUSH source destination - LMOVE source destination RIGHT LEFT, kept for old clients.
// Redis counterpart: rpoplpushCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { lmoveGeneric } from './move-generic.js';

export default defineCommand('rpoplpush', (ctx, argv) => lmoveGeneric(ctx, argv[1], argv[2], 'right', 'left'));
