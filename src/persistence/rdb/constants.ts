// RDB format constants (Redis's rdb.h): object type bytes, opcodes, length encodings and the version
// range this codec reads and writes.

export const RDB_TYPE = {
  STRING: 0,
  LIST: 1,
  SET: 2,
  ZSET: 3,
  HASH: 4,
  ZSET_2: 5,
  MODULE_PRE_GA: 6,
  MODULE_2: 7,
  HASH_ZIPMAP: 9,
  LIST_ZIPLIST: 10,
  SET_INTSET: 11,
  ZSET_ZIPLIST: 12,
  HASH_ZIPLIST: 13,
  LIST_QUICKLIST: 14,
  STREAM_LISTPACKS: 15,
  HASH_LISTPACK: 16,
  ZSET_LISTPACK: 17,
  LIST_QUICKLIST_2: 18,
  STREAM_LISTPACKS_2: 19,
  SET_LISTPACK: 20,
  STREAM_LISTPACKS_3: 21,
} as const;

export const RDB_OPCODE = {
  FUNCTION2: 245,
  FUNCTION_PRE_GA: 246,
  MODULE_AUX: 247,
  IDLE: 248,
  FREQ: 249,
  AUX: 250,
  RESIZEDB: 251,
  EXPIRETIME_MS: 252,
  EXPIRETIME: 253,
  SELECTDB: 254,
  EOF: 255,
} as const;

/** Special string encodings behind a length byte 11xxxxxx. */
export const RDB_ENC = { INT8: 0, INT16: 1, INT32: 2, LZF: 3 } as const;

/** Quicklist 2 node containers. */
export const QUICKLIST_NODE = { PLAIN: 1, PACKED: 2 } as const;

/** Highest RDB version read (Redis 7.2); RDB 12 (Redis 7.4) and later are refused. */
export const RDB_MAX_READ_VERSION = 11;
/** Version written by default: what Redis 7.0 writes and loads. */
export const RDB_DEFAULT_WRITE_VERSION = 10;

/** Names of the type bytes, as redis-check-rdb and error messages use them. */
export function rdbTypeName(t: number): string {
  switch (t) {
    case 0: return 'string';
    case 1: return 'list-linked';
    case 2: return 'set-hashtable';
    case 3: return 'zset-v1';
    case 4: return 'hash-hashtable';
    case 5: return 'zset-v2';
    case 6: return 'module-pre-release';
    case 7: return 'module-value';
    case 9: return 'hash-zipmap';
    case 10: return 'list-ziplist';
    case 11: return 'set-intset';
    case 12: return 'zset-ziplist';
    case 13: return 'hash-ziplist';
    case 14: return 'quicklist';
    case 15: return 'stream';
    case 16: return 'hash-listpack';
    case 17: return 'zset-listpack';
    case 18: return 'quicklist-v2';
    case 19: return 'stream-v2';
    case 20: return 'set-listpack';
    case 21: return 'stream-v3';
    default: return `unknown(${t})`;
  }
}
