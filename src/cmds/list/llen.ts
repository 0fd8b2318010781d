// LLEN key - the number of elements, 0 for a missing key. Redis counterpart: llenCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ListValue } from '../../datatypes/list.js';
import { lookupListRead } from './list-generic.js';

export default defineCommand('llen', (ctx, argv) => {
  const list = lookupListRead(ctx, argv[1]);
  if (list === undefined) return 0;
  return list instanceof ListValue ? list.length : list;
});
