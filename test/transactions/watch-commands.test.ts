// Which commands invalidate a WATCH: the same sequence against redis-server and cinnabar, one watched key
// per command, each changed (or not) by a second connection, EXEC's answer compared. Commands that only
// wake blocked readers (XGROUP DESTROY) or leave the value alone must not abort the transaction.
import { describe, expect, it } from 'vitest';
import { useDiffPair } from '../helpers/differential.js';
import { RespConnection } from '../helpers/resp.js';

/** [set-up commands, the command another client runs while the key is watched]. */
const CASES: Array<[string[][], string[]]> = [
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0']], ['XGROUP', 'DESTROY', 's', 'g']],
  [[['XADD', 's', '1-1', 'f', 'v']], ['XGROUP', 'CREATE', 's', 'g', '0']],
  [[], ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM']],
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0']], ['XGROUP', 'SETID', 's', 'g', '$']],
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0']], ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c']],
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0'], ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c']], ['XGROUP', 'DELCONSUMER', 's', 'g', 'c']],
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0']], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>']],
  [[['XADD', 's', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 's', 'g', '0'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>']], ['XACK', 's', 'g', '1-1']],
  [[['XADD', 's', '1-1', 'f', 'v']], ['XTRIM', 's', 'MAXLEN', '5']],
  [[['SET', 's', 'v']], ['SET', 's', 'v']],
  [[['SET', 's', 'v']], ['GET', 's']],
  [[['SET', 's', 'v']], ['EXPIRE', 's', '100']],
  [[['SET', 's', 'v']], ['PERSIST', 's']],
  [[['SET', 's', 'v', 'EX', '100']], ['PERSIST', 's']],
  [[['SADD', 's', 'a']], ['SREM', 's', 'zz']],
  [[['SADD', 's', 'a']], ['SADD', 's', 'a']],
  [[['RPUSH', 's', 'a']], ['LREM', 's', '0', 'zz']],
  [[['HSET', 's', 'f', 'v']], ['HSET', 's', 'f', 'v']],
  [[['ZADD', 's', '1', 'a']], ['ZADD', 's', '1', 'a']],
  [[['ZADD', 's', '1', 'a']], ['ZINCRBY', 's', '0', 'a']],
  [[['SET', 's', 'v']], ['OBJECT', 'ENCODING', 's']],
  [[['SET', 's', 'v']], ['TOUCH', 's']],
  [[['SET', 's', 'v']], ['RENAME', 's', 's']],
  [[['SET', 's', 'v']], ['PFADD', 's']],
];

async function runAll(port: number): Promise<string[]> {
  const a = await RespConnection.open(port);
  const b = await RespConnection.open(port);
  const out: string[] = [];
  try {
    for (const [setup, other] of CASES) {
      await a.call(['FLUSHALL']);
      for (const c of setup) await a.call(c);
      await a.call(['WATCH', 's']);
      const r = (await b.call(other)).toString('latin1').slice(0, 1);
      await a.call(['MULTI']);
      await a.call(['PING']);
      out.push(`${other.join(' ')} [${r}] -> ${(await a.call(['EXEC'])).toString('latin1').trim()}`);
    }
  } finally {
    a.close();
    b.close();
  }
  return out;
}

describe('WATCH: which commands touch a watched key', () => {
  const pair = useDiffPair();

  it('EXEC aborts after the same commands on both servers', async () => {
    expect(await runAll(pair().subject.port)).toEqual(await runAll(pair().oracle.port));
  });
});
