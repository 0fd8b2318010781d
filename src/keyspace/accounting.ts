// The used_memory accounting: a running byte count per database, kept exact with cheap O(1) updates
// on every write, so eviction can be driven by it. Counterpart: zmalloc's used_memory counter.
//
// Each Db counts the strings of its keys, its values and one heap number per expiry in `Db.bytes`:
// a string value by its length (exact, O(1)); an aggregate (or a string changed in place) by the
// estimate of src/keyspace/memory.ts, remembered in the value itself (`accounted`). The Db's Maps,
// sampling array and access clock are charged by their capacity when the total is read
// (Db.memoryBytes), so their growth steps are counted as they happen.
//
// Aggregates change in place after the lookup that finds them, so the Db cannot price the change at
// once: lookupWrite/add/set/overwrite note the value here, and the engine settles the notes after the
// command (re-estimating each noted value from a fixed sample of its elements and applying the
// difference). A value deleted before it is settled was already discounted at its last counted size.
import type { RValue } from './value.js';
import { valueBytes } from './memory.js';

/** Elements whose strings an aggregate's estimate looks at (spread over the value). */
export const ACCOUNTING_SAMPLES = 8;
/** Notes kept before they are settled on the spot (bulk loads that never reach the engine). */
const MAX_PENDING = 4096;

/** What a Db offers the accounting. */
export interface AccountedDb {
  bytes: number;
  dict: Map<string, RValue>;
}

/** The count kept in every aggregate and MutableString. */
export interface Accounted {
  accounted: number;
}

const pendingDbs: AccountedDb[] = [];
const pendingKeys: string[] = [];
const pendingValues: Accounted[] = [];
/** Values noted and not yet settled (read by the engine after each command). */
export let pendingCount = 0;

/** Estimates a value that was just stored and records the estimate in it. */
export function priceObject(v: Accounted): number {
  const b = valueBytes(v as unknown as RValue, ACCOUNTING_SAMPLES, true, true);
  v.accounted = b;
  return b;
}

/** A value that may change in place before the command ends. */
export function noteChanged(db: AccountedDb, key: string, v: Accounted): void {
  const i = pendingCount++;
  pendingDbs[i] = db;
  pendingKeys[i] = key;
  pendingValues[i] = v;
  if (pendingCount >= MAX_PENDING) settle();
}

/**
 * Drops the notes of a command that changed nothing (no dirty count: ZADD of a present member with its
 * score, SADD of a present member...): its values are as they were priced. A command that changes a
 * value always counts it dirty (that is what replicates it), so nothing is missed.
 */
export function dropPending(): void {
  const n = pendingCount;
  pendingCount = 0;
  for (let i = 0; i < n; i++) {
    pendingDbs[i] = undefined as unknown as AccountedDb;
    pendingValues[i] = undefined as unknown as Accounted;
    pendingKeys[i] = '';
  }
}

/** Re-estimates every noted value still stored under its key and applies the differences. */
export function settle(): void {
  const n = pendingCount;
  pendingCount = 0;
  for (let i = 0; i < n; i++) {
    const db = pendingDbs[i];
    const v = pendingValues[i];
    const key = pendingKeys[i];
    pendingDbs[i] = undefined as unknown as AccountedDb;
    pendingValues[i] = undefined as unknown as Accounted;
    pendingKeys[i] = '';
    if (db.dict.get(key) !== (v as unknown as RValue)) continue;
    const before = v.accounted;
    db.bytes += priceObject(v) - before;
  }
}
