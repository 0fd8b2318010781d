// Conversions between the Lua interpreter's values and reply values, with Redis's rules:
//  - a command's reply as redis.call returns it to Lua (RESP2 or, after redis.setresp(3), RESP3 forms);
//  - a script's return value as the client receives it.
// Counterpart: redisProtocolToLuaType and luaReplyToRedisReply in Redis's script_lua.c.
import type { HostValue, ReplyValue } from './lua-vm.js';
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  MultiReply,
  MutableString,
  ViewReply,
  NoReply,
  NullArray,
  PushReply,
  SetReply,
  Status,
  VerbatimReply,
  type Reply,
} from '../protocol/reply.js';
import { d2string } from '../util/number.js';

const FALSE_NIL = null;

/** A command's reply as Lua sees it; errors come back as { err, code }. */
export function replyToLua(r: Reply, resp: 2 | 3): HostValue {
  if (typeof r === 'string') return r;
  if (typeof r === 'number') return r;
  if (typeof r === 'bigint') return r;
  if (r === null) return FALSE_NIL;
  if (Buffer.isBuffer(r)) return r;
  if (Array.isArray(r)) {
    const out: HostValue[] = new Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = replyToLua(r[i], resp);
    return out;
  }
  if (r instanceof Status) return { ok: Buffer.from(r.text, 'latin1') };
  if (r instanceof ErrorReply) return errorValue(r.text);
  if (r instanceof MutableString) return Buffer.from(r.view());
  if (r instanceof ViewReply) return replyToLua(r.materialize(), resp);
  if (r instanceof NullArray) return FALSE_NIL;
  if (r instanceof DoubleReply) {
    if (resp === 3) return { double: r.value };
    return Buffer.from(r.text ?? d2string(r.value), 'latin1');
  }
  if (r instanceof MapReply) {
    if (resp === 3) {
      const pairs: [HostValue, HostValue][] = [];
      for (let i = 0; i + 1 < r.flat.length; i += 2) pairs.push([replyToLua(r.flat[i], 3), replyToLua(r.flat[i + 1], 3)]);
      return { map: pairs };
    }
    return r.flat.map((x) => replyToLua(x, 2));
  }
  if (r instanceof SetReply) {
    const items = r.items.map((x) => replyToLua(x, resp));
    return resp === 3 ? { set: items } : items;
  }
  if (r instanceof BoolReply) return resp === 3 ? r.value : r.value ? 1 : 0;
  if (r instanceof VerbatimReply) {
    return resp === 3
      ? { verbatim_string: { format: Buffer.from(r.format, 'latin1'), string: Buffer.from(r.text, 'latin1') } }
      : Buffer.from(r.text, 'latin1');
  }
  if (r instanceof BigNumberReply) return resp === 3 ? { big_number: Buffer.from(r.digits, 'latin1') } : Buffer.from(r.digits, 'latin1');
  if (r instanceof PushReply) return r.items.map((x) => replyToLua(x, resp));
  if (r instanceof MultiReply) return r.replies.length > 0 ? replyToLua(r.replies[r.replies.length - 1], resp) : FALSE_NIL;
  if (r instanceof NoReply) return FALSE_NIL;
  return FALSE_NIL;
}

/** An error reply text ("CODE message") as the { err, code } value Lua tables carry. */
export function errorValue(text: string): ReplyValue {
  const m = /^([A-Z][A-Z0-9_-]*) /.exec(text);
  if (m) return { err: Buffer.from(text.slice(m[0].length), 'latin1'), code: Buffer.from(m[1], 'latin1') };
  return { err: Buffer.from(text, 'latin1') };
}

export function isErrorValue(v: ReplyValue): v is { err: Buffer; code?: Buffer; meta?: { kind?: string; name?: string; line: number; sha: string } } {
  return typeof v === 'object' && v !== null && !Buffer.isBuffer(v) && !Array.isArray(v) && 'err' in v;
}

/** The full error text of an { err, code } value. */
export function errorText(v: { err: Buffer; code?: Buffer }): string {
  const msg = v.err.toString('latin1');
  return v.code ? `${v.code.toString('latin1')} ${msg}` : msg;
}

/**
 * Leads the arrays a script's RESP3 result tables are encoded into on their way out of the interpreter
 * (see RESULT_ENCODER in the scripting service): a status no script has reason to produce.
 */
export const RESULT_MARK = '\\1cinnabar\\1';
const MARK_TEXT = '\x01cinnabar\x01';

function markOf(v: ReplyValue): string | null {
  if (typeof v !== 'object' || v === null || Buffer.isBuffer(v) || Array.isArray(v) || !('ok' in v)) return null;
  const t = v.ok.toString('latin1');
  return t.startsWith(MARK_TEXT) ? t.slice(MARK_TEXT.length) : null;
}

/** %.17g text (inf, -inf, nan included) back to the number. */
function parseG(b: ReplyValue): number {
  const t = Buffer.isBuffer(b) ? b.toString('latin1') : String(b);
  if (t === 'inf') return Infinity;
  if (t === '-inf') return -Infinity;
  if (t === 'nan' || t === '-nan') return NaN;
  return Number(t);
}

function decodeMarked(kind: string, v: ReplyValue[]): Reply {
  const str = (x: ReplyValue) => (Buffer.isBuffer(x) ? x.toString('latin1') : '');
  switch (kind) {
    case 'double':
      return new DoubleReply(parseG(v[1]));
    case 'big_number':
      return new BigNumberReply(sanitize(str(v[1])));
    case 'verbatim':
      return new VerbatimReply(str(v[1]), str(v[2]));
    case 'map': {
      const flat: Reply[] = new Array(v.length - 1);
      for (let i = 1; i < v.length; i++) flat[i - 1] = luaToReply(v[i]);
      return new MapReply(flat);
    }
    default:
      return new SetReply(v.slice(1).map(luaToReply));
  }
}

/** A script's return value as the reply sent to the client (errors are handled by the caller). */
export function luaToReply(v: ReplyValue): Reply {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return new BoolReply(v);
  if (Buffer.isBuffer(v)) return v.latin1Slice(0, v.length);
  if (Array.isArray(v)) {
    if (v.length > 0) {
      const kind = markOf(v[0]);
      if (kind !== null) return decodeMarked(kind, v);
    }
    const out: Reply[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = luaToReply(v[i]);
    return out;
  }
  if ('ok' in v) return new Status(sanitize(v.ok.toString('latin1')));
  if ('err' in v) return new ErrorReply(sanitize(errorText(v)));
  if ('double' in v) return new DoubleReply(v.double);
  if ('map' in v) {
    const flat: Reply[] = [];
    for (const [k, val] of v.map) flat.push(luaToReply(k), luaToReply(val));
    return new MapReply(flat);
  }
  if ('set' in v) return new SetReply(v.set.map(luaToReply));
  if ('big_number' in v) return new BigNumberReply(v.big_number.toString('latin1'));
  if ('verbatim_string' in v) return new VerbatimReply(v.verbatim_string.format.toString('latin1'), v.verbatim_string.string.toString('latin1'));
  return null;
}

/** Status and error texts cannot hold line breaks on the wire; Redis turns them into spaces. */
function sanitize(s: string): string {
  return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace(/[\r\n]/g, ' ');
}
