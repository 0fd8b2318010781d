// Normalisers for comparing ACL replies of cinnabar (answering as Redis 7.2) with the redis-server 7.0 oracle.
// What differs by design between the versions is mapped away, everything else is kept:
//  - 7.2 gives new users the sanitize-payload flag (7.0 shows no payload flag);
//  - 7.2 shows command rules as given (minus overridden ones), 7.0 recomputes them from the bitmap; so the
//    rule text is compared only by its +@all/-@all head, and the effect is compared with ACL DRYRUN probes;
//  - NOPERM wording: 7.2 "User u has no permissions to run the 'x' command" / "No permissions to access a
//    key|channel"; 7.0 "this user has no permissions to run the 'x' command" / "... access one of the keys
//    (channels) used as arguments";
//  - ACL LOG entries: 7.2 adds entry-id and timestamps; ages and client-info vary (only cmd= and user= kept).
import type { RespValue } from '../helpers/resp.js';

const s = (v: RespValue | undefined) => v?.data?.toString('latin1') ?? '';

/** Keeps "+@all"/"-@all" and replaces the rules after it with "..." (rule text differs between 7.0 and 7.2). */
function commandHead(text: string): string {
  return text.replace(/([+-]@all)( [+-][^ ()]+)*/g, (_m, head: string) => head + ' ...');
}

/** One ACL LIST line or aclfile line with the version differences removed. */
export function canonUserLine(line: string): string {
  return commandHead(line.replace(/ (skip-)?sanitize-payload/g, ''));
}

/** Canonical text of any reply: aggregates by their items (so a set's size may differ), user lines canonical. */
export function canon(v: RespValue): string {
  if (v.items) {
    const items = v.items.filter((it) => s(it) !== 'sanitize-payload');
    return `[${items.map(canon).join(',')}]`;
  }
  if (v.type === '$' || v.type === '+') {
    const text = s(v);
    if (text.startsWith('user ')) return canonUserLine(text);
    if (/^[+-]@all/.test(text)) return commandHead(text);
    return text.replace(/^(This user|User \S+) has no permissions to run/, '<no-cmd-permission> to run');
  }
  if (v.type === '-') return canonError(s(v));
  return v.raw.toString('latin1');
}

export function canonError(text: string): string {
  return text
    .replace(/^NOPERM (this user|User \S+) has no permissions to run the '([^']*)' command$/, "NOPERM <cmd '$2'>")
    .replace(/^NOPERM (No permissions to access a key|this user has no permissions to access one of the keys used as arguments)$/, 'NOPERM <key>')
    .replace(/^NOPERM (No permissions to access a channel|this user has no permissions to access one of the channels used as arguments)$/, 'NOPERM <channel>');
}

/** ACL LOG: per entry count, reason, context, object, username and the cmd=/user= of client-info. */
export function canonLog(v: RespValue): string {
  if (v.type === '-') return canonError(s(v));
  if (!v.items) return v.raw.toString('latin1');
  return v.items
    .map((e) => {
      const f = new Map<string, string>();
      const items = e.items ?? [];
      for (let i = 0; i + 1 < items.length; i += 2) f.set(s(items[i]), items[i + 1].data?.toString('latin1') ?? '');
      const info = f.get('client-info') ?? '';
      const cmd = /(?:^| )cmd=(\S*)/.exec(info)?.[1];
      const user = /(?:^| )user=(\S*)/.exec(info)?.[1];
      return ['count', 'reason', 'context', 'object', 'username'].map((k) => `${k}=${f.get(k)}`).join(' ') + ` cmd=${cmd} user=${user}`;
    })
    .join('\n');
}
