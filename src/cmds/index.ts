// Every implemented Redis command, gathered from the per-group indexes.
import type { CommandImpl } from '../spec/define.js';
import { stringCommands } from './string/index.js';
import { genericCommands } from './generic/index.js';
import { connectionCommands } from './connection/index.js';
import { serverCommands } from './server/index.js';

export const allCommands: CommandImpl[] = [...stringCommands, ...genericCommands, ...connectionCommands, ...serverCommands];
