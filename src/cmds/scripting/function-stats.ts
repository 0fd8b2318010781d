// FUNCTION STATS - the running function (none: scripts run to completion) and per-engine counts.
import { defineCommand } from '../../spec/define.js';
import { MapReply } from '../../protocol/reply.js';

export default defineCommand('function|stats', (ctx) => {
  const s = ctx.server.scripting;
  return new MapReply([
    'running_script',
    null,
    'engines',
    new MapReply(['LUA', new MapReply(['libraries_count', s.libraryCount, 'functions_count', s.functionCount])]),
  ]);
});
