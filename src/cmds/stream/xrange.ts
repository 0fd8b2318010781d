// XRANGE key start end [COUNT count] - entries with IDs in [start, end], oldest first.
import { defineCommand } from '../../spec/define.js';
import { xrangeGeneric } from './range-generic.js';

export default defineCommand('xrange', (ctx, argv) => xrangeGeneric(ctx, argv, false));
