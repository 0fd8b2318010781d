// RENAMENX key newkey - Redis counterpart: renamenxCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { renameGeneric } from './rename-generic.js';

export default defineCommand('renamenx', (ctx, argv) => renameGeneric(ctx, argv[1], argv[2], true));
