// Element-level change notices for aggregates a background save is writing over several slices.
//
// A big hash, set or sorted set is written in steps while commands keep changing it; instead of copying
// it first (a million-entry Map takes longer to copy than to write), the save watches it: the value's
// mutators report each element just before it changes, and the save keeps that element's old value
// (src/persistence/element-log.ts). Nothing is watched outside a save, so the mutators' cost is one
// size check of an empty Map.

/** Told about an element of a watched value just before it is added, changed or removed. */
export interface ElementWatcher {
  before(element: string): void;
  /** The next watcher of the same value (two saves may watch one value). */
  next: ElementWatcher | null;
}

/** Watched values and the first of their watchers. */
export const watched = new Map<object, ElementWatcher>();

/** Reports an element of `value` about to change to its watchers (call only when watched.size !== 0). */
export function notifyElement(value: object, element: string): void {
  for (let w: ElementWatcher | null = watched.get(value) ?? null; w !== null; w = w.next) w.before(element);
}

export function watch(value: object, w: ElementWatcher): void {
  w.next = watched.get(value) ?? null;
  watched.set(value, w);
}

export function unwatch(value: object, w: ElementWatcher): void {
  let first = watched.get(value);
  if (first === undefined) return;
  if (first === w) {
    if (w.next === null) watched.delete(value);
    else watched.set(value, w.next);
  } else {
    for (; first.next !== null; first = first.next) {
      if (first.next === w) {
        first.next = w.next;
        break;
      }
    }
  }
  w.next = null;
}
