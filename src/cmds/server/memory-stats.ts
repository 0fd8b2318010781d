// MEMORY STATS - Redis's field list, from INFO memory's figures and the key counts.
import { defineCommand } from '../../spec/define.js';
import { DoubleReply, MapReply, type Reply } from '../../protocol/reply.js';

export default defineCommand('memory|stats', (ctx) => {
  const info = ctx.server.info(['memory']);
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  const used = field('used_memory');
  const peak = field('used_memory_peak');
  const startup = field('used_memory_startup');
  const rss = field('used_memory_rss');
  const scripts = field('used_memory_scripts_eval');
  const functions = field('used_memory_functions');
  const out: Reply[] = [
    'peak.allocated', peak,
    'total.allocated', used,
    'startup.allocated', startup,
    'replication.backlog', 0,
    'clients.slaves', 0,
    'clients.normal', 0,
    'cluster.links', 0,
    'aof.buffer', 0,
    'lua.caches', scripts,
    'functions.caches', functions,
  ];
  let keys = 0;
  for (let i = 0; i < ctx.server.dbCount; i++) {
    const db = ctx.server.getDb(i);
    if (db.size === 0) continue;
    keys += db.size;
    out.push(`db.${i}`, new MapReply(['overhead.hashtable.main', db.size * 32, 'overhead.hashtable.expires', db.expires.size * 32, 'overhead.hashtable.slot-to-keys', 0]));
  }
  // The accounting's dataset (src/keyspace/accounting.ts); everything else is overhead.
  const dataset = field('used_memory_dataset');
  out.push(
    'overhead.total', used - dataset,
    'keys.count', keys,
    'keys.bytes-per-key', keys > 0 ? Math.floor(dataset / keys) : 0,
    'dataset.bytes', dataset,
    'dataset.percentage', new DoubleReply(used > startup ? (dataset * 100) / (used - startup || 1) : 0),
    'peak.percentage', new DoubleReply(peak > 0 ? (used * 100) / peak : 0),
    'allocator.allocated', field('allocator_allocated'),
    'allocator.active', field('allocator_active'),
    'allocator.resident', rss,
    'allocator-fragmentation.ratio', new DoubleReply(1),
    'allocator-fragmentation.bytes', 0,
    'allocator-rss.ratio', new DoubleReply(used > 0 ? rss / used : 0),
    'allocator-rss.bytes', rss - used,
    'rss-overhead.ratio', new DoubleReply(1),
    'rss-overhead.bytes', 0,
    'fragmentation', new DoubleReply(used > 0 ? rss / used : 0),
    'fragmentation.bytes', rss - used,
  );
  return new MapReply(out);
});
