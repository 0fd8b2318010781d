// The configuration directives this server knows, with Redis's names, aliases, defaults and limits.
// Directives whose feature is not built yet are still accepted (so an existing redis.conf loads) and
// reported by CONFIG GET with their values. Counterpart: the standardConfig table of Redis's config.c.
import type { Directive } from './config-types.js';
import { parseMemory } from './config-types.js';
import { notifyFlagsToString, parseNotifyFlags } from './notify-flags.js';
import { parsePercentiles } from './latency.js';

const INT_MAX = 2147483647;
const LL_MAX = Number.MAX_SAFE_INTEGER;

const b = (name: string, def: 'yes' | 'no', extra: Partial<Directive> = {}): Directive => ({ name, kind: 'bool', default: def, ...extra });
const i = (name: string, def: number, min: number, max: number, extra: Partial<Directive> = {}): Directive => ({ name, kind: 'int', default: String(def), min, max, ...extra });
const m = (name: string, def: number, min: number, max: number, extra: Partial<Directive> = {}): Directive => ({ name, kind: 'memory', default: String(def), min, max, ...extra });
const s = (name: string, def: string, extra: Partial<Directive> = {}): Directive => ({ name, kind: 'string', default: def, ...extra });
const e = (name: string, def: string, values: string[], extra: Partial<Directive> = {}): Directive => ({ name, kind: 'enum', default: def, values, ...extra });

function parseSave(v: string): string | { error: string } {
  const parts = v.trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length === 0) return '';
  if (parts.length % 2 !== 0) return { error: 'Invalid save parameters' };
  for (const p of parts) if (!/^[0-9]+$/.test(p)) return { error: 'Invalid save parameters' };
  return parts.join(' ');
}

function parseBind(v: string): string | { error: string } {
  const parts = v.trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length > 16) return { error: 'Too many bind addresses specified.' };
  return parts.join(' ');
}

const CLASSES = ['normal', 'slave', 'replica', 'pubsub'];
function parseOutputLimits(v: string, current = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60'): string | { error: string } {
  const parts = v.trim().split(/\s+/).filter((p) => p.length > 0);
  if (parts.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const cur = current.split(' ');
  const map = new Map<string, string[]>();
  for (let k = 0; k < cur.length; k += 4) map.set(cur[k], cur.slice(k + 1, k + 4));
  for (let k = 0; k < parts.length; k += 4) {
    let cls = parts[k].toLowerCase();
    if (!CLASSES.includes(cls)) return { error: 'Invalid client class specified in buffer limit configuration.' };
    if (cls === 'replica') cls = 'slave';
    const hard = parseMemory(parts[k + 1]);
    const soft = parseMemory(parts[k + 2]);
    const secs = /^[0-9]+$/.test(parts[k + 3]) ? Number(parts[k + 3]) : -1;
    if (hard === null || soft === null || hard < 0 || soft < 0 || secs < 0) {
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    }
    map.set(cls, [String(hard), String(soft), String(secs)]);
  }
  return ['normal', 'slave', 'pubsub'].map((c) => `${c} ${map.get(c)!.join(' ')}`).join(' ');
}

const NOTIFY_CHARS = 'KEg$lshzxetmdnA';
function parseNotify(v: string): string | { error: string } {
  for (const c of v) if (!NOTIFY_CHARS.includes(c)) return { error: 'Invalid event class character. Use \'Ag$lshzxeKEtmdn\'.' };
  return notifyFlagsToString(parseNotifyFlags(v));
}

/** oom-score-adj-values: three integers in [-2000, 2000] (setConfigOOMScoreAdjValuesOption). */
function parseOomScoreAdjValues(v: string): string | { error: string } {
  const parts = v.split(' ');
  if (parts.length !== 3) return { error: 'wrong number of arguments' };
  for (const p of parts) {
    if (!/^[+-]?[0-9]+$/.test(p) || Math.abs(Number(p)) > 2000) return { error: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
  }
  return parts.map(Number).join(' ');
}

const POLICIES = ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'];

export const directives: Directive[] = [
  // network
  // Listeners are opened once at start-up: changing them at run time is refused rather than ignored.
  { name: 'bind', kind: 'special', default: '127.0.0.1 -::1', multiArg: true, parse: parseBind, immutable: true },
  s('bind-source-addr', ''),
  i('port', 6379, 0, 65535, { immutable: true }),
  i('tcp-backlog', 511, 0, INT_MAX, { immutable: true }),
  s('unixsocket', '', { immutable: true }),
  { name: 'unixsocketperm', kind: 'special', default: '0', immutable: true, parse: (v) => (/^[0-7]+$/.test(v) ? String(parseInt(v, 8)) : { error: 'argument must be an octal number' }) },
  i('timeout', 0, 0, INT_MAX),
  i('tcp-keepalive', 300, 0, INT_MAX),
  b('protected-mode', 'yes'),
  i('socket-mark-id', 0, 0, INT_MAX),
  // general
  b('daemonize', 'no', { immutable: true }),
  e('supervised', 'no', ['upstart', 'systemd', 'auto', 'no'], { immutable: true }),
  s('pidfile', ''),
  e('loglevel', 'notice', ['debug', 'verbose', 'notice', 'warning', 'nothing']),
  s('logfile', '', { immutable: true }),
  b('syslog-enabled', 'no', { immutable: true }),
  s('syslog-ident', 'redis', { immutable: true }),
  e('syslog-facility', 'local0', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], { immutable: true }),
  b('crash-log-enabled', 'yes'),
  b('crash-memcheck-enabled', 'yes'),
  i('databases', 16, 1, INT_MAX, { immutable: true }),
  b('always-show-logo', 'no', { immutable: true }),
  b('set-proc-title', 'yes', { immutable: true }),
  s('proc-title-template', '{title} {listen-addr} {server-mode}'),
  e('enable-protected-configs', 'no', ['no', 'yes', 'local'], { immutable: true }),
  e('enable-debug-command', 'no', ['no', 'yes', 'local'], { immutable: true }),
  e('enable-module-command', 'no', ['no', 'yes', 'local'], { immutable: true }),
  i('hz', 10, 0, INT_MAX),
  b('dynamic-hz', 'yes'),
  s('ignore-warnings', ''),
  e('shutdown-on-sigint', 'default', ['default', 'save', 'nosave', 'now', 'force']),
  e('shutdown-on-sigterm', 'default', ['default', 'save', 'nosave', 'now', 'force']),
  i('shutdown-timeout', 10, 0, INT_MAX),
  // snapshotting
  { name: 'save', kind: 'special', default: '3600 1 300 100 60 10000', multiArg: true, parse: parseSave },
  b('stop-writes-on-bgsave-error', 'yes'),
  b('rdbcompression', 'yes'),
  b('rdbchecksum', 'yes'),
  e('sanitize-dump-payload', 'no', ['no', 'yes', 'clients']),
  s('dbfilename', 'dump.rdb', { protected: true }),
  b('rdb-del-sync-files', 'no'),
  s('dir', '', { protected: true }),
  b('rdb-save-incremental-fsync', 'yes'),
  // replication
  s('replicaof', '', { aliases: ['slaveof'], immutable: true }),
  s('masterauth', ''),
  s('masteruser', ''),
  b('replica-serve-stale-data', 'yes', { aliases: ['slave-serve-stale-data'] }),
  b('replica-read-only', 'yes', { aliases: ['slave-read-only'] }),
  b('repl-diskless-sync', 'yes'),
  i('repl-diskless-sync-delay', 5, 0, INT_MAX),
  i('repl-diskless-sync-max-replicas', 0, 0, INT_MAX),
  e('repl-diskless-load', 'disabled', ['disabled', 'on-empty-db', 'swapdb']),
  i('repl-ping-replica-period', 10, 1, INT_MAX, { aliases: ['repl-ping-slave-period'] }),
  i('repl-timeout', 60, 1, INT_MAX),
  b('repl-disable-tcp-nodelay', 'no'),
  m('repl-backlog-size', 1048576, 1, LL_MAX),
  i('repl-backlog-ttl', 3600, 0, INT_MAX),
  i('replica-priority', 100, 0, INT_MAX, { aliases: ['slave-priority'] }),
  b('replica-announced', 'yes'),
  i('min-replicas-to-write', 0, 0, INT_MAX, { aliases: ['min-slaves-to-write'] }),
  i('min-replicas-max-lag', 10, 0, INT_MAX, { aliases: ['min-slaves-max-lag'] }),
  s('replica-announce-ip', '', { aliases: ['slave-announce-ip'] }),
  i('replica-announce-port', 0, 0, 65535, { aliases: ['slave-announce-port'] }),
  b('replica-ignore-maxmemory', 'yes', { aliases: ['slave-ignore-maxmemory'] }),
  b('replica-lazy-flush', 'no', { aliases: ['slave-lazy-flush'] }),
  b('replica-ignore-disk-write-errors', 'no'),
  e('propagation-error-behavior', 'ignore', ['ignore', 'panic', 'panic-on-replicas']),
  // security
  s('requirepass', ''),
  s('aclfile', '', { immutable: true }),
  i('acllog-max-len', 128, 0, LL_MAX),
  e('acl-pubsub-default', 'resetchannels', ['allchannels', 'resetchannels']),
  // clients and memory
  i('maxclients', 10000, 1, INT_MAX),
  m('maxmemory', 0, 0, LL_MAX),
  e('maxmemory-policy', 'noeviction', POLICIES),
  i('maxmemory-samples', 5, 1, 64),
  i('maxmemory-eviction-tenacity', 10, 0, 100),
  m('maxmemory-clients', 0, 0, LL_MAX),
  b('lazyfree-lazy-eviction', 'no'),
  b('lazyfree-lazy-expire', 'no'),
  b('lazyfree-lazy-server-del', 'no'),
  b('lazyfree-lazy-user-del', 'no'),
  b('lazyfree-lazy-user-flush', 'no'),
  i('lfu-log-factor', 10, 0, INT_MAX),
  i('lfu-decay-time', 1, 0, INT_MAX),
  i('active-expire-effort', 1, 1, 10),
  i('io-threads', 1, 1, 128, { immutable: true }),
  b('io-threads-do-reads', 'no', { immutable: true }),
  b('oom-score-adj', 'no'),
  { name: 'oom-score-adj-values', kind: 'special', default: '0 200 800', multiArg: true, parse: parseOomScoreAdjValues },
  b('disable-thp', 'yes'),
  // append only
  b('appendonly', 'no'),
  s('appendfilename', 'appendonly.aof', { immutable: true }),
  s('appenddirname', 'appendonlydir', { immutable: true }),
  e('appendfsync', 'everysec', ['always', 'everysec', 'no']),
  b('no-appendfsync-on-rewrite', 'no'),
  i('auto-aof-rewrite-percentage', 100, 0, INT_MAX),
  m('auto-aof-rewrite-min-size', 67108864, 0, LL_MAX),
  b('aof-load-truncated', 'yes'),
  b('aof-use-rdb-preamble', 'yes'),
  b('aof-timestamp-enabled', 'no'),
  b('aof-rewrite-incremental-fsync', 'yes'),
  b('aof-disable-auto-gc', 'no'),
  // scripting
  i('busy-reply-threshold', 5000, 0, LL_MAX, { aliases: ['lua-time-limit'] }),
  // cluster
  b('cluster-enabled', 'no', { immutable: true }),
  s('cluster-config-file', 'nodes.conf', { immutable: true }),
  i('cluster-node-timeout', 15000, 0, LL_MAX),
  i('cluster-port', 0, 0, 65535, { immutable: true }),
  i('cluster-replica-validity-factor', 10, 0, INT_MAX, { aliases: ['cluster-slave-validity-factor'] }),
  i('cluster-migration-barrier', 1, 0, INT_MAX),
  b('cluster-allow-replica-migration', 'yes'),
  b('cluster-require-full-coverage', 'yes'),
  b('cluster-replica-no-failover', 'no', { aliases: ['cluster-slave-no-failover'] }),
  b('cluster-allow-reads-when-down', 'no'),
  b('cluster-allow-pubsubshard-when-down', 'yes'),
  m('cluster-link-sendbuf-limit', 0, 0, LL_MAX),
  s('cluster-announce-ip', ''),
  s('cluster-announce-hostname', ''),
  i('cluster-announce-port', 0, 0, 65535),
  i('cluster-announce-bus-port', 0, 0, 65535),
  i('cluster-announce-tls-port', 0, 0, 65535),
  e('cluster-preferred-endpoint-type', 'ip', ['ip', 'hostname', 'unknown-endpoint']),
  // slow log, latency
  i('slowlog-log-slower-than', 10000, -1, LL_MAX),
  i('slowlog-max-len', 128, 0, LL_MAX),
  i('latency-monitor-threshold', 0, 0, LL_MAX),
  b('latency-tracking', 'yes'),
  { name: 'latency-tracking-info-percentiles', kind: 'special', default: '50 99 99.9', multiArg: true, parse: parsePercentiles },
  { name: 'notify-keyspace-events', kind: 'special', default: '', parse: parseNotify },
  // data structures
  i('hash-max-listpack-entries', 512, 0, LL_MAX, { aliases: ['hash-max-ziplist-entries'] }),
  m('hash-max-listpack-value', 64, 0, LL_MAX, { aliases: ['hash-max-ziplist-value'] }),
  i('list-max-listpack-size', -2, -2147483648, INT_MAX, { aliases: ['list-max-ziplist-size'] }),
  i('list-compress-depth', 0, 0, INT_MAX),
  i('set-max-intset-entries', 512, 0, LL_MAX),
  i('set-max-listpack-entries', 128, 0, LL_MAX),
  i('set-max-listpack-value', 64, 0, LL_MAX),
  i('zset-max-listpack-entries', 128, 0, LL_MAX, { aliases: ['zset-max-ziplist-entries'] }),
  m('zset-max-listpack-value', 64, 0, LL_MAX, { aliases: ['zset-max-ziplist-value'] }),
  m('hll-sparse-max-bytes', 3000, 0, LL_MAX),
  m('stream-node-max-bytes', 4096, 0, LL_MAX),
  i('stream-node-max-entries', 100, 0, LL_MAX),
  b('activerehashing', 'yes'),
  m('client-query-buffer-limit', 1073741824, 1048576, LL_MAX),
  { name: 'client-output-buffer-limit', kind: 'special', default: 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60', multiArg: true, parse: (v) => parseOutputLimits(v) },
  m('proto-max-bulk-len', 536870912, 1048576, LL_MAX),
  i('tracking-table-max-keys', 1000000, 0, LL_MAX),
  b('jemalloc-bg-thread', 'yes'),
  b('activedefrag', 'no'),
  m('active-defrag-ignore-bytes', 104857600, 1, LL_MAX),
  i('active-defrag-threshold-lower', 10, 0, 1000),
  i('active-defrag-threshold-upper', 100, 0, 1000),
  i('active-defrag-cycle-min', 1, 1, 99),
  i('active-defrag-cycle-max', 25, 1, 99),
  i('active-defrag-max-scan-fields', 1000, 1, LL_MAX),
  s('server_cpulist', '', { immutable: true }),
  s('bio_cpulist', '', { immutable: true }),
  s('aof_rewrite_cpulist', '', { immutable: true }),
  s('bgsave_cpulist', '', { immutable: true }),
  // TLS (src/server/tls.ts): the file and context directives rebuild the context for new connections
  // when TLS is on. tls-port opens listeners at start-up only, like port here.
  i('tls-port', 0, 0, 65535, { immutable: true }),
  s('tls-cert-file', ''),
  s('tls-key-file', ''),
  s('tls-key-file-pass', ''),
  s('tls-client-cert-file', ''),
  s('tls-client-key-file', ''),
  s('tls-client-key-file-pass', ''),
  s('tls-dh-params-file', ''),
  s('tls-ca-cert-file', ''),
  s('tls-ca-cert-dir', ''),
  s('tls-protocols', ''),
  s('tls-ciphers', ''),
  s('tls-ciphersuites', ''),
  e('tls-auth-clients', 'yes', ['no', 'yes', 'optional']),
  b('tls-prefer-server-ciphers', 'no'),
  b('tls-session-caching', 'yes'),
  i('tls-session-cache-size', 20480, 0, INT_MAX),
  i('tls-session-cache-timeout', 300, 0, INT_MAX),
  b('tls-replication', 'no'),
  b('tls-cluster', 'no'),
];

export { parseOutputLimits };
