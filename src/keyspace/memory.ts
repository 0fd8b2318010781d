// Estimated bytes a key and its value take in this process's heap, for MEMORY USAGE (and later the
// eviction accounting). The figures model V8's layout on a 64-bit build with pointer compression off:
// a one-byte string is a 16-byte header plus its bytes rounded up to 8; a Map entry is three words plus
// its share of the bucket array; a Buffer is its bytes plus about 80 bytes of object. Aggregates are
// sampled like Redis's objectComputeSize: the first `samples` elements (0 = all), scaled to the size.
import { MutableString, type RValue } from './value.js';
import { ListValue } from '../datatypes/list.js';
import { HashValue } from '../datatypes/hash.js';
import { SetValue } from '../datatypes/set.js';
import { ZsetValue } from '../datatypes/zset.js';
import { StreamValue } from '../datatypes/stream.js';

const WORD = 8;
/** One Map/Set entry: key, value, chain link, plus about one bucket pointer per entry (load factor 2). */
const MAP_ENTRY = 3 * WORD + WORD;
const OBJECT = 4 * WORD;
const BUFFER = 80;

export function stringBytes(s: string): number {
  return 16 + ((s.length + 7) & ~7);
}

/** The key's own share: its string, its dict entry and its slot in the sampling array. */
export function keyBytes(key: string, hasExpire: boolean): number {
  return stringBytes(key) + MAP_ENTRY + WORD + (hasExpire ? MAP_ENTRY + 16 : 0);
}

function scaled(total: number, sampled: number, size: number, perElement: number): number {
  if (sampled === 0) return 0;
  return Math.round((total / sampled) * size) + perElement * size;
}

export function valueBytes(v: RValue, samples: number): number {
  if (typeof v === 'string') return stringBytes(v);
  if (v instanceof MutableString) return BUFFER + v.buf.length;
  const all = samples <= 0;
  if (v instanceof ListValue) {
    const n = v.length;
    const k = all ? n : Math.min(n, samples);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += stringBytes(v.at(i));
    return OBJECT + scaled(sum, k, n, WORD);
  }
  if (v instanceof HashValue) {
    const n = v.size;
    const k = all ? n : Math.min(n, samples);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += stringBytes(v.fieldAt(i)) + stringBytes(v.valueAt(i));
    return OBJECT + scaled(sum, k, n, MAP_ENTRY);
  }
  if (v instanceof SetValue) {
    const n = v.size;
    const picked = all ? v.members() : v.sampleDistinct(Math.min(n, samples));
    let sum = 0;
    for (const m of picked) sum += stringBytes(m);
    return OBJECT + scaled(sum, picked.length, n, MAP_ENTRY);
  }
  if (v instanceof ZsetValue) {
    const n = v.size;
    const k = all ? n : Math.min(n, samples);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += stringBytes(v.at(i)[0]);
    // The member map entry, the score (a heap number) and the member's slot in the ordered blocks.
    return OBJECT + scaled(sum, k, n, MAP_ENTRY + 16 + 2 * WORD);
  }
  if (v instanceof StreamValue) {
    let sum = OBJECT * 2;
    for (const node of v.nodes) sum += BUFFER + node.lp.length + OBJECT;
    if (v.groups !== null) {
      for (const g of v.groups.values()) {
        const pending = g.pel.size;
        sum += OBJECT + MAP_ENTRY + pending * (MAP_ENTRY + OBJECT);
      }
    }
    return sum;
  }
  return OBJECT;
}

/** MEMORY USAGE: the key, its value and their bookkeeping. */
export function usageBytes(key: string, v: RValue, hasExpire: boolean, samples: number): number {
  return keyBytes(key, hasExpire) + valueBytes(v, samples);
}
