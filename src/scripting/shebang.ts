// The first line of a script or function library: `#!lua flags=no-writes,allow-oom` for EVAL scripts,
// `#!lua name=mylib` for FUNCTION LOAD. Errors as Redis words them.
// Counterpart: evalExtractShebangFlags (eval.c) and functionExtractLibMetaData (functions.c).
import { ErrorReply } from '../protocol/reply.js';
import { errorReply } from '../protocol/errors.js';

export interface ScriptFlags {
  /** A shebang was present (the script opted in to flags; without one it is a legacy script). */
  declared: boolean;
  noWrites: boolean;
  allowOom: boolean;
  allowStale: boolean;
  noCluster: boolean;
  allowCrossSlotKeys: boolean;
}

const LEGACY: ScriptFlags = { declared: false, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlotKeys: false };

/** Parses a script's shebang; the source comes back with that line emptied (line numbers unchanged). */
export function parseScriptShebang(body: string): { source: string; flags: ScriptFlags } | ErrorReply {
  if (!body.startsWith('#!')) return { source: body, flags: LEGACY };
  const nl = body.indexOf('\n');
  if (nl < 0) return errorReply('ERR Invalid script shebang');
  const line = body.slice(0, nl);
  const parts = line.split(' ').filter((p) => p.length > 0);
  if (parts[0] !== '#!lua') return errorReply(`ERR Unexpected engine in script shebang: ${parts[0]}`);
  const flags: ScriptFlags = { ...LEGACY, declared: true };
  for (const p of parts.slice(1)) {
    if (!p.startsWith('flags=')) return errorReply(`ERR Unknown lua shebang option: ${p}`);
    const list = p.slice(6);
    if (list === '') continue;
    for (const f of list.split(',')) {
      switch (f) {
        case 'no-writes':
          flags.noWrites = true;
          break;
        case 'allow-oom':
          flags.allowOom = true;
          break;
        case 'allow-stale':
          flags.allowStale = true;
          break;
        case 'no-cluster':
          flags.noCluster = true;
          break;
        case 'allow-cross-slot-keys':
          flags.allowCrossSlotKeys = true;
          break;
        default:
          return errorReply(`ERR Unexpected flag in script shebang: ${f}`);
      }
    }
  }
  return { source: body.slice(nl), flags };
}

/** FUNCTION LOAD's metadata line: `#!<engine> name=<library>`; body is the code after that line. */
export function parseLibraryShebang(code: string): { engine: string; name: string; body: string } | ErrorReply {
  if (!code.startsWith('#!')) return errorReply('ERR Missing library metadata');
  const nl = code.indexOf('\n');
  const line = nl < 0 ? code : code.slice(0, nl);
  const parts = line.slice(2).split(' ').filter((p) => p.length > 0);
  const engine = parts[0] ?? '';
  let name: string | null = null;
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) return errorReply(`ERR Invalid metadata value given: ${p}`);
    const k = p.slice(0, eq);
    if (k !== 'name') return errorReply(`ERR Invalid metadata value given: ${p}`);
    if (name !== null) return errorReply('ERR Invalid metadata value, name argument was given multiple times');
    name = p.slice(eq + 1);
  }
  if (name === null) return errorReply('ERR Library name was not given');
  if (engine.toLowerCase() !== 'lua') return errorReply(`ERR Engine '${engine}' not found`);
  if (name.length === 0 || /[^A-Za-z0-9_]/.test(name)) {
    return errorReply('ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long');
  }
  return { engine: 'LUA', name, body: nl < 0 ? '' : code.slice(nl + 1) };
}

export { ErrorReply };
