// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count] - members in a score range, highest first.
// Redis counterpart: zrevrangebyscoreCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrevrangebyscore', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'score', 'reverse'));
