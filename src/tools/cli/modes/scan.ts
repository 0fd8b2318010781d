// --scan: every key matching --pattern, one per line (quoted on a terminal), through the SCAN cursor.
// Shared by --bigkeys, --memkeys and --hotkeys, which walk the keyspace the same way.
// Counterpart: scanMode and sendScan in Redis's redis-cli.c.
import type { ReplyNode } from '../../../protocol/reply-decoder.js';
import { ConnectionError } from '../../../client/client.js';
import { quoteBytes, utf8Bytes } from '../format.js';
import type { Session } from '../session.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The SCAN command for one step: MATCH and COUNT only when asked for, as redis-cli sends them. */
export function scanCommand(session: Session, cursor: string): Buffer[] {
  const argv = [Buffer.from('SCAN'), Buffer.from(cursor)];
  if (session.opts.pattern !== undefined) argv.push(Buffer.from('MATCH'), Buffer.from(session.opts.pattern, 'latin1'));
  if (session.opts.count !== undefined) argv.push(Buffer.from('COUNT'), Buffer.from(String(session.opts.count)));
  return argv;
}

export class ScanError extends Error {}

/** One SCAN step: the next cursor and the keys (as Buffers); throws ScanError with redis-cli's message. */
export async function scanStep(session: Session, cursor: string): Promise<{ cursor: string; keys: Buffer[] }> {
  let reply: ReplyNode;
  try {
    reply = await session.client!.call(scanCommand(session, cursor));
  } catch (err) {
    if (err instanceof ConnectionError) throw new ScanError('\nI/O error\n');
    throw err;
  }
  if (reply.type === 'error') throw new ScanError(`SCAN error: ${utf8Bytes(reply.value)}\n`);
  if (reply.type !== 'array') throw new ScanError('Non ARRAY response from SCAN!\n');
  if (reply.items.length !== 2) throw new ScanError('Invalid element count from SCAN!\n');
  const [c, list] = reply.items;
  const next = c!.type === 'bulk' ? c!.value.toString('latin1') : c!.type === 'integer' ? String(c!.value) : '0';
  const keys = list!.type === 'array' ? list!.items.map((k) => (k.type === 'bulk' ? k.value : Buffer.alloc(0))) : [];
  return { cursor: /^\d+$/.test(next) ? next : '0', keys };
}

export async function scanMode(session: Session): Promise<number> {
  const quote = session.fmt.mode === 'standard';
  let cursor = '0';
  do {
    let reply: ReplyNode;
    try {
      reply = await session.client!.call(scanCommand(session, cursor));
    } catch (err) {
      if (!(err instanceof ConnectionError)) throw err;
      session.out('I/O error\n');
      return 1;
    }
    if (reply.type === 'error') {
      session.out(`ERROR: ${utf8Bytes(reply.value)}\n`);
      return 1;
    }
    if (reply.type !== 'array' || reply.items.length !== 2) {
      session.out('ERROR: Non ARRAY response from SCAN!\n');
      return 1;
    }
    const [c, list] = reply.items;
    cursor = c!.type === 'bulk' ? c!.value.toString('latin1') : '0';
    let text = '';
    if (list!.type === 'array') {
      for (const k of list!.items) {
        if (k.type !== 'bulk') continue;
        const bytes = k.value.toString('latin1');
        // redis-cli prints raw keys as C strings: a key stops at its first NUL byte.
        const nul = bytes.indexOf('\0');
        text += (quote ? quoteBytes(bytes) : nul >= 0 ? bytes.slice(0, nul) : bytes) + '\n';
      }
    }
    session.out(text);
    if (session.opts.interval > 0) await sleep(session.opts.interval * 1000);
  } while (cursor !== '0');
  return 0;
}
