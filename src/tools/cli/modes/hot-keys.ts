// --hotkeys: walks the keyspace with SCAN and OBJECT FREQ (LFU counters, so the server must run an
// LFU maxmemory-policy) and keeps the 16 most accessed keys in a small sorted pool.
// Counterpart: findHotKeys and getKeyFreqs in Redis's redis-cli.c.
import { ConnectionError } from '../../../client/client.js';
import { quoteBytes, utf8Bytes } from '../format.js';
import type { Session } from '../session.js';
import { ScanError, scanStep, sleep } from './scan.js';
import { cPercent } from './printf.js';

const POOL = 16;

export async function hotKeysMode(session: Session): Promise<number> {
  const client = session.client!;
  // Ascending by counter: the last slot holds the hottest key; 0 marks an empty slot.
  const counters = new Array<number>(POOL).fill(0);
  const names = new Array<string | null>(POOL).fill(null);
  let sampled = 0;
  try {
    const dbsize = await client.call(['DBSIZE']);
    if (dbsize.type !== 'integer') {
      session.err("Couldn't determine DBSIZE!\n");
      return 1;
    }
    const totalKeys = Number(dbsize.value);
    session.out(
      '\n# Scanning the entire keyspace to find hot keys as well as\n' +
        '# average sizes per key type.  You can use -i 0.1 to sleep 0.1 sec\n' +
        '# per 100 SCAN commands (not usually needed).\n\n',
    );
    let cursor = '0';
    do {
      const pct = cPercent((100 * sampled) / totalKeys);
      const step = await scanStep(session, cursor);
      cursor = step.cursor;
      const replies = await client.pipeline(step.keys.map((k) => [Buffer.from('OBJECT'), Buffer.from('freq'), k]));
      let out = '';
      for (let i = 0; i < step.keys.length; i++) {
        const r = replies[i]!;
        let freq = 0;
        if (r.type === 'integer') freq = Number(r.value);
        else if (r.type === 'error') {
          session.out(out);
          session.err(`Error: ${utf8Bytes(r.value)}\n`);
          return 1;
        } else {
          session.out(out);
          out = '';
          session.err(`Warning: OBJECT freq on '${step.keys[i]!.toString('latin1')}' failed (may have been deleted)\n`);
        }
        sampled++;
        if (sampled % 1000000 === 0) out += `[${pct}] Sampled ${sampled} keys so far\n`;
        // Insert into the pool, dropping the coldest entry when it is full.
        let k = 0;
        while (k < POOL && freq > counters[k]!) k++;
        if (k === 0) continue;
        k--;
        if (k !== 0 && counters[k] !== 0) {
          counters.copyWithin(0, 1, k + 1);
          names.copyWithin(0, 1, k + 1);
        }
        const name = quoteBytes(step.keys[i]!.toString('latin1'));
        counters[k] = freq;
        names[k] = name;
        out += `[${pct}] Hot key '${name}' found so far with counter ${freq}\n`;
      }
      session.out(out);
      if (sampled && sampled % 100 === 0 && session.opts.interval > 0) await sleep(session.opts.interval * 1000);
    } while (cursor !== '0');
  } catch (err) {
    if (err instanceof ScanError) {
      session.err(err.message);
      return 1;
    }
    if (err instanceof ConnectionError) {
      session.err(`Error: ${err.reason}\n`);
      return 1;
    }
    throw err;
  }
  let out = '\n-------- summary -------\n\n';
  out += `Sampled ${sampled} keys in the keyspace!\n`;
  for (let k = POOL - 1; k >= 0; k--) {
    if (counters[k]! > 0) out += `hot key found with counter: ${counters[k]}\tkeyname: ${names[k]}\n`;
  }
  session.out(out);
  return 0;
}
