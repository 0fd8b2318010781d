// GEOSEARCHSTORE dst src FROMMEMBER|FROMLONLAT ... BYRADIUS|BYBOX ... [ASC|DESC] [COUNT n [ANY]]
// [STOREDIST] - stores a GEOSEARCH result (scores, or distances with STOREDIST) and answers its size.
// Counterpart: geosearchstoreCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('geosearchstore', (ctx, argv) => georadiusGeneric(ctx, argv, 2, 'searchstore', false));
