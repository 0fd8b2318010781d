// Publish/subscribe: channel, pattern and shard-channel subscriptions, message delivery into the
// subscribers' output buffers (flushed once per batch), and keyspace notifications as publishes.
// Counterpart: Redis's pubsub.c.
import { PushReply, type Reply } from '../protocol/reply.js';
import { OutputBuffer } from '../protocol/encoder.js';
import type { PubSubApi, ClientApi } from '../spec/context.js';
import { stringMatch } from '../util/glob.js';
import type { Client } from './client.js';

type Kind = 'channel' | 'pattern' | 'shard';

const VERBS: Record<Kind, [string, string]> = {
  channel: ['subscribe', 'unsubscribe'],
  pattern: ['psubscribe', 'punsubscribe'],
  shard: ['ssubscribe', 'sunsubscribe'],
};

export class PubSub implements PubSubApi {
  private readonly channels = new Map<string, Set<Client>>();
  private readonly patterns = new Map<string, Set<Client>>();
  private readonly shards = new Map<string, Set<Client>>();
  /** Subscribers with undelivered output, written after the current batch. */
  private readonly pending = new Set<Client>();

  constructor(private readonly flush: (c: Client) => void) {}

  private table(kind: Kind): Map<string, Set<Client>> {
    return kind === 'channel' ? this.channels : kind === 'pattern' ? this.patterns : this.shards;
  }

  private own(c: Client, kind: Kind): Set<string> {
    return kind === 'channel' ? c.subs : kind === 'pattern' ? c.psubs : c.ssubs;
  }

  /** The count Redis reports after (un)subscribing: channels plus patterns, or shard channels. */
  private count(c: Client, kind: Kind): number {
    return kind === 'shard' ? c.ssubs.size : c.subs.size + c.psubs.size;
  }

  subscribe(client: ClientApi, kind: Kind, names: string[]): Reply[] {
    const c = client as Client;
    const own = this.own(c, kind);
    const table = this.table(kind);
    const out: Reply[] = [];
    for (const name of names) {
      if (!own.has(name)) {
        own.add(name);
        let set = table.get(name);
        if (!set) table.set(name, (set = new Set()));
        set.add(c);
      }
      out.push(new PushReply([VERBS[kind][0], name, this.count(c, kind)]));
    }
    return out;
  }

  unsubscribe(client: ClientApi, kind: Kind, names: string[]): Reply[] {
    const c = client as Client;
    const own = this.own(c, kind);
    const table = this.table(kind);
    const list = names.length > 0 ? names : [...own];
    const out: Reply[] = [];
    for (const name of list) {
      if (own.delete(name)) {
        const set = table.get(name);
        if (set) {
          set.delete(c);
          if (set.size === 0) table.delete(name);
        }
      }
      out.push(new PushReply([VERBS[kind][1], name, this.count(c, kind)]));
    }
    if (out.length === 0) out.push(new PushReply([VERBS[kind][1], null, this.count(c, kind)]));
    return out;
  }

  /** Drops every subscription of a client (disconnect, RESET). */
  forget(c: Client): void {
    for (const kind of ['channel', 'pattern', 'shard'] as Kind[]) {
      const own = this.own(c, kind);
      const table = this.table(kind);
      for (const name of own) {
        const set = table.get(name);
        if (set) {
          set.delete(c);
          if (set.size === 0) table.delete(name);
        }
      }
      own.clear();
    }
    this.pending.delete(c);
  }

  /** Sends one message to every client of a set, encoded once per protocol rather than per subscriber. */
  private deliverAll(clients: Set<Client>, msg: PushReply): void {
    let resp2: Buffer | null = null;
    let resp3: Buffer | null = null;
    for (const c of clients) {
      if (c.closed) continue;
      let bytes: Buffer;
      if (c.resp === 3) bytes = resp3 ??= encodeOnce(msg, 3);
      else bytes = resp2 ??= encodeOnce(msg, 2);
      c.out.bytes(bytes);
      this.pending.add(c);
    }
  }

  /** PUBLISH: to channel subscribers, then pattern subscribers; returns how many received it. */
  publish(channel: string, message: string): number {
    let n = 0;
    const subs = this.channels.get(channel);
    if (subs) {
      this.deliverAll(subs, new PushReply(['message', channel, message]));
      n += subs.size;
    }
    if (this.patterns.size > 0) {
      for (const [pattern, clients] of this.patterns) {
        if (!stringMatch(pattern, channel, false)) continue;
        this.deliverAll(clients, new PushReply(['pmessage', pattern, channel, message]));
        n += clients.size;
      }
    }
    return n;
  }

  spublish(channel: string, message: string): number {
    const subs = this.shards.get(channel);
    if (!subs) return 0;
    this.deliverAll(subs, new PushReply(['smessage', channel, message]));
    return subs.size;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Writes out what publishes queued for subscribers (after each batch of commands). */
  flushPending(): void {
    if (this.pending.size === 0) return;
    for (const c of this.pending) this.flush(c);
    this.pending.clear();
  }

  channelNames(kind: 'channel' | 'shard', pattern: string | null): string[] {
    const names = [...this.table(kind).keys()];
    return pattern === null ? names : names.filter((n) => stringMatch(pattern, n, false));
  }

  subscriberCount(kind: 'channel' | 'shard', channel: string): number {
    return this.table(kind).get(channel)?.size ?? 0;
  }

  get patternCount(): number {
    return this.patterns.size;
  }

  get channelCount(): number {
    return this.channels.size;
  }

  get shardCount(): number {
    return this.shards.size;
  }
}

const scratch = new OutputBuffer(1024);

/** A message's bytes in one protocol. */
function encodeOnce(msg: PushReply, resp: number): Buffer {
  scratch.write(msg, resp);
  return scratch.take();
}
