// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] - stores the
// union in destination (deleting it when empty) and answers its size. Redis counterpart: zunionstoreCommand.
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zunionstore', (ctx, argv) => zsetOpGeneric(ctx, argv, 2, argv[1], 'union'));
