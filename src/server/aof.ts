// The append-only file, in Redis 7's multi-part layout: `<dir>/<appenddirname>/` holds a base file (an
// RDB snapshot), incremental files of RESP commands, and `<appendfilename>.manifest` naming them:
//   file appendonly.aof.1.base.rdb seq 1 type b
//   file appendonly.aof.1.incr.aof seq 1 type i
// Commands reach it through the engine's propagation (already rewritten as Redis propagates them) and
// are written once per event-loop turn, before any reply of that turn goes out (the server holds replies
// while the AOF is on); `appendfsync always` also fsyncs then, so an acknowledged write survives kill -9;
// `everysec` fsyncs once a second from the cron.
// BGREWRITEAOF writes a new base with the fork-free snapshot while new commands go to a new incr file.
// Counterparts: aof.c (feedAppendOnlyFile, flushAppendOnlyFile, loadAppendOnlyFiles, the manifest).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from './engine.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { RdbPersistence } from './rdb-persistence.js';
import { BackgroundFile } from '../persistence/background-file.js';
import { rdbFileToCommands, rdbImageToCommands } from '../persistence/aof/rdb-to-commands.js';
import type { Client } from './client.js';
import type { Snapshot } from '../persistence/snapshot.js';
import { ErrorReply } from '../protocol/reply.js';
import { latencyEndMonitor, latencyStartMonitor } from './latency.js';
import { latin1 } from '../protocol/request-parser.js';

export interface ManifestEntry {
  file: string;
  seq: number;
  type: 'b' | 'h' | 'i';
}

export function parseManifest(text: string): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const e: Partial<ManifestEntry> = {};
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i] === 'file') e.file = parts[i + 1];
      else if (parts[i] === 'seq') e.seq = Number(parts[i + 1]);
      else if (parts[i] === 'type') e.type = parts[i + 1] as ManifestEntry['type'];
    }
    if (e.file === undefined || e.seq === undefined || e.type === undefined) throw new Error(`Invalid AOF manifest line: ${line}`);
    out.push(e as ManifestEntry);
  }
  return out;
}

export function formatManifest(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `file ${e.file} seq ${e.seq} type ${e.type}\n`).join('');
}

/** One RESP command as the AOF stores it. */
export function encodeAofCommand(argv: readonly string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

/** A decimal count or length from a RESP header line [s, e), or -1 when it is not one. */
function headerNumber(buf: Buffer, s: number, e: number): number {
  if (s >= e || e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses the commands of an incr (or command-format base) file, calling onCommand for each. `end` is the
 * offset just past the last complete command outside a transaction (where a damaged or cut file can be
 * truncated without leaving half a MULTI ... EXEC block); `truncated` when the file ends inside a
 * command or a transaction.
 */
export function parseAofCommands(buf: Buffer, onCommand: (argv: string[]) => void): { end: number; truncated: boolean; error: string | null } {
  let pos = 0;
  let ok = 0;
  let inMulti = false;
  const n = buf.length;
  const bad = (at: number) => ({ end: ok, truncated: false, error: `Bad file format reading the append only file at offset ${at}` });
  while (pos < n) {
    const start = pos;
    if (buf[pos] === 0x23) {
      // An annotation (#TS:...) line.
      const e = buf.indexOf(10, pos);
      if (e < 0) return { end: ok, truncated: true, error: null };
      pos = e + 1;
      if (!inMulti) ok = pos;
      continue;
    }
    if (buf[pos] !== 0x2a) return bad(start);
    let e = buf.indexOf(13, pos);
    if (e < 0 || e + 1 >= n) return { end: ok, truncated: true, error: null };
    const argc = headerNumber(buf, pos + 1, e);
    if (argc < 1 || buf[e + 1] !== 10) return bad(start);
    pos = e + 2;
    const argv = new Array<string>(argc);
    for (let j = 0; j < argc; j++) {
      if (pos >= n) return { end: ok, truncated: true, error: null };
      if (buf[pos] !== 0x24) return bad(pos);
      e = buf.indexOf(13, pos);
      if (e < 0 || e + 1 >= n) return { end: ok, truncated: true, error: null };
      const len = headerNumber(buf, pos + 1, e);
      if (len < 0 || buf[e + 1] !== 10) return bad(pos);
      const ds = e + 2;
      if (ds + len + 2 > n) return { end: ok, truncated: true, error: null };
      if (buf[ds + len] !== 13 || buf[ds + len + 1] !== 10) return bad(ds + len);
      argv[j] = latin1(buf, ds, ds + len);
      pos = ds + len + 2;
    }
    const name = argv[0];
    if (name.length === 5 && name.toLowerCase() === 'multi') inMulti = true;
    else if (name.length === 4 && name.toLowerCase() === 'exec') inMulti = false;
    onCommand(argv);
    if (!inMulti) ok = pos;
  }
  return { end: ok, truncated: inMulti, error: null };
}

interface Rewrite {
  snap: Snapshot;
  file: BackgroundFile;
  tmp: string;
  startedAt: number;
  newIncrSeq: number;
  baseSeq: number;
}

export class AppendOnlyFile {
  enabled = false;
  private fd = -1;
  private buf = '';
  private dbSelected = -1;
  private manifest: ManifestEntry[] = [];
  private lastFsync = Date.now();
  private lastTs = 0;
  /** True while replaying files at start-up (the replayed commands are not appended again). */
  replaying = false;
  rewrite: Rewrite | null = null;
  rewriteScheduled = false;
  lastRewriteStatus: 'ok' | 'err' = 'ok';
  lastRewriteTimeSec = -1;
  rewrites = 0;
  lastWriteStatus: 'ok' | 'err' = 'ok';
  /** Size of the incr files and of the base at the last rewrite (auto-aof-rewrite). */
  currentSize = 0;
  baseSize = 0;
  delayedFsync = 0;

  constructor(
    private readonly engine: Engine,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly rdb: RdbPersistence,
  ) {
    engine.onPropagate((db, argv) => this.feed(db, argv));
  }

  private dir(): string {
    return join(this.config.get('dir') ?? '.', this.config.get('appenddirname') ?? 'appendonlydir');
  }

  private name(): string {
    return this.config.get('appendfilename') ?? 'appendonly.aof';
  }

  private manifestPath(): string {
    return join(this.dir(), `${this.name()}.manifest`);
  }

  /** The AOF's files exist (its manifest is there). */
  exists(): boolean {
    return existsSync(this.manifestPath());
  }

  private writeManifest(entries: ManifestEntry[]): void {
    const tmp = join(this.dir(), `temp-${this.name()}.manifest`);
    const fd = openSync(tmp, 'w');
    writeSync(fd, formatManifest(entries));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.manifestPath());
    this.manifest = entries;
  }

  private openIncr(seq: number): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = openSync(join(this.dir(), `${this.name()}.${seq}.incr.aof`), 'a');
    this.dbSelected = -1;
  }

  private feed(db: number, argv: string[]): void {
    if (!this.enabled || this.replaying) return;
    if (this.config.getBool('aof-timestamp-enabled')) {
      const now = Math.floor(Date.now() / 1000);
      if (now !== this.lastTs) {
        this.buf += `#TS:${now}\r\n`;
        this.lastTs = now;
      }
    }
    if (db !== this.dbSelected) {
      this.buf += encodeAofCommand(['SELECT', String(db)]);
      this.dbSelected = db;
    }
    this.buf += encodeAofCommand(argv);
  }

  /** Writes what commands appended (before their replies go out); fsyncs now under `appendfsync always`. */
  flush(): void {
    if (this.buf.length === 0 || this.fd < 0) return;
    const data = Buffer.from(this.buf, 'latin1');
    this.buf = '';
    try {
      const lat = this.engine.latency;
      const t0 = latencyStartMonitor(lat);
      writeSync(this.fd, data);
      if (t0 !== 0) {
        // As Redis: the write's latency under its circumstance (a rewrite or save running or not), and overall.
        const ms = Math.floor(performance.now() - t0);
        lat.addSampleIfNeeded(this.rewrite !== null || this.engine.snapshotActive ? 'aof-write-active-child' : 'aof-write-alone', ms);
        lat.addSampleIfNeeded('aof-write', ms);
      }
      this.currentSize += data.length;
      if (this.config.get('appendfsync') === 'always') {
        const t1 = latencyStartMonitor(lat);
        fsyncSync(this.fd);
        latencyEndMonitor(lat, 'aof-fsync-always', t1);
      }
      this.lastWriteStatus = 'ok';
    } catch (e) {
      this.lastWriteStatus = 'err';
      this.log.log('warning', `Error writing to the AOF file: ${(e as Error).message}`);
    }
  }

  /** Once a second: fsync under everysec; an automatic rewrite when the incr files have grown enough. */
  cron(): void {
    if (!this.enabled) return;
    this.flush();
    if (this.config.get('appendfsync') === 'everysec' && this.fd >= 0 && Date.now() - this.lastFsync >= 1000) {
      fsyncSync(this.fd);
      this.lastFsync = Date.now();
    }
    if (this.rewrite === null && !this.engine.snapshotActive) {
      if (this.rewriteScheduled) {
        this.rewriteScheduled = false;
        this.startRewrite();
        return;
      }
      const pct = this.config.getNumber('auto-aof-rewrite-percentage');
      const min = this.config.getNumber('auto-aof-rewrite-min-size');
      const base = this.baseSize || 1;
      if (pct > 0 && this.currentSize > min && ((this.currentSize - base) * 100) / base >= pct) {
        this.log.log('notice', `Starting automatic rewriting of AOF on ${Math.round(((this.currentSize - base) * 100) / base)}% growth`);
        this.startRewrite();
      }
    }
  }

  /**
   * Start-up with appendonly yes: load the files the manifest names (base, then incr files in order).
   * Returns an error message when they cannot be loaded. Without AOF files, starts empty and writes a base.
   */
  load(): string | null {
    this.enabled = true;
    mkdirSync(this.dir(), { recursive: true });
    if (!this.exists()) {
      this.log.log('notice', `Creating AOF base file ${this.name()}.1.${this.baseSuffix()} on server start`);
      this.baseFromCurrentData(1, 1);
      return null;
    }
    let entries: ManifestEntry[];
    try {
      entries = parseManifest(readFileSync(this.manifestPath(), 'latin1'));
    } catch (e) {
      return (e as Error).message;
    }
    this.manifest = entries;
    const started = performance.now();
    const client = this.replayClient();
    this.replaying = true;
    try {
      const incrs = entries.filter((e) => e.type === 'i');
      for (const e of entries.filter((x) => x.type === 'b')) {
        const path = join(this.dir(), e.file);
        const data = readFileSync(path);
        this.baseSize = data.length;
        if (data.subarray(0, 5).toString('latin1') === 'REDIS') {
          const err = this.rdb.loadImage(data, e.file);
          if (err !== null) return err;
        } else {
          const r = parseAofCommands(data, (argv) => this.replay(client, argv));
          if (r.error !== null || r.truncated) return `Bad file format reading the append only file ${e.file}`;
        }
      }
      for (let i = 0; i < incrs.length; i++) {
        const path = join(this.dir(), incrs[i].file);
        if (!existsSync(path)) continue;
        const data = readFileSync(path);
        this.currentSize += data.length;
        const r = parseAofCommands(data, (argv) => this.replay(client, argv));
        if (r.error !== null) return `${r.error} (${incrs[i].file})`;
        if (r.truncated) {
          const last = i === incrs.length - 1;
          if (!last || !this.config.getBool('aof-load-truncated')) {
            return `Unexpected end of file reading the append only file ${incrs[i].file}. You can: 1) Make a backup of your AOF file, then use ./cinnabar aof-check --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.`;
          }
          this.log.log('warning', `!!! Warning: short read while loading the AOF file ${incrs[i].file}!!!`);
          this.log.log('warning', `AOF ${incrs[i].file} loaded anyway because aof-load-truncated is enabled; ${data.length - r.end} bytes of an incomplete command dropped at offset ${r.end}`);
          const fd = openSync(path, 'r+');
          ftruncateSync(fd, r.end);
          closeSync(fd);
        }
      }
    } catch (e) {
      return `Error loading the append only file: ${(e as Error).message}`;
    } finally {
      this.replaying = false;
    }
    const last = entries.filter((e) => e.type === 'i').pop();
    if (last === undefined) {
      const seq = 1 + Math.max(0, ...entries.map((e) => e.seq));
      this.writeManifest([...entries, { file: `${this.name()}.${seq}.incr.aof`, seq, type: 'i' }]);
      this.openIncr(seq);
    } else this.openIncr(last.seq);
    this.log.log('notice', `DB loaded from append only file: ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
    return null;
  }

  private replayClientCache: Client | null = null;
  /** Set by the server: a client for replaying commands (authenticated, no ACL restrictions). */
  makeClient: () => Client = () => {
    throw new Error('no client factory');
  };

  private replayClient(): Client {
    return (this.replayClientCache ??= this.makeClient());
  }

  private replay(c: Client, argv: string[]): void {
    const r = this.engine.processCommand(c, argv);
    if (r instanceof ErrorReply && c.multiQueue === null && argv[0].toLowerCase() !== 'exec') {
      this.log.log('warning', `Error replaying a command from the AOF (${argv[0]}): ${r.text}`);
    }
  }

  /** A base file of the dataset as it is now, written in one go (start-up and CONFIG SET appendonly yes). */
  private baseFromCurrentData(baseSeq: number, incrSeq: number): void {
    const snap = this.snapshot();
    const base = `${this.name()}.${baseSeq}.${this.baseSuffix()}`;
    const tmp = join(this.dir(), `temp-rewriteaof-${process.pid}.aof`);
    const fd = openSync(tmp, 'w');
    if (this.preamble()) {
      while (!snap.done) writeSync(fd, snap.step(1 << 30));
    } else {
      const parts: Buffer[] = [];
      while (!snap.done) parts.push(snap.step(1 << 30));
      writeSync(fd, rdbImageToCommands(Buffer.concat(parts)));
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, join(this.dir(), base));
    this.baseSize = statSync(join(this.dir(), base)).size;
    this.writeManifest([
      { file: base, seq: baseSeq, type: 'b' },
      { file: `${this.name()}.${incrSeq}.incr.aof`, seq: incrSeq, type: 'i' },
    ]);
    this.openIncr(incrSeq);
    this.currentSize = this.baseSize;
  }

  private snapshot(): Snapshot {
    return this.rdb.startSnapshot(true);
  }

  /** aof-use-rdb-preamble: the base is an RDB image (yes) or commands (no). */
  private preamble(): boolean {
    return this.config.getBool('aof-use-rdb-preamble');
  }

  /** A base file's suffix: base.rdb for an RDB image, base.aof for commands (as Redis names them). */
  private baseSuffix(): string {
    return this.preamble() ? 'base.rdb' : 'base.aof';
  }

  /** CONFIG SET appendonly yes at run time: a base of the current data, then appending. */
  start(): void {
    if (this.enabled) return;
    mkdirSync(this.dir(), { recursive: true });
    this.enabled = true;
    const seq = 1 + Math.max(0, ...this.manifest.map((e) => e.seq));
    this.baseFromCurrentData(seq, seq);
  }

  /** CONFIG SET appendonly no. */
  stop(): void {
    if (!this.enabled) return;
    this.flush();
    this.abortRewrite();
    if (this.fd >= 0) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
    }
    this.enabled = false;
  }

  /** BGREWRITEAOF: false when one is already running. */
  startRewrite(): boolean {
    if (this.rewrite !== null) return false;
    if (!this.enabled) {
      // Redis rewrites even with appendonly off (the result is the base of a later start).
      mkdirSync(this.dir(), { recursive: true });
    }
    this.flush();
    const baseSeq = 1 + Math.max(0, ...this.manifest.filter((e) => e.type === 'b').map((e) => e.seq));
    const newIncrSeq = 1 + Math.max(0, ...this.manifest.filter((e) => e.type === 'i').map((e) => e.seq));
    // From now on commands go to a new incr file, which the manifest lists at once (a crash during the
    // rewrite then loads old base + old incrs + the new incr).
    if (this.enabled) {
      this.writeManifest([...this.manifest, { file: `${this.name()}.${newIncrSeq}.incr.aof`, seq: newIncrSeq, type: 'i' }]);
      this.openIncr(newIncrSeq);
    }
    const tmp = join(this.dir(), `temp-rewriteaof-bg-${process.pid}.aof`);
    const fd = openSync(tmp, 'w');
    const snap = this.snapshot();
    this.rdb.attachSnapshot(snap);
    const r: Rewrite = { snap, file: new BackgroundFile(fd), tmp, startedAt: Date.now(), newIncrSeq, baseSeq };
    this.rewrite = r;
    this.log.log('notice', 'Background append only file rewriting started');
    this.rdb.writeInSlices(
      snap,
      r.file,
      () => this.rewrite === r,
      (e) => this.rewriteFailed(r, e),
      (err) => {
        if (err !== null) return this.rewriteFailed(r, err);
        if (this.preamble()) return this.installRewrite(r, r.tmp, 'base.rdb');
        this.installCommandBase(r);
      },
    );
    return true;
  }

  /** A command-form base is made from the RDB image the rewrite just wrote, a chunk at a time. */
  private installCommandBase(r: Rewrite): void {
    const cmds = `${r.tmp}.cmds`;
    try {
      r.file.close();
    } catch (e) {
      return this.rewriteFailed(r, e as Error);
    }
    rdbFileToCommands(r.tmp, cmds).then(
      () => {
        unlinkQuietly(r.tmp);
        if (this.rewrite === r) this.installRewrite(r, cmds, 'base.aof');
        else unlinkQuietly(cmds);
      },
      (e: Error) => {
        unlinkQuietly(cmds);
        if (this.rewrite === r) this.rewriteFailed(r, e);
      },
    );
  }

  /** The new base is on disk: it replaces the old base and incr files in the manifest. */
  private installRewrite(r: Rewrite, from: string, suffix: string): void {
    try {
      r.file.close();
      const base = `${this.name()}.${r.baseSeq}.${suffix}`;
      const t1 = latencyStartMonitor(this.engine.latency);
      renameSync(from, join(this.dir(), base));
      latencyEndMonitor(this.engine.latency, 'aof-rename', t1);
      const old = this.manifest.filter((e) => e.type === 'b' || e.seq < r.newIncrSeq);
      const kept: ManifestEntry[] = [{ file: base, seq: r.baseSeq, type: 'b' }];
      if (this.enabled) kept.push({ file: `${this.name()}.${r.newIncrSeq}.incr.aof`, seq: r.newIncrSeq, type: 'i' });
      this.writeManifest(kept);
      for (const e of old) {
        if (e.file !== base) unlinkQuietly(join(this.dir(), e.file));
      }
      this.baseSize = statSync(join(this.dir(), base)).size;
      this.currentSize = this.baseSize;
      this.endRewrite(true);
    } catch (e) {
      this.rewriteFailed(r, e as Error);
    }
  }

  private rewriteFailed(r: Rewrite, e: Error): void {
    this.log.log('warning', `Background AOF rewrite failed: ${e.message}`);
    r.file.discard(r.tmp);
    this.endRewrite(false);
  }

  private endRewrite(ok: boolean): void {
    const r = this.rewrite!;
    this.rdb.releaseSnapshot(r.snap);
    this.rewrite = null;
    this.lastRewriteTimeSec = Math.round((Date.now() - r.startedAt) / 1000);
    this.lastRewriteStatus = ok ? 'ok' : 'err';
    if (ok) {
      this.rewrites++;
      this.log.log('notice', 'Background AOF rewrite finished successfully');
    }
  }

  abortRewrite(): void {
    const r = this.rewrite;
    if (r === null) return;
    this.rdb.releaseSnapshot(r.snap);
    this.rewrite = null;
    r.file.discard(r.tmp);
  }

  /** On shutdown: everything written and fsynced. */
  close(): void {
    this.flush();
    if (this.fd >= 0) {
      try {
        fsyncSync(this.fd);
        closeSync(this.fd);
      } catch {
        // closing anyway
      }
      this.fd = -1;
    }
  }

  get bufferLength(): number {
    return this.buf.length;
  }
}

/** Removes a file that may already be gone (or never made). */
function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // nothing to remove
  }
}
