// One CLIENT LIST / CLIENT INFO line, with Redis 7.2's fields in Redis's order.
// Counterpart: catClientInfoString (networking.c).
import type { Client } from './client.js';

export function formatClient(_srv: unknown, c: Client): string {
  const now = Date.now();
  const qbuf = c.parser.pending;
  const qalloc = c.parser.allocated;
  const omem = c.outputPending;
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} ` +
    `age=${Math.floor((now - c.createdAt) / 1000)} idle=${Math.floor((now - c.lastInteraction) / 1000)} ` +
    `flags=${c.flagString()} db=${c.dbIndex} sub=${c.subs.size} psub=${c.psubs.size} ssub=${c.ssubs.size} multi=${c.multiQueue === null ? -1 : c.multiQueue.length} ` +
    `qbuf=${qbuf} qbuf-free=${Math.max(0, qalloc - qbuf)} argv-mem=0 multi-mem=0 ` +
    `rbs=${c.out.buf.length} rbp=${c.out.len} obl=0 oll=0 omem=${omem} ` +
    `tot-mem=${qalloc + c.out.buf.length + omem} events=r cmd=${c.lastCmd} user=${c.user} redir=${c.tracking && c.trackingState !== null ? c.trackingState.redirect : -1} resp=${c.resp} ` +
    `lib-name=${c.libName} lib-ver=${c.libVer}`
  );
}
