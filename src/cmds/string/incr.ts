// INCR key - Redis counterpart: incrCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { incrDecr } from './incr-decr.js';

export default defineCommand('incr', (ctx, argv) => incrDecr(ctx, argv[1], 1));
