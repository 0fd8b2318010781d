// Client-side caching: the tracking table (keys read by tracking clients -> their ids), broadcast
// prefixes, and the invalidation messages sent when a tracked key changes, the databases are flushed
// or the table outgrows tracking-table-max-keys. Counterpart: Redis's tracking.c.
//
// Cost for connections that never enable tracking: the engine tests `client.tracking` after read-only
// commands, the server tests it after each command, and the modified-key hook is installed only when
// the first client turns tracking on.
import type { Client } from './client.js';
import type { Command } from '../spec/types.js';
import type { ClientApi, TrackingApi, TrackingInfo, TrackingOptions } from '../spec/context.js';
import { getKeysFromCommand } from '../spec/keys.js';

/** Per-client tracking state (Redis keeps it as client flags plus the redirection id and prefixes). */
export interface TrackingState {
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  /** CLIENT CACHING given for the next command (or transaction). */
  caching: boolean;
  /** The redirection client was gone when an invalidation was due. */
  brokenRedirect: boolean;
  /** BCAST prefixes, kept sorted as Redis's radix tree lists them. */
  prefixes: string[];
}

/** What the tracking table needs from the server. */
export interface TrackingHost {
  clientById(id: number): Client | undefined;
  clients(): Iterable<Client>;
  /** The client whose command is executing (Redis's current_client), or null between commands. */
  currentClient(): Client | null;
  /** The client that issued the innermost executing command (a script's own client inside EVAL). */
  modifyingClient(): Client | null;
  /** Writes a client's pending output to its socket. */
  flush(c: Client): void;
  maxKeys(): number;
  /** Runs fn on every key change (engine.modifiedKeyHooks). */
  onModifiedKey(fn: (key: string) => void): void;
}

/** Keys changed under one broadcast prefix since the last broadcast, and who listens to it. */
interface BcastState {
  /** key -> the client that changed it last (for NOLOOP), null for expiry and the like. */
  keys: Map<string, Client | null>;
  clients: Set<Client>;
}

const INVALIDATE_PUSH = '>2\r\n$10\r\ninvalidate\r\n';
const INVALIDATE_MESSAGE = '*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n';
const NULL2 = '$-1\r\n';
const NULL3 = '_\r\n';
/** The read-only script commands: the commands the script runs are tracked instead of their key arguments. */
const SCRIPT_RO = new Set(['eval_ro', 'evalsha_ro', 'fcall_ro']);

function encodeKeys(keys: readonly string[]): string {
  let s = `*${keys.length}\r\n`;
  for (const k of keys) s += `$${k.length}\r\n${k}\r\n`;
  return s;
}

export class Tracking implements TrackingApi {
  /** key -> ids of the clients that may have it cached. */
  private readonly table = new Map<string, Set<number>>();
  /** Client ids stored over the whole table (INFO tracking_total_items). */
  private totalItems = 0;
  private readonly prefixTable = new Map<string, BcastState>();
  /** Clients with tracking on (INFO tracking_clients). */
  trackingClients = 0;
  /** Invalidations for the current client, sent after its command's reply (tracking_pending_keys). */
  private readonly pendingSelf: Array<string | null> = [];
  /** Clients given invalidations, written out at the end of this event-loop turn. */
  private readonly dirty = new Set<Client>();
  private turnScheduled = false;
  private hooked = false;
  /** Calls of limit() in a row that could not get under the limit (Redis's timeout_counter). */
  private limitMisses = 0;
  private bcastPending = false;

  constructor(private readonly host: TrackingHost) {}

  get totalKeys(): number {
    return this.table.size;
  }

  get items(): number {
    return this.totalItems;
  }

  get prefixCount(): number {
    return this.prefixTable.size;
  }

  // ---- the services CLIENT TRACKING/CACHING/GETREDIR/TRACKINGINFO use ----

  info(client: ClientApi): TrackingInfo | null {
    const c = client as Client;
    return c.tracking ? (c.trackingState as TrackingInfo) : null;
  }

  /** enableTracking: turns tracking on (or changes its options); BCAST prefixes add to those already set. */
  enable(client: ClientApi, redirect: number, opts: TrackingOptions, prefixes: readonly string[]): void {
    const c = client as Client;
    let st = c.trackingState;
    if (!c.tracking || st === null) {
      this.trackingClients++;
      c.tracking = true;
      st = c.trackingState = { redirect: 0, bcast: false, optin: false, optout: false, noloop: false, caching: false, brokenRedirect: false, prefixes: [] };
    }
    st.redirect = redirect;
    st.brokenRedirect = false;
    st.bcast = opts.bcast;
    st.optin = opts.optin;
    st.optout = opts.optout;
    st.noloop = opts.noloop;
    if (opts.bcast) {
      if (prefixes.length === 0) this.addPrefix(c, st, '');
      for (const p of prefixes) this.addPrefix(c, st, p);
    }
    if (!this.hooked) {
      this.hooked = true;
      this.host.onModifiedKey((key) => this.invalidateKey(key));
    }
  }

  private addPrefix(c: Client, st: TrackingState, prefix: string): void {
    let bs = this.prefixTable.get(prefix);
    if (bs === undefined) this.prefixTable.set(prefix, (bs = { keys: new Map(), clients: new Set() }));
    if (bs.clients.has(c)) return;
    bs.clients.add(c);
    const list = st.prefixes;
    let i = list.length;
    while (i > 0 && list[i - 1] > prefix) i--;
    list.splice(i, 0, prefix);
  }

  /** disableTracking: the client's ids stay in the table and are skipped lazily, as in Redis. */
  disable(client: ClientApi): void {
    const c = client as Client;
    const st = c.trackingState;
    if (!c.tracking || st === null) return;
    for (const p of st.prefixes) {
      const bs = this.prefixTable.get(p);
      if (bs === undefined) continue;
      bs.clients.delete(c);
      if (bs.clients.size === 0) this.prefixTable.delete(p);
    }
    this.trackingClients--;
    c.tracking = false;
    c.trackingState = null;
    // Turned off by its own transaction after changing keys it tracked: those invalidations are dropped
    // (Redis would still send them), so that they can never reach another client.
    if (this.pendingSelf.length > 0 && this.host.currentClient() === c) this.pendingSelf.length = 0;
  }

  /** CLIENT CACHING yes|no: the next command (or transaction) is tracked (OPTIN) or not (OPTOUT). */
  setCaching(client: ClientApi): void {
    const st = (client as Client).trackingState;
    if (st !== null) st.caching = true;
  }

  // ---- hooks from the engine and the server ----

  /** trackingRememberKeys: after a read-only command run for a tracking client (not in BCAST mode). */
  rememberKeys(tracking: Client, cmd: Command, argv: readonly string[]): void {
    const st = tracking.trackingState;
    if (st === null || st.bcast) return;
    // Shard channels count as keys in key specs but are not cached data.
    if (SCRIPT_RO.has(cmd.name) || cmd.meta.flags.includes('pubsub')) return;
    if ((st.optin && !st.caching) || (st.optout && st.caching)) return;
    const refs = getKeysFromCommand(cmd.meta, argv);
    const id = tracking.id;
    for (let i = 0; i < refs.length; i++) {
      const key = argv[refs[i].index];
      let ids = this.table.get(key);
      if (ids === undefined) this.table.set(key, (ids = new Set()));
      if (!ids.has(id)) {
        ids.add(id);
        this.totalItems++;
      }
    }
  }

  /**
   * After a tracking client's command and its reply: invalidations of keys it changed itself follow
   * the reply, CLIENT CACHING lasts for one command (or a whole transaction, or across CLIENT
   * subcommands), and the table is brought back under tracking-table-max-keys.
   */
  afterCommand(c: Client, argv: readonly string[]): void {
    if (this.pendingSelf.length > 0) {
      for (const key of this.pendingSelf) {
        if (key === null) this.send(c, null, c.resp === 3 ? NULL3 : NULL2);
        else this.send(c, key, null);
      }
      this.pendingSelf.length = 0;
    }
    const st = c.trackingState;
    if (st !== null && st.caching && c.multiQueue === null && argv[0].toLowerCase() !== 'client') st.caching = false;
    if (this.table.size > 0) this.limit(c);
  }

  /**
   * trackingInvalidateKey: a key changed (or is dropped from the table: bcast false). `current` is the
   * client whose command runs (NOLOOP skips it); while `executing`, its own invalidations wait for its reply.
   */
  invalidateKey(key: string, bcast = true, current: Client | null = this.host.currentClient(), executing = current !== null): void {
    if (bcast && this.prefixTable.size > 0) this.rememberKeyToBroadcast(key);
    const ids = this.table.get(key);
    if (ids === undefined) return;
    for (const id of ids) {
      const target = this.host.clientById(id);
      const st = target?.trackingState;
      if (target === undefined || !target.tracking || !st || st.bcast) continue;
      if (st.noloop && target === current) continue;
      // The current client's own changes are reported after its reply, never in the middle of it.
      if (target === current && executing) this.pendingSelf.push(key);
      else this.send(target, key, null);
    }
    this.totalItems -= ids.size;
    this.table.delete(key);
  }

  private rememberKeyToBroadcast(key: string): void {
    const by = this.host.modifyingClient();
    for (const [prefix, bs] of this.prefixTable) {
      if (prefix.length > key.length) continue;
      if (prefix.length !== 0 && !key.startsWith(prefix)) continue;
      bs.keys.set(key, by);
      this.bcastPending = true;
    }
    if (this.bcastPending) this.scheduleTurn();
  }

  /** trackingInvalidateKeysOnFlush: every tracking client is told "everything" (a null) and the table is emptied. */
  flushed(): void {
    if (this.trackingClients > 0) {
      const current = this.host.currentClient();
      for (const c of this.host.clients()) {
        if (!c.tracking) continue;
        if (c === current) this.pendingSelf.push(null);
        else this.send(c, null, c.resp === 3 ? NULL3 : NULL2);
      }
    }
    this.table.clear();
    this.totalItems = 0;
  }

  /** trackingLimitUsedSlots: drops keys (with invalidations) while the table is over tracking-table-max-keys. */
  limit(current: Client | null): void {
    const max = this.host.maxKeys();
    if (max === 0 || this.table.size <= max) {
      this.limitMisses = 0;
      return;
    }
    // Redis picks keys by a random walk; the oldest entries go first here.
    let effort = 100 * (this.limitMisses + 1);
    for (const key of this.table.keys()) {
      if (effort-- <= 0) break;
      this.invalidateKey(key, false, current, false);
      if (this.table.size <= max) {
        this.limitMisses = 0;
        return;
      }
    }
    this.limitMisses++;
  }

  /** A client disconnected: its broadcast subscriptions go; its ids in the table are skipped lazily. */
  clientFreed(c: Client): void {
    this.disable(c);
    this.dirty.delete(c);
  }

  /** Redis's beforeSleep part: broadcast the keys changed this turn, then write every queued invalidation. */
  private endOfTurn(): void {
    this.turnScheduled = false;
    if (this.bcastPending) {
      this.bcastPending = false;
      this.broadcast();
    }
    for (const c of this.dirty) this.host.flush(c);
    this.dirty.clear();
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(() => this.endOfTurn());
  }

  /** trackingBroadcastInvalidationMessages: per prefix (in sorted order), the sorted keys changed under it. */
  private broadcast(): void {
    if (this.trackingClients === 0) {
      for (const bs of this.prefixTable.values()) bs.keys.clear();
      return;
    }
    const prefixes = [...this.prefixTable.keys()].sort();
    for (const prefix of prefixes) {
      const bs = this.prefixTable.get(prefix)!;
      if (bs.keys.size === 0) continue;
      const keys = [...bs.keys.keys()].sort();
      const all = encodeKeys(keys);
      for (const c of bs.clients) {
        if (c.trackingState?.noloop) {
          // NOLOOP: leave out the keys this client changed last.
          const own = keys.filter((k) => bs.keys.get(k) !== c);
          if (own.length > 0) this.send(c, null, own.length === keys.length ? all : encodeKeys(own));
        } else this.send(c, null, all);
      }
      bs.keys.clear();
    }
  }

  /**
   * sendTrackingMessage: one invalidation for a tracking client, on its own connection (RESP3 push) or
   * to its redirection client (RESP3 push, or a RESP2 Pub/Sub message on __redis__:invalidate when that
   * client is subscribed). `proto` is an already encoded value (a key array or a null) replacing `key`.
   */
  private send(c: Client, key: string | null, proto: string | null): void {
    let target = c;
    let redirected = false;
    const st = c.trackingState;
    if (st !== null && st.redirect !== 0) {
      const r = this.host.clientById(st.redirect);
      if (r === undefined || r.closed) {
        st.brokenRedirect = true;
        if (c.resp === 3 && !c.closed) {
          c.out.latin1(`>2\r\n$21\r\ntracking-redir-broken\r\n:${st.redirect}\r\n`);
          this.markDirty(c);
        }
        return;
      }
      target = r;
      redirected = true;
    }
    if (target.closed) return;
    if (target.resp === 3) target.out.latin1(INVALIDATE_PUSH);
    else if (redirected && target.subscriptionCount > 0) target.out.latin1(INVALIDATE_MESSAGE);
    else return; // RESP2 without redirection has no way to receive it
    if (proto !== null) target.out.latin1(proto);
    else target.out.latin1(`*1\r\n$${key!.length}\r\n${key}\r\n`);
    this.markDirty(target);
  }

  private markDirty(c: Client): void {
    this.dirty.add(c);
    this.scheduleTurn();
  }
}
