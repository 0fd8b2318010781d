// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] - adds members or updates their
// scores; answers the number added (or changed, with CH), or the new score with INCR.
// Redis counterpart: zaddCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zaddGeneric } from './zadd-generic.js';

export default defineCommand('zadd', (ctx, argv) => zaddGeneric(ctx, argv, false));
