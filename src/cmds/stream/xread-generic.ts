// XREAD and XREADGROUP: argument parsing, serving what is available now, and blocking. A blocked call
// is retried as Redis 7.2 re-executes it when one of its keys changes: XREAD waits while no stream
// has anything after its ID; XREADGROUP also ends with an error when the key, the group or the type
// changed under it. "$" is resolved to the stream's last ID when the call first runs.
// Counterpart: xreadCommand (t_stream.c) and handleClientsBlockedOnKey (blocked.c).
import { ErrorReply, MapReply, NullArray, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import type { BlockRequest, ExecuteResult } from '../../spec/types.js';
import { StreamValue, type StreamConsumer, type StreamGroup } from '../../datatypes/stream.js';
import { MAX_ID, MIN_ID, formatId, incrId, parseIdText, type StreamId } from '../../datatypes/stream-id.js';
import { parseI64 } from '../../util/number.js';
import { ERR_INVALID_ID, Propagation, parseLongLong, cstr } from './stream-access.js';
import { serveGroup, serveHistory } from './group-delivery.js';

const ERR_TIMEOUT_INT = errorReply('ERR timeout is not an integer or out of range');
const ERR_TIMEOUT_NEG = errorReply('ERR timeout is negative');
const ERR_TIMEOUT_RANGE = errorReply('ERR timeout is out of range');
const ERR_GROUP_IN_XREAD = errorReply('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
const ERR_NOACK_IN_XREAD = errorReply('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
const ERR_MISSING_GROUP = errorReply('ERR Missing GROUP option for XREADGROUP');
const ERR_DOLLAR_IN_GROUP = errorReply(
  'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
);
const ERR_GT_IN_XREAD = errorReply('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
const LLONG_MAX = 9223372036854775807n;

interface ReadArgs {
  group: string | null;
  consumer: string;
  noack: boolean;
  count: number;
  /** Absolute unix ms, 0 = forever, -1 = no BLOCK. */
  timeoutAt: number;
  keys: string[];
  /** Raw ID arguments ("$" replaced once resolved). */
  idArgs: string[];
}

function parseBlockTimeout(ctx: CommandContext, arg: string): number | ErrorReply {
  const v = parseI64(arg);
  if (v === null) return ERR_TIMEOUT_INT;
  if (v < 0n) return ERR_TIMEOUT_NEG;
  if (v === 0n) return 0;
  if (v > LLONG_MAX - BigInt(ctx.now)) return ERR_TIMEOUT_RANGE;
  return ctx.now + Number(v);
}

function parseArgs(ctx: CommandContext, argv: string[], xreadgroup: boolean): ReadArgs | ErrorReply {
  const r: ReadArgs = { group: null, consumer: '', noack: false, count: 0, timeoutAt: -1, keys: [], idArgs: [] };
  const argc = argv.length;
  let streamsArg = 0;
  for (let i = 1; i < argc; i++) {
    const more = argc - i - 1;
    const o = argv[i].length <= 7 ? argv[i].toLowerCase() : '';
    if (o === 'block' && more) {
      i++;
      const t = parseBlockTimeout(ctx, argv[i]);
      if (t instanceof ErrorReply) return t;
      r.timeoutAt = t;
    } else if (o === 'count' && more) {
      i++;
      const n = parseLongLong(argv[i], ERR_NOT_INTEGER);
      if (n instanceof ErrorReply) return n;
      r.count = n < 0 ? 0 : n;
    } else if (o === 'streams' && more) {
      streamsArg = i + 1;
      const n = argc - streamsArg;
      if (n % 2 !== 0) {
        const name = xreadgroup ? 'xreadgroup' : 'xread';
        const symbol = xreadgroup ? '>' : '$';
        return errorReply(`ERR Unbalanced '${name}' list of streams: for each stream key an ID or '${symbol}' must be specified.`);
      }
      r.keys = argv.slice(streamsArg, streamsArg + n / 2);
      r.idArgs = argv.slice(streamsArg + n / 2);
      break;
    } else if (o === 'group' && more >= 2) {
      if (!xreadgroup) return ERR_GROUP_IN_XREAD;
      r.group = argv[i + 1];
      r.consumer = argv[i + 2];
      i += 2;
    } else if (o === 'noack') {
      if (!xreadgroup) return ERR_NOACK_IN_XREAD;
      r.noack = true;
    } else {
      return ERR_SYNTAX;
    }
  }
  if (streamsArg === 0) return ERR_SYNTAX;
  if (xreadgroup && r.group === null) return ERR_MISSING_GROUP;
  return r;
}

/** Sentinel "ID" for ">" (the group's last delivered ID, read when serving). */
const NEW_ENTRIES = MAX_ID;

/**
 * One attempt: validates keys, groups and IDs (in Redis's order), then serves every stream that has
 * something. Returns the reply, an error, or undefined when nothing could be served. `resolved`
 * receives the IDs with "$" resolved.
 */
function attempt(ctx: CommandContext, a: ReadArgs, resolved: StreamId[] | null): Reply | undefined {
  const n = a.keys.length;
  const ids: StreamId[] = new Array(n);
  const groups: Array<StreamGroup | null> = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const key = a.keys[i];
    const v = ctx.db.lookupRead(key, ctx.now);
    if (v !== undefined && !(v instanceof StreamValue)) return ERR_WRONGTYPE;
    const s = v as StreamValue | undefined;
    if (a.group !== null) {
      const g = s?.group(a.group);
      if (g === undefined) {
        return errorReply(`NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(a.group)}' in XREADGROUP with GROUP option`);
      }
      groups[i] = g;
    }
    const arg = a.idArgs[i];
    if (arg === '$') {
      if (a.group !== null) return ERR_DOLLAR_IN_GROUP;
      ids[i] = s ? s.lastId : MIN_ID;
      continue;
    }
    if (arg === '>') {
      if (a.group === null) return ERR_GT_IN_XREAD;
      ids[i] = NEW_ENTRIES;
      continue;
    }
    const id = parseIdText(arg, false, true);
    if (id === null) return ERR_INVALID_ID;
    ids[i] = id;
  }
  if (resolved !== null) for (let i = 0; i < n; i++) resolved[i] = ids[i];

  const out: Reply[] = [];
  const prop = new Propagation();
  let dirty = 0;
  for (let i = 0; i < n; i++) {
    const key = a.keys[i];
    const s = ctx.db.lookupRead(key, ctx.now) as StreamValue | undefined;
    if (s === undefined) continue;
    let gt = ids[i];
    let serve = false;
    let history = false;
    let consumer: StreamConsumer | null = null;
    const g = groups[i];
    if (g !== null) {
      if (gt !== NEW_ENTRIES) {
        serve = true;
        history = true;
      } else if (s.length && s.lastValidId() > g.lastId) {
        serve = true;
        gt = g.lastId;
      }
      consumer = g.consumers.get(a.consumer) ?? null;
      if (consumer === null) {
        consumer = g.createConsumer(a.consumer, ctx.now)!;
        dirty++;
        ctx.notify('t', 'xgroup-createconsumer', key, ctx.db.id);
        if (a.noack) prop.push(['XGROUP', 'CREATECONSUMER', key, a.group!, a.consumer]);
      }
      consumer.seenTime = ctx.now;
    } else if (s.length && s.lastValidId() > gt) {
      serve = true;
    }
    if (!serve) continue;
    const start = incrId(gt) ?? MIN_ID;
    let entries: Reply[];
    if (g === null) {
      entries = [];
      const it = s.iterate(start, MAX_ID);
      while (it.next()) {
        entries.push([it.idText(), it.fields()]);
        if (a.count && entries.length === a.count) break;
      }
    } else if (history) {
      entries = serveHistory(ctx, s, consumer!, start, a.count);
      dirty++;
    } else {
      entries = serveGroup(ctx, key, a.group!, s, g, consumer!, start, a.count, a.noack, prop);
      dirty++;
    }
    out.push(key, entries);
  }
  prop.flush(ctx, dirty);
  if (out.length === 0) return undefined;
  if (ctx.resp === 3) return new MapReply(out);
  const pairs: Reply[] = [];
  for (let i = 0; i < out.length; i += 2) pairs.push([out[i], out[i + 1]]);
  return pairs;
}

export function xreadGeneric(ctx: CommandContext, argv: string[], xreadgroup: boolean): ExecuteResult {
  const a = parseArgs(ctx, argv, xreadgroup);
  if (a instanceof ErrorReply) return a;
  const resolved: StreamId[] = new Array(a.keys.length);
  const r = attempt(ctx, a, resolved);
  if (r !== undefined) return r;
  if (a.timeoutAt === -1) return NullArray.instance;
  // "$" waits for entries after the last ID at the time of the call.
  const again: ReadArgs = { ...a, idArgs: a.idArgs.map((arg, i) => (arg === '$' ? formatId(resolved[i]) : arg)) };
  const req: BlockRequest = {
    kind: 'block',
    keys: a.keys,
    timeoutAt: a.timeoutAt,
    onTimeout: NullArray.instance,
    retry: (c) => {
      if (!xreadgroup && !hasNewEntries(c, again)) return undefined;
      return attempt(c, again, null);
    },
  };
  return req;
}

/** XREAD is retried only when some stream now holds an entry after its ID. */
function hasNewEntries(ctx: CommandContext, a: ReadArgs): boolean {
  for (let i = 0; i < a.keys.length; i++) {
    const v = ctx.db.lookupReadNoTouch(a.keys[i], ctx.now);
    if (!(v instanceof StreamValue) || v.length === 0) continue;
    const id = parseIdText(a.idArgs[i], false, true);
    if (id !== null && v.lastValidId() > id) return true;
  }
  return false;
}
