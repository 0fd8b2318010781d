// An AOF base in command form (aof-use-rdb-preamble no): the commands that rebuild a dataset, as
// rewriteAppendOnlyFileRio in Redis's aof.c emits them. Function libraries first (FUNCTION LOAD), then
// per database a SELECT and per key its commands: SET, RPUSH / SADD / ZADD / HMSET with up to 64
// elements each, a stream as XADD per entry, XSETID with its counters, XGROUP CREATE per group, XCLAIM
// ... JUSTID FORCE per pending entry and XGROUP CREATECONSUMER for consumers with none; then PEXPIREAT
// for a key with a TTL.
//
// The commands are made from an RDB image of the dataset (the snapshot the rewrite writes anyway), so
// the base holds exactly the dataset of the instant the rewrite began.
import { createReadStream, openSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { RdbReader, type RdbKeyRecord, type RdbVisitor } from '../rdb/reader.js';
import type { RdbStream, RdbStreamNack, StreamId } from '../rdb/stream.js';
import { ByteSink } from '../rdb/pack.js';
import { d2string } from '../../util/number.js';

/** AOF_REWRITE_ITEMS_PER_CMD: elements per RPUSH / SADD / ZADD / HMSET. */
const ITEMS_PER_CMD = 64;

function command(out: ByteSink, args: readonly string[]): void {
  out.latin1(`*${args.length}\r\n`);
  for (const a of args) {
    out.latin1(`$${a.length}\r\n`);
    out.latin1(a);
    out.latin1('\r\n');
  }
}

function idText(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

/** Commands that recreate the keys of an RDB image, fed record by record. */
export class CommandEmitter implements RdbVisitor {
  private db = -1;
  constructor(readonly out: ByteSink) {}

  functionLibrary(code: string): void {
    command(this.out, ['FUNCTION', 'LOAD', code]);
  }

  key(rec: RdbKeyRecord): void {
    const out = this.out;
    if (rec.db !== this.db) {
      command(out, ['SELECT', String(rec.db)]);
      this.db = rec.db;
    }
    const k = rec.key;
    const v = rec.value;
    switch (v.type) {
      case 'string':
        command(out, ['SET', k, v.value]);
        break;
      case 'list':
        this.batches('RPUSH', k, v.items, 1);
        break;
      case 'set':
        this.batches('SADD', k, v.members, 1);
        break;
      case 'hash':
        this.batches('HMSET', k, v.pairs, 2);
        break;
      case 'zset': {
        const flat: string[] = [];
        for (let i = 0; i < v.members.length; i++) flat.push(d2string(v.scores[i]), v.members[i]);
        this.batches('ZADD', k, flat, 2);
        break;
      }
      case 'stream':
        this.stream(k, v.stream);
        break;
    }
    if (rec.expireMs !== -1) command(out, ['PEXPIREAT', k, String(rec.expireMs)]);
  }

  /** name key e1 e2 ... with up to ITEMS_PER_CMD items (of `width` strings each) per command. */
  private batches(name: string, key: string, flat: string[], width: number): void {
    const per = ITEMS_PER_CMD * width;
    for (let i = 0; i < flat.length; i += per) command(this.out, [name, key, ...flat.slice(i, i + per)]);
  }

  private stream(key: string, s: RdbStream): void {
    const out = this.out;
    if (s.entries.length > 0) {
      for (const e of s.entries) command(out, ['XADD', key, idText(e.id), ...e.fields]);
    } else {
      // An empty stream: an XADD that trims itself away at once, then XSETID sets its real last ID.
      command(out, ['XADD', key, 'MAXLEN', '0', '0-1', 'x', 'y']);
    }
    command(out, ['XSETID', key, idText(s.lastId), 'ENTRIESADDED', String(s.entriesAdded), 'MAXDELETEDID', idText(s.maxDeletedId)]);
    for (const g of s.groups) {
      command(out, ['XGROUP', 'CREATE', key, g.name, idText(g.lastId), 'ENTRIESREAD', String(g.entriesRead)]);
      const nacks = new Map<string, RdbStreamNack>();
      for (const n of g.pending) nacks.set(idText(n.id), n);
      // Each consumer's pending entries are claimed for it; a consumer without any is created.
      for (const c of g.consumers) {
        if (c.pending.length === 0) {
          command(out, ['XGROUP', 'CREATECONSUMER', key, g.name, c.name]);
          continue;
        }
        for (const id of c.pending) {
          const t = idText(id);
          const n = nacks.get(t);
          command(out, ['XCLAIM', key, g.name, c.name, '0', t, 'TIME', String(n?.deliveryTime ?? 0), 'RETRYCOUNT', String(n?.deliveryCount ?? 1), 'JUSTID', 'FORCE']);
        }
      }
    }
  }
}

/** The commands for an RDB image held in memory (a base written in one go). */
export function rdbImageToCommands(image: Uint8Array): Buffer {
  const out = new ByteSink(1 << 16);
  const r = new RdbReader(new CommandEmitter(out));
  r.push(image);
  r.end();
  return out.buf.subarray(0, out.len);
}

/**
 * Converts an RDB file to a command-form AOF file, reading 64 KB at a time (the event loop runs
 * between chunks: a chunk is a few milliseconds of work) and writing every 256 KB; fsynced at the end.
 */
export async function rdbFileToCommands(src: string, dst: string): Promise<void> {
  const out = new ByteSink(1 << 18);
  const emitter = new CommandEmitter(out);
  const fd = openSync(dst, 'w');
  try {
    const r = new RdbReader(emitter);
    const stream = createReadStream(src, { highWaterMark: 1 << 16 });
    try {
      for await (const chunk of stream) {
        r.push(chunk as Buffer);
        if (out.len >= 1 << 18) {
          writeSync(fd, out.buf, 0, out.len);
          out.len = 0;
        }
        if (r.done) break;
      }
    } finally {
      stream.destroy();
    }
    r.end();
    if (out.len > 0) writeSync(fd, out.buf, 0, out.len);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
