// BRPOP key [key ...] timeout - Redis counterpart: brpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { bpopGeneric } from './bpop-generic.js';

export default defineCommand('brpop', (ctx, argv) => bpopGeneric(ctx, argv, 'right'));
