// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] - stores the
// inter in destination (deleting it when empty) and answers its size. Redis counterpart: zinterstoreCommand.
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zinterstore', (ctx, argv) => zsetOpGeneric(ctx, argv, 2, argv[1], 'inter'));
