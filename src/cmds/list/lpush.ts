// LPUSH key element [element ...] - prepends each element in turn, creating the list. Redis
// counterpart: lpushCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { pushGeneric } from './list-generic.js';

export default defineCommand('lpush', (ctx, argv) => pushGeneric(ctx, argv, 'left', false));
