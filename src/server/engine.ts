// The engine: databases, command table, configuration and statistics, and processCommand - the
// per-command checklist (lookup -> arity -> auth -> execute -> reply -> propagate). It knows nothing
// of sockets, so the network server and the in-process test harness share it.
// Counterpart: processCommand() and call() in Redis's server.c.
import { randomBytes } from 'node:crypto';
import { Db, type DbHooks } from '../keyspace/db.js';
import { ScanCursors } from '../keyspace/scan-cursors.js';
import { Registry } from '../spec/registry.js';
import type { BlockRequest, Command } from '../spec/types.js';
import type { CommandContext, NotifyClass, ServerApi, ClientApi } from '../spec/context.js';
import { ErrorReply, NoReply, NullArray, OK, QUEUED, type Reply } from '../protocol/reply.js';
import { WatchIndex } from './transactions.js';
import { ERR_NOAUTH, errArity, errUnknownCommand, errUnknownSubcommand, errorReply } from '../protocol/errors.js';
import { Config, REDIS_VERSION } from './config.js';
import { Stats } from './stats.js';
import type { Client } from './client.js';
import { allCommands } from '../cmds/index.js';
import { commandBare } from '../cmds/server/command/index.js';
import { getKeysFromCommand } from '../spec/keys.js';
import { KEYSPACE, KEYEVENT, classBit, parseNotifyFlags } from './notify-flags.js';
import { EVICT_FAIL, Eviction } from './eviction.js';
import { dropPending, noteChanged, pendingCount, settle, type Accounted } from '../keyspace/accounting.js';
import type { Tracking } from './tracking.js';
import type { ClientPause } from './pause.js';
import { LatencyMonitor } from './latency.js';
import { performance } from 'node:perf_hooks';
import { BOXED } from '../util/boxed-number.js';

/** In a transaction these run at once instead of being queued. */
const MULTI_RUNS_NOW = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
const ERR_NESTED_MULTI = errorReply('ERR MULTI calls can not be nested');
const ERR_DISCARD_WITHOUT_MULTI = errorReply('ERR DISCARD without MULTI');
const ERR_WATCH_IN_MULTI = errorReply('ERR WATCH inside MULTI is not allowed');
const ERR_NO_MULTI = errorReply('ERR Command not allowed inside a transaction');
const ERR_EXEC_WITHOUT_MULTI = errorReply('ERR EXEC without MULTI');
const ERR_EXECABORT = errorReply('EXECABORT Transaction discarded because of previous errors.');
const ERR_OOM = errorReply("OOM command not allowed when used memory > 'maxmemory'.");
/** In a transaction these are never refused for memory (processCommand's reject_cmd_on_oom). */
const MULTI_OOM_EXEMPT = new Set(['exec', 'discard', 'quit', 'reset']);
const SCRIPT_RUNNERS = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro', 'exec']);

const SUBSCRIBED_OK = new Set(['subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe', 'ping', 'quit', 'reset']);

export type Propagator = (dbIndex: number, argv: string[]) => void;
export type KeyspaceEventSink = (channel: string, message: string) => void;

/** Per-command state behind the CommandContext a command sees. */
class ExecContext implements CommandContext {
  client!: Client;
  /** Kept boxed (src/util/boxed-number.ts): commands pass it to every lookup. */
  now = BOXED;
  dirtyDelta = 0;
  replyNow = false;
  rewritten: string[] | null = null;
  extra: Array<[number, string[]]> | null = null;
  constructor(readonly engine: Engine) {}
  get db() {
    return this.client.db;
  }
  get resp() {
    return this.client.resp;
  }
  get server(): ServerApi {
    return this.engine.api;
  }
  addDirty(n = 1): void {
    this.dirtyDelta += n;
  }
  forced = false;
  forcePropagation(): void {
    this.forced = true;
  }
  propagateAs(argv: string[]): void {
    this.rewritten = argv;
  }
  alsoPropagate(dbIndex: number, argv: string[]): void {
    (this.extra ??= []).push([dbIndex, argv]);
  }
  signalModifiedKey(db: Db, key: string): void {
    this.engine.signalModifiedKey(db, key);
  }
  signalKeyAsReady(db: Db, key: string): void {
    this.engine.signalKeyAsReady(db, key);
  }
  notify(type: NotifyClass, event: string, key: string, dbIndex: number): void {
    this.engine.notifyKeyspaceEvent(type, event, key, dbIndex);
  }
}

export class Engine {
  readonly config: Config;
  readonly stats = new Stats();
  /** LATENCY events and per-command latency histograms. */
  readonly latency: LatencyMonitor;
  readonly dbs: Db[] = [];
  readonly registry: Registry;
  readonly cursors = new ScanCursors();
  readonly runId = randomBytes(20).toString('hex');
  readonly startTime = Date.now();
  dirty = 0;
  lastSave = Math.floor(Date.now() / 1000);
  activeExpireEnabled = true;
  /** Replaced by the network server with the real implementation of server-level services. */
  api!: ServerApi;
  private readonly propagators: Propagator[] = [];
  private readonly keyspaceSinks: KeyspaceEventSink[] = [];
  private notifyFlags = 0;
  /**
   * Execution contexts by nesting depth: a script's redis.call runs a command while the EVAL that
   * started it is still executing, so each level has its own (reused, never allocated per command).
   */
  private readonly ctxStack: ExecContext[] = [new ExecContext(this)];
  /** Commands currently executing (1 for a plain command, more inside a script). */
  depth = 0;
  private get ctx(): ExecContext {
    return this.ctxStack[0];
  }
  /**
   * The clock commands see: read once per batch of commands (a received chunk), as Redis caches its
   * time, and refreshed after any slow command. Kept boxed (src/util/boxed-number.ts) like the copies
   * of it that commands pass on.
   */
  eventNow = BOXED;
  /** performance.now() at the end of the previous command or the start of the batch (commandstats). */
  private lastMark = performance.now();

  /** Starts a batch: one clock read for every command parsed from one chunk. */
  beginBatch(): void {
    this.eventNow = Date.now();
    this.lastMark = performance.now();
  }

  readonly watches = new WatchIndex();
  /** maxmemory, eviction and used_memory (src/server/eviction.ts). */
  readonly eviction: Eviction;
  /** Memory was over maxmemory with nothing to evict when the running script started (server.script_oom). */
  scriptOom = false;
  /** While EXEC runs: what its commands propagate, sent afterwards wrapped in MULTI/EXEC. */
  private txPropagation: Array<[number, string[]]> | null = null;

  /**
   * Set by the network layer while it runs a client's command whose reply it writes at once: the
   * command may then reply with a ViewReply (CommandContext.replyNow). Off inside EXEC.
   */
  replyNow = false;

  /** Set when the last command asked to block; the caller takes it (and parks the client). */
  pendingBlock: BlockRequest | null = null;

  /** While a script runs past busy-reply-threshold: the BUSY error other clients' commands get. */
  busyError: ErrorReply | null = null;

  /**
   * Re-runs a blocked command's check as its client (a key it waits on changed): a reply ends the wait.
   * The retry names what to propagate with propagateAs (the blocking form itself is never propagated).
   */
  retryBlocked(c: Client, req: BlockRequest): Reply | undefined {
    const ctx = this.ctx;
    ctx.client = c;
    ctx.now = this.clockConfig.now = this.eventNow = Date.now();
    ctx.dirtyDelta = 0;
    ctx.forced = false;
    ctx.rewritten = null;
    ctx.extra = null;
    const r = req.retry(ctx);
    if (r === undefined) return undefined;
    const changed = ctx.dirtyDelta > 0 || ctx.forced;
    if (changed) this.dirty += ctx.dirtyDelta;
    const extra = ctx.extra as Array<[number, string[]]> | null;
    if (this.propagators.length !== 0 && ((changed && ctx.rewritten) || extra !== null)) this.propagateEffects(c.dbIndex, changed ? ctx.rewritten : null, extra);
    return r;
  }

  /** LRU/LFU settings every Db's access clock uses. */
  readonly clockConfig = { lfu: false, logFactor: 10, decayTime: 1, suspended: false, now: BOXED };
  /** Client-side caching (tracking.ts), set by the server: told the keys tracking clients read. */
  tracking: Tracking | null = null;
  /** True while the modified-key hooks run for a key that expired. */
  expiring = false;
  /** Set only while CLIENT PAUSE is in effect (pause.ts): commands that must wait are handed to it. */
  clientPause: ClientPause | null = null;
  /** Watchers of modified keys (WATCH, client tracking) register here. */
  readonly modifiedKeyHooks: Array<(db: Db, key: string) => void> = [];
  /** Runs on signalKeyAsReady: clients blocked on the key get another look (not WATCH, not tracking). */
  readonly keyReadyHooks: Array<(db: Db, key: string) => void> = [];

  constructor(config: Config) {
    this.config = config;
    this.eventNow = this.clockConfig.now = Date.now();
    this.latency = new LatencyMonitor(config);
    this.registry = new Registry(allCommands);
    const command = this.registry.commands.get('command');
    if (command) command.execute = (ctx) => commandBare(ctx);
    const clock = this.clockConfig;
    const syncClock = () => {
      const p = config.get('maxmemory-policy');
      clock.lfu = p === 'allkeys-lfu' || p === 'volatile-lfu';
      clock.logFactor = config.getNumber('lfu-log-factor');
      clock.decayTime = config.getNumber('lfu-decay-time');
      return null;
    };
    syncClock();
    for (const n of ['maxmemory-policy', 'lfu-log-factor', 'lfu-decay-time']) config.onChange(n, syncClock);
    const engine = this;
    const hooks: DbHooks = {
      expired: (db, key) => this.onExpired(db, key),
      // While CLIENT PAUSE holds writes keys are not expired (they only look missing), as in Redis.
      get expireLocally(): boolean {
        return engine.clientPause === null;
      },
      clock,
    };
    const n = config.getNumber('databases');
    for (let i = 0; i < n; i++) this.dbs.push(new Db(i, hooks, this.stats, this.cursors));
    this.eviction = new Eviction(this, config);
    this.slowlogThreshold = config.getNumber('slowlog-log-slower-than');
    config.onChange('slowlog-log-slower-than', (_n, v) => {
      this.slowlogThreshold = Number(v);
      return null;
    });
    this.notifyFlags = parseNotifyFlags(config.get('notify-keyspace-events') ?? '');
    config.onChange('notify-keyspace-events', (_n, v) => {
      this.notifyFlags = parseNotifyFlags(v);
      return null;
    });
  }

  get version(): string {
    return REDIS_VERSION;
  }

  onPropagate(p: Propagator): void {
    this.propagators.push(p);
  }

  onKeyspaceEvent(sink: KeyspaceEventSink): void {
    this.keyspaceSinks.push(sink);
  }

  private onExpired(db: Db, key: string): void {
    this.notifyKeyspaceEvent('x', 'expired', key, db.id);
    // An expiry is no client's change (Redis signals it with no client): BCAST NOLOOP clients hear of it.
    this.expiring = true;
    this.signalModifiedKey(db, key);
    this.expiring = false;
    if (this.propagators.length) this.propagate(db.id, [this.config.getBool('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
  }

  signalModifiedKey(db: Db, key: string): void {
    if (!this.watches.empty) this.watches.touched(db.id, key);
    for (let i = 0; i < this.modifiedKeyHooks.length; i++) this.modifiedKeyHooks[i](db, key);
  }
  signalKeyAsReady(db: Db, key: string): void {
    for (let i = 0; i < this.keyReadyHooks.length; i++) this.keyReadyHooks[i](db, key);
  }


  /**
   * The client of the executing command: the outermost (Redis's current_client, e.g. EVAL's caller) or
   * the innermost (a script's own client); null between commands (active expiry, the cron).
   */
  executingClient(innermost: boolean): Client | null {
    const d = this.depth;
    if (d === 0) return null;
    return this.ctxStack[innermost ? d - 1 : 0].client;
  }

  notifyKeyspaceEvent(type: NotifyClass, event: string, key: string, dbIndex: number): void {
    const flags = this.notifyFlags;
    if (flags === 0 || (flags & classBit(type)) === 0 || this.keyspaceSinks.length === 0) return;
    if (flags & KEYSPACE) {
      for (const s of this.keyspaceSinks) s(`__keyspace@${dbIndex}__:${key}`, event);
    }
    if (flags & KEYEVENT) {
      for (const s of this.keyspaceSinks) s(`__keyevent@${dbIndex}__:${event}`, key);
    }
  }

  /** Set while a script's command runs after redis.set_repl turned propagation off. */
  propagationOff = false;

  propagate(dbIndex: number, argv: string[]): void {
    if (this.propagationOff) return;
    if (this.txPropagation !== null) {
      this.txPropagation.push([dbIndex, argv]);
      return;
    }
    for (let i = 0; i < this.propagators.length; i++) this.propagators[i](dbIndex, argv);
  }

  /**
   * Looks up, checks and runs one command, returning its reply (the caller writes it). Rejections
   * (unknown command, arity, auth) come back as error replies, as Redis's rejectCommand does.
   */
  processCommand(c: Client, argv: string[]): Reply {
    const name = argv[0];
    let cmd: Command | undefined = this.registry.lookup(name);
    if (cmd === undefined) return this.reject(c, null, errUnknownCommand(name, argv.slice(1)));
    if (cmd.subcommands !== undefined) {
      if (argv.length === 1) {
        // A container runs alone only when it has behaviour of its own (bare COMMAND).
        if (cmd.execute === undefined) return this.reject(c, cmd, errArity(cmd.name));
      } else {
        const sub = cmd.subcommands.get(argv[1].toLowerCase());
        if (sub === undefined) return this.reject(c, cmd, errUnknownSubcommand(argv[1], name));
        cmd = sub;
      }
    }
    const arity = cmd.arity;
    if ((arity > 0 && argv.length !== arity) || argv.length < -arity) return this.reject(c, cmd, errArity(cmd.fullName));
    if (!c.authenticated && !cmd.noAuth) return this.reject(c, cmd, ERR_NOAUTH);
    // ACL (src/acl): a user allowed everything (the default user) costs one flag test.
    const aclDenied = c.aclUser.unrestricted ? null : c.aclUser.check(c, cmd, argv);
    if (aclDenied !== null) return this.reject(c, cmd, aclDenied);
    if (this.eviction.maxmemory !== 0) {
      const oom = this.eviction.perform() === EVICT_FAIL;
      if (oom && this.rejectOnOom(c, cmd)) return this.reject(c, cmd, ERR_OOM);
      // The state at a script's start decides whether its first write may run (scriptVerifyOOM).
      if (SCRIPT_RUNNERS.has(cmd.name)) this.scriptOom = oom;
    }
    if (this.misconf !== null && (cmd.isWrite || cmd.name === 'ping')) return this.reject(c, cmd, this.misconf);
    // RESP2 subscribers may only manage subscriptions (RESP3 mixes pushes with ordinary replies).
    if (c.resp === 2 && c.subs.size + c.psubs.size + c.ssubs.size > 0 && !SUBSCRIBED_OK.has(cmd.name)) {
      return this.reject(c, cmd, errorReply(`ERR Can't execute '${cmd.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`));
    }
    // CLIENT PAUSE: the command waits (queueing in MULTI included), as Redis's blockPostponeClient.
    if (this.clientPause !== null && this.clientPause.mustWait(c, cmd)) return this.clientPause.postpone(c, cmd, argv);
    // A timed-out script runs: only allow-busy commands (SCRIPT KILL, SHUTDOWN, MULTI...) get through,
    // checked before MULTI queueing so a refused command dooms the transaction.
    if (this.busyError !== null && !cmd.allowBusy) return this.reject(c, cmd, this.busyError);
    if (c.multiQueue !== null && !MULTI_RUNS_NOW.has(cmd.name)) {
      if (cmd.noMulti) return this.reject(c, cmd, ERR_NO_MULTI);
      c.multiQueue.push([cmd, argv]);
      return QUEUED;
    }
    if (cmd.name === 'exec') {
      const t0 = this.lastMark;
      const r = this.exec(c, cmd);
      // EXEC's own time runs from its start to the end of the last command it ran (no extra clock read).
      this.recordLatency(cmd, (this.lastMark - t0) * 1000);
      // EXEC shows after the commands it ran, as it does in Redis (fed when a command completes).
      if (this.monitorFeed !== null) this.monitorFeed(c, argv);
      return r;
    }
    return this.call(c, cmd, argv);
  }

  /**
   * Refused when out of memory: commands that may grow the dataset, EXEC of a queue holding one, and
   * anything queued in a transaction (the queue itself grows without bound).
   */
  private rejectOnOom(c: Client, cmd: Command): boolean {
    if (cmd.denyOom) return true;
    const queue = c.multiQueue;
    if (queue === null) return false;
    if (cmd.name === 'exec') {
      for (let i = 0; i < queue.length; i++) if (queue[i][0].denyOom) return true;
      return false;
    }
    return !MULTI_OOM_EXEMPT.has(cmd.name);
  }

  private reject(c: Client, cmd: Command | null, err: ErrorReply): ErrorReply {
    if (cmd) cmd.rejectedCalls++;
    if (cmd !== null && cmd.name === 'exec') {
      // A refused EXEC ends the transaction and its WATCHes, inside MULTI or not (execCommandAbort). The
      // reason keeps its code (NOAUTH, OOM, NOPERM...) except for plain ERR errors.
      this.discardTransaction(c);
      this.stats.countError('EXECABORT');
      const why = err.code === 'ERR' ? err.text.slice(err.text.indexOf(' ') + 1) : err.text;
      return errorReply(`EXECABORT Transaction discarded because of: ${why}`);
    }
    this.stats.countError(err.code);
    // Any other refusal dooms the transaction being queued (flagTransaction).
    if (c.multiQueue !== null) c.multiDirty = true;
    return err;
  }

  private logicallyExpired(dbIndex: number, key: string): boolean {
    const db = this.dbs[dbIndex];
    const when = db.getExpire(key);
    return when !== -1 && when <= Date.now() && db.dict.has(key);
  }

  discardTransaction(c: Client): void {
    c.multiQueue = null;
    c.multiDirty = false;
    this.watches.unwatchAll(c);
  }

  /** The TransactionsApi the MULTI family of commands uses. */
  readonly transactions = {
    multi: (client: ClientApi): Reply => {
      const c = client as Client;
      if (c.multiQueue !== null) return ERR_NESTED_MULTI;
      c.multiQueue = [];
      c.multiDirty = false;
      return OK;
    },
    exec: (client: ClientApi): Reply => this.exec(client as Client, this.registry.lookup('exec')!),
    discard: (client: ClientApi): Reply => {
      const c = client as Client;
      if (c.multiQueue === null) return ERR_DISCARD_WITHOUT_MULTI;
      this.discardTransaction(c);
      return OK;
    },
    watch: (client: ClientApi, keys: string[]): Reply => {
      const c = client as Client;
      if (c.multiQueue !== null) return ERR_WATCH_IN_MULTI;
      for (const k of keys) this.watches.watch(c, c.dbIndex, k, this.logicallyExpired(c.dbIndex, k));
      return OK;
    },
    unwatch: (client: ClientApi): Reply => {
      this.watches.unwatchAll(client as Client);
      return OK;
    },
  };

  /** EXEC: runs the queue atomically (nothing else runs in between) and replies with every result. */
  private exec(c: Client, execCmd: Command): Reply {
    const queue = c.multiQueue;
    execCmd.calls++;
    this.stats.commandsProcessed++;
    c.lastCmd = execCmd.fullName;
    if (queue === null) {
      execCmd.failedCalls++;
      this.stats.countError('ERR');
      return ERR_EXEC_WITHOUT_MULTI;
    }
    if (c.multiDirty) {
      this.discardTransaction(c);
      execCmd.failedCalls++;
      this.stats.countError('EXECABORT');
      return ERR_EXECABORT;
    }
    const aborted = c.casDirty || (c.watched.length > 0 && this.watches.expiredSinceWatch(c, (d, k) => this.logicallyExpired(d, k)));
    this.discardTransaction(c);
    if (aborted) return NullArray.instance;
    const replies: Reply[] = [];
    const replyNow = this.replyNow;
    this.replyNow = false;
    this.beginAtomicPropagation();
    try {
      for (const [cmd, argv] of queue) {
        // ACL rules may have changed since the command was queued: checked again, as Redis does (src/acl).
        const aclDenied = c.aclUser.unrestricted ? null : c.aclUser.recheck(c, cmd, argv);
        if (aclDenied !== null) this.stats.countError(aclDenied.code);
        let r = aclDenied ?? this.call(c, cmd, argv);
        const block = this.pendingBlock;
        if (block !== null) {
          // Inside a transaction a blocking command cannot wait: it answers as if timed out.
          this.pendingBlock = null;
          r = block.onTimeout;
        }
        replies.push(r);
      }
    } finally {
      this.replyNow = replyNow;
      this.endAtomicPropagation();
    }
    return replies;
  }

  /**
   * Starts collecting what an atomic unit (EXEC, a script) propagates; false when one is already being
   * collected (a script inside EXEC joins the transaction's).
   */
  beginAtomicPropagation(): boolean {
    if (this.txPropagation !== null) return false;
    this.txPropagation = [];
    return true;
  }

  /** Sends what the atomic unit propagated: alone if one command, else wrapped in MULTI/EXEC. */
  endAtomicPropagation(): void {
    const props = this.txPropagation;
    this.txPropagation = null;
    if (props === null) return;
    if (props.length > 1) {
      this.propagate(props[0][0], ['MULTI']);
      for (const [d, a] of props) this.propagate(d, a);
      this.propagate(props[props.length - 1][0], ['EXEC']);
    } else if (props.length === 1) {
      this.propagate(props[0][0], props[0][1]);
    }
  }

  /** call(): executes with statistics and propagation. */
  call(c: Client, cmd: Command, argv: string[]): Reply {
    const depth = this.depth;
    const ctx = this.ctxStack[depth] ?? (this.ctxStack[depth] = new ExecContext(this));
    ctx.client = c;
    ctx.now = this.clockConfig.now = this.eventNow;
    ctx.dirtyDelta = 0;
    ctx.replyNow = depth === 0 && this.replyNow;
    ctx.forced = false;
    ctx.rewritten = null;
    ctx.extra = null;
    const dbIndex = c.dbIndex;
    c.lastCmd = cmd.fullName;
    // CLIENT NO-TOUCH: this client's commands leave access times alone, except TOUCH itself.
    this.clockConfig.suspended = c.noTouch && cmd.name !== 'touch';
    const t0 = this.lastMark;
    // Values changed outside any command (a blocked client served, a load) are priced first: the notes
    // this command leaves may be dropped if it changes nothing.
    if (pendingCount !== 0 && depth === 0) settle();
    // A background save is running: keys this write command names are written to it first.
    if (this.snapshotActive && cmd.isWrite) this.beforeWrite(c, cmd, argv);
    let r: Reply;
    this.depth = depth + 1;
    try {
      r = cmd.execute!(ctx, argv) as Reply;
    } catch (err) {
      // A bug in one command must not take the server down: report it and answer with an error.
      r = this.commandCrashed(cmd, err);
    } finally {
      this.depth = depth;
    }
    // Client-side caching: the keys a read-only command read for a tracking client (a script's commands
    // count for the client that called the script).
    if (cmd.isReadonly) {
      const cur = depth === 0 ? c : this.ctxStack[0].client;
      if (cur.tracking) this.tracking!.rememberKeys(cur, cmd, argv);
    }
    if (depth === 0) this.clockConfig.suspended = false;
    // Aggregates a write changed through a read lookup (XREADGROUP's PEL), noting nothing itself: priced
    // again from the keys its key specs name. String and generic commands (DEL, EXPIRE, RENAME...) never
    // change an aggregate in place: what they store is priced as it is stored.
    if (pendingCount === 0 && cmd.isWrite && (ctx.dirtyDelta > 0 || ctx.forced) && cmd.repriceKeys) this.noteWrittenKeys(c.dbIndex === dbIndex ? c.db : this.dbs[dbIndex], cmd, argv);
    if (pendingCount !== 0) {
      if (ctx.dirtyDelta > 0 || ctx.forced || depth > 0) settle();
      else dropPending();
    }
    const t1 = performance.now();
    const dt = t1 - t0;
    this.lastMark = t1;
    // A slow command (DEBUG SLEEP, a huge KEYS) moves the shared clock on for the commands after it;
    // inside a script the clock stays frozen at the script's start, as Redis keeps it.
    if (dt > 1 && depth === 0) this.eventNow = Date.now();
    cmd.calls++;
    const micros = dt * 1000;
    cmd.usec += micros;
    this.recordLatency(cmd, micros);
    this.stats.commandsProcessed++;
    if (this.monitorFeed !== null && !cmd.isAdmin && !cmd.skipMonitor) this.monitorFeed(c, argv);
    if (micros >= this.slowlogThreshold && this.slowlogThreshold >= 0 && !cmd.skipSlowlog) this.onSlowCommand(c, argv, micros);
    if (r instanceof ErrorReply) {
      cmd.failedCalls++;
      this.stats.countError(r.code);
    } else if (cmd.isBlocking && typeof r === 'object' && r !== null && (r as unknown as BlockRequest).kind === 'block') {
      // The network layer parks the client (see blocking.ts); the command replies when served.
      this.pendingBlock = r as unknown as BlockRequest;
      r = NoReply.instance;
    }
    const changed = ctx.dirtyDelta > 0 || ctx.forced;
    if (changed) this.dirty += ctx.dirtyDelta;
    const extra = ctx.extra as Array<[number, string[]]> | null;
    if (this.propagators.length !== 0 && (changed || extra !== null)) this.propagateEffects(dbIndex, changed ? (ctx.rewritten ?? argv) : null, extra);
    return r;
  }

  /** Notes the aggregate values under the keys a write command names, for the used_memory accounting. */
  private noteWrittenKeys(db: Db, cmd: Command, argv: string[]): void {
    for (const ref of getKeysFromCommand(cmd.meta, argv)) {
      const key = argv[ref.index];
      const v = db.dict.get(key);
      if (v !== undefined && typeof v !== 'string') noteChanged(db, key, v as unknown as Accounted);
    }
  }

  /** LATENCY HISTOGRAM / latencystats (one typed-array increment) and the command latency events. */
  private recordLatency(cmd: Command, micros: number): void {
    const lat = this.latency;
    if (lat.tracking) lat.recordCommand(cmd, micros);
    if (micros >= lat.thresholdUs) lat.addSample(cmd.isFast ? 'fast-command' : 'command', micros / 1000);
  }

  /** A command's propagation: its own argv (or rewrite) and extras, wrapped in MULTI/EXEC when several. */
  private propagateEffects(dbIndex: number, main: string[] | null, extra: Array<[number, string[]]> | null): void {
    const wrap = extra !== null && (main !== null ? 1 : 0) + extra.length > 1 && this.beginAtomicPropagation();
    if (main !== null) this.propagate(dbIndex, main);
    if (extra !== null) for (const [d, a] of extra) this.propagate(d, a);
    if (wrap) this.endAtomicPropagation();
  }

  /** Set while a client is in MONITOR mode: shows one executed command to the monitors. */
  monitorFeed: ((c: Client, argv: readonly string[]) => void) | null = null;
  /** slowlog-log-slower-than in microseconds (negative: off). */
  slowlogThreshold = 10000;
  /** Records a command that took at least slowlogThreshold microseconds. */
  onSlowCommand: (c: Client, argv: readonly string[], micros: number) => void = () => {};

  /** redis.log from a script (the server writes it to its log). */
  onScriptLog: (level: number, message: string) => void = () => {};

  /** MISCONF: the error writes (and PING) get while saving to disk fails, else null. */
  misconf: ErrorReply | null = null;

  /** True while a background save runs (each Db's snapshot observer is set). */
  snapshotActive = false;

  private beforeWrite(c: Client, cmd: Command, argv: string[]): void {
    const db = c.db;
    const snap = db.snapshot;
    if (snap === null) return;
    for (const ref of getKeysFromCommand(cmd.meta, argv)) snap.beforeChange(db.dict, argv[ref.index]);
  }

  /** Hook for logging a command that threw (the server logs it); returns the error reply sent. */
  onCommandError: (cmd: Command, err: unknown) => void = () => {};

  private commandCrashed(cmd: Command, err: unknown): Reply {
    this.stats.unexpectedErrorReplies++;
    this.onCommandError(cmd, err);
    const msg = err instanceof Error ? err.message : String(err);
    return errorReply(`ERR internal error in '${cmd.fullName}': ${msg}`);
  }

  /** One round of active expiry over all databases (hz timer); returns keys expired. */
  activeExpireCycle(budgetMs: number): number {
    if (!this.activeExpireEnabled || this.clientPause !== null) return 0;
    const start = performance.now();
    const effort = this.config.getNumber('active-expire-effort') - 1;
    const perLoop = 20 + 5 * effort;
    const acceptableStale = 10 - effort;
    let total = 0;
    const now = Date.now();
    for (const db of this.dbs) {
      if (db.expires.size === 0) {
        db.avgTtl = 0;
        continue;
      }
      for (;;) {
        let sampled = 0;
        let expired = 0;
        let ttlSum = 0;
        let ttlSamples = 0;
        for (; sampled < perLoop; ) {
          if (db.expires.size === 0) break;
          let it = db.expireCursor;
          if (it === null) it = db.expireCursor = db.expires.entries();
          const r = it.next();
          if (r.done) {
            db.expireCursor = null;
            if (sampled === 0 && db.expires.size > 0) continue;
            break;
          }
          sampled++;
          const [key, when] = r.value;
          if (when <= now) {
            if (db.expireIfNeeded(key, now)) expired++;
          } else {
            ttlSum += when - now;
            ttlSamples++;
          }
        }
        total += expired;
        if (ttlSamples > 0) {
          const avg = ttlSum / ttlSamples;
          db.avgTtl = db.avgTtl === 0 ? avg : (db.avgTtl / 50) * 49 + avg / 50;
        }
        if (sampled === 0 || (expired * 100) / sampled <= acceptableStale) break;
        if (performance.now() - start > budgetMs) return this.expireCycleDone(start, total);
      }
      if (performance.now() - start > budgetMs) break;
    }
    return this.expireCycleDone(start, total);
  }

  /** The expire-cycle latency event for a finished round of active expiry. */
  private expireCycleDone(start: number, total: number): number {
    if (this.latency.thresholdMs > 0) this.latency.addSampleIfNeeded('expire-cycle', Math.floor(performance.now() - start));
    return total;
  }
}

export type { ClientApi };
