// The transactions group.
import type { CommandImpl } from '../../spec/define.js';
import multi from './multi.js';
import exec from './exec.js';
import discard from './discard.js';
import watch from './watch.js';
import unwatch from './unwatch.js';

export const transactionCommands: CommandImpl[] = [multi, exec, discard, watch, unwatch];
