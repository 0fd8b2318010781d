// INFO sections, each a function of the server's state returning "field:value" lines.
// Counterpart: genRedisInfoString (server.c). Field names and order follow Redis 7.2 where the
// field exists here; Cinnabar adds cinnabar_version to the Server section.
import { cpuUsage, memoryUsage, pid, uptime } from 'node:process';
import { arch, release, totalmem, type } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { interpreterMemory } from '../../scripting/lua-vm.js';

export interface InfoSource {
  version: string;
  cinnabarVersion: string;
  runId: string;
  replId: string;
  port: number;
  configFile: string;
  hz: number;
  configuredHz: number;
  startTime: number;
  executable: string;
  connectedClients: number;
  maxClients: number;
  blockedClients: number;
  maxInputBuffer: number;
  maxOutputBuffer: number;
  maxmemory: number;
  maxmemoryPolicy: string;
  peakMemory: { value: number };
  startupMemory: number;
  /** used_memory from the accounting (src/server/eviction.ts) and the dataset's part of it. */
  usedMemory?: number;
  datasetMemory?: number;
  /** total/current_eviction_exceeded_time in milliseconds. */
  eviction?: { totalExceededMs: number; currentExceededMs: number };
  stats: {
    connectionsReceived: number; commandsProcessed: number; opsPerSec: number; netInputBytes: number;
    netOutputBytes: number; inputKbps: number; outputKbps: number; rejectedConnections: number;
    expiredKeys: number; evictedKeys: number; hits: number; misses: number; totalErrorReplies: number;
    unexpectedErrorReplies: number; errors: Map<string, number>;
  };
  dirtySinceSave: number;
  lastSave: number;
  aofEnabled: boolean;
  dbs: Array<{ id: number; size: number; expires: number; avgTtl: number }>;
  commands: Array<{ fullName: string; calls: number; usec: number; rejectedCalls: number; failedCalls: number }>;
  clusterEnabled: boolean;
  pubsubChannels: number;
  pubsubPatterns: number;
  pubsubShardChannels: number;
  readsProcessed: number;
  writesProcessed: number;
  /** ACL denials by reason (ACL LOG counts), for acl_access_denied_*. */
  aclDenied?: { auth: number; command: number; key: number; channel: number };
  /** The append-only file (INFO persistence). */
  aof: {
    enabled: boolean; rewriting: boolean; scheduled: boolean; lastRewriteTimeSec: number; currentRewriteTimeSec: number;
    lastRewriteStatus: string; rewrites: number; lastWriteStatus: string; currentSize: number; baseSize: number; bufferLength: number;
  };
  /** RDB saving and loading (INFO persistence). */
  rdb: {
    inProgress: boolean; lastStatus: string; lastTimeSec: number; currentTimeSec: number; saves: number;
    keysProcessed: number; keysTotal: number; keysLoaded: number; keysExpiredOnLoad: number; loading: boolean;
  };
  /** INFO latencystats lines (per-command latency percentiles). */
  latencyStats?: () => string[];
  /** Client-side caching: tracking clients, tracked keys, client ids stored, BCAST prefixes. */
  tracking?: { clients: number; keys: number; items: number; prefixes: number };
  /** Script cache and function libraries (INFO memory). */
  scripting: { scripts: number; scriptsMemory: number; functions: number; libraries: number; functionsMemory: number; vmMemory: number; vmFunctionsMemory: number };
}

function human(n: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(2)}${units[i]}`;
}

/** Bytes in use: the V8 heap plus memory held outside it (Buffers). */
export function usedMemory(): number {
  const h = getHeapStatistics();
  // The Lua interpreters' memory is theirs, as in Redis (used_memory_vm_*), not the server's.
  return Math.max(0, h.used_heap_size + h.external_memory - interpreterMemory());
}

type Section = (s: InfoSource) => string[];

function allocatorLines(rss: number): string[] {
  const h = getHeapStatistics();
  return [
    `allocator_allocated:${h.used_heap_size + h.external_memory}`,
    `allocator_active:${h.total_heap_size + h.external_memory}`,
    `allocator_resident:${rss}`,
  ];
}

const server: Section = (s) => {
  const now = Date.now();
  const up = Math.floor((now - s.startTime) / 1000);
  return [
    `redis_version:${s.version}`,
    `cinnabar_version:${s.cinnabarVersion}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:0',
    'redis_mode:standalone',
    `os:${type()} ${release()} ${arch() === 'x64' ? 'x86_64' : arch()}`,
    'arch_bits:64',
    'monotonic_clock:POSIX clock_gettime',
    'multiplexing_api:epoll',
    'atomicvar_api:c11-builtin',
    'gcc_version:0.0.0',
    `node_version:${process.versions.node}`,
    `process_id:${pid}`,
    'process_supervised:no',
    `run_id:${s.runId}`,
    `tcp_port:${s.port}`,
    `server_time_usec:${Math.round((performance.timeOrigin + performance.now()) * 1000)}`,
    `uptime_in_seconds:${up}`,
    `uptime_in_days:${Math.floor(up / 86400)}`,
    `hz:${s.hz}`,
    `configured_hz:${s.configuredHz}`,
    `lru_clock:${Math.floor(now / 1000) & 0xffffff}`,
    `executable:${s.executable}`,
    `config_file:${s.configFile}`,
    'io_threads_active:0',
  ];
};

const clients: Section = (s) => [
  `connected_clients:${s.connectedClients}`,
  'cluster_connections:0',
  `maxclients:${s.maxClients}`,
  `client_recent_max_input_buffer:${s.maxInputBuffer}`,
  `client_recent_max_output_buffer:${s.maxOutputBuffer}`,
  `blocked_clients:${s.blockedClients}`,
  `tracking_clients:${s.tracking?.clients ?? 0}`,
  'clients_in_timeout_table:0',
];

const memory: Section = (s) => {
  const used = s.usedMemory ?? usedMemory();
  if (used > s.peakMemory.value) s.peakMemory.value = used;
  const rss = memoryUsage.rss();
  const peak = s.peakMemory.value;
  const dataset = s.datasetMemory ?? Math.max(0, used - s.startupMemory);
  return [
    `used_memory:${used}`,
    `used_memory_human:${human(used)}`,
    // Cinnabar's own: the JavaScript heap in use plus Buffers, garbage included until a collection (the
    // figure used_memory was before it became the accounting eviction runs on; DEBUG GC makes it exact).
    `used_memory_js_heap:${usedMemory()}`,
    `used_memory_rss:${rss}`,
    `used_memory_rss_human:${human(rss)}`,
    `used_memory_peak:${peak}`,
    `used_memory_peak_human:${human(peak)}`,
    `used_memory_peak_perc:${((used * 100) / peak).toFixed(2)}%`,
    `used_memory_overhead:${used - dataset}`,
    `used_memory_startup:${s.startupMemory}`,
    `used_memory_dataset:${dataset}`,
    `used_memory_dataset_perc:${used > s.startupMemory ? ((dataset * 100) / (used - s.startupMemory || 1)).toFixed(2) : '0.00'}%`,
    // The allocator's own figures are V8's: the live heap (with garbage until a collection), what it has
    // committed, and the process's resident set. used_memory above is the accounting eviction runs on.
    ...allocatorLines(rss),
    `total_system_memory:${totalmem()}`,
    `total_system_memory_human:${human(totalmem())}`,
    // EVAL scripts and function libraries have an interpreter each, as in Redis.
    `used_memory_lua:${s.scripting.vmMemory}`,
    `used_memory_vm_eval:${s.scripting.vmMemory}`,
    `used_memory_lua_human:${human(s.scripting.vmMemory)}`,
    `used_memory_scripts_eval:${s.scripting.scriptsMemory}`,
    `number_of_cached_scripts:${s.scripting.scripts}`,
    `number_of_functions:${s.scripting.functions}`,
    `number_of_libraries:${s.scripting.libraries}`,
    `used_memory_vm_functions:${s.scripting.vmFunctionsMemory}`,
    `used_memory_vm_total:${s.scripting.vmMemory + s.scripting.vmFunctionsMemory}`,
    `used_memory_vm_total_human:${human(s.scripting.vmMemory + s.scripting.vmFunctionsMemory)}`,
    `used_memory_functions:${s.scripting.functionsMemory}`,
    `used_memory_scripts:${s.scripting.scriptsMemory + s.scripting.functionsMemory}`,
    `used_memory_scripts_human:${human(s.scripting.scriptsMemory + s.scripting.functionsMemory)}`,
    `maxmemory:${s.maxmemory}`,
    `maxmemory_human:${human(s.maxmemory)}`,
    `maxmemory_policy:${s.maxmemoryPolicy}`,
    `mem_fragmentation_ratio:${(rss / (used || 1)).toFixed(2)}`,
    `mem_fragmentation_bytes:${rss - used}`,
    'mem_not_counted_for_evict:0',
    'mem_replication_backlog:0',
    'mem_clients_slaves:0',
    'mem_clients_normal:0',
    'mem_aof_buffer:0',
    'mem_allocator:v8',
    'active_defrag_running:0',
    'lazyfree_pending_objects:0',
    'lazyfreed_objects:0',
  ];
};

const persistence: Section = (s) => [
  `loading:${s.rdb.loading ? 1 : 0}`,
  'async_loading:0',
  'current_cow_peak:0',
  'current_cow_size:0',
  'current_cow_size_age:0',
  `current_fork_perc:${s.rdb.keysTotal > 0 ? ((s.rdb.keysProcessed * 100) / s.rdb.keysTotal).toFixed(2) : '0.00'}`,
  `current_save_keys_processed:${s.rdb.keysProcessed}`,
  `current_save_keys_total:${s.rdb.keysTotal}`,
  `rdb_changes_since_last_save:${s.dirtySinceSave}`,
  `rdb_bgsave_in_progress:${s.rdb.inProgress ? 1 : 0}`,
  `rdb_last_save_time:${s.lastSave}`,
  `rdb_last_bgsave_status:${s.rdb.lastStatus}`,
  `rdb_last_bgsave_time_sec:${s.rdb.lastTimeSec}`,
  `rdb_current_bgsave_time_sec:${s.rdb.currentTimeSec}`,
  `rdb_saves:${s.rdb.saves}`,
  'rdb_last_cow_size:0',
  `rdb_last_load_keys_expired:${s.rdb.keysExpiredOnLoad}`,
  `rdb_last_load_keys_loaded:${s.rdb.keysLoaded}`,
  `aof_enabled:${s.aof.enabled ? 1 : 0}`,
  `aof_rewrite_in_progress:${s.aof.rewriting ? 1 : 0}`,
  `aof_rewrite_scheduled:${s.aof.scheduled ? 1 : 0}`,
  `aof_last_rewrite_time_sec:${s.aof.lastRewriteTimeSec}`,
  `aof_current_rewrite_time_sec:${s.aof.currentRewriteTimeSec}`,
  `aof_last_bgrewrite_status:${s.aof.lastRewriteStatus}`,
  `aof_rewrites:${s.aof.rewrites}`,
  'aof_rewrites_consecutive_failures:0',
  `aof_last_write_status:${s.aof.lastWriteStatus}`,
  'aof_last_cow_size:0',
  'module_fork_in_progress:0',
  'module_fork_last_cow_size:0',
  ...(s.aof.enabled
    ? [
        `aof_current_size:${s.aof.currentSize}`,
        `aof_base_size:${s.aof.baseSize}`,
        'aof_pending_rewrite:0',
        `aof_buffer_length:${s.aof.bufferLength}`,
        'aof_pending_bio_fsync:0',
        'aof_delayed_fsync:0',
      ]
    : []),
];

const stats: Section = (s) => {
  const t = s.stats;
  return [
    `total_connections_received:${t.connectionsReceived}`,
    `total_commands_processed:${t.commandsProcessed}`,
    `instantaneous_ops_per_sec:${t.opsPerSec}`,
    `total_net_input_bytes:${t.netInputBytes}`,
    `total_net_output_bytes:${t.netOutputBytes}`,
    'total_net_repl_input_bytes:0',
    'total_net_repl_output_bytes:0',
    `instantaneous_input_kbps:${t.inputKbps.toFixed(2)}`,
    `instantaneous_output_kbps:${t.outputKbps.toFixed(2)}`,
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${t.rejectedConnections}`,
    'sync_full:0',
    'sync_partial_ok:0',
    'sync_partial_err:0',
    `expired_keys:${t.expiredKeys}`,
    'expired_stale_perc:0.00',
    'expired_time_cap_reached_count:0',
    'expire_cycle_cpu_milliseconds:0',
    `evicted_keys:${t.evictedKeys}`,
    'evicted_clients:0',
    `total_eviction_exceeded_time:${s.eviction?.totalExceededMs ?? 0}`,
    `current_eviction_exceeded_time:${s.eviction?.currentExceededMs ?? 0}`,
    `keyspace_hits:${t.hits}`,
    `keyspace_misses:${t.misses}`,
    `pubsub_channels:${s.pubsubChannels}`,
    `pubsub_patterns:${s.pubsubPatterns}`,
    `pubsubshard_channels:${s.pubsubShardChannels}`,
    'latest_fork_usec:0',
    'total_forks:0',
    'migrate_cached_sockets:0',
    'slave_expires_tracked_keys:0',
    'active_defrag_hits:0',
    'active_defrag_misses:0',
    'active_defrag_key_hits:0',
    'active_defrag_key_misses:0',
    'total_active_defrag_time:0',
    'current_active_defrag_time:0',
    `tracking_total_keys:${s.tracking?.keys ?? 0}`,
    `tracking_total_items:${s.tracking?.items ?? 0}`,
    `tracking_total_prefixes:${s.tracking?.prefixes ?? 0}`,
    `unexpected_error_replies:${t.unexpectedErrorReplies}`,
    `total_error_replies:${t.totalErrorReplies}`,
    'dump_payload_sanitizations:0',
    `total_reads_processed:${s.readsProcessed}`,
    `total_writes_processed:${s.writesProcessed}`,
    'io_threaded_reads_processed:0',
    'io_threaded_writes_processed:0',
    `acl_access_denied_auth:${s.aclDenied?.auth ?? 0}`,
    `acl_access_denied_cmd:${s.aclDenied?.command ?? 0}`,
    `acl_access_denied_key:${s.aclDenied?.key ?? 0}`,
    `acl_access_denied_channel:${s.aclDenied?.channel ?? 0}`,
  ];
};

const replication: Section = (s) => [
  'role:master',
  'connected_slaves:0',
  'master_failover_state:no-failover',
  `master_replid:${s.replId}`,
  'master_replid2:0000000000000000000000000000000000000000',
  'master_repl_offset:0',
  'second_repl_offset:-1',
  'repl_backlog_active:0',
  'repl_backlog_size:1048576',
  'repl_backlog_first_byte_offset:0',
  'repl_backlog_histlen:0',
];

const cpu: Section = () => {
  const u = cpuUsage();
  const sys = (u.system / 1e6).toFixed(6);
  const user = (u.user / 1e6).toFixed(6);
  return [
    `used_cpu_sys:${sys}`,
    `used_cpu_user:${user}`,
    'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000',
    `used_cpu_sys_main_thread:${sys}`,
    `used_cpu_user_main_thread:${user}`,
  ];
};

const modules: Section = () => [];

const commandstats: Section = (s) =>
  s.commands
    .filter((c) => c.calls > 0 || c.rejectedCalls > 0 || c.failedCalls > 0)
    .map((c) => {
      const usec = Math.round(c.usec);
      const per = c.calls ? (c.usec / c.calls).toFixed(2) : '0.00';
      return `cmdstat_${c.fullName}:calls=${c.calls},usec=${usec},usec_per_call=${per},rejected_calls=${c.rejectedCalls},failed_calls=${c.failedCalls}`;
    });

const errorstats: Section = (s) => [...s.stats.errors].map(([code, n]) => `errorstat_${code}:count=${n}`);

const latencystats: Section = (s) => (s.latencyStats ? s.latencyStats() : []);

const cluster: Section = (s) => [`cluster_enabled:${s.clusterEnabled ? 1 : 0}`];

const keyspace: Section = (s) =>
  s.dbs.filter((d) => d.size > 0).map((d) => `db${d.id}:keys=${d.size},expires=${d.expires},avg_ttl=${Math.round(d.avgTtl)}`);

const SECTIONS: Array<[string, string, Section]> = [
  ['server', 'Server', server],
  ['clients', 'Clients', clients],
  ['memory', 'Memory', memory],
  ['persistence', 'Persistence', persistence],
  ['stats', 'Stats', stats],
  ['replication', 'Replication', replication],
  ['cpu', 'CPU', cpu],
  ['modules', 'Modules', modules],
  ['commandstats', 'Commandstats', commandstats],
  ['errorstats', 'Errorstats', errorstats],
  ['latencystats', 'Latencystats', latencystats],
  ['cluster', 'Cluster', cluster],
  ['keyspace', 'Keyspace', keyspace],
];
const DEFAULT = new Set(['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace']);

/** Builds the INFO text for the requested sections ("default", "all", "everything" or names). */
export function renderInfo(src: InfoSource, requested: string[]): string {
  let want: Set<string>;
  if (requested.length === 0 || (requested.length === 1 && requested[0] === 'default')) want = DEFAULT;
  else if (requested.includes('all') || requested.includes('everything')) want = new Set(SECTIONS.map((x) => x[0]));
  else {
    want = new Set();
    for (const r of requested) want.add(r === 'default' ? '' : r);
    if (requested.includes('default')) for (const d of DEFAULT) want.add(d);
  }
  const parts: string[] = [];
  for (const [key, title, fn] of SECTIONS) {
    if (!want.has(key)) continue;
    const lines = fn(src);
    parts.push(`# ${title}\r\n${lines.map((l) => l + '\r\n').join('')}`);
  }
  return parts.join('\r\n');
}

export { uptime };
