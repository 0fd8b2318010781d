// GEOSEARCH key FROMMEMBER m|FROMLONLAT lon lat BYRADIUS r unit|BYBOX w h unit [ASC|DESC]
// [COUNT n [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH] - members inside a circle or a box.
// Counterpart: geosearchCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { georadiusGeneric } from './geo-search.js';

export default defineCommand('geosearch', (ctx, argv) => georadiusGeneric(ctx, argv, 1, 'search', false));
