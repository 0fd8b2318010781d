// RENAME key newkey - Redis counterpart: renameCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { renameGeneric } from './rename-generic.js';

export default defineCommand('rename', (ctx, argv) => renameGeneric(ctx, argv[1], argv[2], false));
