// Keyspace (generic group) commands, plus the database-wide commands Redis files under "server"
// (FLUSHDB FLUSHALL DBSIZE SWAPDB), whose sources live in ../server/.
import type { CommandImpl } from '../../spec/define.js';
import { sort, sortRo } from './sort.js';
import del from './del.js';
import unlink from './unlink.js';
import exists from './exists.js';
import type from './type.js';
import touch from './touch.js';
import keys from './keys.js';
import scan from './scan.js';
import randomkey from './randomkey.js';
import rename from './rename.js';
import renamenx from './renamenx.js';
import copy from './copy.js';
import move from './move.js';
import expire from './expire.js';
import pexpire from './pexpire.js';
import expireat from './expireat.js';
import pexpireat from './pexpireat.js';
import ttl from './ttl.js';
import pttl from './pttl.js';
import expiretime from './expiretime.js';
import pexpiretime from './pexpiretime.js';
import persist from './persist.js';
import objectEncoding from './object-encoding.js';
import objectFreq from './object-freq.js';
import objectIdletime from './object-idletime.js';
import objectRefcount from './object-refcount.js';
import objectHelp from './object-help.js';
import flushdb from '../server/flushdb.js';
import flushall from '../server/flushall.js';
import dbsize from '../server/dbsize.js';
import swapdb from '../server/swapdb.js';

export const genericCommands: CommandImpl[] = [
  del, unlink, exists, type, touch, keys, scan, randomkey, rename, renamenx, copy, move,
  expire, pexpire, expireat, pexpireat, ttl, pttl, expiretime, pexpiretime, persist,
  objectEncoding, objectFreq, objectIdletime, objectRefcount, objectHelp,
  flushdb, flushall, dbsize, swapdb,
  sort,
  sortRo,
];
