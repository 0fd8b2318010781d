// Command specification types: the declarative shape of one Redis command, mirroring Redis's
// per-command JSON (src/commands/*.json) and what COMMAND INFO / COMMAND DOCS report on the wire.
import type { Reply } from '../protocol/reply.js';
import type { CommandContext } from './context.js';
import type { HdrHistogram } from '../util/hdr-histogram.js';

/** Argument of a command as COMMAND DOCS reports it. */
export interface ArgSpec {
  name: string;
  type: 'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  key_spec_index?: number;
  token?: string;
  summary?: string;
  since?: string;
  deprecated_since?: string;
  display_text?: string;
  flags?: Array<'optional' | 'multiple' | 'multiple_token'>;
  arguments?: ArgSpec[];
}

export interface BeginSearch {
  type: 'index' | 'keyword' | 'unknown';
  spec: { index?: number; keyword?: string; startfrom?: number };
}
export interface FindKeys {
  type: 'range' | 'keynum' | 'unknown';
  spec: { lastkey?: number; keystep?: number; limit?: number; keynumidx?: number; firstkey?: number };
}
export interface KeySpec {
  notes?: string;
  flags: string[];
  begin_search: BeginSearch;
  find_keys: FindKeys;
}

/** Documentation half of a spec (COMMAND DOCS). */
export interface CommandDocs {
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  doc_flags?: string[];
  deprecated_since?: string;
  replaced_by?: string;
  history?: Array<[string, string]>;
  arguments?: ArgSpec[];
}

/** Metadata of one command or subcommand, generated into src/spec/table from Redis's command table. */
export interface CommandMeta {
  /** Lower-case name; subcommands are "container|sub". */
  name: string;
  arity: number;
  flags: string[];
  /** ACL categories with their leading '@', as COMMAND INFO prints them. */
  acl: string[];
  tips: string[];
  keySpecs: KeySpec[];
  docs: CommandDocs;
  subcommands?: CommandMeta[];
}

/** A blocking command asks the dispatcher to park the client until a key is served or the timeout passes. */
export interface BlockRequest {
  kind: 'block';
  keys: string[];
  /** Absolute unix ms; 0 = forever. */
  timeoutAt: number;
  /** Called when a key is signalled ready; returns a reply to end the block, or undefined to keep waiting. */
  retry(ctx: CommandContext): Reply | undefined;
  /** Reply when the timeout passes. */
  onTimeout: Reply;
}

export type ExecuteResult = Reply | BlockRequest;
export type Execute = (ctx: CommandContext, argv: string[]) => ExecuteResult;

/** A command ready for the dispatcher: metadata plus behaviour, with derived fast fields. */
export interface Command {
  meta: CommandMeta;
  name: string;
  /** "GET", or "CONFIG|GET" - as Redis's commandstats/ACL name it (lower-case there). */
  fullName: string;
  arity: number;
  execute?: Execute;
  subcommands?: Map<string, Command>;
  parent?: Command;
  // flag bits, derived once from meta.flags
  isWrite: boolean;
  /**
   * A write whose keys the used_memory accounting prices again after it changed something without
   * noting a value (src/server/engine.ts call): writes outside the string and generic groups.
   */
  repriceKeys: boolean;
  isReadonly: boolean;
  denyOom: boolean;
  isAdmin: boolean;
  noScript: boolean;
  allowLoading: boolean;
  allowStale: boolean;
  noAuth: boolean;
  noMulti: boolean;
  isFast: boolean;
  allowBusy: boolean;
  /** May return a BlockRequest (the "blocking" flag). */
  isBlocking: boolean;
  /** Not shown to MONITOR by the dispatcher (EVAL and FCALL show themselves), not in the slow log. */
  skipMonitor: boolean;
  skipSlowlog: boolean;
  // statistics (INFO commandstats)
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
  /** Latency histogram (LATENCY HISTOGRAM, INFO latencystats), made on the first call while tracking. */
  latencyHist: HdrHistogram | null;
}
