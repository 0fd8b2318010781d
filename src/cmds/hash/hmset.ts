// HMSET key field value [field value ...] - HSET replying OK (deprecated since Redis 4).
// Redis counterpart: hsetCommand (t_hash.c), which tells the two apart by name.
import { defineCommand } from '../../spec/define.js';
import { hsetGeneric } from './hset.js';

export default defineCommand('hmset', (ctx, argv) => hsetGeneric(ctx, argv, 'hmset', true));
