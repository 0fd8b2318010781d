// CONFIG SET parameter value [parameter value ...] - all or nothing: every value is validated and
// applied, and on any failure the ones already applied are restored. Counterpart: configSetCommand.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errArity, errorReply } from '../../protocol/errors.js';

interface ConfigInternals {
  directive(name: string): { name: string; immutable?: boolean; protected?: boolean } | undefined;
  get(name: string): string | undefined;
  set(name: string, value: string): string | null;
  setRaw(name: string, value: string): void;
  /** Several at once, each change listener run once (src/server/config.ts). */
  setMany?(pairs: Array<[string, string]>): [string, string] | null;
}

export default defineCommand('config|set', (ctx, argv) => {
  if ((argv.length - 2) % 2 !== 0) return errArity('config|set');
  const cfg = ctx.server.config as unknown as ConfigInternals;
  const protectedOk = ctx.server.config.get('enable-protected-configs') === 'yes';
  const seen = new Set<string>();
  const failed = (arg: string, why: string) => errorReply(`ERR CONFIG SET failed (possibly related to argument '${arg}') - ${why}`);
  for (let j = 2; j < argv.length; j += 2) {
    const d = cfg.directive(argv[j]);
    if (!d) return errorReply(`ERR Unknown option or number of arguments for CONFIG SET - '${argv[j]}'`);
    if (d.immutable) return failed(argv[j], "can't set immutable config");
    if (d.protected && !protectedOk) return failed(argv[j], "can't set protected config");
    if (seen.has(d.name)) return failed(argv[j], 'duplicate parameter');
    seen.add(d.name);
  }
  if (cfg.setMany !== undefined) {
    const pairs: Array<[string, string]> = [];
    for (let j = 2; j < argv.length; j += 2) pairs.push([argv[j], argv[j + 1]]);
    const err = cfg.setMany(pairs);
    return err === null ? OK : failed(err[0], err[1]);
  }
  const applied: Array<[string, string]> = [];
  for (let j = 2; j < argv.length; j += 2) {
    const name = cfg.directive(argv[j])!.name;
    const old = cfg.get(name)!;
    const err = cfg.set(name, argv[j + 1]);
    if (err !== null) {
      for (const [n, v] of applied.reverse()) cfg.set(n, v) ?? cfg.setRaw(n, v);
      return failed(argv[j], err);
    }
    applied.push([name, old]);
  }
  return OK;
});
