// The hyperloglog group: every command Redis lists under "hyperloglog" in its command table.
import type { CommandImpl } from '../../spec/define.js';
import pfadd from './pfadd.js';
import pfcount from './pfcount.js';
import pfdebug from './pfdebug.js';
import pfmerge from './pfmerge.js';
import pfselftest from './pfselftest.js';

export const hyperloglogCommands: CommandImpl[] = [pfadd, pfcount, pfdebug, pfmerge, pfselftest];
