// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] - the union of
// sorted sets (sets count with score 1), answered in score order. Redis counterpart: zunionCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zunion', (ctx, argv) => zsetOpGeneric(ctx, argv, 1, null, 'union'));
