import { describe, it, expect } from 'vitest';
import { commandTable } from './table/index.js';
import type { CommandMeta } from './types.js';
import { commandHasKeys, getKeysFromCommand, legacyKeyRange } from './keys.js';

const metas = new Map<string, CommandMeta>();
for (const m of commandTable) {
  metas.set(m.name, m);
  for (const s of m.subcommands ?? []) metas.set(s.name, s);
}
const meta = (name: string) => {
  const m = metas.get(name);
  if (!m) throw new Error(`no metadata for ${name}`);
  return m;
};
/** Keys of a command line as "name:flags" strings; a subcommand's table name is given separately. */
const keys = (argv: string[], name = argv[0]) =>
  getKeysFromCommand(meta(name), argv).map((k) => `${argv[k.index]}:${k.flags.join(',')}`);

describe('key specs', () => {
  it('index + range: a single key, a run of keys, every other argument', () => {
    expect(keys(['get', 'k'])).toEqual(['k:RO,access']);
    expect(keys(['mget', 'a', 'b', 'c'])).toEqual(['a:RO,access', 'b:RO,access', 'c:RO,access']);
    expect(keys(['mset', 'a', '1', 'b', '2'])).toEqual(['a:OW,update', 'b:OW,update']);
    expect(keys(['rename', 'a', 'b'])).toEqual(['a:RW,access,delete', 'b:OW,update']);
  });

  it('a subcommand counts positions from the container name', () => {
    expect(keys(['object', 'encoding', 'k'], 'object|encoding')).toEqual(['k:RO']);
  });

  it('keynum: the count says how many keys follow', () => {
    expect(keys(['zunionstore', 'd', '2', 'a', 'b'])).toEqual(['d:OW,update', 'a:RO,access', 'b:RO,access']);
    expect(keys(['eval', 's', '0'])).toEqual([]);
  });

  it('keyword: searched forward from startfrom, never at the last argument', () => {
    expect(keys(['georadius', 'k', '0', '0', '1', 'm', 'store'])).toEqual(['k:RO,access']);
    expect(keys(['georadius', 'k', '0', '0', '1', 'm', 'STORE', 'd'])).toEqual(['k:RO,access', 'd:OW,update']);
  });

  it('range with a limit: half of what follows STREAMS', () => {
    expect(keys(['xread', 'streams', 'a', 'b', '0', '0'])).toEqual(['a:RO,access', 'b:RO,access']);
    expect(keys(['xread', 'count', 'streams', 'x'])).toEqual([]);
  });
});

describe('fallback parsers', () => {
  it('a count that does not parse strictly is read like atoi, and the flags become unknown', () => {
    expect(keys(['zunion', '3abc', 'a', 'b', 'c'])).toEqual(['a:', 'b:', 'c:']);
    expect(keys(['zunionstore', 'd', '2x', 'a', 'b'])).toEqual(['a:', 'b:', 'd:']);
  });

  it('a count larger than the arguments left gives no keys', () => {
    expect(keys(['zunion', '5', 'a', 'b'])).toEqual([]);
    expect(keys(['zunion', '-1', 'a', 'b'])).toEqual([]);
  });

  it('SET reads the key only with GET; BITFIELD writes unless every operation is GET', () => {
    expect(keys(['set', 'k', 'v'])).toEqual(['k:OW,update']);
    expect(keys(['set', 'k', 'v', 'px', '5', 'Get'])).toEqual(['k:RW,access,update']);
    expect(keys(['set', 'k', 'get'])).toEqual(['k:OW,update']);
    expect(keys(['bitfield', 'k', 'get', 'u8', '0'])).toEqual(['k:RO,access']);
    expect(keys(['bitfield', 'k', 'incrby', 'u8', '0', '1'])).toEqual(['k:RW,access,update']);
    expect(keys(['bitfield', 'k', 'get', 'u8'])).toEqual(['k:RW,access,update']);
  });

  it('SORT stores into the last STORE destination; LIMIT operands are not keywords', () => {
    expect(keys(['sort', 'a', 'store', 'b', 'store', 'c'])).toEqual(['a:RO,access', 'c:OW,update']);
    expect(keys(['sort', 'a', 'limit', 'store', 'b'])).toEqual(['a:RO,access']);
  });

  it('MIGRATE takes KEYS only with an empty key argument', () => {
    expect(keys(['migrate', 'h', 'p', 'k', '0', '5'])).toEqual(['k:RW,access,delete']);
    expect(keys(['migrate', 'h', 'p', '', '0', '5', 'keys', 'a', 'b'])).toEqual(['a:RW,access,delete', 'b:RW,access,delete']);
    expect(keys(['migrate', 'h', 'p', 'k', '0', '5', 'keys', 'a'])).toEqual([]);
    expect(keys(['migrate', 'h', 'p', '', '0', '5', 'auth', 'keys', 'a'])).toEqual([':RW,access,delete']);
  });
});

describe('commandHasKeys', () => {
  it('is false for keyless commands and containers', () => {
    expect(commandHasKeys(meta('ping'))).toBe(false);
    expect(commandHasKeys(meta('config'))).toBe(false);
    expect(commandHasKeys(meta('get'))).toBe(true);
    expect(commandHasKeys(meta('object|encoding'))).toBe(true);
  });
});

describe('legacyKeyRange', () => {
  it('reports the single range, a step, a from-the-end last key, or zeros', () => {
    expect(legacyKeyRange(meta('get'))).toEqual([1, 1, 1]);
    expect(legacyKeyRange(meta('mset'))).toEqual([1, -1, 2]);
    expect(legacyKeyRange(meta('del'))).toEqual([1, -1, 1]);
    expect(legacyKeyRange(meta('rename'))).toEqual([1, 2, 1]);
    expect(legacyKeyRange(meta('ping'))).toEqual([0, 0, 0]);
    expect(legacyKeyRange(meta('eval'))).toEqual([0, 0, 0]);
    expect(legacyKeyRange(meta('zunionstore'))).toEqual([1, 1, 1]);
  });
});
