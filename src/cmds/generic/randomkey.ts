// RANDOMKEY - a uniformly chosen live key, nil when the database is empty.
// Redis counterpart: randomkeyCommand / dbRandomKey (db.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('randomkey', (ctx) => ctx.db.randomKey(ctx.now));
