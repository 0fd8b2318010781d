// The hash group. Counterpart: the hash commands of Redis's t_hash.c.
import type { CommandImpl } from '../../spec/define.js';
import hdel from './hdel.js';
import hexists from './hexists.js';
import hget from './hget.js';
import hgetall from './hgetall.js';
import hincrby from './hincrby.js';
import hincrbyfloat from './hincrbyfloat.js';
import hkeys from './hkeys.js';
import hlen from './hlen.js';
import hmget from './hmget.js';
import hmset from './hmset.js';
import hrandfield from './hrandfield.js';
import hscan from './hscan.js';
import hset from './hset.js';
import hsetnx from './hsetnx.js';
import hstrlen from './hstrlen.js';
import hvals from './hvals.js';

export const hashCommands: CommandImpl[] = [
  hdel, hexists, hget, hgetall, hincrby, hincrbyfloat, hkeys, hlen, hmget, hmset, hrandfield, hscan, hset, hsetnx,
  hstrlen, hvals,
];
