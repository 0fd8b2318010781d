// BITFIELD key [GET type offset | [OVERFLOW WRAP|SAT|FAIL] SET type offset value | INCRBY type offset
// increment ...] - Redis counterpart: bitfieldCommand (bitops.c). With only GETs nothing changes, so
// nothing is propagated.
import { defineCommand } from '../../spec/define.js';
import { bitfieldGeneric } from './bitfield-generic.js';

export default defineCommand('bitfield', (ctx, argv) => bitfieldGeneric(ctx, argv, false));
