// Turning decoded RDB values into the engine's values, with the encoding Redis picks when it loads them
// (rdbLoadObject's conversions: sizes over the *-max-listpack-* / set-max-intset-entries limits load as
// hashtable / skiplist / quicklist, small plain forms become compact encodings). Duplicate members and
// empty aggregates are refused as Redis refuses them.
import type { RValue } from '../../keyspace/value.js';
import { ListValue } from '../../datatypes/list.js';
import { HashValue } from '../../datatypes/hash.js';
import { SetValue, type SetLimits } from '../../datatypes/set.js';
import { ZsetValue, type ZsetLimits } from '../../datatypes/zset.js';
import type { RdbValue } from './value-reader.js';
import { streamToEngine, StreamLoadError } from './stream-convert.js';

/** The configuration reads conversion needs (the server's ConfigApi satisfies it). */
export interface ConfigReader {
  getNumber(name: string): number;
  getBool(name: string): boolean;
}

export interface EncodingLimits {
  set: SetLimits;
  zset: ZsetLimits;
  hashEntries: number;
  hashValue: number;
  listFill: number;
}

export function encodingLimits(config: ConfigReader): EncodingLimits {
  return {
    set: {
      intsetEntries: config.getNumber('set-max-intset-entries'),
      listpackEntries: config.getNumber('set-max-listpack-entries'),
      listpackValue: config.getNumber('set-max-listpack-value'),
    },
    zset: {
      listpackEntries: config.getNumber('zset-max-listpack-entries'),
      listpackValue: config.getNumber('zset-max-listpack-value'),
    },
    hashEntries: config.getNumber('hash-max-listpack-entries'),
    hashValue: config.getNumber('hash-max-listpack-value'),
    listFill: config.getNumber('list-max-listpack-size'),
  };
}

export class ConversionError extends Error {}

/**
 * The engine value for a decoded RDB value. Throws ConversionError for duplicates and empty
 * aggregates, as Redis refuses them.
 */
export function toEngineValue(v: RdbValue, limits: EncodingLimits): RValue {
  switch (v.type) {
    case 'string':
      return v.value;
    case 'list': {
      if (v.items.length === 0) throw new ConversionError('Empty list');
      const l = ListValue.of(v.items);
      l.growEncoding(0, 0, limits.listFill);
      return l;
    }
    case 'set': {
      const m = v.members;
      if (m.length === 0) throw new ConversionError('Empty set');
      const s = SetValue.create(m[0], m.length, limits.set);
      for (let i = 0; i < m.length; i++) {
        if (!s.add(m[i], limits.set)) throw new ConversionError('Duplicate set members detected');
      }
      return s;
    }
    case 'zset': {
      const { members, scores } = v;
      if (members.length === 0) throw new ConversionError('Empty sorted set');
      let maxLen = 0;
      for (const m of members) if (m.length > maxLen) maxLen = m.length;
      const z = ZsetValue.create(members.length, maxLen, limits.zset);
      for (let i = 0; i < members.length; i++) {
        if (Number.isNaN(scores[i])) throw new ConversionError('Zset with NAN score detected');
        if (z.score(members[i]) !== undefined) throw new ConversionError('Duplicate zset fields detected');
        z.set(members[i], scores[i], z.isListpack ? limits.zset : null);
      }
      return z;
    }
    case 'hash': {
      const p = v.pairs;
      if (p.length === 0) throw new ConversionError('Empty hash');
      const h = new HashValue();
      let big = p.length / 2 > limits.hashEntries;
      for (let i = 0; i < p.length; i += 2) {
        if (!h.set(p[i], p[i + 1])) throw new ConversionError('Duplicate hash fields detected');
        if (p[i].length > limits.hashValue || p[i + 1].length > limits.hashValue) big = true;
      }
      if (big) h.convert();
      return h;
    }
    case 'stream':
      try {
        return streamToEngine(v.stream);
      } catch (e) {
        if (e instanceof StreamLoadError) throw new ConversionError(e.message);
        throw e;
      }
  }
}
