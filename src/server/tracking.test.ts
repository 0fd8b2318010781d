// The tracking table in process (no sockets): what is remembered for which client, what each change
// sends into the clients' output buffers, broadcasts once per event-loop turn, flushes, the key limit.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import type { Client } from './client.js';

let h: Harness;
afterEach(() => h?.close());

/** What a client was sent outside command replies (pushes, redirected messages). */
const out = (c: Client) => c.out.take().toString('latin1');
const push = (...keys: string[]) => `>2\r\n$10\r\ninvalidate\r\n*${keys.length}\r\n${keys.map((k) => `$${k.length}\r\n${k}\r\n`).join('')}`;
const turn = () => new Promise((r) => setImmediate(r));

function resp3(c: Client): Client {
  c.resp = 3;
  return c;
}

describe('tracking table', () => {
  it('remembers the keys read-only commands read and forgets a key once it is invalidated', () => {
    h = createHarness();
    const t = h.server.tracking;
    const reader = resp3(h.newClient());
    const writer = h.newClient();
    expect(h.runAs(reader, ['CLIENT', 'TRACKING', 'on'])).toBeTruthy();
    h.runAs(reader, ['MGET', 'a', 'b', 'a']);
    h.runAs(reader, ['SET', 'c', '1']); // a write: nothing remembered
    expect([t.totalKeys, t.items, t.trackingClients]).toEqual([2, 2, 1]);
    h.runAs(writer, ['SET', 'a', '1']);
    expect(out(reader)).toBe(push('a'));
    expect([t.totalKeys, t.items]).toEqual([1, 1]);
    h.runAs(writer, ['SET', 'a', '2']);
    expect(out(reader)).toBe('');
  });

  it('sends nothing to a RESP2 client without redirection, and the message form to a subscribed redirection client', () => {
    h = createHarness();
    const reader = h.newClient();
    const redir = h.newClient();
    const writer = h.newClient();
    h.runAs(reader, ['CLIENT', 'TRACKING', 'on']);
    h.runAs(reader, ['GET', 'k']);
    h.runAs(writer, ['SET', 'k', '1']);
    expect(out(reader)).toBe('');
    h.runAs(redir, ['SUBSCRIBE', '__redis__:invalidate']);
    h.runAs(reader, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', String(redir.id)]);
    h.runAs(reader, ['GET', 'k']);
    h.runAs(writer, ['DEL', 'k']);
    expect(out(redir)).toBe('*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n*1\r\n$1\r\nk\r\n');
    h.runAs(writer, ['FLUSHDB']);
    expect(out(redir)).toBe('*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n$-1\r\n');
  });

  it('a redirection client that went away: tracking-redir-broken and the R flag', () => {
    h = createHarness();
    const reader = resp3(h.newClient());
    const gone = h.newClient();
    h.runAs(reader, ['CLIENT', 'TRACKING', 'on', 'REDIRECT', String(gone.id)]);
    h.runAs(reader, ['GET', 'k']);
    h.server.clients.delete(gone.id);
    h.runAs(h.client, ['SET', 'k', '1']);
    expect(out(reader)).toBe(`>2\r\n$21\r\ntracking-redir-broken\r\n:${gone.id}\r\n`);
    expect(reader.flagString()).toBe('tR');
  });

  it('the current client is told about its own changes only after its reply', () => {
    h = createHarness();
    const c = resp3(h.newClient());
    h.runAs(c, ['CLIENT', 'TRACKING', 'on']);
    h.runAs(c, ['GET', 'k']);
    h.runAs(c, ['SET', 'k', '1']);
    expect(out(c)).toBe('');
    h.server.tracking.afterCommand(c, ['SET', 'k', '1']);
    expect(out(c)).toBe(push('k'));
  });

  it('broadcasts per prefix at the end of the turn, sorted, leaving out a NOLOOP client own keys', async () => {
    h = createHarness();
    const all = resp3(h.newClient());
    const noloop = resp3(h.newClient());
    h.runAs(all, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'u:', 'PREFIX', 'o:']);
    h.runAs(noloop, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'NOLOOP', 'PREFIX', 'u:']);
    h.runAs(h.client, ['MSET', 'u:2', 'x', 'o:1', 'x', 'u:1', 'x', 'other', 'x']);
    h.runAs(noloop, ['SET', 'u:3', 'x']);
    expect(out(all)).toBe('');
    await turn();
    expect(out(all)).toBe(push('o:1') + push('u:1', 'u:2', 'u:3'));
    expect(out(noloop)).toBe(push('u:1', 'u:2'));
    expect(h.server.tracking.prefixCount).toBe(2);
    h.runAs(all, ['CLIENT', 'TRACKING', 'off']);
    expect(h.server.tracking.prefixCount).toBe(1);
    h.server.freeClient(noloop);
    expect([h.server.tracking.prefixCount, h.server.tracking.trackingClients]).toEqual([0, 0]);
  });

  it("an expiry is nobody's change: a NOLOOP BCAST client hears of its own key expiring", async () => {
    h = createHarness();
    const c = resp3(h.newClient());
    h.runAs(c, ['CLIENT', 'TRACKING', 'on', 'BCAST', 'NOLOOP']);
    h.runAs(c, ['SET', 'e', '1', 'PX', '10']);
    await turn();
    expect(out(c)).toBe('');
    h.advanceTime(50);
    h.runAs(c, ['GET', 'e']);
    await turn();
    expect(out(c)).toBe(push('e'));
  });

  it('keeps the table under tracking-table-max-keys, oldest keys first', () => {
    h = createHarness({ 'tracking-table-max-keys': '2' });
    const c = resp3(h.newClient());
    h.runAs(c, ['CLIENT', 'TRACKING', 'on']);
    h.runAs(c, ['MGET', 'a', 'b', 'c', 'd']);
    h.server.tracking.afterCommand(c, ['MGET']);
    expect(out(c)).toBe(push('a') + push('b'));
    expect(h.server.tracking.totalKeys).toBe(2);
  });

  it('OPTIN tracks only after CLIENT CACHING yes; RESET turns tracking off', () => {
    h = createHarness();
    const c = resp3(h.newClient());
    const t = h.server.tracking;
    h.runAs(c, ['CLIENT', 'TRACKING', 'on', 'OPTIN']);
    h.runAs(c, ['GET', 'a']);
    expect(t.totalKeys).toBe(0);
    h.runAs(c, ['CLIENT', 'CACHING', 'yes']);
    h.server.tracking.afterCommand(c, ['CLIENT', 'CACHING', 'yes']);
    h.runAs(c, ['GET', 'b']);
    h.server.tracking.afterCommand(c, ['GET', 'b']);
    h.runAs(c, ['GET', 'c']);
    expect(t.totalKeys).toBe(1);
    h.runAs(c, ['RESET']);
    expect([c.tracking, t.trackingClients]).toEqual([false, 0]);
  });
});
