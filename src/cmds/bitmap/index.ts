// The bitmap group: every command Redis lists under "bitmap" in its command table.
import type { CommandImpl } from '../../spec/define.js';
import bitcount from './bitcount.js';
import bitfield from './bitfield.js';
import bitfieldRo from './bitfield-ro.js';
import bitop from './bitop.js';
import bitpos from './bitpos.js';
import getbit from './getbit.js';
import setbit from './setbit.js';

export const bitmapCommands: CommandImpl[] = [bitcount, bitfield, bitfieldRo, bitop, bitpos, getbit, setbit];
