// ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] - stores a ZRANGE result in dst
// (deleting dst when it is empty) and answers its size. Redis counterpart: zrangestoreCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrangestore', (ctx, argv) => zrangeGeneric(ctx, argv, 2, argv[1], 'auto', 'auto'));
