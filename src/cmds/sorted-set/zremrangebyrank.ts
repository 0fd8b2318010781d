// ZREMRANGEBYRANK key start stop - removes the members in a rank range and answers how many went.
// Redis counterpart: zremrangebyrankCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zremrangeGeneric } from './zremrange-generic.js';

export default defineCommand('zremrangebyrank', (ctx, argv) => zremrangeGeneric(ctx, argv, 'rank'));
