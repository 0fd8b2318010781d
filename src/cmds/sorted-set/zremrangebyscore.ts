// ZREMRANGEBYSCORE key min max - removes the members in a score range and answers how many went.
// Redis counterpart: zremrangebyscoreCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zremrangeGeneric } from './zremrange-generic.js';

export default defineCommand('zremrangebyscore', (ctx, argv) => zremrangeGeneric(ctx, argv, 'score'));
