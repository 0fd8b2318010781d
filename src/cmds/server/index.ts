// Server-group commands.
import type { CommandImpl } from '../../spec/define.js';
import configGet from './config-get.js';
import configSet from './config-set.js';
import configResetstat from './config-resetstat.js';
import configHelp from './config-help.js';
import time from './time.js';
import lastsave from './lastsave.js';
import info from './info.js';
import shutdown from './shutdown.js';
import debug from './debug.js';
import { commandCommands } from './command/index.js';
import monitor from './monitor.js';
import slowlogGet from './slowlog-get.js';
import slowlogLen from './slowlog-len.js';
import slowlogReset from './slowlog-reset.js';
import slowlogHelp from './slowlog-help.js';
import memoryUsage from './memory-usage.js';
import memoryDoctor from './memory-doctor.js';
import memoryMallocStats from './memory-malloc-stats.js';
import memoryPurge from './memory-purge.js';
import memoryStats from './memory-stats.js';
import memoryHelp from './memory-help.js';
import configRewrite from './config-rewrite.js';
import latencyDoctor from './latency-doctor.js';
import latencyGraph from './latency-graph.js';
import latencyHistory from './latency-history.js';
import latencyLatest from './latency-latest.js';
import latencyReset from './latency-reset.js';
import latencyHistogram from './latency-histogram.js';
import latencyHelp from './latency-help.js';

export const serverCommands: CommandImpl[] = [
  configGet, configSet, configResetstat, configHelp, time, lastsave, info, shutdown, debug, ...commandCommands,
  monitor, slowlogGet, slowlogLen, slowlogReset, slowlogHelp,
  memoryUsage, memoryDoctor, memoryMallocStats, memoryPurge, memoryStats, memoryHelp,
  configRewrite, latencyDoctor, latencyGraph, latencyHistory, latencyLatest, latencyReset, latencyHistogram, latencyHelp,
];
