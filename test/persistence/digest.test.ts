// DEBUG DIGEST, DEBUG DIGEST-VALUE and DEBUG OBJECT's serializedlength against redis-server 7.0.15 on the
// same dataset (every type, expiries, several databases). Sorted-set scores here print the same in 7.0's
// %.17g and 7.2's shortest form, the one place where the two versions' digests differ.
import { describe, expect, it } from 'vitest';
import { useDiffPair } from '../helpers/differential.js';
import { RespConnection, type Arg } from '../helpers/resp.js';

const pair = useDiffPair({ subjectArgs: ['--enable-debug-command', 'yes'], oracleArgs: ['--enable-debug-command', 'yes'] });

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const bin = (n: number): string => range(n, (i) => String.fromCharCode((i * 37 + 11) & 0xff)).join('');

const DATASET: Arg[][] = [
  ['set', 's', 'hello'],
  ['set', 'i', '12345'],
  ['set', 'bin', bin(100)],
  ['set', 'long', 'abc'.repeat(100)],
  ['set', 'ttl', 'v', 'ex', '1000'],
  ['rpush', 'l', 'a', 'b', '1', '2'],
  ['rpush', 'lbig', ...range(1500, (i) => `e${i}`)],
  ['sadd', 'si', '3', '1', '2'],
  ['sadd', 'ss', 'x', 'y', 'z'],
  ['sadd', 'sbig', ...range(300, (i) => `m${i}`)],
  ['zadd', 'z', '1', 'a', '2.5', 'b', '-inf', 'c', '100', 'd'],
  ['zadd', 'zbig', ...range(200, (i) => [String(i * 2), `m${i}`]).flat()],
  ['hset', 'h', 'f', 'v', 'g', '1'],
  ['hset', 'hbig', ...range(600, (i) => [`f${i}`, `v${i}`]).flat()],
  ['pexpire', 'h', '500000'],
  ['xadd', 'x', '1-1', 'a', '1', 'b', '2'],
  ['xadd', 'x', '2-2', 'a', '3', 'c', '4'],
  ['xadd', 'x', '3-3', 'a', '5', 'b', '6'],
  ['xdel', 'x', '2-2'],
  ['select', '3'],
  ['set', 'other-db', 'value'],
  ['rpush', 'l', 'z'],
  ['select', '0'],
];
const KEYS = ['s', 'i', 'bin', 'long', 'ttl', 'l', 'lbig', 'si', 'ss', 'sbig', 'z', 'zbig', 'h', 'hbig', 'x', 'missing'];

describe('DEBUG DIGEST', () => {
  it('gives the same dataset and value digests as Redis', async () => {
    const { subject, oracle } = pair();
    const conns = await Promise.all([RespConnection.open(subject.port), RespConnection.open(oracle.port)]);
    try {
      const empty = await Promise.all(conns.map((c) => c.command(['debug', 'digest'])));
      expect(empty[0].raw.toString()).toBe(`+${'0'.repeat(40)}\r\n`);
      expect(empty[0].raw.toString()).toBe(empty[1].raw.toString());
      for (const argv of DATASET) {
        const r = await Promise.all(conns.map((c) => c.command(argv)));
        expect(r[0].raw.toString('latin1')).toBe(r[1].raw.toString('latin1'));
      }
      const [a, b] = await Promise.all(conns.map((c) => c.command(['debug', 'digest'])));
      expect(a.raw.toString()).toBe(b.raw.toString());
      const [va, vb] = await Promise.all(conns.map((c) => c.command(['debug', 'digest-value', ...KEYS])));
      expect(va.raw.toString()).toBe(vb.raw.toString());
      const [na, nb] = await Promise.all(conns.map((c) => c.command(['debug', 'digest-value'])));
      expect(na.raw.toString()).toBe(nb.raw.toString());
      // A change anywhere changes the digest.
      await Promise.all(conns.map((c) => c.command(['lset', 'l', '0', 'A'])));
      const [a2, b2] = await Promise.all(conns.map((c) => c.command(['debug', 'digest'])));
      expect(a2.raw.toString()).toBe(b2.raw.toString());
      expect(a2.raw.toString()).not.toBe(a.raw.toString());
    } finally {
      for (const c of conns) c.close();
    }
  });

  it('DEBUG OBJECT reports the serialized length Redis reports', async () => {
    const { subject, oracle } = pair();
    const conns = await Promise.all([RespConnection.open(subject.port), RespConnection.open(oracle.port)]);
    try {
      for (const c of conns) await c.command(['flushall']);
      for (const argv of DATASET) await Promise.all(conns.map((c) => c.command(argv)));
      // Sets of strings are listpacks in 7.2 (cinnabar) and hashtables in 7.0, but both write them as plain sets.
      for (const key of KEYS.filter((k) => k !== 'missing')) {
        const [a, b] = await Promise.all(conns.map((c) => c.command(['debug', 'object', key])));
        const len = (r: typeof a) => /serializedlength:(\d+)/.exec(r.raw.toString())?.[1];
        expect(len(a), key).toBe(len(b));
      }
    } finally {
      for (const c of conns) c.close();
    }
  });
});
