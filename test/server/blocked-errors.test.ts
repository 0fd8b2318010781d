// An error that ends a blocked command (CLIENT UNBLOCK ... ERROR) is counted in INFO errorstats and
// total_error_replies like any other error reply: compared with redis-server.
import { describe, expect, it } from 'vitest';
import { useDiffPair } from '../helpers/differential.js';
import { RespConnection } from '../helpers/resp.js';

async function stats(port: number): Promise<string[]> {
  const a = await RespConnection.open(port);
  const b = await RespConnection.open(port);
  try {
    await b.call(['CONFIG', 'RESETSTAT']);
    const id = (await a.call(['CLIENT', 'ID'])).toString('latin1').slice(1).trim();
    const waiting = a.call(['BLPOP', 'q', '0']);
    for (let i = 0; i < 100 && !/blocked_clients:1/.test((await b.call(['INFO', 'clients'])).toString('latin1')); i++) await new Promise((r) => setTimeout(r, 10));
    expect((await b.call(['CLIENT', 'UNBLOCK', id, 'ERROR'])).toString('latin1')).toBe(':1\r\n');
    expect((await waiting).toString('latin1')).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
    const info = (await b.call(['INFO', 'ALL'])).toString('latin1');
    return info.split('\r\n').filter((l) => l.startsWith('errorstat_') || l.startsWith('total_error_replies'));
  } finally {
    a.close();
    b.close();
  }
}

describe('errors that end a wait', () => {
  const pair = useDiffPair();

  it('CLIENT UNBLOCK ERROR counts in errorstats', async () => {
    const theirs = await stats(pair().oracle.port);
    expect(theirs).toEqual(['total_error_replies:1', 'errorstat_UNBLOCKED:count=1']);
    expect(await stats(pair().subject.port)).toEqual(theirs);
  });
});
