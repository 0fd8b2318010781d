// CLIENT LIST [TYPE type] [ID id ...] - Redis counterpart: clientCommand "list" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';

const TYPES = ['normal', 'master', 'replica', 'slave', 'pubsub'];

export default defineCommand('client|list', (ctx, argv) => {
  const filter: { type?: string; ids?: number[] } = {};
  if (argv.length === 4 && argv[2].toLowerCase() === 'type') {
    const t = argv[3].toLowerCase();
    if (!TYPES.includes(t)) return errorReply(`ERR Unknown client type '${argv[3]}'`);
    filter.type = t === 'slave' ? 'replica' : t;
  } else if (argv.length > 3 && argv[2].toLowerCase() === 'id') {
    filter.ids = [];
    for (let j = 3; j < argv.length; j++) {
      const id = parseI64(argv[j]);
      if (id === null || id <= 0n) return errorReply('ERR Invalid client ID');
      filter.ids.push(Number(id));
    }
  } else if (argv.length !== 2) {
    return ERR_SYNTAX;
  }
  return new VerbatimReply('txt', ctx.server.clientList(filter));
});
