// FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE] - libraries with their functions (and code).
import { defineCommand } from '../../spec/define.js';
import { MapReply, SetReply, Status, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { stringMatch } from '../../util/glob.js';

export default defineCommand('function|list', (ctx, argv) => {
  let pattern: string | null = null;
  let withCode = false;
  for (let i = 2; i < argv.length; i++) {
    const opt = argv[i].toLowerCase();
    if (opt === 'withcode' && !withCode) withCode = true;
    else if (opt === 'libraryname' && pattern === null) {
      if (i + 1 >= argv.length) return errorReply('ERR library name argument was not given');
      pattern = argv[++i];
    } else return errorReply(`ERR Unknown argument ${argv[i]}`);
  }
  const out: Reply[] = [];
  for (const lib of ctx.server.scripting.listLibraries()) {
    if (pattern !== null && !stringMatch(pattern, lib.name)) continue;
    const fns: Reply[] = lib.functions.map(
      (f) => new MapReply(['name', f.name, 'description', f.description, 'flags', new SetReply(f.flags.map((x) => new Status(x)))]),
    );
    const fields: Reply[] = ['library_name', lib.name, 'engine', 'LUA', 'functions', fns];
    if (withCode) fields.push('library_code', lib.code);
    out.push(new MapReply(fields));
  }
  return out;
});
