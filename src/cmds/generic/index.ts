import type { CommandImpl } from '../../spec/define.js';
export const genericCommands: CommandImpl[] = [];
