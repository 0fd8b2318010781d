// XREVRANGE key end start [COUNT count] - entries with IDs in [start, end], newest first.
import { defineCommand } from '../../spec/define.js';
import { xrangeGeneric } from './range-generic.js';

export default defineCommand('xrevrange', (ctx, argv) => xrangeGeneric(ctx, argv, true));
