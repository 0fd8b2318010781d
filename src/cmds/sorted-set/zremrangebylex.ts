// ZREMRANGEBYLEX key min max - removes the members in a lex range and answers how many went.
// Redis counterpart: zremrangebylexCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zremrangeGeneric } from './zremrange-generic.js';

export default defineCommand('zremrangebylex', (ctx, argv) => zremrangeGeneric(ctx, argv, 'lex'));
