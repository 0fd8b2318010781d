// SINTER key [key ...] - the members common to every set (a missing key is an empty set), as a RESP3
// set. Redis counterpart: sinterCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { sinterGeneric } from './set-ops.js';

export default defineCommand('sinter', (ctx, argv) => sinterGeneric(ctx, argv.slice(1), null));
