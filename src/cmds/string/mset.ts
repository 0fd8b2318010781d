// MSET key value [key value ...] - Redis counterpart: msetCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { msetGeneric } from './mset-generic.js';

export default defineCommand('mset', (ctx, argv) => msetGeneric(ctx, argv, false));
