// What a background save keeps about a big hash, set or sorted set it writes over several slices while
// commands change it: the old value of each element changed before the save wrote it, and which elements
// it has written. Copying a million-entry Map to freeze it took longer than writing it (and stalled the
// command that triggered the copy for all of it); with the log the value is written from the live
// structure, each element as it was when the snapshot began:
// - an element the save meets that was changed first is written with its logged old value (or skipped
//   when it did not exist then);
// - an element removed before the save met it is written from the log at the end;
// - an element met twice (removed and added again after being written) is written once.
// So every element of the value at the snapshot's instant is written exactly once, whatever commands do
// meanwhile; a change costs the changed element one log entry at most.
import { FingerprintSet } from './fingerprint-set.js';
import { unwatch, watch, type ElementWatcher } from '../datatypes/watch.js';
import { HashValue } from '../datatypes/hash.js';
import { SetValue } from '../datatypes/set.js';
import { ZsetValue } from '../datatypes/zset.js';

/** A logged element's value at the snapshot's instant: a hash value, a score, true (a set member), or null (absent). */
export type OldElement = string | number | true | null;

export type LoggedValue = HashValue | SetValue | ZsetValue;

/** True for the values written from the live structure with an ElementLog (the ones with a Map). */
export function needsElementLog(v: unknown): v is LoggedValue {
  if (v instanceof HashValue) return !v.isListpack;
  if (v instanceof ZsetValue) return !v.isListpack;
  if (v instanceof SetValue) return v.encoding() === 'hashtable';
  return false;
}

export class ElementLog implements ElementWatcher {
  /** Elements at the snapshot's instant (the value has not changed since, when the log starts). */
  readonly size: number;
  /** First-change old values of elements not written yet. */
  readonly old = new Map<string, OldElement>();
  /** Elements written (or passed over as absent at the snapshot's instant). */
  readonly written: FingerprintSet;
  /** Elements written so far: size once the value is complete. */
  count = 0;
  next: ElementWatcher | null = null;
  private watching = true;

  constructor(readonly value: LoggedValue) {
    this.size = value.size;
    this.written = new FingerprintSet(this.size);
    watch(value, this);
  }

  before(element: string): void {
    if (this.old.has(element) || this.written.has(element)) return;
    const v = this.value;
    let was: OldElement;
    if (v instanceof HashValue) was = v.get(element) ?? null;
    else if (v instanceof ZsetValue) was = v.score(element) ?? null;
    else was = v.has(element) ? true : null;
    this.old.set(element, was);
  }

  /**
   * The element's value at the snapshot's instant when the save meets it in the live structure with
   * `current` (null when it is not to be written: absent then, or written already).
   */
  met(element: string, current: string | number | true): string | number | true | null {
    if (!this.written.add(element)) return null;
    if (this.old.size === 0) return current;
    const was = this.old.get(element);
    return was === undefined ? current : was;
  }

  /** Calls write for each element removed before the save met it; then stops watching. */
  rest(write: (element: string, was: string | number | true) => void): void {
    for (const [e, was] of this.old) if (was !== null && this.written.add(e)) write(e, was);
    this.release();
  }

  /** Stops watching the value (the save is complete or abandoned). */
  release(): void {
    if (!this.watching) return;
    this.watching = false;
    unwatch(this.value, this);
    this.old.clear();
  }
}
