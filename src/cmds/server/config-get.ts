// CONFIG GET pattern [pattern ...] - every directive (by canonical name or alias) matching a glob.
// Counterpart: configGetCommand (config.c).
import { defineCommand } from '../../spec/define.js';
import { MapReply } from '../../protocol/reply.js';
import { stringMatch as globMatch } from '../../util/glob.js';

const GLOB_CHARS = /[*?[\\]/;

export default defineCommand('config|get', (ctx, argv) => {
  const cfg = ctx.server.config as unknown as { allNames(): string[]; get(n: string): string | undefined };
  const seen = new Set<string>();
  const flat: string[] = [];
  for (let j = 2; j < argv.length; j++) {
    const pat = argv[j].toLowerCase();
    if (!GLOB_CHARS.test(pat)) {
      const v = cfg.get(pat);
      if (v !== undefined && !seen.has(pat)) {
        seen.add(pat);
        flat.push(pat, v);
      }
      continue;
    }
    for (const name of cfg.allNames()) {
      if (seen.has(name) || !globMatch(pat, name, true)) continue;
      seen.add(name);
      flat.push(name, cfg.get(name)!);
    }
  }
  return new MapReply(flat);
});
