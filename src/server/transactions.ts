// MULTI/EXEC/DISCARD and WATCH: the queued-command state lives on the Client; this module keeps the
// watched-key index that marks transactions dirty when a watched key changes (by any client, by
// expiry or by a flush). Counterpart: Redis's multi.c.
import type { Client } from './client.js';

export class WatchIndex {
  /** dbIndex -> key -> clients watching it. */
  private readonly byDb = new Map<number, Map<string, Set<Client>>>();

  watch(c: Client, dbIndex: number, key: string, expiredNow: boolean): void {
    for (const [d, k] of c.watched) if (d === dbIndex && k === key) return;
    c.watched.push([dbIndex, key, expiredNow]);
    let keys = this.byDb.get(dbIndex);
    if (!keys) this.byDb.set(dbIndex, (keys = new Map()));
    let set = keys.get(key);
    if (!set) keys.set(key, (set = new Set()));
    set.add(c);
  }

  unwatchAll(c: Client): void {
    for (const [d, k] of c.watched) {
      const keys = this.byDb.get(d);
      const set = keys?.get(k);
      if (!set) continue;
      set.delete(c);
      if (set.size === 0) keys!.delete(k);
    }
    c.watched = [];
    c.casDirty = false;
  }

  /** touchWatchedKey: every client watching the key will see EXEC fail. */
  touched(dbIndex: number, key: string): void {
    const set = this.byDb.get(dbIndex)?.get(key);
    if (set) for (const c of set) c.casDirty = true;
  }

  /**
   * isWatchedKeyExpired: a watched key that has logically expired since WATCH (but was not deleted yet)
   * counts as changed.
   */
  expiredSinceWatch(c: Client, isExpired: (dbIndex: number, key: string) => boolean): boolean {
    for (const [d, k, expiredAtWatch] of c.watched) if (!expiredAtWatch && isExpired(d, k)) return true;
    return false;
  }

  get empty(): boolean {
    return this.byDb.size === 0;
  }
}
