// ACL GENPASS [bits] - a random password of `bits` bits (256 by default) as hex digits.
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { errSubcommandSyntax } from './syntax.js';

const MAX_BITS = 4096;
const ERR_BITS = errorReply(`ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to ${MAX_BITS}`);

export default defineCommand('acl|genpass', (ctx, argv) => {
  if (argv.length > 3) return errSubcommandSyntax(argv);
  let bits = 256;
  if (argv.length === 3) {
    const n = parseI64(argv[2]);
    if (n === null) return ERR_NOT_INTEGER;
    if (n <= 0n || n > BigInt(MAX_BITS)) return ERR_BITS;
    bits = Number(n);
  }
  return ctx.server.acl.genpass(bits);
});
