// RPUSH key element [element ...] - appends each element in turn, creating the list. Redis
// counterpart: rpushCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { pushGeneric } from './list-generic.js';

export default defineCommand('rpush', (ctx, argv) => pushGeneric(ctx, argv, 'right', false));
