// ZINCRBY key increment member - adds to a member's score (creating it at the increment) and answers the
// new score. Redis counterpart: zincrbyCommand (t_zset.c), which is ZADD INCR.
import { defineCommand } from '../../spec/define.js';
import { zaddGeneric } from './zadd-generic.js';

export default defineCommand('zincrby', (ctx, argv) => zaddGeneric(ctx, argv, true));
