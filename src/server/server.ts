// The network server: TCP and unix-socket listeners, per-connection read -> parse -> execute -> one
// write per readable event, client limits, the hz timer (active expiry, timeouts, stats), signals and
// SHUTDOWN, and the ServerApi that server-level commands use.
// Counterpart: Redis's networking.c (connections), server.c (serverCron, main) and the listeners.
import { DirectWriter, KEPT, NOT_WRITTEN, WRITTEN, readDirect } from './direct-write.js';
import { createServer, Socket, type Server as NetServer } from 'node:net';
import { chmodSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ErrorReply, NoReply, Status, type Reply } from '../protocol/reply.js';
import type { ClientApi, ClientKillFilter, ServerApi, DebugApi } from '../spec/context.js';
import { Client, type ClientOwner } from './client.js';
import { Engine } from './engine.js';
import type { Config } from './config.js';
import { Logger } from './logger.js';
import { renderInfo, usedMemory, type InfoSource } from './info/sections.js';
import { formatClient } from './client-list.js';
import { BlockingManager } from './blocking.js';
import { PubSub } from './pubsub.js';
import { Acl } from '../acl/acl.js';
import { ScriptingService } from './scripting.js';
import { SlowLog } from './slowlog.js';
import { RdbPersistence } from './rdb-persistence.js';
import { AppendOnlyFile } from './aof.js';
import { monitorLine } from './monitor.js';
import { createBusyPoller } from './busy-poll.js';
import { BusyAcceptor } from './busy-accept.js';
import { Tracking } from './tracking.js';
import { ClientPause } from './pause.js';
import { rewriteConfigFile } from './config-rewrite.js';
import { TlsService } from './tls.js';
import type { TLSSocket } from 'node:tls';

export const CINNABAR_VERSION = '0.1.0';

/** Replies queued past this are written at once, so output limits apply within one pipelined read. */
const OUT_FLUSH_AT = 1 << 20;

const ERR_UNBLOCKED = new ErrorReply('UNBLOCKED client unblocked via CLIENT UNBLOCK');
const ERR_DEBUG_DISABLED = new ErrorReply(
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
);
const DENIED =
  '-DENIED Cinnabar is running in protected mode because protected mode is enabled and no password is set for the default user. ' +
  'In this mode connections are only accepted from the loopback interface. If you want to connect from external computers, ' +
  'you may set a password with CONFIG SET requirepass <password> from a loopback connection, bind to specific addresses ' +
  'with the bind directive and restart, or disable protected mode with CONFIG SET protected-mode no.\r\n';

let gcFn: (() => void) | null = null;
/** A full V8 collection without starting node with --expose-gc. */
function fullGc(): void {
  if (gcFn === null) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  // Twice: objects freed by the first pass's weak callbacks and finalizers (sockets, Buffers' backing
  // stores) are only reclaimed by a second one.
  gcFn();
  gcFn();
}

function isLoopback(addr: string | undefined): boolean {
  if (!addr) return true;
  return addr.startsWith('127.') || addr === '::1' || addr.startsWith('::ffff:127.');
}

export interface ServerOptions {
  config: Config;
  logger?: Logger;
}

export class CinnabarServer implements ClientOwner {
  readonly engine: Engine;
  readonly config: Config;
  readonly log: Logger;
  readonly clients = new Map<number, Client>();
  private nextClientId = 1;
  private listeners: NetServer[] = [];
  private timer: NodeJS.Timeout | null = null;
  private statsTimer: NodeJS.Timeout | null = null;
  private replId = randomBytes(20).toString('hex');
  private readsProcessed = 0;
  private writesProcessed = 0;
  private peakMemory = { value: 0 };
  private startupMemory = usedMemory();
  private shuttingDown = false;
  private dirtyAtSave = 0;
  port = 6379;
  readonly blocking: BlockingManager;
  readonly pubsub: PubSub;
  readonly acl: Acl;
  readonly scripting: ScriptingService;
  /** Clients in MONITOR mode. */
  readonly monitors = new Set<Client>();
  readonly slowlog = new SlowLog();
  /** Client-side caching: the tracking table and invalidations. */
  readonly tracking: Tracking;
  /** CLIENT PAUSE: clients held until it ends. */
  readonly clientPause: ClientPause;
  readonly rdb: RdbPersistence;
  readonly aof: AppendOnlyFile;
  readonly tls: TlsService;
  /** Resolves when the server has stopped (SHUTDOWN or signal). */
  readonly stopped: Promise<number>;
  private resolveStopped!: (code: number) => void;
  exitOnShutdown = true;

  constructor(opts: ServerOptions) {
    this.config = opts.config;
    this.log = opts.logger ?? new Logger();
    this.log.setLevel(this.config.get('loglevel')!);
    this.engine = new Engine(this.config);
    this.engine.eviction.baseline = this.startupMemory;
    // No evictions (and no OOM refusals) while a dataset loads, the AOF replays or clients are paused
    // (isSafeToPerformEvictions; the AOF client is one Redis must obey).
    this.engine.eviction.suspended = () =>
      (this.rdb !== undefined && this.rdb.loading) || (this.aof !== undefined && this.aof.replaying) || this.engine.clientPause !== null;
    this.acl = new Acl(this.engine.registry, {
      clients: () => this.clients.values(),
      freeClient: (c) => this.freeClient(c as Client),
      clientInfo: (c) => formatClient(this, c as Client),
      log: (level, msg) => this.log.log(level, msg),
      config: (name) => this.config.get(name) ?? '',
    });
    if (this.requirePass() !== '') this.acl.updateDefaultPassword(this.requirePass());
    this.config.onChange('requirepass', (_n, v) => {
      this.acl.updateDefaultPassword(v);
      return null;
    });
    this.engine.onCommandError = (cmd, err) =>
      this.log.log('warning', `Command '${cmd.fullName}' failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    this.pubsub = new PubSub((c) => this.flush(c));
    this.engine.onKeyspaceEvent((channel, message) => this.pubsub.publish(channel, message));
    this.scripting = new ScriptingService(this.engine, this);
    // A script past busy-reply-threshold serves the other connections from its count hook.
    const busy = createBusyPoller({
      clients: () => this.clients.values(),
      feed: (c, chunk) => this.onData(c, chunk),
      write: (c) => this.writeOut(c),
      drop: (c) => this.freeClient(c),
      stopping: () => this.shuttingDown,
      clock: this.engine,
      acceptor: new BusyAcceptor(
        () =>
          this.listeners
            .filter((l) => !('addContext' in l))
            .map((l) => ({ fd: (l as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1, isUnix: typeof l.address() === 'string' }))
            .filter((l) => l.fd >= 0),
        (fd, isUnix) => this.accept(new Socket({ fd, readable: true, writable: true }), isUnix),
      ),
    });
    this.scripting.whileBusy = busy.poll;
    this.scripting.afterBusy = busy.end;
    this.engine.onScriptLog = (level, msg) => {
      // redis.log levels: 0 debug, 1 verbose, 2 notice, 3 warning.
      const name = (['debug', 'verbose', 'notice', 'warning'] as const)[level];
      if (name !== undefined) this.log.log(name, msg);
    };
    this.engine.onSlowCommand = (c, argv, micros) =>
      this.slowlog.push(argv, micros, c.addr === '' ? '?:0' : c.addr, c.name, this.config.getNumber('slowlog-max-len'));
    this.config.onChange('slowlog-max-len', (_n, v) => {
      this.slowlog.trim(Number(v));
      return null;
    });
    this.rdb = new RdbPersistence(this.engine, this.config, this.log, this.scripting, (dirty) => (this.dirtyAtSave = dirty));
    this.aof = new AppendOnlyFile(this.engine, this.config, this.log, this.rdb);
    this.aof.makeClient = () => {
      const c = new Client(0, this, null, '', '', -1);
      c.authenticated = true;
      c.mustObey = true;
      return c;
    };
    this.config.onChange('appendonly', (_n, v) => {
      if (v === 'yes') this.aof.start();
      else this.aof.stop();
      return null;
    });
    this.tracking = new Tracking({
      clientById: (id) => this.clients.get(id),
      clients: () => this.clients.values(),
      currentClient: () => this.engine.executingClient(false),
      modifyingClient: () => (this.engine.expiring ? null : this.engine.executingClient(true)),
      flush: (c) => this.flush(c),
      maxKeys: () => this.config.getNumber('tracking-table-max-keys'),
      onModifiedKey: (fn) => this.engine.modifiedKeyHooks.push((_db, key) => fn(key)),
    });
    this.engine.tracking = this.tracking;
    this.clientPause = new ClientPause(this.engine, (c, argv) => this.resumePostponed(c, argv));
    this.engine.api = this.makeApi();
    // Whole-database changes (db-services.ts): one null invalidation for a flush, none for SWAPDB.
    Object.assign(this.engine.api, {
      flushedDb: (dbIndex: number) => this.flushedDb(dbIndex),
      swappedDb: (a: number, b: number) => this.swappedDb(a, b),
    });
    this.tls = new TlsService(this.config, (level, msg) => this.log.log(level, msg));
    this.blocking = new BlockingManager({
      retry: (c, state) => this.engine.retryBlocked(c, state.req),
      finish: (c, reply) => this.finishBlocked(c, reply),
    });
    this.engine.modifiedKeyHooks.push((db, key) => this.blocking.signal(db.id, key));
    this.engine.keyReadyHooks.push((db, key) => this.blocking.signal(db.id, key));
    this.stopped = new Promise((r) => (this.resolveStopped = r));
    this.config.onChange('loglevel', (_n, v) => {
      this.log.setLevel(v);
      return null;
    });
    this.refreshLimits();
    this.config.onChange('proto-max-bulk-len', () => this.refreshLimits());
    this.config.onChange('client-output-buffer-limit', () => {
      this.limitsParsed = null;
      return null;
    });
    this.config.onChange('client-query-buffer-limit', () => this.refreshLimits());
    this.config.onChange('hz', () => {
      this.startTimers();
      return null;
    });
  }

  get dbs() {
    return this.engine.dbs;
  }

  private requirePass(): string {
    return this.config.get('requirepass') ?? '';
  }

  /** Must a new connection authenticate (the default user has a password or is off)? */
  requirePassSet(): boolean {
    return this.acl.authRequired();
  }

  maxBulkLen(): number {
    return this.limits.maxBulkLen;
  }

  /** Limits read on every request, kept as plain fields and refreshed when CONFIG SET changes them. */
  private readonly limits = { maxBulkLen: 0, queryBufferLimit: 0 };
  private refreshLimits(): null {
    this.limits.maxBulkLen = this.config.getNumber('proto-max-bulk-len');
    this.limits.queryBufferLimit = this.config.getNumber('client-query-buffer-limit');
    return null;
  }

  /** Starts listening on every bind address (and the unix socket). */
  async listen(): Promise<void> {
    this.port = this.config.getNumber('port');
    const binds = (this.config.get('bind') ?? '').split(' ').filter(Boolean);
    if (this.port !== 0) {
      for (const b of binds) {
        const optional = b.startsWith('-');
        const host = optional ? b.slice(1) : b;
        const addr = host === '*' ? '0.0.0.0' : host === '::*' ? '::' : host;
        try {
          await this.listenOn({ host: addr, port: this.port, ipv6Only: addr.includes(':') });
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          if (optional && (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT')) {
            this.log.log('warning', `Warning: Could not create server TCP listening socket ${host}:${this.port}: ${e.message}`);
            continue;
          }
          this.log.log('warning', `Warning: Could not create server TCP listening socket ${host}:${this.port}: ${e.message}`);
          throw err;
        }
      }
    }
    const tlsPort = this.config.getNumber('tls-port');
    if (tlsPort !== 0) {
      for (const b of binds) {
        const optional = b.startsWith('-');
        const host = optional ? b.slice(1) : b;
        const addr = host === '*' ? '0.0.0.0' : host === '::*' ? '::' : host;
        try {
          await this.tls.listen({ host: addr, port: tlsPort, ipv6Only: addr.includes(':'), backlog: this.config.getNumber('tcp-backlog') }, (s) => this.acceptTls(s));
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          this.log.log('warning', `Warning: Could not create server TLS listening socket ${host}:${tlsPort}: ${e.message}`);
          if (optional && (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT')) continue;
          throw err;
        }
      }
    }
    const sock = this.config.get('unixsocket') ?? '';
    if (sock) {
      if (existsSync(sock)) unlinkSync(sock);
      await this.listenOn({ path: sock });
      const perm = this.config.getNumber('unixsocketperm');
      if (perm) chmodSync(sock, perm);
    }
    this.startTimers();
    this.measureBaseline();
  }

  /**
   * used_memory_startup: the live heap after a full collection, less the dataset already loaded, is the
   * fixed part of used_memory that the accounting adds the dataset and client buffers to.
   */
  private measureBaseline(): void {
    fullGc();
    const ev = this.engine.eviction;
    this.startupMemory = ev.baseline = Math.max(0, usedMemory() - ev.datasetMemory());
    this.peakMemory.value = ev.usedMemory();
  }

  /** Client buffers and script caches, the part of used_memory outside the dataset and the baseline. */
  private refreshMemoryExtra(): void {
    let m = 0;
    for (const c of this.clients.values()) m += c.parser.allocated + c.outputPending;
    const s = this.scripting.memoryInfo();
    this.engine.eviction.extra = m + s.scriptsMemory + s.functionsMemory;
  }

  private listenOn(opts: { host?: string; port?: number; path?: string; ipv6Only?: boolean }): Promise<void> {
    return new Promise((resolve, reject) => {
      const srv = createServer({ noDelay: true, pauseOnConnect: true }, (s) => this.accept(s, opts.path !== undefined));
      srv.once('error', reject);
      srv.listen({ ...opts, backlog: this.config.getNumber('tcp-backlog') }, () => {
        srv.off('error', reject);
        srv.on('error', (e) => this.log.log('warning', `Listener error: ${e.message}`));
        this.listeners.push(srv);
        resolve();
      });
    });
  }

  private startTimers(): void {
    if (this.timer) clearInterval(this.timer);
    const hz = Math.min(500, Math.max(1, this.config.getNumber('hz')));
    const period = 1000 / hz;
    let tick = 0;
    this.timer = setInterval(() => this.cron(period, ++tick, hz), period);
    this.timer.unref();
    if (!this.statsTimer) {
      this.statsTimer = setInterval(() => this.engine.stats.sample(Date.now()), 100);
      this.statsTimer.unref();
    }
  }

  /** Wall clock refreshed by the cron (Redis's server.unixtime): for idle times, not for expiry. */
  coarseNow = Date.now();

  /** serverCron: active expiry with a quarter of the period as budget, then once a second timeouts. */
  private cron(periodMs: number, tick: number, hz: number): void {
    this.coarseNow = Date.now();
    this.refreshMemoryExtra();
    this.engine.activeExpireCycle(periodMs / 4);
    // The table may be over tracking-table-max-keys after CONFIG SET even with no command coming.
    if (this.tracking.trackingClients > 0) this.tracking.limit(null);
    // Keyspace events of keys that expired just now go out without waiting for a client's input.
    if (this.pubsub.hasPending) this.schedulePubsubFlush();
    if (tick % hz === 0) {
      this.clientsCron();
      this.rdb.cron(this.engine.dirty - this.dirtyAtSave);
      this.aof.cron();
    }
  }

  private clientsCron(): void {
    const timeout = this.config.getNumber('timeout');
    const now = Date.now();
    for (const c of this.clients.values()) {
      // Blocked clients and subscribers wait on purpose: the idle timeout leaves them alone.
      if (timeout > 0 && !c.blocked && c.subscriptionCount === 0 && now - c.lastInteraction > timeout * 1000) {
        this.log.log('verbose', 'Closing idle client');
        this.freeClient(c);
        continue;
      }
      // Output limits are checked here too, so a soft limit held too long closes a client that gets no new output.
      if (c.socket !== null && !c.closed && c.outputPending > 0 && this.overOutputLimit(c)) {
        this.log.log('warning', `Client ${formatClient(this, c)} scheduled to be closed ASAP for overcoming of output buffer limits.`);
        this.freeClient(c);
      }
    }
  }

  /** One read buffer for every connection: reads are parsed (and leftovers copied) before the next. */
  private readonly readBuf = Buffer.allocUnsafe(65536);

  /**
   * Re-wraps an accepted connection's handle in a Socket that reads into the shared buffer and calls
   * us directly, skipping a Buffer allocation and the Readable stream's bookkeeping on every read.
   */
  private adopt(accepted: Socket, onChunk: (chunk: Buffer) => void): Socket {
    const raw = accepted as unknown as { _handle?: unknown };
    const handle = raw._handle;
    if (!handle) {
      accepted.on('data', onChunk);
      accepted.resume();
      return accepted;
    }
    raw._handle = null;
    const buffer = this.readBuf;
    const deliver = (n: number): void => onChunk(buffer.subarray(0, n));
    const sock = new Socket({
      handle,
      onread: { buffer, callback: (n: number) => (deliver(n), true) },
    } as unknown as ConstructorParameters<typeof Socket>[0]);
    readDirect(sock, deliver);
    // The listener counted the first wrapper as a connection; let it go so close() can complete.
    accepted.destroy();
    return sock;
  }

  private accept(accepted: Socket, isUnix: boolean): void {
    let c: Client | null = null;
    const socket = this.adopt(accepted, (chunk) => {
      if (c !== null) this.onData(c, chunk);
    });
    c = this.admit(socket, isUnix);
    if (c !== null) {
      if (DirectWriter.available) c.direct = new DirectWriter(socket);
      socket.resume();
    }
  }

  /**
   * A TLS connection whose handshake passed: the decrypted stream's chunks go to the same onData as
   * plain TCP reads (the shared-buffer re-wrap is for plain sockets only).
   */
  private acceptTls(socket: TLSSocket): void {
    const c = this.admit(socket, false);
    if (c !== null) socket.on('data', (chunk: Buffer) => this.onData(c, chunk));
  }

  /** Limits and protected mode, then a Client for the connection (null when refused). */
  private admit(socket: Socket, isUnix: boolean): Client | null {
    const stats = this.engine.stats;
    stats.connectionsReceived++;
    socket.setNoDelay(true);
    if (this.clients.size >= this.config.getNumber('maxclients')) {
      stats.rejectedConnections++;
      socket.end('-ERR max number of clients reached\r\n');
      return null;
    }
    if (!isUnix && this.config.getBool('protected-mode') && !this.requirePassSet() && !isLoopback(socket.remoteAddress)) {
      stats.rejectedConnections++;
      socket.end(DENIED);
      return null;
    }
    const ka = this.config.getNumber('tcp-keepalive');
    if (!isUnix && ka > 0) socket.setKeepAlive(true, ka * 1000);
    const sk = socket as unknown as { _handle?: { fd?: number }; _parent?: { _handle?: { fd?: number } } };
    const fd = sk._handle?.fd ?? sk._parent?._handle?.fd ?? -1;
    const addr = isUnix ? `${this.config.get('unixsocket')}:0` : `${socket.remoteAddress}:${socket.remotePort}`;
    const laddr = isUnix ? `${this.config.get('unixsocket')}:0` : `${socket.localAddress}:${socket.localPort}`;
    const client = new Client(this.nextClientId++, this, socket, addr, laddr, fd);
    client.isLocal = isUnix || isLoopback(socket.remoteAddress);
    this.clients.set(client.id, client);
    socket.on('error', () => this.freeClient(client));
    socket.on('close', () => this.freeClient(client));
    return client;
  }

  private onData(c: Client, chunk: Buffer): void {
    if (c.closed) return;
    this.readsProcessed++;
    c.netIn += chunk.length;
    this.engine.stats.netInputBytes += chunk.length;
    c.lastInteraction = this.coarseNow;
    this.engine.beginBatch();
    c.parser.feed(chunk, c.sink);
    const perr = c.parser.protocolError;
    if (perr !== null) {
      this.engine.stats.countError('ERR');
      c.out.write(new ErrorReply(perr), c.resp);
      c.closing = true;
      this.log.log('verbose', `Protocol error (${perr}) from client: ${formatClient(this, c)}`);
    } else if (c.parser.pending > this.limits.queryBufferLimit) {
      this.log.log('warning', `Closing client that reached max query buffer length: ${formatClient(this, c)}`);
      this.freeClient(c);
      return;
    }
    this.flush(c);
    if (this.pubsub.hasPending) this.schedulePubsubFlush();
  }

  private pubsubFlushScheduled = false;
  /**
   * Subscribers' messages are written once per event-loop turn, after every connection that had input
   * in it has been served: publishes from many clients then reach each subscriber in one write.
   */
  private schedulePubsubFlush(): void {
    if (this.pubsubFlushScheduled) return;
    this.pubsubFlushScheduled = true;
    setImmediate(() => {
      this.pubsubFlushScheduled = false;
      this.pubsub.flushPending();
    });
  }

  /** Runs one parsed command and queues its reply; false would pause parsing (blocked client). */
  runCommand(c: Client, argv: string[]): boolean {
    if (c.closing) return false;
    let r: Reply;
    if (argv[0].length === 5 && argv[0].toLowerCase() === 'debug' && !this.debugAllowed(c)) {
      const cmd = this.engine.registry.lookup('debug');
      if (cmd) cmd.rejectedCalls++;
      this.engine.stats.countError('ERR');
      r = ERR_DEBUG_DISABLED;
    } else {
      // The reply is written below, before anything else runs: it may read the dataset as it goes.
      this.engine.replyNow = c.replyMode === 'on';
      try {
        r = this.engine.processCommand(c, argv);
      } finally {
        this.engine.replyNow = false;
      }
    }
    if (r instanceof NoReply) {
      const block = this.engine.pendingBlock;
      if (block !== null) {
        this.engine.pendingBlock = null;
        this.blocking.block(c, block, c.dbIndex, c.lastCmd);
        if (this.blocking.hasReady) this.blocking.handleReady();
        return false;
      }
      if (c.postponed !== null) return false;
      if (c.tracking) this.tracking.afterCommand(c, argv);
      if (this.blocking.hasReady) this.blocking.handleReady();
      return !c.closing;
    }
    if (c.replyMode === 'on') {
      c.out.write(r, c.resp);
      if (c.out.len > OUT_FLUSH_AT) {
        this.flush(c);
        if (c.closed) return false;
      }
    }
    if (c.tracking) this.tracking.afterCommand(c, argv);
    if (this.blocking.hasReady) this.blocking.handleReady();
    else if (c.replyMode === 'skip') c.replyMode = 'on'; // CLIENT REPLY SKIP drops just this reply
    return !c.closing;
  }

  /** A blocked client's wait ended: send its reply, then go on with what it sent meanwhile. */
  private finishBlocked(c: Client, reply: Reply): void {
    if (c.closed) return;
    // Served: its idle time starts again (Redis counts a reply written as interaction), so the idle
    // timeout cannot close it between the wake-up and the write of its reply.
    c.lastInteraction = Date.now();
    if (reply instanceof ErrorReply) {
      // An error ending a wait (CLIENT UNBLOCK ... ERROR, a destroyed group) counts like any error reply.
      this.engine.stats.countError(reply.code);
      const cmd = this.engine.registry.lookup(c.lastCmd);
      if (cmd) cmd.failedCalls++;
    }
    if (c.replyMode === 'on') c.out.write(reply, c.resp);
    else if (c.replyMode === 'skip') c.replyMode = 'on';
    this.engine.beginBatch();
    c.parser.resume(c.sink);
    this.flush(c);
    if (this.pubsub.hasPending) this.schedulePubsubFlush();
  }

  /** CLIENT PAUSE ended: runs the command the client was held on, then the rest of its input. */
  private resumePostponed(c: Client, argv: string[]): void {
    if (c.closed) return;
    this.engine.beginBatch();
    if (this.runCommand(c, argv)) c.parser.resume(c.sink);
    this.flush(c);
    if (this.pubsub.hasPending) this.schedulePubsubFlush();
  }

  /** FLUSHDB/FLUSHALL: transactions watching a flushed key fail; tracking clients get a null invalidation. */
  private flushedDb(dbIndex: number): void {
    const watches = this.engine.watches;
    if (!watches.empty) {
      for (const db of dbIndex === -1 ? this.engine.dbs : [this.engine.dbs[dbIndex]]) {
        for (const key of db.dict.keys()) watches.touched(db.id, key);
      }
    }
    // Clients blocked on the emptied keys get another look (a group reader is told its key is gone).
    for (const db of dbIndex === -1 ? this.engine.dbs : [this.engine.dbs[dbIndex]]) this.blocking.signalDb(db.id);
    this.tracking.flushed();
  }

  /** SWAPDB: watched keys of both databases changed and blocked clients may be served; Redis sends no invalidation. */
  private swappedDb(a: number, b: number): void {
    const watches = this.engine.watches;
    for (const db of [this.engine.dbs[a], this.engine.dbs[b]]) {
      for (const key of db.dict.keys()) {
        watches.touched(a, key);
        watches.touched(b, key);
        this.blocking.signal(a, key);
        this.blocking.signal(b, key);
      }
    }
  }

  private debugAllowed(c: Client): boolean {
    const v = this.config.get('enable-debug-command');
    return v === 'yes' || (v === 'local' && c.isLocal);
  }

  /** Clients whose replies wait for the AOF write of this event-loop turn. */
  private heldForAof: Client[] = [];
  private aofFlushScheduled = false;

  flush(c: Client): void {
    // With the AOF on, replies are held until the end of the event-loop turn: every connection that had input
    // in it is served first, then the AOF gets one write (and under appendfsync always one fsync), then the
    // replies go out. An acknowledged write is therefore in the file (in the page cache at least) first.
    if (this.aof.enabled) {
      if (c.heldForAof) return;
      c.heldForAof = true;
      this.heldForAof.push(c);
      if (!this.aofFlushScheduled) {
        this.aofFlushScheduled = true;
        setImmediate(this.flushHeld);
      }
      return;
    }
    this.writeOut(c);
  }

  private readonly flushHeld = (): void => {
    this.aofFlushScheduled = false;
    this.aof.flush();
    const held = this.heldForAof;
    this.heldForAof = [];
    for (const c of held) {
      c.heldForAof = false;
      this.writeOut(c);
    }
  };

  private writeOut(c: Client): void {
    if (this.aof.enabled) this.aof.flush();
    if (c.out.len > 0 && c.socket && !c.closed) {
      const n = c.out.len;
      c.netOut += n;
      this.engine.stats.netOutputBytes += n;
      this.writesProcessed++;
      // Written straight from the output buffer when the kernel takes it all (the usual case): no copy.
      const r = c.direct === null ? NOT_WRITTEN : c.direct.write(c.out.view());
      if (r === WRITTEN) c.out.reset();
      else if (r === KEPT) c.out.release();
      else c.socket.write(c.out.take());
      if (this.overOutputLimit(c)) {
        this.log.log('warning', `Client ${formatClient(this, c)} scheduled to be closed ASAP for overcoming of output buffer limits.`);
        this.freeClient(c);
        return;
      }
    }
    if (c.closing && c.socket && !c.closed) {
      c.closed = true;
      c.socket.end();
      this.clients.delete(c.id);
    }
  }

  /** client-output-buffer-limit for the client's class: hard limit, or soft limit held too long. */
  private overOutputLimit(c: Client): boolean {
    const lim = this.outputLimits(c.kind());
    if (lim === null) return false;
    const pending = c.outputPending;
    if (pending === 0) {
      c.softLimitSince = 0;
      return false;
    }
    const [hard, soft, secs] = lim;
    if (hard > 0 && pending >= hard) return true;
    if (soft > 0 && pending >= soft) {
      const now = Date.now();
      if (c.softLimitSince === 0) c.softLimitSince = now;
      else if (now - c.softLimitSince > secs * 1000) return true;
    } else c.softLimitSince = 0;
    return false;
  }

  /** client-output-buffer-limit by class, re-read when CONFIG SET changes it; null = unlimited. */
  private limitsParsed: Map<string, [number, number, number] | null> | null = null;
  private outputLimits(kind: string): [number, number, number] | null {
    let m = this.limitsParsed;
    if (m === null) {
      m = this.limitsParsed = new Map();
      const p = (this.config.get('client-output-buffer-limit') ?? '').split(' ');
      for (let i = 0; i + 3 < p.length; i += 4) {
        const lim: [number, number, number] = [Number(p[i + 1]), Number(p[i + 2]), Number(p[i + 3])];
        m.set(p[i], lim[0] === 0 && lim[1] === 0 ? null : lim);
      }
    }
    return m.get(kind === 'replica' ? 'slave' : kind) ?? null;
  }

  freeClient(c: Client): void {
    if (c.blocked) this.blocking.remove(c);
    if (c.watched.length > 0 || c.multiQueue !== null) this.engine.discardTransaction(c);
    if (c.subscriptionCount > 0) this.pubsub.forget(c);
    if (c.tracking) this.tracking.clientFreed(c);
    if (c.postponed !== null) this.clientPause.forget(c);
    if (!this.clients.has(c.id) && c.closed) return;
    c.closed = true;
    this.clients.delete(c.id);
    if (c.socket && !c.socket.destroyed) c.socket.destroy();
  }

  /** MONITOR: the client starts receiving a line per executed command. */
  startMonitor(c: Client): void {
    c.monitor = true;
    this.monitors.add(c);
    this.engine.monitorFeed = (from, argv) => this.feedMonitors(from, argv);
  }

  private feedMonitors(from: Client, argv: readonly string[]): void {
    let line: Status | null = null;
    for (const m of this.monitors) {
      if (!m.monitor || m.closed) {
        this.monitors.delete(m);
        continue;
      }
      if (m === from) continue;
      line ??= new Status(monitorLine(from.dbIndex, from.addr === '' ? 'lua' : from.addr, argv));
      m.out.write(line, m.resp);
      this.flush(m);
    }
    if (this.monitors.size === 0) this.engine.monitorFeed = null;
  }

  /** Stops listening and closes every client; resolves the `stopped` promise. */
  async close(code = 0): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.timer = this.statsTimer = null;
    this.engine.eviction.stop();
    for (const c of [...this.clients.values()]) this.freeClient(c);
    await Promise.all(this.listeners.map((l) => new Promise((r) => l.close(() => r(null)))));
    this.listeners = [];
    await this.tls.close();
    const sock = this.config.get('unixsocket');
    if (sock && existsSync(sock)) unlinkSync(sock);
    const pidfile = this.config.get('pidfile');
    if (pidfile && existsSync(pidfile)) {
      try {
        unlinkSync(pidfile);
      } catch {
        // already gone
      }
    }
    this.resolveStopped(code);
  }

  /** SIGTERM/SIGINT/SHUTDOWN path: log, then stop. Persistence hooks in here later. */
  prepareForShutdown(opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean }, why: string): string | null {
    if (this.shuttingDown) return null;
    this.log.log('warning', `${why}`);
    // Save first when asked to, or when save points are configured (unless NOSAVE); a failed save keeps
    // the server running unless FORCE.
    if (opts.save || (!opts.nosave && this.rdb.savePoints().length > 0)) {
      this.rdb.abort();
      this.log.log('notice', 'Saving the final RDB snapshot before exiting.');
      if (!this.rdb.save()) {
        if (!opts.force) {
          this.log.log('warning', 'Error trying to save the DB, can\'t exit.');
          return 'ERR Errors trying to SHUTDOWN. Check logs.';
        }
        this.log.log('warning', 'Error trying to save the DB; exiting anyway (FORCE).');
      }
    } else this.rdb.abort();
    if (this.aof.enabled) {
      this.aof.abortRewrite();
      this.aof.close();
      this.log.log('notice', 'Calling fsync() on the AOF file.');
    }
    this.shuttingDown = true;
    this.log.log('warning', 'Cinnabar is now ready to exit, bye bye...');
    void this.close(0);
    return null;
  }

  writePidfile(): void {
    const pidfile = this.config.get('pidfile');
    if (pidfile) writeFileSync(pidfile, `${process.pid}\n`);
  }

  /**
   * What INFO reads, built once: every field is a getter over the live state, so an INFO of one section
   * (a monitoring poll of INFO persistence, say) reads only what that section shows. Building a fresh
   * object of some sixty fields per INFO cost more than the section itself, and a poll arriving while a
   * background save runs hot code elsewhere paid it with cold caches (a third of a millisecond).
   */
  private infoSource(): InfoSource {
    // Figures several fields share are worked out once per report, so they agree with each other.
    this.infoMemory = null;
    this.infoClients = null;
    return (this.infoSrc ??= this.buildInfoSource());
  }

  private infoSrc: InfoSource | null = null;
  private infoMemory: ReturnType<CinnabarServer['memoryFigures']> | null = null;
  private infoClients: { blocked: number; maxIn: number; maxOut: number } | null = null;

  private buildInfoSource(): InfoSource {
    const self = this;
    const e = this.engine;
    const clientFigures = () => {
      if (self.infoClients !== null) return self.infoClients;
      let blocked = 0;
      let maxIn = 0;
      let maxOut = 0;
      for (const c of self.clients.values()) {
        if (c.blocked) blocked++;
        maxIn = Math.max(maxIn, c.parser.allocated);
        maxOut = Math.max(maxOut, c.outputPending);
      }
      return (self.infoClients = { blocked, maxIn, maxOut });
    };
    const memory = () => (self.infoMemory ??= self.memoryFigures());
    const aof = this.aof;
    const rdb = this.rdb;
    return {
      get version() {
        return e.version;
      },
      cinnabarVersion: CINNABAR_VERSION,
      get runId() {
        return e.runId;
      },
      get replId() {
        return self.replId;
      },
      get port() {
        return self.port;
      },
      get configFile() {
        return self.config.configFile;
      },
      get hz() {
        return self.config.getNumber('hz');
      },
      get configuredHz() {
        return self.config.getNumber('hz');
      },
      startTime: e.startTime,
      executable: process.argv[1] ?? '',
      get connectedClients() {
        return self.clients.size;
      },
      get maxClients() {
        return self.config.getNumber('maxclients');
      },
      get blockedClients() {
        return clientFigures().blocked;
      },
      get maxInputBuffer() {
        return clientFigures().maxIn;
      },
      get maxOutputBuffer() {
        return clientFigures().maxOut;
      },
      get maxmemory() {
        return self.config.getNumber('maxmemory');
      },
      get maxmemoryPolicy() {
        return self.config.get('maxmemory-policy')!;
      },
      get peakMemory() {
        return self.peakMemory;
      },
      get startupMemory() {
        return self.startupMemory;
      },
      // The costlier figures are worked out only for the sections that show them (memory, stats).
      get usedMemory() {
        return memory().usedMemory;
      },
      get datasetMemory() {
        return memory().datasetMemory;
      },
      get eviction() {
        return memory().eviction;
      },
      stats: e.stats,
      get dirtySinceSave() {
        return e.dirty - self.dirtyAtSave;
      },
      aof: {
        get enabled() {
          return aof.enabled;
        },
        get rewriting() {
          return aof.rewrite !== null;
        },
        get scheduled() {
          return aof.rewriteScheduled;
        },
        get lastRewriteTimeSec() {
          return aof.lastRewriteTimeSec;
        },
        get currentRewriteTimeSec() {
          return aof.rewrite === null ? -1 : Math.floor((Date.now() - aof.rewrite.startedAt) / 1000);
        },
        get lastRewriteStatus() {
          return aof.lastRewriteStatus;
        },
        get rewrites() {
          return aof.rewrites;
        },
        get lastWriteStatus() {
          return aof.lastWriteStatus;
        },
        get currentSize() {
          return aof.currentSize;
        },
        get baseSize() {
          return aof.baseSize;
        },
        get bufferLength() {
          return aof.bufferLength;
        },
      },
      rdb: {
        get inProgress() {
          return rdb.inProgress;
        },
        get lastStatus() {
          return rdb.lastBgsaveStatus;
        },
        get lastTimeSec() {
          return rdb.lastBgsaveTimeSec;
        },
        get currentTimeSec() {
          return rdb.currentSaveSeconds;
        },
        get saves() {
          return rdb.saves;
        },
        get keysProcessed() {
          return rdb.keysProcessed;
        },
        get keysTotal() {
          return rdb.keysTotal;
        },
        get keysLoaded() {
          return rdb.keysLoaded;
        },
        get keysExpiredOnLoad() {
          return rdb.keysExpiredOnLoad;
        },
        get loading() {
          return rdb.loading;
        },
      },
      get lastSave() {
        return e.lastSave;
      },
      get aofEnabled() {
        return self.config.getBool('appendonly');
      },
      get dbs() {
        return e.dbs.map((d) => ({ id: d.id, size: d.size, expires: d.expires.size, avgTtl: d.expires.size === 0 ? 0 : d.avgTtl }));
      },
      get commands() {
        return [...e.registry.all()];
      },
      get clusterEnabled() {
        return self.config.getBool('cluster-enabled');
      },
      get pubsubChannels() {
        return self.pubsub.channelCount;
      },
      get pubsubPatterns() {
        return self.pubsub.patternCount;
      },
      get pubsubShardChannels() {
        return self.pubsub.shardCount;
      },
      get readsProcessed() {
        return self.readsProcessed;
      },
      get writesProcessed() {
        return self.writesProcessed;
      },
      get aclDenied() {
        return self.acl.log.denied;
      },
      get scripting() {
        return self.scripting.memoryInfo();
      },
      get tracking() {
        const t = self.tracking;
        return { clients: t.trackingClients, keys: t.totalKeys, items: t.items, prefixes: t.prefixCount };
      },
      latencyStats: () => e.latency.infoLines(e.registry.all()),
    };
  }

  /** used_memory and the eviction figures INFO reports. */
  private memoryFigures(): Pick<InfoSource, 'usedMemory' | 'datasetMemory' | 'eviction'> {
    this.refreshMemoryExtra();
    const ev = this.engine.eviction;
    const t = ev.exceededTimes();
    return { usedMemory: ev.usedMemory(), datasetMemory: ev.datasetMemory(), eviction: { totalExceededMs: t.total, currentExceededMs: t.current } };
  }

  private makeApi(): ServerApi {
    const self = this;
    const debug: DebugApi = {
      setActiveExpire: (on) => (self.engine.activeExpireEnabled = on),
      sleep: (ms) => {
        if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      },
      log: (msg) => self.log.log('warning', msg),
      gc: () => fullGc(),
      reload: (opts) => self.rdb.reload(opts),
      changeReplId: () => {
        self.replId = randomBytes(20).toString('hex');
      },
    };
    return {
      get dbCount() {
        return self.engine.dbs.length;
      },
      getDb: (i) => self.engine.dbs[i],
      config: self.config,
      get dirty() {
        return self.engine.dirty;
      },
      get lastSave() {
        return self.engine.lastSave;
      },
      registry: self.engine.registry,
      info: (sections) => renderInfo(self.infoSource(), sections),
      clientList: (filter) => {
        let out = '';
        if (filter.ids) {
          // In the order asked for, repeats included, as Redis lists them.
          for (const id of filter.ids) {
            const c = self.clients.get(id);
            if (c !== undefined) out += formatClient(self, c) + '\n';
          }
          return out;
        }
        for (const c of self.clients.values()) {
          if (filter.type && filter.type !== c.kind()) continue;
          out += formatClient(self, c) + '\n';
        }
        return out;
      },
      clientInfo: (c: ClientApi) => formatClient(self, c as Client) + '\n',
      clientKill: (f: ClientKillFilter, me: ClientApi) => self.killClients(f, me as Client),
      hasClient: (id) => self.clients.has(id),
      pubsub: self.pubsub,
      transactions: self.engine.transactions,
      scripting: self.scripting,
      monitor: (c: ClientApi) => self.startMonitor(c as Client),
      rdb: {
        save: () => (self.rdb.inProgress ? 'busy' : self.rdb.save()),
        bgsave: (schedule) => {
          if (self.aof.rewrite !== null && !self.rdb.inProgress) {
            if (!schedule) return 'aof';
            self.rdb.bgsaveScheduled = true;
            return 'scheduled';
          }
          if (self.rdb.inProgress) {
            if (!schedule) return 'busy';
            self.rdb.bgsaveScheduled = true;
            return 'scheduled';
          }
          return self.rdb.bgsave() ? 'started' : 'failed';
        },
      },
      aof: {
        rewrite: () => {
          if (self.aof.rewrite !== null) return 'busy';
          if (self.rdb.inProgress) {
            self.aof.rewriteScheduled = true;
            return 'scheduled';
          }
          return self.aof.startRewrite() ? 'started' : 'failed';
        },
      },
      slowlog: {
        get: (count) => (count < 0 ? self.slowlog.entries : self.slowlog.entries.slice(0, count)),
        get length() {
          return self.slowlog.entries.length;
        },
        reset: () => self.slowlog.reset(),
      },
      tracking: self.tracking,
      clientPause: self.clientPause,
      unblockClient: (id, error) => {
        const c = self.clients.get(id);
        const state = c ? self.blocking.stateOf(c) : undefined;
        if (!c || !state) return false;
        return self.blocking.unblock(c, error ? ERR_UNBLOCKED : state.req.onTimeout);
      },
      latency: self.engine.latency.makeApi(self.engine.registry, self.config),
      configRewrite: () =>
        rewriteConfigFile({ config: self.config, userLines: self.acl.api.list(), cwd: self.config.get('dir') || process.cwd(), log: (l, m) => self.log.log(l, m) }),
      resetStats: () => {
        self.engine.stats.reset();
        self.engine.latency.resetHistograms();
        for (const c of self.engine.registry.all()) {
          c.calls = c.usec = c.rejectedCalls = c.failedCalls = 0;
        }
      },
      shutdown: (opts) => {
        if (opts.abort) return 'ERR No shutdown in progress.';
        // While a script is timed out only SHUTDOWN NOSAVE may stop the server (it cannot save mid-script).
        if (!opts.nosave && self.engine.busyError !== null) return self.engine.busyError.text;
        return self.prepareForShutdown(opts, 'User requested shutdown...');
      },
      debug,
      acl: self.acl.api,
      checkPassword: (user, pass) => {
        const rp = self.config.get('requirepass') ?? '';
        if (user !== 'default') return false;
        if (rp === '') return 'nopass';
        return pass === rp;
      },
      get runId() {
        return self.engine.runId;
      },
      get version() {
        return self.engine.version;
      },
      get startTime() {
        return self.engine.startTime;
      },
    };
  }

  private killClients(f: ClientKillFilter, me: Client): number {
    const now = Date.now();
    let killed = 0;
    for (const c of [...this.clients.values()]) {
      if (f.addr !== undefined && c.addr !== f.addr) continue;
      if (f.laddr !== undefined && c.laddr !== f.laddr) continue;
      if (f.id !== undefined && c.id !== f.id) continue;
      if (f.type !== undefined && c.kind() !== f.type) continue;
      if (f.user !== undefined && c.user !== f.user) continue;
      if (f.maxage !== undefined && (now - c.createdAt) / 1000 < f.maxage) continue;
      if (c === me && f.skipme) continue;
      killed++;
      if (c === me) c.closing = true;
      else this.freeClient(c);
    }
    return killed;
  }
}
