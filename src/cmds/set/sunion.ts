// SUNION key [key ...] - every member of any of the sets, as a RESP3 set.
// Redis counterpart: sunionCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { sunionDiffGeneric } from './set-ops.js';

export default defineCommand('sunion', (ctx, argv) => sunionDiffGeneric(ctx, argv.slice(1), null, 'union'));
