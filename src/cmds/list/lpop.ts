// LPOP key [count] - removes and returns elements from the head. Redis counterpart: lpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { popGeneric } from './pop-generic.js';

export default defineCommand('lpop', (ctx, argv) => popGeneric(ctx, argv, 'left'));
