// ZPOPMIN key [count] - removes and returns the members with the lowest scores.
// Redis counterpart: zpopminCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zpopMinMax } from './zpop-min-max.js';

export default defineCommand('zpopmin', (ctx, argv) => zpopMinMax(ctx, argv, 'min'));
