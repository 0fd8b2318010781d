// BLPOP key [key ...] timeout - Redis counterpart: blpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { bpopGeneric } from './bpop-generic.js';

export default defineCommand('blpop', (ctx, argv) => bpopGeneric(ctx, argv, 'left'));
