// CLIENT LIST ID lists the clients in the order the IDs are given, repeats included, skipping unknown
// IDs: compared with redis-server on three connections of each.
import { describe, expect, it } from 'vitest';
import { useDiffPair } from '../helpers/differential.js';
import { RespConnection } from '../helpers/resp.js';

async function listed(port: number): Promise<string[]> {
  const conns = await Promise.all([0, 1, 2].map(() => RespConnection.open(port)));
  try {
    const ids = await Promise.all(conns.map(async (c) => (await c.call(['CLIENT', 'ID'])).toString('latin1').slice(1).trim()));
    const [a, b, c] = ids;
    const text = (await conns[0].call(['CLIENT', 'LIST', 'ID', c, a, '999999', c, b])).toString('latin1');
    const got = [...text.matchAll(/^id=(\d+) /gm)].map((m) => m[1]);
    // Positions in terms of the connections, so both servers' numbering compares.
    return got.map((id) => `conn${ids.indexOf(id)}`);
  } finally {
    for (const c of conns) c.close();
  }
}

describe('CLIENT LIST ID', () => {
  const pair = useDiffPair();

  it('follows the order of the arguments, as redis-server', async () => {
    const theirs = await listed(pair().oracle.port);
    expect(theirs).toEqual(['conn2', 'conn0', 'conn2', 'conn1']);
    expect(await listed(pair().subject.port)).toEqual(theirs);
  });
});
