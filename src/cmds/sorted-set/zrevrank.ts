// ZREVRANK key member [WITHSCORE] - a member's position in descending order. Redis counterpart: zrevrankCommand.
import { defineCommand } from '../../spec/define.js';
import { zrankGeneric } from './zrank-generic.js';

export default defineCommand('zrevrank', (ctx, argv) => zrankGeneric(ctx, argv, true));
