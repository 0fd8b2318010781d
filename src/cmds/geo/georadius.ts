// GEORADIUS key lon lat radius unit [WITHCOORD] [WITHDIST] [WITHHASH] [COUNT n [ANY]] [ASC|DESC]
// [STORE key|STOREDIST key] - the deprecated circle search around a point, optionally stored.
// Counterpart: georadiusCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('georadius', (ctx, argv) => georadiusGeneric(ctx, argv, 1, 'radius', false));
