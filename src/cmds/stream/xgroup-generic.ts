// What every XGROUP subcommand with a key shares: the CREATE/SETID options (MKSTREAM, ENTRIESREAD),
// then the key and group checks in Redis's order. Counterpart: the head of xgroupCommand (t_stream.c).
import { ErrorReply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { INVALID_ENTRIES_READ, type StreamGroup, type StreamValue } from '../../datatypes/stream.js';
import { errSubcommandSyntax, lookupStreamWrite, parseLongLong, cstr } from './stream-access.js';

const ERR_NO_KEY = errorReply(
  'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
);
const ERR_ENTRIES_READ = errorReply('ERR value for ENTRIESREAD must be positive or -1');

export interface XGroupTarget {
  /** Undefined only for CREATE ... MKSTREAM on a missing key. */
  s: StreamValue | undefined;
  group: StreamGroup | undefined;
  mkstream: boolean;
  entriesRead: number;
}

export function xgroupTarget(ctx: CommandContext, argv: string[], needGroup: boolean): XGroupTarget | ErrorReply {
  const sub = argv[1].toLowerCase();
  const create = sub === 'create';
  const setid = sub === 'setid';
  let mkstream = false;
  let entriesRead = INVALID_ENTRIES_READ;
  for (let i = 5; i < argv.length; ) {
    const opt = argv[i].toLowerCase();
    if (create && opt === 'mkstream') {
      mkstream = true;
      i++;
    } else if ((create || setid) && opt === 'entriesread' && i + 1 < argv.length) {
      const n = parseLongLong(argv[i + 1]);
      if (n instanceof ErrorReply) return n;
      if (n < 0 && n !== INVALID_ENTRIES_READ) return ERR_ENTRIES_READ;
      entriesRead = n;
      i += 2;
    } else {
      return errSubcommandSyntax(argv[1], 'XGROUP');
    }
  }
  const s = lookupStreamWrite(ctx, argv[2]);
  if (s instanceof ErrorReply) return s;
  let group: StreamGroup | undefined;
  if (!mkstream) {
    if (s === undefined) return ERR_NO_KEY;
    group = s.group(argv[3]);
    if (group === undefined && needGroup) {
      return errorReply(`NOGROUP No such consumer group '${cstr(argv[3])}' for key name '${cstr(argv[2])}'`);
    }
  } else {
    group = s?.group(argv[3]);
  }
  return { s, group, mkstream, entriesRead };
}
