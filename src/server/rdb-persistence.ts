// RDB persistence for the server: SAVE (in the foreground), BGSAVE (a snapshot written a slice at a
// time while commands run; see src/persistence/snapshot.ts), save points checked by the cron, the save
// on shutdown, loading dump.rdb at start-up, and the INFO persistence / MISCONF state.
// Counterparts: rdbSave, rdbSaveBackground, rdbLoad and the save-point checks of serverCron in Redis.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from './engine.js';
import { latencyEndMonitor, latencyStartMonitor } from './latency.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { ScriptingService } from './scripting.js';
import { Snapshot } from '../persistence/snapshot.js';
import { BackgroundFile } from '../persistence/background-file.js';
import { standardAux, writerOptions } from '../persistence/rdb/writer.js';
import { readRdbBuffer, readRdbFile } from '../persistence/rdb/reader.js';
import { encodingLimits, toEngineValue } from '../persistence/rdb/engine-values.js';
import { REDIS_VERSION } from './config.js';
import { usedMemory } from './info/sections.js';
import { errorReply } from '../protocol/errors.js';
import { ErrorReply } from '../protocol/reply.js';

/**
 * How long each slice of a background save (BGSAVE, AOF rewrite) may serialise before the event loop
 * serves clients again. A request arriving during a slice waits for its end, and a client sending one
 * request after another lands in a slice nearly every time, so its latency is about the slice length:
 * while clients talk (input in the last few milliseconds) slices are short; a quiet server gets longer
 * ones (fewer turns of the loop, a shorter save). Under heavy load a slice grows with the time the loop
 * spent on clients since the previous one, so the save keeps a fair share of the CPU.
 */
export class SlicePacer {
  static readonly BUSY_MS = 0.015;
  static readonly QUIET_MS = 0.5;
  /** Input this long ago or longer: the server counts as quiet. */
  static readonly QUIET_AFTER_MS = 5;
  private lastInput = -1;
  private lastInputAt = 0;
  private lastEnd = 0;

  constructor(private readonly inputBytes: () => number) {}

  /** The budget of the slice starting now, in milliseconds. */
  budget(): number {
    const now = performance.now();
    const input = this.inputBytes();
    if (input !== this.lastInput) {
      this.lastInput = input;
      this.lastInputAt = now;
    }
    if (now - this.lastInputAt >= SlicePacer.QUIET_AFTER_MS) return SlicePacer.QUIET_MS;
    const served = this.lastEnd === 0 ? 0 : now - this.lastEnd;
    return Math.min(SlicePacer.QUIET_MS, Math.max(SlicePacer.BUSY_MS, served / 2));
  }

  /** The slice ended (the time until the next one is the clients'). */
  ended(): void {
    this.lastEnd = performance.now();
  }
}

/** Serialised bytes allowed to wait for the file system before a background save pauses producing. */
const MAX_BACKLOG = 8 << 20;
/** After a failed BGSAVE, save points wait this long before trying again (CONFIG_BGSAVE_RETRY_DELAY). */
const RETRY_DELAY_MS = 5000;

const ERR_MISCONF =
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

const MISCONF_REPLY = errorReply(ERR_MISCONF);

interface RunningSave {
  snap: Snapshot;
  file: BackgroundFile;
  tmp: string;
  startedAt: number;
  dirtyAtStart: number;
  done: Promise<boolean>;
  resolve: (ok: boolean) => void;
}

export class RdbPersistence {
  lastBgsaveStatus: 'ok' | 'err' = 'ok';
  lastBgsaveTimeSec = -1;
  saves = 0;
  keysLoaded = 0;
  keysExpiredOnLoad = 0;
  loading = false;
  bgsaveScheduled = false;
  private lastBgsaveTry = 0;
  private running: RunningSave | null = null;
  /** The snapshot that sees the databases' changes (BGSAVE or an AOF rewrite), if any. */
  private attached: Snapshot | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly scripting: ScriptingService,
    /** Resets the dirty counter the server keeps for INFO (dirty at the last save). */
    private readonly savedAt: (dirty: number) => void,
  ) {}

  get inProgress(): boolean {
    return this.running !== null;
  }

  get currentSaveSeconds(): number {
    return this.running === null ? -1 : Math.floor((Date.now() - this.running.startedAt) / 1000);
  }

  get keysProcessed(): number {
    return this.running?.snap.keysProcessed ?? 0;
  }

  get keysTotal(): number {
    return this.running?.snap.keysTotal ?? 0;
  }

  /** Writes are refused (MISCONF) when the last background save failed and save points are set. */
  get refusesWrites(): boolean {
    return this.lastBgsaveStatus === 'err' && this.config.getBool('stop-writes-on-bgsave-error') && this.savePoints().length > 0;
  }

  /** Keeps the dispatcher's MISCONF state current (after a save, and from the cron for config changes). */
  private syncMisconf(): void {
    this.engine.misconf = this.refusesWrites ? MISCONF_REPLY : null;
  }

  path(): string {
    return join(this.config.get('dir') ?? '.', this.config.get('dbfilename') ?? 'dump.rdb');
  }

  savePoints(): Array<[number, number]> {
    const raw = (this.config.get('save') ?? '').trim();
    if (raw === '') return [];
    const n = raw.split(/\s+/).map(Number);
    const out: Array<[number, number]> = [];
    for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i], n[i + 1]]);
    return out;
  }

  /** A snapshot of the dataset as it is now (an AOF base says so in its aux fields). */
  startSnapshot(aofBase = false): Snapshot {
    const aux = standardAux({ version: REDIS_VERSION, usedMem: usedMemory(), aofBase });
    const codes = this.scripting.listLibraries().map((l) => l.code);
    return new Snapshot(this.engine.dbs, writerOptions(this.config), aux, codes);
  }

  /** SAVE: the whole snapshot now, blocking; true on success. */
  save(): boolean {
    if (this.running !== null) return false;
    const target = this.path();
    const tmp = join(this.config.get('dir') ?? '.', `temp-${process.pid}.rdb`);
    const dirty = this.engine.dirty;
    let fd = -1;
    try {
      const snap = this.startSnapshot();
      fd = openSync(tmp, 'w');
      while (!snap.done) writeSync(fd, snap.step(1 << 30));
      fsyncSync(fd);
      closeSync(fd);
      fd = -1;
      renameSync(tmp, target);
    } catch (e) {
      if (fd >= 0) closeSync(fd);
      try {
        if (existsSync(tmp)) unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
      this.log.log('warning', `Failed opening the temp RDB file ${tmp} (in server root dir ${this.config.get('dir')}) for saving: ${(e as Error).message}`);
      return false;
    }
    this.log.log('notice', 'DB saved on disk');
    this.saved(dirty);
    this.lastBgsaveStatus = 'ok';
    this.syncMisconf();
    return true;
  }

  private saved(dirtyAtStart: number): void {
    this.savedAt(dirtyAtStart);
    this.engine.lastSave = Math.floor(Date.now() / 1000);
    this.saves++;
  }

  /**
   * Writes a snapshot to its background file a slice at a time (BGSAVE, an AOF rewrite): slices paced by
   * client traffic, a pause while the file system is behind, the bgsave-slice latency event. When every
   * key is in the file the snapshot is released and `written` gets the fsync's outcome. `current` turning
   * false (the save was aborted, perhaps another started) ends the chain; `failed` gets an error met on
   * the way.
   */
  writeInSlices(snap: Snapshot, file: BackgroundFile, current: () => boolean, failed: (e: Error) => void, written: (err: Error | null) => void): void {
    const stats = this.engine.stats;
    const pacer = new SlicePacer(() => stats.netInputBytes);
    file.onWritten = (b) => snap.recycle(b);
    const slice = (): void => {
      if (!current()) return;
      if (file.error !== null) return failed(file.error);
      // The file system is behind: let it catch up before producing more.
      if (file.backlog > MAX_BACKLOG) return file.whenIdle(slice);
      try {
        // The longest slice is what other clients wait for: the bgsave-slice latency event.
        const t0 = latencyStartMonitor(this.engine.latency);
        file.append(snap.step(pacer.budget()));
        pacer.ended();
        latencyEndMonitor(this.engine.latency, 'bgsave-slice', t0);
      } catch (e) {
        return failed(e as Error);
      }
      if (!snap.done) {
        setImmediate(slice);
        return;
      }
      // Every key is in the file: writes need no copy-on-write any more.
      this.releaseSnapshot(snap);
      file.sync((err) => {
        if (current()) written(err);
      });
    };
    setImmediate(slice);
  }

  /** BGSAVE: starts a background save; false when one is already running or the file cannot be opened. */
  bgsave(): boolean {
    if (this.running !== null) return false;
    this.lastBgsaveTry = Date.now();
    const tmp = join(this.config.get('dir') ?? '.', `temp-${process.pid}-bg.rdb`);
    let fd: number;
    try {
      fd = openSync(tmp, 'w');
    } catch (e) {
      this.log.log('warning', `Failed opening the temp RDB file ${tmp} (in server root dir ${this.config.get('dir')}) for saving: ${(e as Error).message}`);
      this.lastBgsaveStatus = 'err';
      this.syncMisconf();
      return false;
    }
    const snap = this.startSnapshot();
    this.attachSnapshot(snap);
    let resolve!: (ok: boolean) => void;
    const done = new Promise<boolean>((r) => (resolve = r));
    const r: RunningSave = { snap, file: new BackgroundFile(fd), tmp, startedAt: Date.now(), dirtyAtStart: this.engine.dirty, done, resolve };
    this.running = r;
    this.log.log('notice', `Background saving started`);
    this.writeInSlices(
      snap,
      r.file,
      () => this.running === r,
      (e) => this.failed(r, e),
      (err) => {
        if (err !== null) return this.failed(r, err);
        try {
          r.file.close();
          renameSync(r.tmp, this.path());
        } catch (e) {
          return this.failed(r, e as Error);
        }
        this.finish(true);
      },
    );
    return true;
  }

  private failed(r: RunningSave, e: Error): void {
    this.log.log('warning', `Write error saving DB on disk: ${e.message}`);
    r.file.discard(r.tmp);
    this.finish(false);
  }

  /** Routes every database's writes through the snapshot's copy-on-write hooks (BGSAVE, AOF rewrite). */
  attachSnapshot(snap: Snapshot): void {
    for (const db of this.engine.dbs) db.snapshot = snap;
    snap.live = true;
    this.attached = snap;
    this.engine.snapshotActive = true;
  }

  /**
   * The snapshot no longer needs old values: writes go straight to the data again. Nothing happens when
   * another snapshot is attached by now (a save started after this one had written every key).
   */
  releaseSnapshot(snap: Snapshot): void {
    if (this.attached !== snap) return;
    for (const db of this.engine.dbs) db.snapshot = null;
    this.attached?.dispose();
    this.attached = null;
    this.engine.snapshotActive = false;
  }

  private finish(ok: boolean): void {
    const r = this.running!;
    this.releaseSnapshot(r.snap);
    this.running = null;
    this.lastBgsaveTimeSec = Math.round((Date.now() - r.startedAt) / 1000);
    if (ok) {
      this.lastBgsaveStatus = 'ok';
      this.saved(r.dirtyAtStart);
      this.log.log('notice', 'Background saving terminated with success');
    } else {
      this.lastBgsaveStatus = 'err';
      this.log.log('warning', 'Background saving error');
    }
    this.syncMisconf();
    r.resolve(ok);
  }

  /** Stops a running background save, leaving no file behind (SHUTDOWN saves afresh). */
  abort(): void {
    const r = this.running;
    if (r === null) return;
    this.releaseSnapshot(r.snap);
    this.running = null;
    const t0 = latencyStartMonitor(this.engine.latency);
    r.file.discard(r.tmp);
    latencyEndMonitor(this.engine.latency, 'rdb-unlink-temp-file', t0);
    r.resolve(false);
  }

  /** Resolves when the running background save (if any) ends. */
  whenDone(): Promise<boolean> {
    return this.running?.done ?? Promise.resolve(true);
  }

  /** serverCron's part: a scheduled BGSAVE, or a save point whose time and change count are reached. */
  cron(dirtySinceSave: number): void {
    this.syncMisconf();
    // One snapshot at a time: an AOF rewrite in progress postpones save points and scheduled saves.
    if (this.running !== null || this.engine.snapshotActive) return;
    const now = Date.now();
    if (this.bgsaveScheduled) {
      this.bgsaveScheduled = false;
      this.bgsave();
      return;
    }
    const elapsed = now / 1000 - this.engine.lastSave;
    for (const [seconds, changes] of this.savePoints()) {
      if (dirtySinceSave >= changes && elapsed > seconds && (this.lastBgsaveStatus === 'ok' || now - this.lastBgsaveTry > RETRY_DELAY_MS)) {
        this.log.log('notice', `${changes} changes in ${seconds} seconds. Saving...`);
        this.bgsave();
        return;
      }
    }
  }

  /** The visitor that puts a file's keys and libraries into the databases (expired keys skipped). */
  private loader(merge: boolean) {
    const limits = encodingLimits(this.config);
    const now = Date.now();
    const state = { loaded: 0, expired: 0, codes: [] as string[] };
    const visitor = {
      key: (rec: { db: number; key: string; expireMs: number; value: Parameters<typeof toEngineValue>[0] }) => {
        const db = this.engine.dbs[rec.db];
        if (db === undefined) throw new Error(`database ${rec.db} is out of range (databases ${this.engine.dbs.length})`);
        if (rec.expireMs !== -1 && rec.expireMs < now) {
          state.expired++;
          return;
        }
        if (merge) {
          if (db.dict.has(rec.key)) db.delete(rec.key);
          db.add(rec.key, toEngineValue(rec.value, limits));
        } else {
          // A duplicate shows as a store that did not grow the dict: one lookup per key, not two.
          const size = db.dict.size;
          db.add(rec.key, toEngineValue(rec.value, limits));
          if (db.dict.size === size) throw new Error(`duplicate key '${rec.key}' in database ${rec.db}`);
        }
        if (rec.expireMs !== -1) db.setExpire(rec.key, rec.expireMs);
        state.loaded++;
      },
      functionLibrary: (code: string) => {
        state.codes.push(code);
      },
    };
    return { visitor, state };
  }

  private loaded(file: string, state: { loaded: number; expired: number; codes: string[] }, started: number): string | null {
    if (state.codes.length > 0) {
      const r = this.scripting.restoreLibraries(state.codes, 'replace');
      if (r instanceof ErrorReply) return `Failed loading the functions of ${file}: ${r.text}`;
    }
    this.keysLoaded = state.loaded;
    this.keysExpiredOnLoad = state.expired;
    this.log.log('notice', `Done loading RDB, keys loaded: ${state.loaded}, keys expired: ${state.expired}.`);
    this.log.log('notice', `DB loaded from disk: ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
    return null;
  }

  /**
   * Loads dump.rdb at start-up if it exists: every key (keys already expired are skipped, as a primary
   * does) and the function libraries. Returns an error message when the file cannot be loaded.
   */
  async load(): Promise<string | null> {
    const file = this.path();
    if (!existsSync(file)) return null;
    const started = performance.now();
    const { visitor, state } = this.loader(false);
    this.loading = true;
    try {
      await readRdbFile(file, visitor);
    } catch (e) {
      return `Failed loading the RDB file ${file}: ${(e as Error).message}`;
    } finally {
      this.loading = false;
    }
    return this.loaded(file, state, started);
  }

  /** Loads an RDB image held in memory (an AOF's base file) over the current data; throws if damaged. */
  loadImage(data: Buffer, name: string): string | null {
    const started = performance.now();
    const { visitor, state } = this.loader(true);
    readRdbBuffer(data, visitor);
    return this.loaded(name, state, started);
  }

  /** DEBUG RELOAD: save (unless NOSAVE), empty the databases (unless NOFLUSH), load the file again. */
  reload(opts: { save: boolean; flush: boolean; merge: boolean }): string | null {
    if (opts.save && !this.save()) return 'ERR';
    if (opts.flush) {
      for (const db of this.engine.dbs) db.flush();
      this.scripting.functionFlush();
    }
    const file = this.path();
    const started = performance.now();
    const { visitor, state } = this.loader(opts.merge);
    try {
      readRdbBuffer(readFileSync(file), visitor);
    } catch (e) {
      this.log.log('warning', `Failed loading the RDB file ${file}: ${(e as Error).message}`);
      return 'ERR Error trying to load the RDB dump, check server logs.';
    }
    const err = this.loaded(file, state, started);
    if (err !== null) {
      this.log.log('warning', err);
      return 'ERR Error trying to load the RDB dump, check server logs.';
    }
    return null;
  }
}
