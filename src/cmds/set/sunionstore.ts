// SUNIONSTORE destination key [key ...] - stores the union, replacing any type at destination
// (deleting it when the result is empty). Redis counterpart: sunionstoreCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { sunionDiffGeneric } from './set-ops.js';

export default defineCommand('sunionstore', (ctx, argv) => sunionDiffGeneric(ctx, argv.slice(2), argv[1], 'union'));
