// The checks on decoded values that redis-check-rdb makes while loading them (Redis refuses to load a set
// with a member twice, a sorted set or hash with a member or field twice), beyond what the reader already
// checks (encodings, NaN scores, stream structure). Memory: one Set per key, bounded by the largest key.
import type { RdbValue } from '../../persistence/rdb/value-reader.js';

function firstDuplicate(items: string[], step: number): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i += step) {
    const s = items[i];
    if (seen.has(s)) return s;
    seen.add(s);
  }
  return null;
}

/** Why Redis would refuse this value, or null. */
export function valueProblem(v: RdbValue): string | null {
  let dup: string | null;
  switch (v.type) {
    case 'set':
      dup = firstDuplicate(v.members, 1);
      return dup === null ? null : `Duplicate set members detected (member '${dup}' appears twice)`;
    case 'zset':
      dup = firstDuplicate(v.members, 1);
      return dup === null ? null : `Duplicate zset fields detected (member '${dup}' appears twice)`;
    case 'hash':
      dup = firstDuplicate(v.pairs, 2);
      return dup === null ? null : `Duplicate hash fields detected (field '${dup}' appears twice)`;
    default:
      return null;
  }
}
