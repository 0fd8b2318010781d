// MEMORY USAGE key [SAMPLES count] - estimated bytes of the key and its value in this process's heap
// (see src/keyspace/memory.ts for the model); aggregates are sampled (default 5, 0 = every element).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { usageBytes } from '../../keyspace/memory.js';

export default defineCommand('memory|usage', (ctx, argv) => {
  let samples = 5;
  for (let i = 3; i < argv.length; i++) {
    if (argv[i].toLowerCase() === 'samples' && i + 1 < argv.length) {
      const t = argv[++i];
      if (!/^-?\d+$/.test(t) || t.length > 20) return ERR_NOT_INTEGER;
      samples = Number(t);
      if (samples < 0) return ERR_NOT_INTEGER;
    } else return ERR_SYNTAX;
  }
  const key = argv[2];
  const v = ctx.db.lookupReadNoTouch(key, ctx.now);
  if (v === undefined) return null;
  return usageBytes(key, v, ctx.db.getExpire(key) !== -1, samples);
});
