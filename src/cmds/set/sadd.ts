// SADD key member [member ...] - adds members, creating the set with an encoding chosen from the first
// member and the number of members given. Redis counterpart: saddCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { SetValue } from '../../datatypes/set.js';
import { lookupSetWrite, setLimits } from './set-access.js';

export default defineCommand('sadd', (ctx, argv) => {
  const key = argv[1];
  const found = lookupSetWrite(ctx, key);
  if (found instanceof ErrorReply) return found;
  const limits = setLimits(ctx);
  const db = ctx.db;
  let set: SetValue;
  if (found === undefined) {
    set = SetValue.create(argv[2], argv.length - 2, limits);
    db.add(key, set);
  } else {
    set = found;
    set.maybeConvert(argv.length - 2, limits);
  }
  let added = 0;
  for (let j = 2; j < argv.length; j++) if (set.add(argv[j], limits)) added++;
  if (added > 0) {
    set.trim();
    ctx.signalModifiedKey(db, key);
    ctx.notify('s', 'sadd', key, db.id);
    ctx.addDirty(added);
  }
  return added;
});
