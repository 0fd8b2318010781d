// A point-in-time RDB snapshot of live databases without fork: keys are serialised a slice at a time
// while commands keep running, and a key about to change (new value, new TTL, removal, in-place
// mutation) that has not been written yet is written first, with its value from the instant the
// snapshot began. Keys created after that instant are skipped. The file therefore holds exactly the
// dataset of the moment the snapshot started, whatever happens while it is written.
//
// Databases are identified by their dict Map: FLUSHDB/FLUSHALL give a Db new Maps (the snapshot keeps
// reading the old, now frozen ones) and SWAPDB swaps Maps between Dbs, so a key's changes are tracked
// wherever its Map goes. Counterpart: rdbSaveBackground's fork in Redis; the approach is Dragonfly's.
import type { RValue } from '../keyspace/value.js';
import { RdbWriter, type RdbWriterOptions } from './rdb/writer.js';
import type { ValueJob } from './rdb/value-writer.js';
import { FingerprintSet } from './fingerprint-set.js';
import { ElementLog, needsElementLog } from './element-log.js';

export interface SnapshotDb {
  readonly id: number;
  readonly dict: Map<string, RValue>;
  readonly expires: Map<string, number>;
}

/** What a Db calls while a snapshot is in progress (see Db.snapshot). */
export interface SnapshotHook {
  /** The key's value, TTL or existence is about to change. */
  beforeChange(dict: Map<string, RValue>, key: string): void;
  /** A key that did not exist has just been created. */
  created(dict: Map<string, RValue>, key: string): void;
}

interface DbState {
  id: number;
  dict: Map<string, RValue>;
  expires: Map<string, number>;
  size: number;
  expiresSize: number;
  /**
   * The dict's entries in order. Entries, not keys then a lookup: a Map iterator walks the entries
   * in memory order, while a get() per key of a million-key Map missed the cache each time (about 0.6
   * us a key, half the save). Live like any Map iterator: a value replaced since the start is never met
   * here, since the key was written (and skipped) before it changed.
   */
  iter: Iterator<[string, RValue]>;
  /** Keys already written (at or ahead of their turn) and keys created after the start. */
  skip: FingerprintSet;
  /** Keys written ahead of their turn while an earlier database's section was being written. */
  early: RdbWriter | null;
  /**
   * Big aggregates that were about to change before their turn, written in steps later: lists and
   * streams by jobs detached from them (copies sharing their nodes' buffers), hashes, sets and sorted
   * sets from the live value with their element changes logged meanwhile.
   */
  deferred: Array<Deferred> | null;
  started: boolean;
  done: boolean;
}

/** A big value to write in steps later: key, value, expiry, its element log or its detached job. */
type Deferred = [string, RValue, number, ElementLog | null, ValueJob | null];

/** Bytes gathered before step() hands them out: one file write per this much, not one per slice. */
const FLUSH_AT = 256 * 1024;
const NOTHING = Buffer.alloc(0);
/** Elements of a stepped value written between two looks at the clock. */
const STEP_UNITS = 256;

/**
 * A big aggregate being written in steps (more than STEPPED_ELEMENTS: a million elements take some
 * 300-500 ms), and the keys written while it was (they follow it in the file).
 */
interface SteppedValue {
  /** The database of the live value being written, or null for a copy (changes to the key do not touch it). */
  dict: Map<string, RValue> | null;
  key: string;
  job: ValueJob;
  after: RdbWriter | null;
  /** The log of the value's element changes (the value may change while it is written), or null. */
  log: ElementLog | null;
}

export class Snapshot implements SnapshotHook {
  private readonly writer: RdbWriter;
  private readonly states: DbState[] = [];
  private readonly byDict = new Map<Map<string, RValue>, DbState>();
  private current = 0;
  private finished = false;
  private stepped: SteppedValue | null = null;
  /**
   * Set while commands can run between steps (BGSAVE, an AOF rewrite; not SAVE): big hashes, sets and
   * sorted sets are then written with an ElementLog.
   */
  live = false;
  readonly keysTotal: number;
  keysProcessed = 0;

  constructor(
    dbs: readonly SnapshotDb[],
    private readonly options: RdbWriterOptions,
    aux: Array<[string, string]>,
    functions: readonly string[],
  ) {
    this.writer = new RdbWriter(options);
    this.writer.header(aux);
    for (const code of functions) this.writer.functionLibrary(code);
    let total = 0;
    for (const db of dbs) {
      if (db.dict.size === 0) continue;
      const s: DbState = {
        id: db.id,
        dict: db.dict,
        expires: db.expires,
        size: db.dict.size,
        expiresSize: db.expires.size,
        iter: db.dict.entries(),
        skip: new FingerprintSet(db.dict.size),
        early: null,
        deferred: null,
        started: false,
        done: false,
      };
      total += s.size;
      this.states.push(s);
      this.byDict.set(db.dict, s);
    }
    this.keysTotal = total;
  }

  /** A buffer step() returned has been written and may be reused. */
  recycle(b: Buffer): void {
    this.writer.recycle(b);
  }

  get done(): boolean {
    return this.finished;
  }

  beforeChange(dict: Map<string, RValue>, key: string): void {
    const st = this.stepped;
    // The value being written in steps is about to change. A hash, set or sorted set has its element
    // changes logged: its job goes on from the live structure. A list's or a stream's goes on from a
    // copy sharing its nodes' buffers. Anything else is written to its end now, as it still is.
    if (st !== null && st.dict === dict && st.key === key) {
      if (st.log !== null) return;
      if (st.job.detach !== undefined) {
        st.job.detach();
        st.dict = null;
        return;
      }
      this.finishStepped();
      return;
    }
    const s = this.byDict.get(dict);
    if (s === undefined || s.done || s.skip.has(key)) return;
    const v = dict.get(key);
    // Not there now: either created after the start (already skipped) or already removed (written then).
    if (v === undefined) return;
    s.skip.add(key);
    const when = s.expires.size === 0 ? undefined : s.expires.get(key);
    // A big aggregate is written in steps later rather than whole here, which would hold this command
    // for all of it (250-500 ms for a million elements): a long list or stream is copied sharing its
    // nodes' buffers until either side writes to one; a hash, set or sorted set has its element
    // changes logged from now on (a copy of its Map took longer than writing it).
    const job = typeof v === 'string' ? null : this.writer.steppedJob(v);
    if (job !== null) {
      if (needsElementLog(v)) {
        (s.deferred ??= []).push([key, v, when === undefined ? -1 : when, new ElementLog(v), null]);
        return;
      }
      if (job.detach !== undefined) {
        job.detach();
        (s.deferred ??= []).push([key, v, when === undefined ? -1 : when, null, job]);
        return;
      }
    }
    // Keys of a database not begun wait for its SELECTDB; keys met while a value is written in steps
    // follow that value.
    const w = !s.started ? (s.early ??= new RdbWriter(this.options)) : st !== null ? (st.after ??= new RdbWriter(this.options)) : this.writer;
    w.key(key, v, when === undefined ? -1 : when);
    this.keysProcessed++;
  }

  created(dict: Map<string, RValue>, key: string): void {
    const s = this.byDict.get(dict);
    if (s === undefined || s.done) return;
    s.skip.add(key);
  }

  /**
   * Writes keys until the budget (ms) is spent or everything is written; returns the bytes produced
   * (to append to the file), the trailer included once finished.
   */
  step(budgetMs: number): Buffer {
    const start = performance.now();
    const w = this.writer;
    if (this.stepped !== null && !this.continueStepped(start, budgetMs)) return this.sliceEnd();
    while (this.current < this.states.length) {
      const s = this.states[this.current];
      if (!s.started) {
        w.selectDb(s.id, s.size, s.expiresSize);
        if (s.early !== null) {
          w.raw(s.early.take());
          s.early = null;
        }
        s.started = true;
      }
      let n = 0;
      for (;;) {
        const d = s.deferred;
        if (d !== null && d.length > 0) {
          const [key, v, when, log, prepared] = d.shift() as Deferred;
          const job = w.beginStepped(key, v, when, log, prepared);
          if (job === null) {
            w.key(key, v, when);
            this.keysProcessed++;
            continue;
          }
          this.stepped = { dict: null, key, job, after: null, log };
          if (!this.continueStepped(start, budgetMs)) return this.sliceEnd();
          continue;
        }
        const r = s.iter.next();
        if (r.done) {
          s.done = true;
          this.byDict.delete(s.dict);
          this.current++;
          break;
        }
        const key = r.value[0];
        // Written now (unless it was already): a later change must not write it again.
        if (!s.skip.add(key)) continue;
        const when = s.expires.size === 0 ? undefined : s.expires.get(key);
        const v = r.value[1];
        let job: ValueJob | null = null;
        let log: ElementLog | null = null;
        if (typeof v !== 'string') {
          if (this.live && needsElementLog(v) && w.isStepped(v)) log = new ElementLog(v);
          job = w.beginStepped(key, v, when === undefined ? -1 : when, log);
        }
        if (job !== null) {
          this.stepped = { dict: s.dict, key, job, after: null, log };
          if (!this.continueStepped(start, budgetMs)) return this.sliceEnd();
          continue;
        }
        w.key(key, v, when === undefined ? -1 : when);
        this.keysProcessed++;
        if ((++n & 3) === 0 && performance.now() - start > budgetMs) return this.sliceEnd();
      }
    }
    if (!this.finished) {
      w.finish();
      this.finished = true;
    }
    return w.take();
  }

  /** The bytes a slice hands out: none until FLUSH_AT have gathered (their checksum folded in now). */
  private sliceEnd(): Buffer {
    const w = this.writer;
    if (w.pending < FLUSH_AT) {
      w.checksumPending();
      return NOTHING;
    }
    return w.take();
  }

  /** Writes more of the stepped value; true when it is complete, false when the budget ran out first. */
  private continueStepped(start: number, budgetMs: number): boolean {
    const st = this.stepped as SteppedValue;
    for (;;) {
      if (this.writer.stepValue(st.job, STEP_UNITS)) {
        this.endStepped(st);
        return true;
      }
      if (performance.now() - start > budgetMs) return false;
    }
  }

  private finishStepped(): void {
    const st = this.stepped as SteppedValue;
    this.writer.stepValue(st.job, Infinity);
    this.endStepped(st);
  }

  /** Stops logging element changes (the save is complete or abandoned). */
  dispose(): void {
    this.stepped?.log?.release();
    for (const s of this.states) if (s.deferred !== null) for (const d of s.deferred) d[3]?.release();
  }

  private endStepped(st: SteppedValue): void {
    st.log?.release();
    this.stepped = null;
    this.keysProcessed++;
    if (st.after !== null) this.writer.raw(st.after.take());
  }
}
