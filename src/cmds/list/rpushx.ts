// RPUSHX key element [element ...] - RPUSH only onto an existing list; 0 when the key is missing.
// Redis counterpart: rpushxCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { pushGeneric } from './list-generic.js';

export default defineCommand('rpushx', (ctx, argv) => pushGeneric(ctx, argv, 'right', true));
