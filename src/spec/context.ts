// The narrow view of the server that a command's execute() sees. Commands never import the server:
// the dispatcher, the in-process test harness and (later) scripting each provide this interface.
import type { Db } from '../keyspace/db.js';
import type { Command } from './types.js';
import type { ErrorReply, Reply } from '../protocol/reply.js';

/** Keyspace notification classes (notify-keyspace-events letters). */
export type NotifyClass = 'g' | '$' | 'l' | 's' | 'h' | 'z' | 'x' | 'e' | 't' | 'm' | 'd' | 'n';

export interface ClientApi {
  readonly id: number;
  name: string;
  /** Protocol version negotiated with HELLO. */
  resp: 2 | 3;
  /** Index of the selected database. */
  readonly dbIndex: number;
  authenticated: boolean;
  user: string;
  libName: string;
  libVer: string;
  /** CLIENT REPLY mode. */
  replyMode: 'on' | 'off' | 'skip';
  /** Ask the connection to close once pending replies are written (QUIT). */
  closeAfterReply(): void;
  /** SELECT: switches database; the caller has range-checked the index. */
  select(index: number): void;
  /** RESET: back to a fresh connection's state. */
  reset(): void;
  /** Channels + patterns + shard channels this client is subscribed to. */
  readonly subscriptionCount: number;
}

/** MULTI/EXEC/WATCH state of a client (src/server/transactions.ts and the engine). */
export interface TransactionsApi {
  multi(client: ClientApi): Reply;
  exec(client: ClientApi): Reply;
  discard(client: ClientApi): Reply;
  watch(client: ClientApi, keys: string[]): Reply;
  unwatch(client: ClientApi): Reply;
}

/** Publish/subscribe services (src/server/pubsub.ts). */
export interface PubSubApi {
  subscribe(client: ClientApi, kind: 'channel' | 'pattern' | 'shard', names: string[]): Reply[];
  unsubscribe(client: ClientApi, kind: 'channel' | 'pattern' | 'shard', names: string[]): Reply[];
  publish(channel: string, message: string): number;
  spublish(channel: string, message: string): number;
  channelNames(kind: 'channel' | 'shard', pattern: string | null): string[];
  subscriberCount(kind: 'channel' | 'shard', channel: string): number;
  readonly patternCount: number;
}

/** Read/write access to configuration directives by Redis name. */
export interface ConfigApi {
  get(name: string): string | undefined;
  getNumber(name: string): number;
  getBool(name: string): boolean;
  /** A value computed from directives by fn, kept until any directive changes (see Config.derive). */
  derive<T>(fn: (c: ConfigApi) => T): T;
  /** Sets one directive; returns an error text (Redis's wording) or null. */
  set(name: string, value: string): string | null;
}

/** A function a library registered (FUNCTION LIST). */
export interface FunctionInfo {
  name: string;
  description: string | null;
  flags: string[];
}

/** Lua scripts and function libraries (src/server/scripting.ts). */
export interface ScriptingApi {
  /** EVAL family: argv is the whole command; bySha for EVALSHA*, readOnly for the *_RO forms. */
  eval(ctx: CommandContext, argv: string[], bySha: boolean, readOnly: boolean): Reply;
  scriptLoad(body: string): Reply;
  scriptExists(shas: string[]): Reply;
  scriptFlush(): Reply;
  scriptKill(): Reply;
  functionLoad(code: string, replace: boolean): Reply;
  functionDelete(name: string): Reply;
  functionFlush(): Reply;
  functionKill(): Reply;
  listLibraries(): Array<{ name: string; code: string; functions: FunctionInfo[] }>;
  /** Loads libraries from their codes (FUNCTION RESTORE), all or nothing. */
  restoreLibraries(codes: string[], policy: 'flush' | 'append' | 'replace'): Reply;
  fcall(ctx: CommandContext, argv: string[], readOnly: boolean): Reply;
  /** The function running now (FUNCTION STATS); the BUSY error while an EVAL script runs; null if none. */
  runningFunction(): { name: string; argv: string[]; durationMs: number } | ErrorReply | null;
  readonly libraryCount: number;
  readonly functionCount: number;
}

/** Server services a command may use. */
export interface ServerApi {
  readonly dbCount: number;
  getDb(index: number): Db;
  readonly config: ConfigApi;
  /** Total changes since start (Redis's server.dirty). */
  readonly dirty: number;
  /** Unix ms of the last successful save. */
  readonly lastSave: number;
  /** The command table (COMMAND and friends). */
  readonly registry: { lookup(name: string): Command | undefined; all(): IterableIterator<Command>; readonly commands: Map<string, Command> };
  /** INFO text for the given section names (already lower-cased; empty = default sections). */
  info(sections: string[]): string;
  /** CLIENT LIST / CLIENT INFO lines. */
  clientList(filter: { type?: string; ids?: number[] }): string;
  clientInfo(client: ClientApi): string;
  /** CLIENT KILL by filters; returns the number killed. */
  clientKill(filter: ClientKillFilter, self: ClientApi): number;
  /** Is there a client with this id (CLIENT KILL ID old form)? */
  hasClient(id: number): boolean;
  readonly pubsub: PubSubApi;
  readonly transactions: TransactionsApi;
  readonly scripting: ScriptingApi;
  /** MONITOR: this client receives every command the server executes from now on. */
  monitor(client: ClientApi): void;
  /** SAVE / BGSAVE. */
  readonly rdb: {
    /** true saved, false failed, 'busy' while a background save runs. */
    save(): boolean | 'busy';
    bgsave(schedule: boolean): 'started' | 'scheduled' | 'busy' | 'aof' | 'failed';
  };
  /** BGREWRITEAOF. */
  readonly aof: { rewrite(): 'started' | 'scheduled' | 'busy' | 'failed' };
  /** SLOWLOG: entries newest first. */
  readonly slowlog: {
    get(count: number): Array<{ id: number; time: number; duration: number; argv: string[]; addr: string; name: string }>;
    readonly length: number;
    reset(): void;
  };
  /** LATENCY: the latency monitor's events and the per-command latency histograms. */
  readonly latency: LatencyApi;
  /** CONFIG REWRITE: rewrites the file the server was started with; null, or the error text. */
  configRewrite(): string | null;
  /** CLIENT TRACKING, CACHING, GETREDIR, TRACKINGINFO. */
  readonly tracking: TrackingApi;
  /** CLIENT PAUSE / UNPAUSE. */
  readonly clientPause: PauseApi;
  /** CLIENT UNBLOCK: ends a blocked client's wait (its timeout reply, or the UNBLOCKED error). */
  unblockClient(id: number, error: boolean): boolean;
  /** CONFIG RESETSTAT. */
  resetStats(): void;
  /** SHUTDOWN: returns an error text if refused; otherwise the process exits. */
  shutdown(opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean; abort?: boolean }): string | null;
  /** DEBUG support. */
  debug: DebugApi;
  /** Password check for AUTH/HELLO: true when user/pass are right. */
  checkPassword(user: string, pass: string): boolean | 'nopass';
  /** Users, permissions and ACL LOG (src/acl). */
  readonly acl: AclApi;
  /** The server's run id, version and mode for HELLO. */
  readonly runId: string;
  readonly version: string;
  /** Unix ms when the server started. */
  readonly startTime: number;
}

/** The ACL services commands use (implemented in src/acl). Error results are full error texts ("ERR ..."). */
export interface AclApi {
  /** ACL SETUSER: applies every rule or none; null or the error text. */
  setUser(username: string, rules: readonly string[], self?: ClientApi | null): string | null;
  /** ACL DELUSER: the number deleted, or the error text; clients of deleted users are disconnected. */
  deleteUsers(names: readonly string[], self: ClientApi | null): number | string;
  getUser(name: string): Reply;
  /** ACL LIST lines and ACL USERS names, sorted by name. */
  list(): string[];
  userNames(): string[];
  cat(category?: string): Reply;
  dryRun(username: string, argv: readonly string[]): Reply;
  genpass(bits: number): string;
  load(self?: ClientApi | null): string | null;
  save(): string | null;
  logEntries(count: number): Reply[];
  resetLog(): void;
  /** AUTH / HELLO AUTH: switches the client's user, or logs the failure (false). */
  authenticate(client: ClientApi, username: string, pass: string, commandName: string): boolean;
  /** The default user has nopass (AUTH <password> alone is then an error). */
  defaultUserNoPass(): boolean;
  /**
   * May this client's user run this command line? null, or the refusal text without an error code (the
   * denial is logged in ACL LOG with context "lua"): for redis.call/pcall in scripts.
   */
  checkPermission(client: ClientApi, cmd: Command, argv: readonly string[], caller?: ClientApi): string | null;
  /** May this client's user run this command line? Nothing is logged (redis.acl_check_cmd). */
  permits(client: ClientApi, cmd: Command, argv: readonly string[]): boolean;
  /** Read access to every key for this command (SORT BY/GET patterns). */
  hasFullKeyAccess(client: ClientApi, cmd: Command, argv: readonly string[]): boolean;
}

/** The LATENCY command's services (src/server/latency.ts). */
export interface LatencyApi {
  /** [event, unix time, latest ms, all-time max ms] per event. */
  latest(): Reply[];
  /** [unix time, ms] pairs of one event, oldest first (empty when unknown). */
  history(event: string): Reply[];
  /** The ASCII graph of an event, or null when it has no samples. */
  graph(event: string): string | null;
  /** The human-readable analysis. */
  doctor(): string;
  /** Drops the named events' histories (any case), or all with no names; returns how many. */
  reset(events: string[]): number;
  /** Per-command latency histograms: every command's (null) or the named commands'. */
  histogram(names: string[] | null): Reply;
}

/** CLIENT TRACKING options besides REDIRECT and PREFIX. */
export interface TrackingOptions {
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
}

/** A tracking client's state as CLIENT TRACKINGINFO reports it. */
export interface TrackingInfo extends TrackingOptions {
  readonly redirect: number;
  /** CLIENT CACHING was given for the next command. */
  readonly caching: boolean;
  /** The redirection client was gone when an invalidation was due. */
  readonly brokenRedirect: boolean;
  /** BCAST prefixes, sorted. */
  readonly prefixes: readonly string[];
}

/** Client-side caching (src/server/tracking.ts). */
export interface TrackingApi {
  /** The client's tracking state, or null when tracking is off. */
  info(client: ClientApi): TrackingInfo | null;
  /** Turns tracking on or changes its options (BCAST prefixes add to those already set). */
  enable(client: ClientApi, redirect: number, opts: TrackingOptions, prefixes: readonly string[]): void;
  disable(client: ClientApi): void;
  /** CLIENT CACHING: applies to the client's next command or transaction. */
  setCaching(client: ClientApi): void;
}

/** CLIENT PAUSE / UNPAUSE (src/server/pause.ts). */
export interface PauseApi {
  /** Holds clients' commands until endMs (unix ms): all of them, or only those that may write. */
  pause(endMs: number, all: boolean): void;
  unpause(): void;
}

export interface ClientKillFilter {
  addr?: string;
  laddr?: string;
  id?: number;
  type?: string;
  user?: string;
  skipme: boolean;
  maxage?: number;
}

export interface DebugApi {
  setActiveExpire(on: boolean): void;
  /** Blocks the event loop for ms (DEBUG SLEEP). */
  sleep(ms: number): void;
  log(msg: string): void;
  changeReplId(): void;
  /** Full garbage collection (DEBUG GC). */
  gc(): void;
  /** DEBUG RELOAD: an error text, or null when the dataset was saved and loaded back. */
  reload(opts: { save: boolean; flush: boolean; merge: boolean }): string | null;
}

export interface CommandContext {
  /** Selected database. */
  readonly db: Db;
  /** The command's cached clock, unix ms (the same for the whole command, MULTI or script). */
  readonly now: number;
  readonly client: ClientApi;
  readonly server: ServerApi;
  /** Marks the dataset changed by n (counts toward save points; triggers propagation). */
  addDirty(n?: number): void;
  /** Propagates this command even if it changed nothing (FLUSHALL on an empty server, as Redis does). */
  forcePropagation(): void;
  /** Replaces the argv propagated to AOF/replicas for this command (e.g. SET EX -> SET PXAT). */
  propagateAs(argv: string[]): void;
  /** Propagates an extra command after this one. */
  alsoPropagate(dbIndex: number, argv: string[]): void;
  /** A key's value changed: invalidates WATCH and client-side caches. */
  signalModifiedKey(db: Db, key: string): void;
  /** Wakes clients blocked on the key without touching WATCH or client-side caches (signalKeyAsReady). */
  signalKeyAsReady(db: Db, key: string): void;
  /** Fires a keyspace notification (event names as Redis's). */
  notify(type: NotifyClass, event: string, key: string, dbIndex: number): void;
  /** The client's protocol version (2 or 3). */
  readonly resp: 2 | 3;
  /**
   * True when the reply is encoded before any other command runs (a client's command, not one inside
   * EXEC or a script): the command may then return a ViewReply that reads the dataset as it is written.
   */
  readonly replyNow: boolean;
}
