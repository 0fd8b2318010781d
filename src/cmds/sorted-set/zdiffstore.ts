// ZDIFFSTORE destination numkeys key [key ...] - stores the
// diff in destination (deleting it when empty) and answers its size. Redis counterpart: zdiffstoreCommand.
import { defineCommand } from '../../spec/define.js';
import { zsetOpGeneric } from './zset-ops.js';

export default defineCommand('zdiffstore', (ctx, argv) => zsetOpGeneric(ctx, argv, 2, argv[1], 'diff'));
