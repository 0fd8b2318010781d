// LPUSHX key element [element ...] - LPUSH only onto an existing list; 0 when the key is missing.
// Redis counterpart: lpushxCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { pushGeneric } from './list-generic.js';

export default defineCommand('lpushx', (ctx, argv) => pushGeneric(ctx, argv, 'left', true));
