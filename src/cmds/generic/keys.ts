// KEYS pattern - every live key matching a glob pattern. Expired keys are skipped but not deleted,
// so KEYS never propagates deletions. Redis counterpart: keysCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { stringMatch, matchesEverything } from '../../util/glob.js';

export default defineCommand('keys', (ctx, argv) => {
  const pattern = argv[1];
  const all = matchesEverything(pattern);
  const db = ctx.db;
  const expires = db.expires;
  const now = ctx.now;
  const out: string[] = [];
  for (const key of db.dict.keys()) {
    if (!all && !stringMatch(pattern, key)) continue;
    if (expires.size !== 0) {
      const when = expires.get(key);
      if (when !== undefined && when <= now) continue;
    }
    out.push(key);
  }
  return out;
});
