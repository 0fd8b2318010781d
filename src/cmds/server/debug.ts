// DEBUG <subcommand> - the subset operators and test suites use: SLEEP, SET-ACTIVE-EXPIRE, OBJECT,
// POPULATE, DIGEST, DIGEST-VALUE, LOG, PROTOCOL, STRINGMATCH-LEN, CHANGE-REPL-ID, JMAP, HELP. Gated by enable-debug-command as in
// Redis ("local" allows loopback and unix-socket clients; the server decides that before dispatch).
// Counterpart: debugCommand (debug.c).
import { defineCommand } from '../../spec/define.js';
import type { CommandContext } from '../../spec/context.js';
import {
  BigNumberReply, BoolReply, DoubleReply, ErrorReply, MapReply, NullArray, OK, PushReply, SetReply, Status, VerbatimReply, type Reply,
} from '../../protocol/reply.js';
import { ERR_NO_SUCH_KEY, ERR_POSITIVE, errorReply } from '../../protocol/errors.js';
import { parseDouble, parseI64 } from '../../util/number.js';
import { isStringValue, stringEncoding, type TypedValue } from '../../keyspace/value.js';
import { stringMatch as globMatch } from '../../util/glob.js';
import { datasetDigest, valueDigest } from '../../persistence/digest.js';
import { serializedLength as rdbSerializedLength } from '../../persistence/rdb/value-writer.js';

const unknownSub = (name: string) => errorReply(`ERR unknown subcommand or wrong number of arguments for '${name}'. Try DEBUG HELP.`);

const PROTOCOL_TYPES = 'string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false';

function protocolReply(kind: string): Reply | null {
  switch (kind) {
    case 'string': return 'Hello World';
    case 'integer': return 12345;
    case 'double': return new DoubleReply(3.141);
    case 'bignum': return new BigNumberReply('1234567999999999999999999999999999999');
    case 'null': return null;
    case 'array': return [0, 1, 2];
    case 'set': return new SetReply([0, 1, 2]);
    case 'map': return new MapReply([0, new BoolReply(false), 1, new BoolReply(true), 2, new BoolReply(false)]);
    case 'attrib': return 'Some real reply following the attribute';
    case 'push': return new PushReply(['server-cpu-usage', 42]);
    case 'verbatim': return new VerbatimReply('txt', 'This is a verbatim\nstring');
    case 'true': return new BoolReply(true);
    case 'false': return new BoolReply(false);
    default: return null;
  }
}

const HELP = [
  'DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANGE-REPL-ID',
  '    Give the server a new replication id.',
  'DIGEST',
  '    Output a hex signature representing the current DB content.',
  'DIGEST-VALUE <key> [<key> ...]',
  '    Output a hex signature of the values of all the specified keys.',
  'JMAP',
  '    Report heap usage of the server process in the log.',
  'LOG <message>',
  '    Write <message> to the server log.',
  'OBJECT <key>',
  '    Describe the internal representation of the value at <key>.',
  'POPULATE <count> [<prefix>] [<size>]',
  '    Add <count> string keys <prefix>:<n> (prefix "key" by default) holding value:<n>, cut or padded',
  '    with zero bytes to <size> when given. Existing keys stay; nothing is propagated.',
  'PROTOCOL <type>',
  `    Reply with a sample of a protocol type: ${PROTOCOL_TYPES}.`,
  'RELOAD [MERGE] [NOFLUSH] [NOSAVE]',
  '    Save the dataset to the RDB file, empty it and load the file back. NOSAVE loads the existing file,',
  '    NOFLUSH keeps the current keys (a key in both fails the load unless MERGE, which replaces it).',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Turn the active expire cycle off or on.',
  'SLEEP <seconds>',
  '    Stop the server for <seconds> (may be fractional).',
  'STRINGMATCH-LEN <pattern> <string>',
  '    Match <string> against the glob <pattern>, reply 1 or 0.',
  'GC',
  '    Run a full garbage collection (Cinnabar only), so INFO memory shows live bytes.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('debug', (ctx, argv) => {
  const sub = argv[1].toLowerCase();
  const n = argv.length;
  if (sub === 'help' && n === 2) return HELP;
  if (sub === 'sleep' && n === 3) {
    const secs = parseDouble(argv[2]) ?? 0;
    ctx.server.debug.sleep(secs * 1000);
    return OK;
  }
  if (sub === 'set-active-expire' && n === 3) {
    ctx.server.debug.setActiveExpire(argv[2] !== '0');
    return OK;
  }
  if (sub === 'log' && n === 3) {
    ctx.server.debug.log(`DEBUG LOG: ${argv[2]}`);
    return OK;
  }
  if (sub === 'change-repl-id' && n === 2) {
    ctx.server.debug.changeReplId();
    return OK;
  }
  if (sub === 'gc' && n === 2) {
    ctx.server.debug.gc();
    return OK;
  }
  if (sub === 'jmap' && n === 2) {
    const m = process.memoryUsage();
    ctx.server.debug.log(`heap used ${m.heapUsed} of ${m.heapTotal}, rss ${m.rss}`);
    return OK;
  }
  if (sub === 'object' && n === 3) {
    const v = ctx.db.lookup(argv[2], ctx.now);
    if (v === undefined) return ERR_NO_SUCH_KEY;
    const enc = isStringValue(v) ? stringEncoding(v) : (v as TypedValue).encoding();
    const config = ctx.server.config;
    const len = rdbSerializedLength(v, {
      version: 10, compression: config.getBool('rdbcompression'), listFill: config.getNumber('list-max-listpack-size'),
    });
    const refcount = enc === 'int' && typeof v === 'string' && Number(v) >= 0 && Number(v) < 10000 ? 2147483647 : 1;
    const lru = Math.floor(Date.now() / 1000) & 0xffffff;
    return new Status(`Value at:0x0 refcount:${refcount} encoding:${enc} serializedlength:${len} lru:${lru} lru_seconds_idle:0`);
  }
  if (sub === 'populate' && n >= 3 && n <= 5) return populate(ctx, argv);
  if (sub === 'reload') {
    const opts = { save: true, flush: true, merge: false };
    for (let i = 2; i < n; i++) {
      const o = argv[i].toLowerCase();
      if (o === 'merge') opts.merge = true;
      else if (o === 'noflush') opts.flush = false;
      else if (o === 'nosave') opts.save = false;
      else return errorReply('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
    }
    const err = ctx.server.debug.reload(opts);
    return err === null ? OK : errorReply(err);
  }
  if (sub === 'digest' && n === 2) {
    const dbs = [];
    for (let i = 0; i < ctx.server.dbCount; i++) dbs.push(ctx.server.getDb(i));
    return new Status(datasetDigest(dbs).toString('hex'));
  }
  if (sub === 'digest-value' && n >= 2) {
    const out: Reply[] = [];
    for (let j = 2; j < n; j++) {
      // A debug command sees logically expired keys too: no lookup, straight from the dict.
      const v = ctx.db.dict.get(argv[j]);
      out.push(new Status(valueDigest(v, v !== undefined && ctx.db.expires.has(argv[j])).toString('hex')));
    }
    return out;
  }
  if (sub === 'protocol' && n === 3) {
    const kind = argv[2].toLowerCase();
    if (!PROTOCOL_TYPES.split('|').includes(kind)) {
      return errorReply(`ERR Wrong protocol type name. Please use one of the following: ${PROTOCOL_TYPES}`);
    }
    if (kind === 'null' && ctx.resp === 2) return NullArray.instance;
    return protocolReply(kind);
  }
  if (sub === 'stringmatch-len' && n === 4) {
    return globMatch(argv[2], argv[3], false) ? 1 : 0;
  }
  if (sub === 'quicklist-packed-threshold' && n === 3) {
    return parseI64(argv[2]) === null ? errorReply('ERR argument must be a memory value bigger than 1 and smaller than 4gb') : OK;
  }
  return unknownSub(argv[1]);
});

/** A non-negative integer argument; Redis's getPositiveLongFromObjectOrReply answers one error for any other. */
function positiveLong(s: string): number | ErrorReply {
  const v = parseI64(s);
  if (v === null || v < 0n) return ERR_POSITIVE;
  return Number(v);
}

/**
 * DEBUG POPULATE count [prefix] [size]: string keys prefix:0 .. prefix:count-1 holding value:<n>
 * (cut or padded with NUL bytes to size when given); existing keys are left alone. Not propagated.
 */
function populate(ctx: CommandContext, argv: string[]): Reply {
  const count = positiveLong(argv[2]);
  if (count instanceof ErrorReply) return count;
  let size = 0;
  if (argv.length === 5) {
    const v = positiveLong(argv[4]);
    if (v instanceof ErrorReply) return v;
    size = v;
  }
  const prefix = argv.length >= 4 ? argv[3] : 'key';
  const db = ctx.db;
  for (let j = 0; j < count; j++) {
    // Redis formats the name into a 128-byte buffer: longer names are cut to 127 bytes.
    let key = `${prefix}:${j}`;
    if (key.length > 127) key = key.slice(0, 127);
    if (db.lookupWrite(key, ctx.now) !== undefined) continue;
    let value = `value:${j}`;
    if (size > 0) value = value.length >= size ? value.slice(0, size) : value.padEnd(size, '\0');
    db.add(key, value);
    ctx.signalModifiedKey(db, key);
  }
  return OK;
}
