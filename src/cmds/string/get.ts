// GET key - Redis counterpart: getCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { getGeneric } from './string-value.js';

export default defineCommand('get', (ctx, argv) => getGeneric(ctx, argv[1]));
