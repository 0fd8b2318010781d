// UNLINK key [key ...] - Redis counterpart: unlinkCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { delGeneric } from './del-generic.js';

export default defineCommand('unlink', (ctx, argv) => delGeneric(ctx, argv));
