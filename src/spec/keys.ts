// Key extraction: which arguments of a command line are key names, and with which access flags, derived
// from the command's key specs. COMMAND GETKEYS, cluster slot routing and ACL key checks all ask this.
// Counterpart: getKeysFromCommandWithSpecs / getKeysUsingKeySpecs and the per-command *GetKeys helpers
// in Redis's db.c, plus populateCommandLegacyRangeSpec in server.c for COMMAND INFO's first/last/step.
import type { CommandMeta, KeySpec } from './types.js';

/** One key found in an argv: its position (argv[0] is the command name) and its key-spec flags. */
export interface KeyRef {
  index: number;
  flags: readonly string[];
}

const NONE: readonly string[] = [];
const RO_ACCESS: readonly string[] = ['RO', 'access'];
const RW_ACCESS_UPDATE: readonly string[] = ['RW', 'access', 'update'];
const RW_ACCESS_DELETE: readonly string[] = ['RW', 'access', 'delete'];
const OW_UPDATE: readonly string[] = ['OW', 'update'];

/** Does a command take key arguments at all (COMMAND GETKEYS refuses those that do not)? */
export function commandHasKeys(meta: CommandMeta): boolean {
  return KEY_PROCS.has(meta.name) || meta.keySpecs.some((s) => !s.flags.includes('not_key'));
}

/**
 * The keys of a command line. Specs are used when they describe every key exactly; a command whose specs
 * cannot (flags that depend on other arguments, keys found only by parsing, or a spec that does not fit this
 * argv) is resolved by its own parser, as Redis does. An empty result means no keys or unusable arguments.
 */
export function getKeysFromCommand(meta: CommandMeta, argv: readonly string[]): KeyRef[] {
  const specs = meta.keySpecs;
  const hasKeySpec = specs.some((s) => !s.flags.includes('not_key'));
  const variableFlags = specs.some((s) => s.flags.includes('variable_flags'));
  if (hasKeySpec && !variableFlags) {
    const keys = getKeysUsingKeySpecs(specs, argv);
    if (keys !== null) return keys;
  }
  const proc = KEY_PROCS.get(meta.name);
  return proc ? proc(argv) : [];
}

/**
 * Applies each key spec in turn. Returns null when a spec cannot be resolved for this argv (unknown search
 * type, a bad key count, keys running past the end) or is marked incomplete, so the caller falls back.
 */
export function getKeysUsingKeySpecs(specs: readonly KeySpec[], argv: readonly string[]): KeyRef[] | null {
  const argc = argv.length;
  const out: KeyRef[] = [];
  for (const spec of specs) {
    let first = 0;
    const bs = spec.begin_search;
    if (bs.type === 'index') {
      first = bs.spec.index ?? 0;
    } else if (bs.type === 'keyword') {
      first = findKeyword(argv, bs.spec.keyword ?? '', bs.spec.startfrom ?? 0);
      // A keyword that is absent just means this optional group of keys is not there.
      if (first === 0) continue;
    } else {
      return null;
    }

    let last: number;
    let step: number;
    const fk = spec.find_keys;
    if (fk.type === 'range') {
      const lastkey = fk.spec.lastkey ?? 0;
      const limit = fk.spec.limit ?? 0;
      if (lastkey >= 0) last = first + lastkey;
      else if (limit === 0) last = argc + lastkey;
      else last = first + (Math.trunc((argc - first) / limit) + lastkey);
      step = fk.spec.keystep ?? 1;
    } else if (fk.type === 'keynum') {
      const at = first + (fk.spec.keynumidx ?? 0);
      if (at >= argc) return null;
      const numkeys = parseStrictInt(argv[at]);
      if (numkeys === null || numkeys < 0) return null;
      first += fk.spec.firstkey ?? 0;
      last = first + numkeys - 1;
      step = fk.spec.keystep ?? 1;
    } else {
      return null;
    }

    for (let i = first; i <= last; i += step) {
      // Past the end: the command would fail its own argument checks, so there is no reliable key list.
      if (i >= argc || i < first) return null;
      out.push({ index: i, flags: spec.flags });
    }
    if (spec.flags.includes('incomplete')) return null;
  }
  return out;
}

/**
 * Position just after `keyword` (case-insensitive), or 0. A positive startfrom scans forward from there and
 * never looks at the last argument (a keyword there has no key after it); a negative one scans backward
 * from argc+startfrom and never reaches argument 1.
 */
function findKeyword(argv: readonly string[], keyword: string, startfrom: number): number {
  const argc = argv.length;
  const start = startfrom > 0 ? startfrom : argc + startfrom;
  const end = startfrom > 0 ? argc - 1 : 1;
  const dir = start <= end ? 1 : -1;
  const kw = keyword.toLowerCase();
  for (let i = start; i !== end; i += dir) {
    if (i >= argc || i < 1) break;
    if (argv[i].length === kw.length && argv[i].toLowerCase() === kw) return i + 1;
  }
  return 0;
}

/** A whole-string signed decimal integer (Redis's string2ll), or null. */
function parseStrictInt(s: string): number | null {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : n < 0 ? -Infinity : Infinity;
}

/** C's atoi: optional leading blanks and sign, then digits up to the first non-digit; 0 if none. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

type KeyProc = (argv: readonly string[]) => KeyRef[];

/**
 * Counted key lists (ZUNION, EVAL, LMPOP...) when the count does not parse as a spec expects: the count is
 * read leniently (atoi, so "3abc" is 3), must be between 1 and the arguments left, and the flags are
 * unknown (empty). A destination key, when the command has one, comes after the sources.
 */
function countedKeys(storeAt: number, countAt: number, firstAt: number): KeyProc {
  return (argv) => {
    const num = atoi(argv[countAt] ?? '');
    if (num < 1 || num > argv.length - firstAt) return [];
    const keys: KeyRef[] = [];
    for (let i = 0; i < num; i++) keys.push({ index: firstAt + i, flags: NONE });
    if (storeAt) keys.push({ index: storeAt, flags: NONE });
    return keys;
  };
}

/** SORT: the sorted key, and the destination of the last STORE (LIMIT's two operands and GET/BY's one are skipped). */
function sortKeys(argv: readonly string[]): KeyRef[] {
  const keys: KeyRef[] = [{ index: 1, flags: RO_ACCESS }];
  let store = 0;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i].toLowerCase();
    if (a === 'limit') i += 2;
    else if (a === 'get' || a === 'by') i += 1;
    else if (a === 'store' && i + 1 < argv.length) store = i + 1;
  }
  if (store) keys.push({ index: store, flags: OW_UPDATE });
  return keys;
}

/** MIGRATE: the single key, or with an empty key argument the keys after KEYS (AUTH/AUTH2 operands skipped). */
function migrateKeys(argv: readonly string[]): KeyRef[] {
  let first = 3;
  let num = 1;
  if (argv.length > 6) {
    for (let i = 6; i < argv.length; i++) {
      const a = argv[i].toLowerCase();
      if (a === 'auth') i += 1;
      else if (a === 'auth2') i += 2;
      else if (a === 'keys') {
        // KEYS together with a non-empty key argument is a syntax error.
        if (argv[3].length > 0) return [];
        first = i + 1;
        num = argv.length - first;
        break;
      }
    }
  }
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ index: first + i, flags: RW_ACCESS_DELETE });
  return keys;
}

/** SET: the key is read too when GET appears among the options. */
function setKeys(argv: readonly string[]): KeyRef[] {
  for (let i = 3; i < argv.length; i++) {
    if (argv[i].toLowerCase() === 'get') return [{ index: 1, flags: RW_ACCESS_UPDATE }];
  }
  return [{ index: 1, flags: OW_UPDATE }];
}

/** BITFIELD: read-only unless some operation writes (or the arguments do not parse, which is assumed to write). */
function bitfieldKeys(argv: readonly string[]): KeyRef[] {
  let readonly = true;
  for (let i = 2; i < argv.length; i++) {
    const left = argv.length - i - 1;
    const a = argv[i].toLowerCase();
    if (a === 'get' && left >= 2) i += 2;
    else if (a === 'overflow' && left >= 1) i += 1;
    else {
      readonly = false;
      break;
    }
  }
  return [{ index: 1, flags: readonly ? RO_ACCESS : RW_ACCESS_UPDATE }];
}

/** Commands that resolve keys by parsing their own arguments, used when their key specs cannot. */
const KEY_PROCS = new Map<string, KeyProc>([
  ['zunion', countedKeys(0, 1, 2)],
  ['zinter', countedKeys(0, 1, 2)],
  ['zdiff', countedKeys(0, 1, 2)],
  ['zintercard', countedKeys(0, 1, 2)],
  ['zunionstore', countedKeys(1, 2, 3)],
  ['zinterstore', countedKeys(1, 2, 3)],
  ['zdiffstore', countedKeys(1, 2, 3)],
  ['sintercard', countedKeys(0, 1, 2)],
  ['eval', countedKeys(0, 2, 3)],
  ['evalsha', countedKeys(0, 2, 3)],
  ['eval_ro', countedKeys(0, 2, 3)],
  ['evalsha_ro', countedKeys(0, 2, 3)],
  ['fcall', countedKeys(0, 2, 3)],
  ['fcall_ro', countedKeys(0, 2, 3)],
  ['lmpop', countedKeys(0, 1, 2)],
  ['blmpop', countedKeys(0, 2, 3)],
  ['zmpop', countedKeys(0, 1, 2)],
  ['bzmpop', countedKeys(0, 2, 3)],
  ['sort', sortKeys],
  ['sort_ro', () => [{ index: 1, flags: RO_ACCESS }]],
  ['migrate', migrateKeys],
  ['set', setKeys],
  ['bitfield', bitfieldKeys],
]);

/**
 * COMMAND INFO's first key, last key and step: the pre-7.0 single range, built from the key specs that are
 * plain index+range and follow each other with step 1 (a negative last key counts from the end). Commands
 * whose keys do not fit report what fits, or zeros.
 */
export function legacyKeyRange(meta: CommandMeta): [number, number, number] {
  const specs = meta.keySpecs;
  if (specs.length === 0) return [0, 0, 0];
  const isIndexRange = (s: KeySpec) => s.begin_search.type === 'index' && s.find_keys.type === 'range';
  if (specs.length === 1 && isIndexRange(specs[0])) {
    const first = specs[0].begin_search.spec.index ?? 0;
    const lastkey = specs[0].find_keys.spec.lastkey ?? 0;
    return [first, lastkey >= 0 ? first + lastkey : lastkey, specs[0].find_keys.spec.keystep ?? 1];
  }
  // Redis compares last keys as unsigned, so a negative (from-the-end) last key wins over any positive one.
  const unsigned = (n: number) => (n < 0 ? n + 2 ** 32 : n);
  let first = Infinity;
  let last = 0;
  let prevLast = 0;
  for (const s of specs) {
    if (!isIndexRange(s)) continue;
    const pos = s.begin_search.spec.index ?? 0;
    if ((s.find_keys.spec.keystep ?? 1) !== 1 || (prevLast !== 0 && prevLast !== pos - 1)) continue;
    first = Math.min(first, pos);
    let abs = s.find_keys.spec.lastkey ?? 0;
    if (abs >= 0) abs += pos;
    last = unsigned(last) >= unsigned(abs) ? last : abs;
    prevLast = last;
  }
  if (first === Infinity) return [0, 0, 0];
  return [first, last, 1];
}
