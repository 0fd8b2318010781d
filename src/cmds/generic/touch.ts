// TOUCH key [key ...] - marks keys as just accessed and counts the ones that exist; it does so even
// for a CLIENT NO-TOUCH connection. Redis counterpart: touchCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { lookupReadNoTouch, noteAccess } from './key-access.js';

export default defineCommand('touch', (ctx, argv) => {
  let touched = 0;
  for (let j = 1; j < argv.length; j++) {
    if (lookupReadNoTouch(ctx, argv[j]) === undefined) continue;
    noteAccess(ctx, ctx.db, argv[j], true);
    touched++;
  }
  return touched;
});
