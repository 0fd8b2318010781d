// SINTERSTORE destination key [key ...] - stores the intersection, replacing any type at destination
// (deleting it when the result is empty); answers the result's size. Redis counterpart: sinterstoreCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { sinterGeneric } from './set-ops.js';

export default defineCommand('sinterstore', (ctx, argv) => sinterGeneric(ctx, argv.slice(2), argv[1]));
