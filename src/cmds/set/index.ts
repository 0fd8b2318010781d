// The set group (filled in as its commands land).
import type { CommandImpl } from '../../spec/define.js';

export const setCommands: CommandImpl[] = [];
