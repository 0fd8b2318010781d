// DEL key [key ...] - Redis counterpart: delCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { delGeneric } from './del-generic.js';

export default defineCommand('del', (ctx, argv) => delGeneric(ctx, argv));
