// SDIFF key [key ...] - the members of the first set found in none of the others, as a RESP3 set.
// Redis counterpart: sdiffCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { sunionDiffGeneric } from './set-ops.js';

export default defineCommand('sdiff', (ctx, argv) => sunionDiffGeneric(ctx, argv.slice(1), null, 'diff'));
