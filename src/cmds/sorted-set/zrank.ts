// ZRANK key member [WITHSCORE] - a member's position in ascending order. Redis counterpart: zrankCommand.
import { defineCommand } from '../../spec/define.js';
import { zrankGeneric } from './zrank-generic.js';

export default defineCommand('zrank', (ctx, argv) => zrankGeneric(ctx, argv, false));
