// notify-keyspace-events letters <-> flag bits (Redis's notify.c keyspaceEventsStringToFlags and back).
import type { NotifyClass } from '../spec/context.js';

export const KEYSPACE = 1 << 0;
export const KEYEVENT = 1 << 1;
const CLASS_BITS: Record<string, number> = { g: 1 << 2, $: 1 << 3, l: 1 << 4, s: 1 << 5, h: 1 << 6, z: 1 << 7, x: 1 << 8, e: 1 << 9, t: 1 << 10, m: 1 << 11, d: 1 << 12, n: 1 << 13 };
const ALL = CLASS_BITS.g | CLASS_BITS.$ | CLASS_BITS.l | CLASS_BITS.s | CLASS_BITS.h | CLASS_BITS.z | CLASS_BITS.x | CLASS_BITS.e | CLASS_BITS.t | CLASS_BITS.d;

export function classBit(t: NotifyClass): number {
  return CLASS_BITS[t] ?? 0;
}

/** notify-keyspace-events letters to flag bits (keyspaceEventsStringToFlags). */
export function parseNotifyFlags(s: string): number {
  let f = 0;
  for (const ch of s) {
    if (ch === 'A') f |= ALL;
    else if (ch === 'K') f |= KEYSPACE;
    else if (ch === 'E') f |= KEYEVENT;
    else f |= CLASS_BITS[ch] ?? 0;
  }
  return f;
}

/** notify flags back to the canonical string CONFIG GET shows (keyspaceEventsFlagsToString). */
export function notifyFlagsToString(f: number): string {
  let s = '';
  if ((f & ALL) === ALL) s += 'A';
  else for (const ch of 'g$lshzxetd') if (f & CLASS_BITS[ch]) s += ch;
  if (f & CLASS_BITS.m) s += 'm';
  if (f & CLASS_BITS.n) s += 'n';
  if (f & KEYSPACE) s += 'K';
  if (f & KEYEVENT) s += 'E';
  return s;
}

