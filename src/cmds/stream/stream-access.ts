// Shared parts of the stream commands: key lookups with type checks, ID and integer argument parsing
// with Redis's error texts, entry replies, and the commands a consumer-group change propagates as.
// Counterpart: streamTypeLookupWriteOrCreate, streamParse*IDOrReply, addReplyStreamID,
// streamPropagateXCLAIM / streamPropagateGroupID / streamPropagateConsumerCreation (t_stream.c).
import { StreamValue, type StreamGroup, type StreamNACK, type StreamIterator } from '../../datatypes/stream.js';
import { ERR_INVALID_ID_TEXT, formatId, parseIdText, type StreamId } from '../../datatypes/stream-id.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';

export const ERR_INVALID_ID = errorReply(ERR_INVALID_ID_TEXT);
export const ERR_NO_SUCH_KEY = errorReply('ERR no such key');

/** lookupKeyRead + checkType. */
export function lookupStreamRead(ctx: CommandContext, key: string): StreamValue | undefined | ErrorReply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof StreamValue ? v : ERR_WRONGTYPE;
}

/** lookupKeyWrite + checkType. */
export function lookupStreamWrite(ctx: CommandContext, key: string): StreamValue | undefined | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof StreamValue ? v : ERR_WRONGTYPE;
}

/** Node limits from the configuration. */
export function nodeLimits(ctx: CommandContext): { maxBytes: number; maxEntries: number } {
  const config = ctx.server.config;
  return { maxBytes: config.getNumber('stream-node-max-bytes'), maxEntries: config.getNumber('stream-node-max-entries') };
}

/** A strict ID ("-" and "+" refused), or the invalid-ID error. */
export function strictId(arg: string): StreamId | ErrorReply {
  return parseIdText(arg, false, true) ?? ERR_INVALID_ID;
}

/** getLongLongFromObjectOrReply: a number (exact for |v| < 2^53; clamped beyond) or the error. */
export function parseLongLong(arg: string, err: ErrorReply = ERR_NOT_INTEGER): number | ErrorReply {
  const v = parseI64(arg);
  return v === null ? err : Number(v);
}

/** One entry as Redis replies it: [id, [field, value, ...]]. */
function entryReply(it: StreamIterator): Reply {
  return [it.idText(), it.fields()];
}

/** streamReplyWithRange without a group: up to `count` entries (0 = all). */
export function rangeReply(s: StreamValue, start: StreamId, end: StreamId, count: number, rev: boolean): Reply[] {
  const out: Reply[] = [];
  const it = s.iterate(start, end, rev);
  while (it.next()) {
    out.push(entryReply(it));
    if (count && out.length === count) break;
  }
  return out;
}

/** The single entry [id, fields] for an existing ID (callers checked it exists). */
export function entryById(s: StreamValue, id: StreamId): Reply {
  const it = s.iterate(id, id);
  it.next();
  return entryReply(it);
}

/** A name as C's %s prints it in an error: up to its first NUL byte. */
export function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul >= 0 ? s.slice(0, nul) : s;
}

/** "ERR unknown subcommand or wrong number of arguments for '<sub>'. Try <CMD> HELP." */
export function errSubcommandSyntax(sub: string, container: string): ErrorReply {
  return errorReply(`ERR unknown subcommand or wrong number of arguments for '${cstr(sub).slice(0, 128)}'. Try ${container} HELP.`);
}

/**
 * XCLAIM <key> <group> <consumer> 0 <id> TIME <ms> RETRYCOUNT <n> FORCE JUSTID LASTID <group last id>;
 * `lastIdText` is the group's last ID as text when the caller has it.
 */
export function xclaimArgv(
  key: string, group: StreamGroup, groupName: string, idText: string, nack: StreamNACK, lastIdText?: string,
): string[] {
  return [
    'XCLAIM', key, groupName, nack.consumer!.name, '0', idText, 'TIME', String(nack.deliveryTime), 'RETRYCOUNT',
    String(nack.deliveryCount), 'FORCE', 'JUSTID', 'LASTID', lastIdText ?? formatId(group.lastId),
  ];
}

/** XGROUP SETID <key> <group> <last id> ENTRIESREAD <entries read>. */
export function setIdArgv(key: string, group: StreamGroup, groupName: string): string[] {
  return ['XGROUP', 'SETID', key, groupName, formatId(group.lastId), 'ENTRIESREAD', String(group.entriesRead)];
}

/**
 * The commands a consumer-group command propagates instead of itself (Redis uses alsoPropagate and
 * suppresses the command's own propagation): the first replaces the command, the rest follow it.
 */
export class Propagation {
  readonly cmds: string[][] = [];
  push(argv: string[]): void {
    this.cmds.push(argv);
  }
  /** Hands the commands to the context; `dirty` changes are counted only when something propagates. */
  flush(ctx: CommandContext, dirty: number): void {
    const cmds = this.cmds;
    if (cmds.length === 0) return;
    ctx.propagateAs(cmds[0]);
    for (let i = 1; i < cmds.length; i++) ctx.alsoPropagate(ctx.db.id, cmds[i]);
    ctx.addDirty(Math.max(1, dirty));
  }
}
