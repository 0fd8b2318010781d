// OBJECT ENCODING key - the name of the value's internal representation, nil for a missing key.
// Redis counterpart: objectCommand "encoding" (object.c).
import { defineCommand } from '../../spec/define.js';
import { isStringValue, stringEncoding } from '../../keyspace/value.js';
import { lookupReadNoTouch } from './key-access.js';

export default defineCommand('object|encoding', (ctx, argv) => {
  const v = lookupReadNoTouch(ctx, argv[2]);
  if (v === undefined) return null;
  return isStringValue(v) ? stringEncoding(v) : v.encoding();
});
