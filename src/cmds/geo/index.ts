// The GEO command group: geo indexes are sorted sets scored by 52-bit geohashes. Counterpart: geo.c.
import type { CommandImpl } from '../../spec/define.js';
import geoadd from './geoadd.js';
import geodist from './geodist.js';
import geohash from './geohash.js';
import geopos from './geopos.js';
import georadius from './georadius.js';
import georadiusRo from './georadius-ro.js';
import georadiusbymember from './georadiusbymember.js';
import georadiusbymemberRo from './georadiusbymember-ro.js';
import geosearch from './geosearch.js';
import geosearchstore from './geosearchstore.js';

export const geoCommands: CommandImpl[] = [
  geoadd,
  geodist,
  geohash,
  geopos,
  georadius,
  georadiusRo,
  georadiusbymember,
  georadiusbymemberRo,
  geosearch,
  geosearchstore,
];
