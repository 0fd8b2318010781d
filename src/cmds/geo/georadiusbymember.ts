// GEORADIUSBYMEMBER key member radius unit [options] [STORE key|STOREDIST key] - the deprecated
// circle search around a member's position, optionally stored.
// Counterpart: georadiusbymemberCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('georadiusbymember', (ctx, argv) =>
  georadiusGeneric(ctx, argv, 1, 'radius-member', false),
);
