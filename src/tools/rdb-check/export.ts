// Key exports of `rdb-check`: JSON (one streamed array) and CSV (db,type,key,ttl,encoding,size,value),
// the rdb-tools memory report CSV, and the per-type top-N table. Every writer handles one key at a time,
// so memory stays bounded whatever the file size (top-N keeps N entries per type).
import type { RdbKeyRecord } from '../../persistence/rdb/reader.js';
import type { RdbValue } from '../../persistence/rdb/value-reader.js';
import { streamIdString, type RdbStream } from '../../persistence/rdb/stream.js';
import { keyStats, type KeyStats } from './memory.js';

/** Bytes (a latin1 string) as text: UTF-8 when they are valid UTF-8, else one code point per byte. */
export function text(bytes: string): string {
  // Pure ASCII needs no conversion.
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  const buf = Buffer.from(bytes, 'latin1');
  const s = buf.toString('utf8');
  return Buffer.byteLength(s, 'utf8') === buf.length && !s.includes('\ufffd') ? s : bytes;
}

function score(s: number): number | string {
  return Number.isFinite(s) ? s : s > 0 ? 'inf' : '-inf';
}

function streamJson(s: RdbStream): unknown {
  return {
    length: s.length,
    last_id: streamIdString(s.lastId),
    entries_added: s.entriesAdded,
    entries: s.entries.map((e) => {
      const fields: Record<string, string> = {};
      for (let i = 0; i < e.fields.length; i += 2) fields[text(e.fields[i])] = text(e.fields[i + 1]);
      return { id: streamIdString(e.id), fields };
    }),
    groups: s.groups.map((g) => ({
      name: text(g.name),
      last_delivered_id: streamIdString(g.lastId),
      entries_read: g.entriesRead,
      pending: g.pending.map((n) => ({ id: streamIdString(n.id), consumer: n.consumer === null ? null : text(n.consumer), delivery_time: n.deliveryTime, delivery_count: n.deliveryCount })),
      consumers: g.consumers.map((c) => ({ name: text(c.name), seen_time: c.seenTime, pending: c.pending.length })),
    })),
  };
}

/** The value as JSON-ready data: strings, arrays, [member, score] pairs, a field map, a stream object. */
export function valueJson(v: RdbValue): unknown {
  switch (v.type) {
    case 'string': return text(v.value);
    case 'list': return v.items.map(text);
    case 'set': return v.members.map(text);
    case 'zset': return v.members.map((m, i) => [text(m), score(v.scores[i])]);
    case 'hash': {
      const o: Record<string, string> = {};
      for (let i = 0; i < v.pairs.length; i += 2) o[text(v.pairs[i])] = text(v.pairs[i + 1]);
      return o;
    }
    case 'stream': return streamJson(v.stream);
  }
}

/** Remaining time to live in ms (PTTL's convention: -1 without expiry; 0 when already expired). */
export function ttlMs(rec: RdbKeyRecord, now: number): number {
  return rec.expireMs === -1 ? -1 : Math.max(0, rec.expireMs - now);
}

export interface ExportRow {
  db: number;
  type: string;
  key: string;
  ttl: number;
  expires_at: number | null;
  encoding: string;
  size: number;
  elements: number;
  value: unknown;
}

export function exportRow(rec: RdbKeyRecord, stats: KeyStats, now: number): ExportRow {
  return {
    db: rec.db,
    type: rec.value.type,
    key: text(rec.key),
    ttl: ttlMs(rec, now),
    expires_at: rec.expireMs === -1 ? null : rec.expireMs,
    encoding: stats.encoding,
    size: stats.size,
    elements: stats.elements,
    value: valueJson(rec.value),
  };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF. Bytes pass through as latin1. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = 'db,type,key,ttl,encoding,size,value';

/** A CSV row: key and string values as their bytes; aggregates as their JSON text. */
export function csvRow(rec: RdbKeyRecord, stats: KeyStats, now: number): string {
  const v = rec.value;
  const value = v.type === 'string' ? v.value : Buffer.from(JSON.stringify(valueJson(v)), 'utf8').toString('latin1');
  return [String(rec.db), v.type, csvField(rec.key), String(ttlMs(rec, now)), stats.encoding, String(stats.size), csvField(value)].join(',');
}

export const MEMORY_HEADER = 'database,type,key,size_in_bytes,encoding,num_elements,len_largest_element,expiry';

/** A row of rdb-tools' memory report; expiry as an ISO 8601 UTC time, empty without one. */
export function memoryRow(rec: RdbKeyRecord, stats: KeyStats): string {
  const expiry = rec.expireMs === -1 ? '' : new Date(rec.expireMs).toISOString();
  return [String(rec.db), rec.value.type, csvField(rec.key), String(stats.size), stats.encoding, String(stats.elements), String(stats.largest), expiry].join(',');
}

export interface TopEntry {
  db: number;
  key: string;
  size: number;
  encoding: string;
  elements: number;
}

/** The N biggest keys of each type, kept sorted by size (largest first). */
export class TopKeys {
  private readonly byType = new Map<string, TopEntry[]>();
  constructor(private readonly n: number) {}

  add(rec: RdbKeyRecord, stats: KeyStats): void {
    let list = this.byType.get(rec.value.type);
    if (list === undefined) this.byType.set(rec.value.type, (list = []));
    if (list.length === this.n && list[list.length - 1].size >= stats.size) return;
    const e = { db: rec.db, key: rec.key, size: stats.size, encoding: stats.encoding, elements: stats.elements };
    let i = list.length;
    while (i > 0 && list[i - 1].size < e.size) i--;
    list.splice(i, 0, e);
    if (list.length > this.n) list.pop();
  }

  /** Types in Redis's order, then their entries. */
  groups(): Array<[string, TopEntry[]]> {
    const order = ['string', 'list', 'set', 'zset', 'hash', 'stream'];
    return order.filter((t) => this.byType.has(t)).map((t) => [t, this.byType.get(t)!]);
  }
}

/** Human-readable byte count (1.5K, 2.3M) for tables. */
export function humanBytes(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)}${units[u]}`;
}

export const TOP_COLUMNS = ['type', 'rank', 'db', 'key', 'size', 'bytes', 'encoding', 'elements'];

/** The top-N rows (one per key, grouped by type) for a table or plain text. */
export function topRows(top: TopKeys): string[][] {
  const rows: string[][] = [];
  for (const [type, list] of top.groups()) {
    list.forEach((e, i) => rows.push([type, String(i + 1), String(e.db), text(e.key), humanBytes(e.size), String(e.size), e.encoding, String(e.elements)]));
  }
  return rows;
}

/** Plain-text table: columns padded with spaces, for pipes and files. */
export function plainTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (r: string[]): string => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}

export { keyStats };
