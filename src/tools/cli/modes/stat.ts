// --stat: one line of server statistics (keys, memory, clients, blocked, requests, connections, child
// processes) per -i interval (default 1s), with the column header every 20 lines.
// Counterpart: statMode, getInfoField and bytesToHuman in Redis's redis-cli.c.
import type { Session } from '../session.js';
import { utf8Bytes } from '../format.js';
import { sleep } from './scan.js';
import { cFixed } from './printf.js';

/** The value after `field:` at the first place the text occurs (like strstr), up to CR or a comma. */
export function infoField(info: string, field: string): string | null {
  const at = info.indexOf(field);
  if (at < 0) return null;
  const start = at + field.length + 1;
  let end = info.indexOf('\r', start);
  if (end < 0) end = info.length;
  const comma = info.indexOf(',', start);
  if (comma >= 0 && comma < end) end = comma;
  return info.slice(start, end);
}

/** strtol on the field; null when the field is missing. */
export function infoLong(info: string, field: string): number | null {
  const v = infoField(info, field);
  if (v === null) return null;
  const m = /^\s*[-+]?\d+/.exec(v);
  return m ? Number.parseInt(m[0], 10) : 0;
}

/** 100B, 4.00K, 2.50M, 1.00G like redis-cli's bytesToHuman. */
export function bytesToHuman(n: number): string {
  const sign = n < 0 ? '-' : '';
  n = Math.abs(n);
  if (n < 1024) return `${sign}${n}B`;
  if (n < 1024 * 1024) return `${sign}${cFixed(n / 1024, 2)}K`;
  if (n < 1024 ** 3) return `${sign}${cFixed(n / 1024 ** 2, 2)}M`;
  if (n < 1024 ** 4) return `${sign}${cFixed(n / 1024 ** 3, 2)}G`;
  if (n < 1024 ** 5) return `${sign}${cFixed(n / 1024 ** 4, 2)}T`;
  if (n < 1024 ** 6) return `${sign}${cFixed(n / 1024 ** 5, 2)}P`;
  return `${sign}${n}B`;
}

const HEADER =
  '------- data ------ --------------------- load -------------------- - child -\n' +
  'keys       mem      clients blocked requests            connections          \n';

export function statLine(info: string, previousRequests: number): { line: string; requests: number } {
  let keys = 0;
  for (let j = 0; j < 20; j++) {
    const k = infoLong(info, `db${j}:keys`);
    if (k !== null) keys += k;
  }
  let line = String(keys).padEnd(11);
  line += bytesToHuman(infoLong(info, 'used_memory') ?? 0).padEnd(8);
  line += ' ' + String(infoLong(info, 'connected_clients')).padEnd(8);
  line += String(infoLong(info, 'blocked_clients')).padEnd(8);
  const requests = infoLong(info, 'total_commands_processed') ?? 0;
  line += `${requests} (+${previousRequests === 0 ? 0 : requests - previousRequests})`.padEnd(19);
  line += ' ' + String(infoLong(info, 'total_connections_received')).padEnd(12);
  const children =
    ((infoLong(info, 'bgsave_in_progress') ?? 0) & 1) |
    (((infoLong(info, 'aof_rewrite_in_progress') ?? 0) & 1) << 1) |
    (((infoLong(info, 'loading') ?? 0) & 1) << 2);
  line += ['', 'SAVE', 'AOF', 'SAVE+AOF', 'LOAD'][children] ?? '';
  return { line: line + '\n', requests };
}

export async function statMode(session: Session): Promise<number> {
  const interval = session.opts.interval > 0 ? session.opts.interval * 1000 : 1000;
  let requests = 0;
  for (let i = 0; ; i++) {
    const reply = await session.reconnectingCall(['INFO']);
    if (!reply) return 1;
    if (reply.type === 'error') {
      session.out(`ERROR: ${utf8Bytes(reply.value)}\n`);
      return 1;
    }
    const info = reply.type === 'bulk' || reply.type === 'verbatim' ? reply.value.toString('latin1') : '';
    const r = statLine(info, requests);
    requests = r.requests;
    session.out((i % 20 === 0 ? HEADER : '') + r.line);
    if (session.stopped) return 0;
    await sleep(interval);
    if (session.stopped) return 0;
  }
}
