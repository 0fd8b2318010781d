// ZRANGEBYLEX key min max [LIMIT offset count] - members in a lexicographic range (equal scores assumed).
// Redis counterpart: zrangebylexCommand (t_zset.c), through zrangeGenericCommand.
import { defineCommand } from '../../spec/define.js';
import { zrangeGeneric } from './zrange-generic.js';

export default defineCommand('zrangebylex', (ctx, argv) => zrangeGeneric(ctx, argv, 1, null, 'lex', 'forward'));
