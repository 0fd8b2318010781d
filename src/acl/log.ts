// ACL LOG: denied commands, keys, channels and failed AUTHs, newest first. Entries with the same reason,
// context, object and user within 60 seconds are folded into one with a count, as Redis does; the list is
// trimmed to acllog-max-len. Counterpart: addACLLogEntry and the ACL LOG subcommand (acl.c).
import { DoubleReply, MapReply, type Reply } from '../protocol/reply.js';

export type DenyReason = 'command' | 'key' | 'channel' | 'auth';
export type DenyContext = 'toplevel' | 'multi' | 'lua' | 'module';

interface Entry {
  count: number;
  reason: DenyReason;
  context: DenyContext;
  object: string;
  username: string;
  /** Last update, unix ms. */
  ctime: number;
  clientInfo: string;
  entryId: number;
  created: number;
}

const GROUPING_MS = 60000;

export class AclLog {
  private entries: Entry[] = [];
  private nextId = 0;
  /** Failures by reason, for INFO's acl_access_denied_* counters. */
  readonly denied = { auth: 0, command: 0, key: 0, channel: 0 };

  constructor(private readonly maxLen: () => number) {}

  add(reason: DenyReason, context: DenyContext, object: string, username: string, clientInfo: string, now: number): void {
    this.denied[reason]++;
    const scan = Math.min(10, this.entries.length);
    for (let i = 0; i < scan; i++) {
      const e = this.entries[i];
      if (
        e.reason === reason &&
        e.context === context &&
        Math.abs(e.ctime - now) <= GROUPING_MS &&
        e.object === object &&
        e.username === username
      ) {
        this.entries.splice(i, 1);
        this.entries.unshift(e);
        e.count++;
        e.ctime = now;
        e.clientInfo = clientInfo;
        return;
      }
    }
    this.entries.unshift({ count: 1, reason, context, object, username, ctime: now, clientInfo, entryId: this.nextId++, created: now });
    const max = this.maxLen();
    if (this.entries.length > max) this.entries.length = Math.max(0, max);
  }

  reset(): void {
    this.entries = [];
  }

  get length(): number {
    return this.entries.length;
  }

  /** ACL LOG [count]: maps with Redis 7.2's ten fields. */
  render(count: number, now: number): Reply[] {
    const out: Reply[] = [];
    const n = Math.min(count, this.entries.length);
    for (let i = 0; i < n; i++) {
      const e = this.entries[i];
      out.push(
        new MapReply([
          'count', e.count,
          'reason', e.reason,
          'context', e.context,
          'object', e.object,
          'username', e.username,
          'age-seconds', new DoubleReply((now - e.ctime) / 1000),
          'client-info', e.clientInfo,
          'entry-id', e.entryId,
          'timestamp-created', e.created,
          'timestamp-last-updated', e.ctime,
        ]),
      );
    }
    return out;
  }
}
