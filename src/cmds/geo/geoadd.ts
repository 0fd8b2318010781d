// GEOADD key [NX|XX] [CH] longitude latitude member [...] - adds or moves members of a geo index. Like
// Redis, the command is rewritten into a ZADD whose scores are the members' 52-bit geohashes, and that
// ZADD is what runs, fires "zadd" and is propagated. Counterpart: geoaddCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { geoScoreText } from '../../datatypes/geohash.js';
import { optionName } from '../generic/args.js';
import { zaddGeneric } from '../sorted-set/zadd-generic.js';
import { readLongLat } from './errors.js';

export default defineCommand('geoadd', (ctx, argv) => {
  let xx = false;
  let nx = false;
  let longIdx = 2;
  while (longIdx < argv.length) {
    const opt = optionName(argv[longIdx]);
    if (opt === 'nx') nx = true;
    else if (opt === 'xx') xx = true;
    else if (opt !== 'ch') break;
    longIdx++;
  }
  if ((argv.length - longIdx) % 3 !== 0 || (xx && nx)) return ERR_SYNTAX;

  const elements = (argv.length - longIdx) / 3;
  const zargv: string[] = ['zadd'];
  for (let i = 1; i < longIdx; i++) zargv.push(argv[i]);
  for (let i = 0; i < elements; i++) {
    const at = longIdx + i * 3;
    const ll = readLongLat(argv[at], argv[at + 1]);
    if (ll instanceof ErrorReply) return ll;
    zargv.push(geoScoreText(ll[0], ll[1]) as string, argv[at + 2]);
  }
  ctx.propagateAs(zargv);
  return zaddGeneric(ctx, zargv, false);
});
