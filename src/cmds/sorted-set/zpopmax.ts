// ZPOPMAX key [count] - removes and returns the members with the highest scores.
// Redis counterpart: zpopmaxCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { zpopMinMax } from './zpop-min-max.js';

export default defineCommand('zpopmax', (ctx, argv) => zpopMinMax(ctx, argv, 'max'));
