// Persistence: DUMP/RESTORE, SAVE/BGSAVE, BGREWRITEAOF.
import type { CommandImpl } from '../../spec/define.js';

export const persistenceCommands: CommandImpl[] = [];
