// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count] - members in a score range, lowest first.
// Redis counterpart: zrangebyscoreCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrangebyscore', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'score', 'forward'));
