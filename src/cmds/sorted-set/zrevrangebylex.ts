// ZREVRANGEBYLEX key max min [LIMIT offset count] - members in a lexicographic range, in reverse.
// Redis counterpart: zrevrangebylexCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrevrangebylex', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'lex', 'reverse'));
