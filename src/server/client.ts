// One connected client: identity, protocol version, selected database, query parser and output
// buffer, and the fields CLIENT LIST reports. Counterpart: the client struct of Redis's server.h.
import type { DirectWriter } from './direct-write.js';
import type { Socket } from 'node:net';
import type { ClientApi } from '../spec/context.js';
import type { Db } from '../keyspace/db.js';
import type { Command } from '../spec/types.js';
import { RequestParser } from '../protocol/request-parser.js';
import { OutputBuffer } from '../protocol/encoder.js';
import type { AclUser } from '../acl/user.js';
import type { TrackingState } from './tracking.js';

export interface ClientOwner {
  dbs: Db[];
  requirePassSet(): boolean;
  /** ACL: new and RESET connections start as the default user. */
  readonly acl: { readonly defaultUser: AclUser };
  maxBulkLen(): number;
  /** Runs one parsed command for this client; false pauses parsing. */
  runCommand(c: Client, argv: string[]): boolean;
}

export class Client implements ClientApi {
  name = '';
  resp: 2 | 3 = 2;
  dbIndex = 0;
  db: Db;
  authenticated: boolean;
  user = 'default';
  /** The ACL user this connection runs as (`user` is its name). */
  aclUser: AclUser;
  libName = '';
  libVer = '';
  replyMode: 'on' | 'off' | 'skip' = 'on';
  readonly parser: RequestParser;
  readonly out = new OutputBuffer();
  readonly createdAt = Date.now();
  lastInteraction = Date.now();
  lastCmd = 'NULL';
  closing = false;
  closed = false;
  /** Writes straight to the connection's handle (plain TCP and unix sockets; null for TLS). */
  direct: DirectWriter | null = null;
  /** Flags for CLIENT LIST (N normal; more with later features). */
  flags = 'N';
  noEvict = false;
  noTouch = false;
  /** CLIENT TRACKING is on (the only test on the command path); the details are in trackingState. */
  tracking = false;
  trackingState: TrackingState | null = null;
  /** Held by CLIENT PAUSE: the command to run when the pause ends (src/server/pause.ts). */
  postponed: string[] | null = null;
  /**
   * Replays commands that must be applied as they come (the AOF loader; later a primary's link), like
   * Redis's mustObeyClient: e.g. exact stream trims with LIMIT.
   */
  mustObey = false;
  /** In MONITOR mode (RESET leaves it). */
  monitor = false;
  /** Total bytes read and written, for INFO/CLIENT LIST. */
  netIn = 0;
  netOut = 0;
  argvMem = 0;
  /** When the output first went over the soft limit (0 = not over). */
  softLimitSince = 0;
  /** Replies queued until this event-loop turn's AOF write (CinnabarServer.flush). */
  heldForAof = false;
  /** Connected over loopback or the unix socket (enable-debug-command local, protected mode). */
  isLocal = true;
  /** Waiting in a blocking command. */
  blocked = false;
  /** MULTI: the queued commands, or null outside a transaction. */
  multiQueue: Array<[Command, string[]]> | null = null;
  /** A queued command was refused: EXEC will abort. */
  multiDirty = false;
  /** WATCHed keys as [dbIndex, key, already expired when watched]; casDirty once any changed. */
  watched: Array<[number, string, boolean]> = [];
  casDirty = false;
  /** Pub/Sub subscriptions: channels, patterns, shard channels. */
  readonly subs = new Set<string>();
  readonly psubs = new Set<string>();
  readonly ssubs = new Set<string>();
  /** The parser's sink, bound once so the hot path allocates nothing per read. */
  readonly sink: (argv: string[]) => boolean;

  /** Bytes handed to the connection and not sent yet (CLIENT LIST omem, output limits). */
  get outputPending(): number {
    const s = this.socket;
    if (s === null) return 0;
    return this.direct === null ? s.writableLength : s.writableLength + this.direct.pending;
  }

  constructor(
    readonly id: number,
    private readonly owner: ClientOwner,
    readonly socket: Socket | null,
    readonly addr: string,
    readonly laddr: string,
    readonly fd: number,
  ) {
    this.db = owner.dbs[0];
    this.aclUser = owner.acl.defaultUser;
    this.authenticated = !owner.requirePassSet();
    this.parser = new RequestParser({
      get maxBulkLen() {
        return owner.maxBulkLen();
      },
      unauthenticated: !this.authenticated,
    } as { maxBulkLen: number; unauthenticated: boolean });
    this.syncParserAuth();
    this.sink = (argv) => owner.runCommand(this, argv);
  }

  /** Client type for CLIENT LIST TYPE / CLIENT KILL TYPE. */
  kind(): string {
    return this.subscriptionCount > 0 ? 'pubsub' : 'normal';
  }

  get subscriptionCount(): number {
    return this.subs.size + this.psubs.size + this.ssubs.size;
  }

  flagString(): string {
    // In the order Redis's catClientInfoString writes them.
    let f = this.monitor ? 'O' : '';
    if (this.subscriptionCount > 0) f += 'P';
    if (this.multiQueue !== null) f += 'x';
    if (this.blocked) f += 'b';
    const t = this.trackingState;
    if (this.tracking && t !== null) f += t.brokenRedirect ? (t.bcast ? 'tRB' : 'tR') : t.bcast ? 'tB' : 't';
    if (this.casDirty) f += 'd';
    if (this.closing) f += 'c';
    if (this.noEvict) f += 'e';
    if (this.noTouch) f += 'T';
    return f || 'N';
  }

  /** Keeps the parser's unauthenticated limits in line with the auth state. */
  syncParserAuth(): void {
    this.parser.limits.unauthenticated = !this.authenticated;
  }

  closeAfterReply(): void {
    this.closing = true;
  }

  select(index: number): void {
    this.dbIndex = index;
    this.db = this.owner.dbs[index];
  }

  reset(): void {
    this.select(0);
    this.resp = 2;
    this.name = '';
    this.replyMode = 'on';
    this.noEvict = false;
    this.noTouch = false;
    this.monitor = false;
    this.authenticated = !this.owner.requirePassSet();
    this.user = 'default';
    this.aclUser = this.owner.acl.defaultUser;
    this.syncParserAuth();
  }
}
