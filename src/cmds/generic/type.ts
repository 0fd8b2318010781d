// TYPE key - the value's type name as a status reply, "none" for a missing key.
// Redis counterpart: typeCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';
import { typeName } from '../../keyspace/value.js';
import { lookupReadNoTouch } from './key-access.js';

const NONE = new Status('none');
const STATUS: Record<string, Status> = {
  string: new Status('string'),
  list: new Status('list'),
  set: new Status('set'),
  zset: new Status('zset'),
  hash: new Status('hash'),
  stream: new Status('stream'),
};

export default defineCommand('type', (ctx, argv) => {
  const v = lookupReadNoTouch(ctx, argv[1]);
  if (v === undefined) return NONE;
  const name = typeName(v);
  return STATUS[name] ?? new Status(name);
});
