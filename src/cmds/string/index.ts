// The string group: every command Redis lists under "string" in its command table.
import type { CommandImpl } from '../../spec/define.js';
import append from './append.js';
import decr from './decr.js';
import decrby from './decrby.js';
import get from './get.js';
import getdel from './getdel.js';
import getex from './getex.js';
import getrange from './getrange.js';
import getset from './getset.js';
import incr from './incr.js';
import incrby from './incrby.js';
import incrbyfloat from './incrbyfloat.js';
import lcs from './lcs.js';
import mget from './mget.js';
import mset from './mset.js';
import msetnx from './msetnx.js';
import psetex from './psetex.js';
import set from './set.js';
import setex from './setex.js';
import setnx from './setnx.js';
import setrange from './setrange.js';
import strlen from './strlen.js';
import substr from './substr.js';

export const stringCommands: CommandImpl[] = [
  append, decr, decrby, get, getdel, getex, getrange, getset, incr, incrby, incrbyfloat, lcs, mget, mset,
  msetnx, psetex, set, setex, setnx, setrange, strlen, substr,
];
