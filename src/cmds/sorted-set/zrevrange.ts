// ZREVRANGE key start stop [WITHSCORES] - members by rank, highest score first.
// Redis counterpart: zrevrangeCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrevrange', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'rank', 'reverse'));
