// HELLO [protover [AUTH username password] [SETNAME clientname]] - negotiates RESP2/RESP3 and
// returns the server's identity; AUTH authenticates as an ACL user. Counterpart: helloCommand (networking.c).
import { defineCommand } from '../../spec/define.js';
import { MapReply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { ERR_WRONGPASS } from './auth.js';
import { validClientName, ERR_BAD_CLIENT_NAME } from './client-setname.js';

const ERR_PROTOVER = errorReply('ERR Protocol version is not an integer or out of range');
const ERR_NOPROTO = errorReply('NOPROTO unsupported protocol version');

export default defineCommand('hello', (ctx, argv) => {
  let ver = 0;
  let next = 1;
  if (argv.length >= 2) {
    const v = parseI64(argv[1]);
    if (v === null) return ERR_PROTOVER;
    if (v < 2n || v > 3n) return ERR_NOPROTO;
    ver = Number(v);
    next = 2;
  }
  let user: string | null = null;
  let pass: string | null = null;
  let setname: string | null = null;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - j - 1;
    const opt = argv[j].toLowerCase();
    if (opt === 'auth' && more >= 2) {
      user = argv[j + 1];
      pass = argv[j + 2];
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      setname = argv[j + 1];
      j += 1;
    } else {
      return errorReply(`ERR Syntax error in HELLO option '${argv[j]}'`);
    }
  }
  if (user !== null && pass !== null && !ctx.server.acl.authenticate(ctx.client, user, pass, argv[0])) {
    return ERR_WRONGPASS;
  }
  if (!ctx.client.authenticated) {
    return errorReply('NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time');
  }
  if (setname !== null) {
    if (!validClientName(setname)) return ERR_BAD_CLIENT_NAME;
    ctx.client.name = setname;
  }
  if (ver) ctx.client.resp = ver as 2 | 3;
  return new MapReply([
    'server', 'redis',
    'version', ctx.server.version,
    'proto', ctx.client.resp,
    'id', ctx.client.id,
    'mode', ctx.server.config.getBool('cluster-enabled') ? 'cluster' : 'standalone',
    'role', 'master',
    'modules', [],
  ]);
});
