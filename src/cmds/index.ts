// Every implemented Redis command, gathered from the per-group indexes.
import type { CommandImpl } from '../spec/define.js';
import { stringCommands } from './string/index.js';
import { genericCommands } from './generic/index.js';
import { connectionCommands } from './connection/index.js';
import { serverCommands } from './server/index.js';
import { hashCommands } from './hash/index.js';
import { setCommands } from './set/index.js';
import { listCommands } from './list/index.js';
import { bitmapCommands } from './bitmap/index.js';
import { pubsubCommands } from './pubsub/index.js';
import { transactionCommands } from './transactions/index.js';
import { sortedSetCommands } from './sorted-set/index.js';
import { hyperloglogCommands } from './hyperloglog/index.js';
import { geoCommands } from './geo/index.js';
import { streamCommands } from './stream/index.js';
import { scriptingCommands } from './scripting/index.js';
import { persistenceCommands } from './persistence/index.js';
import { aclCommands } from './acl/index.js';

export const allCommands: CommandImpl[] = [
  ...stringCommands,
  ...genericCommands,
  ...connectionCommands,
  ...serverCommands,
  ...hashCommands,
  ...setCommands,
  ...listCommands,
  ...bitmapCommands,
  ...pubsubCommands,
  ...transactionCommands,
  ...sortedSetCommands,
  ...hyperloglogCommands,
  ...geoCommands,
  ...streamCommands,
  ...scriptingCommands,
  ...persistenceCommands,
  ...aclCommands,
];
