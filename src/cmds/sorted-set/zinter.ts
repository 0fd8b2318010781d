// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] - the inter of
// sorted sets (sets count with score 1), answered in score order. Redis counterpart: zinterCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zinter', (ctx, argv) => zsetOpGeneric(ctx, argv, 1, null, 'inter'));
