// All generated command metadata, by group.
import type { CommandMeta } from '../types.js';
import bitmap from './bitmap.js';
import cluster from './cluster.js';
import connection from './connection.js';
import generic from './generic.js';
import geo from './geo.js';
import hash from './hash.js';
import hyperloglog from './hyperloglog.js';
import list from './list.js';
import pubsub from './pubsub.js';
import scripting from './scripting.js';
import server from './server.js';
import set from './set.js';
import sorted_set from './sorted-set.js';
import stream from './stream.js';
import string from './string.js';
import transactions from './transactions.js';

export const commandTable: CommandMeta[] = [
  ...bitmap,
  ...cluster,
  ...connection,
  ...generic,
  ...geo,
  ...hash,
  ...hyperloglog,
  ...list,
  ...pubsub,
  ...scripting,
  ...server,
  ...set,
  ...sorted_set,
  ...stream,
  ...string,
  ...transactions,
];
