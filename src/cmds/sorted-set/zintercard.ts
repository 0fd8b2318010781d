// ZINTERCARD numkeys key [key ...] [LIMIT limit] - the size of the intersection, stopping early at a
// non-zero LIMIT. Redis counterpart: zinterCardCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zintercard', (ctx, argv) => zsetOpGeneric(ctx, argv, 1, null, 'inter', true));
