// Reading a key's whole value over RESP in a form comparable between cinnabar and redis-server 7.0.15
// (unordered types sorted, sorted-set scores compared as numbers since 7.0 prints %.17g and 7.2 the
// shortest form), for the persistence tests.
import { decodeReply, type Arg, type RespValue } from '../helpers/resp.js';

export type Call = (argv: Arg[]) => Promise<RespValue>;

/** A caller over an in-process harness's RESP2 output. */
export function harnessCall(resp: (argv: string[]) => string): Call {
  return async (argv) => decodeReply(Buffer.from(resp(argv.map((a) => (Buffer.isBuffer(a) ? a.toString('latin1') : String(a)))), 'latin1'));
}

async function must(call: Call, argv: Arg[]): Promise<RespValue> {
  const r = await call(argv);
  if (r.type === '-') throw new Error(`${argv.join(' ')}: ${r.data?.toString('latin1')}`);
  return r;
}

export async function snapshot(call: Call, key: string): Promise<string> {
  const type = (await must(call, ['type', key])).data!.toString();
  const raws = (v: RespValue) => (v.items ?? []).map((x) => x.raw.toString('latin1'));
  const ttl = (await must(call, ['pexpiretime', key])).raw.toString();
  let value: string;
  switch (type) {
    case 'string': value = (await must(call, ['get', key])).raw.toString('latin1'); break;
    case 'list': value = (await must(call, ['lrange', key, 0, -1])).raw.toString('latin1'); break;
    case 'set': value = raws(await must(call, ['smembers', key])).sort().join('|'); break;
    case 'zset': {
      const flat = raws(await must(call, ['zrange', key, 0, -1, 'withscores']));
      value = flat.map((x, i) => (i % 2 === 1 ? String(Number(x.split('\r\n')[1].replace('inf', 'Infinity'))) : x)).join('|');
      break;
    }
    case 'hash': {
      const flat = raws(await must(call, ['hgetall', key]));
      const pairs: string[] = [];
      for (let i = 0; i < flat.length; i += 2) pairs.push(flat[i] + flat[i + 1]);
      value = pairs.sort().join('|');
      break;
    }
    case 'stream': {
      const entries = (await must(call, ['xrange', key, '-', '+'])).raw.toString('latin1');
      const groups = await must(call, ['xinfo', 'groups', key]);
      const pending: string[] = [];
      for (const g of groups.items ?? []) {
        const name = g.items![1].data!.toString('latin1');
        const p = await must(call, ['xpending', key, name, '-', '+', 100]);
        pending.push(p.items!.map((e) => `${e.items![0].raw}${e.items![1].raw}${e.items![3].raw}`).join());
      }
      value = `${entries}|${groups.raw.toString('latin1')}|${pending.join('|')}`;
      break;
    }
    default: value = '';
  }
  return `${type}:${ttl}:${value}`;
}

/** Every key of the selected database with its snapshot. */
export async function snapshotDb(call: Call): Promise<Record<string, string>> {
  const keys = (await must(call, ['keys', '*'])).items!.map((k) => k.data!.toString('latin1')).sort();
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = await snapshot(call, k);
  return out;
}
