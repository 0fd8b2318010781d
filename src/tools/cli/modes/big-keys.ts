// --bigkeys and --memkeys: walks the keyspace with SCAN, asks each key's type and size (element count,
// or MEMORY USAGE for --memkeys), and reports the biggest key per type and per-type totals.
// Counterpart: findBigKeys, getKeyTypes and getKeySizes in Redis's redis-cli.c.
import type { ReplyNode } from '../../../protocol/reply-decoder.js';
import { ConnectionError } from '../../../client/client.js';
import { quoteBytes, utf8Bytes } from '../format.js';
import type { Session } from '../session.js';
import { ScanError, scanStep, sleep } from './scan.js';
import { cFixed, cPercent } from './printf.js';
import { renderBigKeysTable } from './report-table.js';

interface TypeInfo {
  name: string;
  sizeCmd: string;
  unit: string;
  biggest: number;
  biggestKey: string | null;
  count: number;
  total: number;
}

const TYPES: Array<[string, string, string]> = [
  ['string', 'STRLEN', 'bytes'],
  ['list', 'LLEN', 'items'],
  ['set', 'SCARD', 'members'],
  ['hash', 'HLEN', 'fields'],
  ['zset', 'ZCARD', 'members'],
  ['stream', 'XLEN', 'entries'],
];

/**
 * redis-cli keeps its per-type records in a small hash table whose iteration order depends on how far
 * an incremental rehash (started while the six types were inserted) has gone; each key looked up
 * advances it one step. The reports list types in that order, so it is reproduced here.
 */
export function typeOrder(lookups: number): string[] {
  if (lookups === 0) return ['hash', 'list', 'string', 'stream', 'set', 'zset'];
  if (lookups === 1) return ['string', 'list', 'hash', 'stream', 'set', 'zset'];
  return ['list', 'hash', 'string', 'stream', 'set', 'zset'];
}

class ModeError extends Error {}

async function pipeline(session: Session, commands: Buffer[][]): Promise<ReplyNode[]> {
  try {
    return await session.client!.pipeline(commands);
  } catch (err) {
    if (err instanceof ConnectionError) throw new ModeError(`Error: ${err.reason}\n`);
    throw err;
  }
}

export async function bigKeysMode(session: Session, memkeys: boolean): Promise<number> {
  const types = new Map<string, TypeInfo>();
  for (const [name, sizeCmd, unit] of TYPES) {
    types.set(name, { name, sizeCmd, unit, biggest: 0, biggestKey: null, count: 0, total: 0 });
  }
  const samples = session.opts.memkeysSamples;
  let lookups = 0;
  let sampled = 0;
  let totlen = 0;
  try {
    const dbsize = await pipeline(session, [[Buffer.from('DBSIZE')]]);
    if (dbsize[0]!.type !== 'integer') throw new ModeError("Couldn't determine DBSIZE!\n");
    const totalKeys = Number(dbsize[0]!.value);
    session.out(
      '\n# Scanning the entire keyspace to find biggest keys as well as\n' +
        '# average sizes per key type.  You can use -i 0.1 to sleep 0.1 sec\n' +
        '# per 100 SCAN commands (not usually needed).\n\n',
    );
    let cursor = '0';
    do {
      const pct = cPercent((100 * sampled) / totalKeys);
      const step = await scanStep(session, cursor);
      cursor = step.cursor;
      const keys = step.keys;
      const typeReplies = await pipeline(session, keys.map((k) => [Buffer.from('TYPE'), k]));
      const keyTypes: Array<TypeInfo | null> = [];
      for (let i = 0; i < keys.length; i++) {
        const r = typeReplies[i]!;
        if (r.type !== 'status') {
          if (r.type === 'error') throw new ModeError(`TYPE returned an error: ${utf8Bytes(r.value)}\n`);
          throw new ModeError(`Invalid reply type for TYPE on key '${keys[i]!.toString('latin1')}'!\n`);
        }
        lookups++;
        // Types the table does not know (module types) are not counted.
        keyTypes.push(types.get(r.value) ?? null);
      }
      const sizeCmds: Buffer[][] = [];
      for (let i = 0; i < keys.length; i++) {
        const t = keyTypes[i];
        if (!t) continue;
        if (memkeys) {
          const cmd = [Buffer.from('MEMORY'), Buffer.from('USAGE'), keys[i]!];
          if (samples > 0) cmd.push(Buffer.from('SAMPLES'), Buffer.from(String(samples)));
          sizeCmds.push(cmd);
        } else {
          sizeCmds.push([Buffer.from(t.sizeCmd), keys[i]!]);
        }
      }
      const sizeReplies = await pipeline(session, sizeCmds);
      let next = 0;
      let out = '';
      for (let i = 0; i < keys.length; i++) {
        const t = keyTypes[i];
        if (!t) continue;
        const r = sizeReplies[next++]!;
        let size = 0;
        if (r.type === 'integer') size = Number(r.value);
        else if (r.type === 'error' && memkeys) {
          session.out(out);
          throw new ModeError(`Error: ${utf8Bytes(r.value)}\n`);
        } else {
          session.out(out);
          out = '';
          session.err(`Warning:  ${memkeys ? 'MEMORY USAGE' : t.sizeCmd} on '${keys[i]!.toString('latin1')}' failed (may have changed type)\n`);
        }
        const keyName = quoteBytes(keys[i]!.toString('latin1'));
        t.total += size;
        t.count++;
        totlen += keys[i]!.length;
        sampled++;
        if (t.biggest < size) {
          out += `[${pct}] Biggest ${t.name.padEnd(6)} found so far '${keyName}' with ${size} ${memkeys ? 'bytes' : t.unit}\n`;
          t.biggestKey = keyName;
          t.biggest = size;
        }
        if (sampled % 1000000 === 0) out += `[${pct}] Sampled ${sampled} keys so far\n`;
      }
      session.out(out);
      if (sampled && sampled % 100 === 0 && session.opts.interval > 0) await sleep(session.opts.interval * 1000);
    } while (cursor !== '0');
  } catch (err) {
    if (err instanceof ModeError || err instanceof ScanError) {
      session.err(err.message);
      return 1;
    }
    throw err;
  }
  const order = typeOrder(lookups).map((n) => types.get(n)!);
  const unit = (t: TypeInfo) => (memkeys ? 'bytes' : t.unit);
  let out = '\n-------- summary -------\n\n';
  out += `Sampled ${sampled} keys in the keyspace!\n`;
  out += `Total key length in bytes is ${totlen} (avg len ${cFixed(totlen ? totlen / sampled : 0, 2)})\n\n`;
  for (const t of order) {
    if (t.biggestKey !== null) out += `Biggest ${t.name.padStart(6)} found '${t.biggestKey}' has ${t.biggest} ${unit(t)}\n`;
  }
  out += '\n';
  for (const t of order) {
    const share = cPercent(sampled ? (100 * t.count) / sampled : 0);
    out += `${t.count} ${t.name}s with ${t.total} ${unit(t)} (${share} of keys, avg size ${cFixed(t.count ? t.total / t.count : 0, 2)})\n`;
  }
  session.out(out);
  if (session.richReports) {
    session.outText(
      renderBigKeysTable(
        order.map((t) => ({ type: t.name, count: t.count, total: t.total, unit: unit(t), biggestKey: t.biggestKey, biggest: t.biggest })),
        sampled,
        session.color,
      ),
    );
  }
  return 0;
}
