// CLIENT KILL addr:port | CLIENT KILL [ID id] [TYPE t] [USER u] [ADDR a] [LADDR a] [SKIPME yes|no]
// [MAXAGE secs]. Counterpart: clientKillCommand (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import type { ClientKillFilter } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';

const ERR_NO_SUCH_CLIENT = errorReply('ERR No such client');
const ERR_BAD_ID = errorReply('ERR client-id should be greater than 0');
const TYPES = ['normal', 'master', 'replica', 'slave', 'pubsub'];

export default defineCommand('client|kill', (ctx, argv) => {
  if (argv.length === 3) {
    const n = ctx.server.clientKill({ addr: argv[2], skipme: false }, ctx.client);
    return n > 0 ? OK : ERR_NO_SUCH_CLIENT;
  }
  if ((argv.length - 2) % 2 !== 0) return ERR_SYNTAX;
  const f: ClientKillFilter = { skipme: true };
  for (let j = 2; j < argv.length; j += 2) {
    const opt = argv[j].toLowerCase();
    const val = argv[j + 1];
    if (opt === 'id') {
      const id = parseI64(val);
      if (id === null || id <= 0n) return ERR_BAD_ID;
      f.id = Number(id);
    } else if (opt === 'type') {
      const t = val.toLowerCase();
      if (!TYPES.includes(t)) return errorReply(`ERR Unknown client type '${val}'`);
      f.type = t === 'slave' ? 'replica' : t;
    } else if (opt === 'addr') {
      f.addr = val;
    } else if (opt === 'laddr') {
      f.laddr = val;
    } else if (opt === 'user') {
      if (!ctx.server.acl.userNames().includes(val)) return errorReply(`ERR No such user '${val}'`);
      f.user = val;
    } else if (opt === 'skipme') {
      const v = val.toLowerCase();
      if (v === 'yes') f.skipme = true;
      else if (v === 'no') f.skipme = false;
      else return ERR_SYNTAX;
    } else if (opt === 'maxage') {
      const a = parseI64(val);
      if (a === null) return ERR_SYNTAX;
      f.maxage = Number(a);
    } else {
      return ERR_SYNTAX;
    }
  }
  return ctx.server.clientKill(f, ctx.client);
});
