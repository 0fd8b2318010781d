// EXISTS key [key ...] - counts every argument that names a live key, repeats included.
// Redis counterpart: existsCommand (db.c); the lookup does not change the key's access time.
import { defineCommand } from '../../spec/define.js';
import { lookupReadNoTouch } from './key-access.js';

export default defineCommand('exists', (ctx, argv) => {
  let count = 0;
  for (let j = 1; j < argv.length; j++) if (lookupReadNoTouch(ctx, argv[j]) !== undefined) count++;
  return count;
});
