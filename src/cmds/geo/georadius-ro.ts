// GEORADIUS_RO key lon lat radius unit [options] - GEORADIUS without STORE/STOREDIST, a
// read-only command.
// Counterpart: georadiusroCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('georadius_ro', (ctx, argv) => georadiusGeneric(ctx, argv, 1, 'radius', true));
