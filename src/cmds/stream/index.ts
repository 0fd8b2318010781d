// Streams: XADD, XRANGE, XREAD, consumer groups. Counterpart: Redis's t_stream.c.
import type { CommandImpl } from '../../spec/define.js';
import xack from './xack.js';
import xadd from './xadd.js';
import xautoclaim from './xautoclaim.js';
import xclaim from './xclaim.js';
import xdel from './xdel.js';
import xgroupCreate from './xgroup-create.js';
import xgroupCreateconsumer from './xgroup-createconsumer.js';
import xgroupDelconsumer from './xgroup-delconsumer.js';
import xgroupDestroy from './xgroup-destroy.js';
import xgroupHelp from './xgroup-help.js';
import xgroupSetid from './xgroup-setid.js';
import xinfoConsumers from './xinfo-consumers.js';
import xinfoGroups from './xinfo-groups.js';
import xinfoHelp from './xinfo-help.js';
import xinfoStream from './xinfo-stream.js';
import xlen from './xlen.js';
import xpending from './xpending.js';
import xrange from './xrange.js';
import xread from './xread.js';
import xreadgroup from './xreadgroup.js';
import xrevrange from './xrevrange.js';
import xsetid from './xsetid.js';
import xtrim from './xtrim.js';

export const streamCommands: CommandImpl[] = [
  xack, xadd, xautoclaim, xclaim, xdel, xgroupCreate, xgroupCreateconsumer, xgroupDelconsumer, xgroupDestroy,
  xgroupHelp, xgroupSetid, xinfoConsumers, xinfoGroups, xinfoHelp, xinfoStream, xlen, xpending, xrange, xread,
  xreadgroup, xrevrange, xsetid, xtrim,
];
