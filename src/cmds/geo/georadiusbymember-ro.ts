// GEORADIUSBYMEMBER_RO key member radius unit [options] - GEORADIUSBYMEMBER without
// STORE/STOREDIST, a read-only command.
// Counterpart: georadiusbymemberroCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('georadiusbymember_ro', (ctx, argv) =>
  georadiusGeneric(ctx, argv, 1, 'radius-member', true),
);
