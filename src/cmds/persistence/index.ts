// Persistence: DUMP/RESTORE, SAVE/BGSAVE, BGREWRITEAOF.
import type { CommandImpl } from '../../spec/define.js';
import dump from './dump.js';
import restore, { restoreAsking } from './restore.js';
import save from './save.js';
import bgsave from './bgsave.js';
import bgrewriteaof from './bgrewriteaof.js';

export const persistenceCommands: CommandImpl[] = [dump, restore, restoreAsking, save, bgsave, bgrewriteaof];
