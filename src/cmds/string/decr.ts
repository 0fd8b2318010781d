// DECR key - Redis counterpart: decrCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { incrDecr } from './incr-decr.js';

export default defineCommand('decr', (ctx, argv) => incrDecr(ctx, argv[1], -1));
