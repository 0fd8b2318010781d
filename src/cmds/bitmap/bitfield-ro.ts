// BITFIELD_RO key [GET type offset ...] - Redis counterpart: bitfieldroCommand (bitops.c). Parsed like
// BITFIELD; any SET or INCRBY is refused before the key is touched.
import { defineCommand } from '../../spec/define.js';
import { bitfieldGeneric } from './bitfield-generic.js';

export default defineCommand('bitfield_ro', (ctx, argv) => bitfieldGeneric(ctx, argv, true));
