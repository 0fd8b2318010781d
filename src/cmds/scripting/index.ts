// Lua scripting and Functions: EVAL family, SCRIPT, FUNCTION, FCALL.
import type { CommandImpl } from '../../spec/define.js';

export const scriptingCommands: CommandImpl[] = [];
