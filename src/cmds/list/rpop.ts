// RPOP key [count] - removes and returns elements from the tail. Redis counterpart: rpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { popGeneric } from './pop-generic.js';

export default defineCommand('rpop', (ctx, argv) => popGeneric(ctx, argv, 'right'));
