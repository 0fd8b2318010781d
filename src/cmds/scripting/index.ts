// Lua scripting and Functions: EVAL family, SCRIPT, FUNCTION, FCALL.
import type { CommandImpl } from '../../spec/define.js';
import evalCmd from './eval.js';
import evalsha from './evalsha.js';
import evalRo from './eval-ro.js';
import evalshaRo from './evalsha-ro.js';
import fcall from './fcall.js';
import fcallRo from './fcall-ro.js';
import scriptLoad from './script-load.js';
import scriptExists from './script-exists.js';
import scriptFlush from './script-flush.js';
import scriptKill from './script-kill.js';
import scriptHelp from './script-help.js';
import functionLoad from './function-load.js';
import functionDelete from './function-delete.js';
import functionFlush from './function-flush.js';
import functionKill from './function-kill.js';
import functionList from './function-list.js';
import functionStats from './function-stats.js';
import functionHelp from './function-help.js';
import functionDump from './function-dump.js';
import functionRestore from './function-restore.js';

export const scriptingCommands: CommandImpl[] = [
  evalCmd, evalsha, evalRo, evalshaRo, fcall, fcallRo,
  scriptLoad, scriptExists, scriptFlush, scriptKill, scriptHelp,
  functionLoad, functionDelete, functionFlush, functionKill, functionList, functionStats, functionHelp, functionDump, functionRestore,
];
