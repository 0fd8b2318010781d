// The hash group (filled in as its commands land).
import type { CommandImpl } from '../../spec/define.js';

export const hashCommands: CommandImpl[] = [];
