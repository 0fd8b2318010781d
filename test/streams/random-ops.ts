// Seeded random stream command sequences for the differential tests (test/differential/stream-random.test.ts).
import { as, type CaseInput, type Compare } from '../helpers/differential.js';
import type { RespValue } from '../helpers/resp.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Masks timestamps and idle times, drops 7.2-only fields. */
export const MASKED: Compare = {
  label: 'masked',
  normalize: (v) => {
    const render = (x: RespValue, parentKey = ''): string => {
      if (!x.items) {
        if (x.type === ':' && (Number(x.data!.toString('latin1')) > 1e12 || parentKey === 'idle')) return ':<t>';
        return x.raw.toString('latin1');
      }
      const parts: string[] = [];
      for (let i = 0; i < x.items.length; i++) {
        const k = x.items[i].data?.toString('latin1') ?? '';
        if ((k === 'inactive' || k === 'active-time') && x.items[i].type === '$' && i % 2 === 0) {
          i++;
          continue;
        }
        parts.push(render(x.items[i], i % 2 === 1 ? x.items[i - 1].data?.toString('latin1') ?? '' : ''));
      }
      return `${x.type}[${parts.join(',')}]`;
    };
    return render(v);
  },
};

/** XPENDING extended: the idle column (third) is masked. */
export const PENDING: Compare = {
  label: 'pending',
  normalize: (v) => (v.items ? v.items.map((e) => (e.items ? e.items.filter((_, i) => i !== 2).map((x) => x.raw.toString('latin1')).join('|') : e.raw.toString('latin1'))).join(';') : v.raw.toString('latin1')),
};

export function generate(seed: number, ops: number): CaseInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (n: number) => Math.floor(r() * n);
  const out: CaseInput[] = [['CONFIG', 'SET', 'stream-node-max-entries', String(2 + int(9))], ['CONFIG', 'SET', 'stream-node-max-bytes', pick(['4096', '200'])]];
  const keys = ['{r}a', '{r}b'];
  const groups = ['g1', 'g2'];
  const consumers = ['c1', 'c2', 'c3'];
  const ms: Record<string, number> = { '{r}a': 1, '{r}b': 1 };
  const known: Record<string, string[]> = { '{r}a': [], '{r}b': [] };
  const anyId = (k: string) => (known[k].length && r() < 0.8 ? pick(known[k]) : `${int(ms[k] + 2)}-${int(4)}`);
  const bound = (k: string) => pick(['-', '+', anyId(k), `(${anyId(k)}`, String(int(ms[k] + 2))]);
  const value = () => pick(['v', '', String(int(1000) - 500), 'x'.repeat(int(90)), '12345678901234567890', '007']);
  for (let i = 0; i < ops; i++) {
    const k = pick(keys);
    const g = pick(groups);
    const c = pick(consumers);
    const x = r();
    if (x < 0.3) {
      ms[k] += int(3);
      const seq = int(3);
      const id = r() < 0.15 ? `${ms[k]}-*` : `${ms[k]}-${seq}`;
      const fields = r() < 0.7 ? ['f', value()] : ['f', value(), pick(['g', 'h']), value()];
      const trim = r() < 0.15 ? [pick(['MAXLEN', 'MINID']), pick(['~', '=']), r() < 0.5 ? String(int(20)) : anyId(k)] : [];
      if (trim[0] === 'MAXLEN') trim[2] = String(int(20));
      out.push(['XADD', k, ...trim, id, ...fields]);
      if (!id.endsWith('*')) known[k].push(id);
    } else if (x < 0.36) {
      out.push(['XDEL', k, anyId(k), ...(r() < 0.3 ? [anyId(k)] : [])]);
    } else if (x < 0.4) {
      out.push(r() < 0.5 ? ['XTRIM', k, 'MAXLEN', pick(['~', '=']), String(int(25))] : ['XTRIM', k, 'MINID', pick(['~', '=']), anyId(k)]);
    } else if (x < 0.52) {
      const cnt = r() < 0.5 ? ['COUNT', String(int(6))] : [];
      out.push(r() < 0.5 ? ['XRANGE', k, bound(k), bound(k), ...cnt] : ['XREVRANGE', k, bound(k), bound(k), ...cnt]);
    } else if (x < 0.56) {
      out.push(['XREAD', 'COUNT', String(1 + int(4)), 'STREAMS', '{r}a', '{r}b', anyId('{r}a'), anyId('{r}b')]);
    } else if (x < 0.6) {
      out.push(r() < 0.5 ? ['XGROUP', 'CREATE', k, g, pick(['0', '$', anyId(k)]), 'MKSTREAM'] : ['XGROUP', 'SETID', k, g, pick(['0', '$', anyId(k)])]);
    } else if (x < 0.72) {
      const opts = [...(r() < 0.6 ? ['COUNT', String(1 + int(4))] : []), ...(r() < 0.15 ? ['NOACK'] : [])];
      // Redis 7.2 creates the reading consumer even when nothing is served; 7.0 only when serving.
      out.push(['XGROUP', 'CREATECONSUMER', k, g, c]);
      out.push(['XREADGROUP', 'GROUP', g, c, ...opts, 'STREAMS', k, r() < 0.8 ? '>' : pick(['0', anyId(k)])]);
    } else if (x < 0.78) {
      out.push(['XACK', k, g, anyId(k), ...(r() < 0.5 ? [anyId(k)] : [])]);
    } else if (x < 0.83) {
      // Redis 7.2 creates the claiming consumer even when nothing is claimed; 7.0 only on a claim.
      out.push(['XGROUP', 'CREATECONSUMER', k, g, c]);
      out.push(['XCLAIM', k, g, c, '0', anyId(k), ...(r() < 0.5 ? [anyId(k)] : []), ...(r() < 0.3 ? ['JUSTID'] : []), ...(r() < 0.2 ? ['FORCE'] : [])]);
    } else if (x < 0.87) {
      out.push(['XGROUP', 'CREATECONSUMER', k, g, c]);
      out.push(['XAUTOCLAIM', k, g, c, '0', pick(['0', anyId(k)]), 'COUNT', String(1 + int(4)), ...(r() < 0.3 ? ['JUSTID'] : [])]);
    } else if (x < 0.9) {
      out.push(r() < 0.5 ? ['XPENDING', k, g] : as(PENDING, ['XPENDING', k, g, bound(k), bound(k), String(int(6)), ...(r() < 0.3 ? [c] : [])]));
    } else if (x < 0.95) {
      out.push(as(MASKED, pick([['XINFO', 'STREAM', k], ['XINFO', 'GROUPS', k], ['XINFO', 'CONSUMERS', k, g], ['XINFO', 'STREAM', k, 'FULL', 'COUNT', String(int(4))]])));
    } else if (x < 0.97) {
      out.push(['XGROUP', pick(['DELCONSUMER', 'CREATECONSUMER']), k, g, c]);
    } else {
      out.push(['XLEN', k]);
    }
  }
  out.push(['CONFIG', 'SET', 'stream-node-max-entries', '100'], ['CONFIG', 'SET', 'stream-node-max-bytes', '4096'], ['DEL', '{r}a', '{r}b']);
  return out;
}

