// ZDIFF numkeys key [key ...] [WITHSCORES] - the diff of
// sorted sets (sets count with score 1), answered in score order. Redis counterpart: zdiffCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zdiff', (ctx, argv) => zsetOpGeneric(ctx, argv, 1, null, 'diff'));
