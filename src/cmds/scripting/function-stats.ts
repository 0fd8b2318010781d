// FUNCTION STATS - the running function (name, command, duration_ms) and per-engine counts.
// Answers BUSY while an EVAL script runs, as functionStatsCommand (functions.c) does.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, MapReply } from '../../protocol/reply.js';

export default defineCommand('function|stats', (ctx) => {
  const s = ctx.server.scripting;
  const running = s.runningFunction();
  if (running instanceof ErrorReply) return running;
  return new MapReply([
    'running_script',
    running === null ? null : new MapReply(['name', running.name, 'command', running.argv, 'duration_ms', running.durationMs]),
    'engines',
    new MapReply(['LUA', new MapReply(['libraries_count', s.libraryCount, 'functions_count', s.functionCount])]),
  ]);
});
