// PFDEBUG GETREG|DECODE|ENCODING|TODENSE key - Redis counterpart: pfdebugCommand (hyperloglog.c).
// The key is looked up and checked before the subcommand name, so a missing key wins over an unknown
// subcommand. Converting to dense counts as a change so the conversion propagates.
import { defineCommand } from '../../spec/define.js';
import { Status, type MutableString, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import {
  HLL_HDR_SIZE,
  HLL_REGISTERS,
  HLL_SPARSE,
  decodeSparse,
  denseGet,
  sparseToDense,
} from '../../datatypes/hyperloglog.js';
import { checkHLL, ERR_INVALID_HLL, unshareHLL } from './hll-access.js';

const ERR_NO_KEY = errorReply('ERR The specified key does not exist');
const ERR_NOT_SPARSE = errorReply('ERR HLL encoding is not sparse');
const DENSE = new Status('dense');
const SPARSE = new Status('sparse');

export default defineCommand('pfdebug', (ctx, argv) => {
  const sub = argv[1];
  const key = argv[2];
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) return ERR_NO_KEY;
  const err = checkHLL(v);
  if (err) return err;
  const m = unshareHLL(ctx, key, v as string | MutableString);
  const name = sub.toLowerCase();
  if (name === 'getreg') {
    if (m.buf[4] === HLL_SPARSE) {
      if (!sparseToDense(m)) return ERR_INVALID_HLL;
      ctx.addDirty(1);
    }
    const regs: Reply[] = new Array<Reply>(HLL_REGISTERS);
    for (let r = 0; r < HLL_REGISTERS; r++) regs[r] = denseGet(m.buf, HLL_HDR_SIZE, r);
    return regs;
  }
  if (name === 'decode') {
    if (m.buf[4] !== HLL_SPARSE) return ERR_NOT_SPARSE;
    return decodeSparse(m.view());
  }
  if (name === 'encoding') return m.buf[4] === HLL_SPARSE ? SPARSE : DENSE;
  if (name === 'todense') {
    if (m.buf[4] !== HLL_SPARSE) return 0;
    if (!sparseToDense(m)) return ERR_INVALID_HLL;
    ctx.addDirty(1);
    return 1;
  }
  return errorReply(`ERR Unknown PFDEBUG subcommand '${sub}'`);
});
