// DBSIZE - keys in the selected database, counting expired keys not yet reclaimed (as Redis does).
// Redis counterpart: dbsizeCommand (db.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('dbsize', (ctx) => ctx.db.size);
