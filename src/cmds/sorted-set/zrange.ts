// ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] - members by rank, score or lex range.
// Redis counterpart: zrangeCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrange', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'auto', 'auto'));
