import { it, expect } from 'vitest';
import { RespConnection } from '../../../test/helpers/resp.js';
import { createHarness } from '../../server/harness.js';

const cases: string[][] = [
  ['flushall'], ['set', 'a', '1'], ['set', 'b', 'hello'], ['exists', 'a', 'a', 'b', 'c'], ['type', 'a'], ['type', 'zz'],
  ['del', 'a', 'zz', 'a'], ['exists', 'a'], ['set', 'a', '1'], ['unlink', 'a', 'b'], ['dbsize'],
  ['set', 'k', 'v'], ['expire', 'k', '10', 'nx', 'xx'], ['expire', 'k', '10', 'gt', 'lt'], ['expire', 'k', '10', 'foo'],
  ['expire', 'k', '10', 'fo\r\no'], ['expire', 'k', '10', 'x\x00y'], ['expire', 'k', 'abc'], ['expire', 'k', '10', 'NX', 'xx'],
  ['expire', 'k', '9223372036854775807'], ['pexpire', 'k', '9223372036854775807'], ['expireat', 'k', '9223372036854775807'],
  ['expire', 'k', '-9223372036854775808'], ['expire', 'k', '9223372036854775'], ['expire', 'k', '9223372036854774'],
  ['expire', 'k', '100'], ['ttl', 'k'], ['expire', 'k', '100', 'nx'], ['expire', 'k', '50', 'gt'], ['expire', 'k', '200', 'gt'], ['ttl', 'k'],
  ['expire', 'k', '300', 'lt'], ['expire', 'k', '30', 'lt'], ['ttl', 'k'], ['persist', 'k'], ['persist', 'k'], ['ttl', 'k'], ['pttl', 'k'],
  ['expiretime', 'k'], ['pexpiretime', 'k'], ['ttl', 'nokey'], ['pttl', 'nokey'], ['expiretime', 'nokey'],
  ['expire', 'k', '10', 'gt'], ['expire', 'k', '10', 'xx'], ['expire', 'k', '10', 'lt'], ['ttl', 'k'], ['expire', 'k', '0'], ['exists', 'k'],
  ['expire', 'nokey', '10'], ['expire', 'nokey', 'x'], ['pexpireat', 'nokey', '1'],
  ['set', 'k', 'v'], ['pexpire', 'k', '-9223372036854775808'], ['exists', 'k'],
  ['set', 'k', 'v'], ['move', 'k', '0'], ['move', 'k', '99'], ['move', 'k', 'x'], ['move', 'k', '-1'], ['move', 'k', '99999999999'],
  ['move', 'nokey', '1'], ['move', 'k', '1'], ['exists', 'k'], ['select', '1'], ['exists', 'k'], ['set', 'k2', 'x'], ['select', '0'], ['set', 'k2', 'y'], ['move', 'k2', '1'],
  ['swapdb', 'x', '1'], ['swapdb', '1', 'x'], ['swapdb', '1', '99'], ['swapdb', '-1', '0'], ['swapdb', '0', '99999999999'], ['swapdb', '99999999999', 'x'],
  ['swapdb', '0', '1'], ['keys', '*'], ['swapdb', '0', '0'], ['swapdb', '1', '0'],
  ['copy', 'k2', 'k2'], ['copy', 'k2', 'k3', 'db', 'x'], ['copy', 'k2', 'k3', 'db', '99'], ['copy', 'k2', 'k3', 'db', '0', 'db'], ['copy', 'k2', 'k3', 'foo'],
  ['copy', 'nokey', 'nokey'], ['copy', 'nokey', 'x'], ['copy', 'k2', 'k3'], ['get', 'k3'], ['copy', 'k2', 'k3'], ['copy', 'k2', 'k3', 'replace'],
  ['copy', 'k2', 'k2', 'db', '1'], ['copy', 'k2', 'k2', 'db', '1'], ['copy', 'k2', 'k2', 'db', '1', 'REPLACE'], ['copy', 'k2', 'k3', 'db', '99999999999'],
  ['rename', 'nokey', 'x'], ['rename', 'k2', 'k2'], ['renamenx', 'k2', 'k2'], ['renamenx', 'nokey', 'nokey'], ['rename', 'k2', 'k4'], ['renamenx', 'k4', 'k3'], ['renamenx', 'k4', 'k5'],
  ['keys', 'k*'], ['keys', 'nothing'],
  ['object', 'encoding', 'k5'], ['object', 'encoding', 'nokey'], ['object', 'refcount', 'k5'], ['object', 'freq', 'k5'], ['object', 'idletime', 'nokey'],
  ['object', 'freq', 'nokey'], ['set', 'n', '123'], ['object', 'encoding', 'n'], ['object', 'refcount', 'n'], ['set', 'n', '12345'], ['object', 'refcount', 'n'],
  ['object', 'foo'], ['object', 'help', 'x'], ['object', 'encoding'],
  ['scan', 'x'], ['scan', '-1'], ['scan', '+1'], ['scan', ' 1'], ['scan', '18446744073709551616'], ['scan', '0', 'count', '0'], ['scan', '0', 'count', 'x'],
  ['scan', '0', 'match'], ['scan', '0', 'foo', 'bar'], ['scan', '0', 'type', 'nosuch'], ['scan', '0', 'TYPE', 'STRING', 'count', '100', 'match', 'n*'],
  ['flushdb', 'foo'], ['flushdb', 'async', 'sync'], ['flushall', 'foo'], ['flushdb', 'SYNC'], ['dbsize'], ['randomkey'], ['set', 'r', '1'], ['randomkey'],
  ['flushall', 'ASYNC'], ['touch', 'a', 'b'], ['set', 'a', '1'], ['touch', 'a', 'a', 'b'], ['object', 'idletime', 'a'],
  ['set', 'e', 'v'], ['pexpire', 'e', '1'], ['pexpire', 'e', '-1'], ['exists', 'e'],
];

it('matches redis-server', async () => {
  const c = await RespConnection.open(17811);
  const h = createHarness();
  const diffs: string[] = [];
  for (const argv of cases) {
    const theirs = (await c.call(argv)).toString('latin1');
    const ours = h.resp(argv);
    if (theirs !== ours) diffs.push(`${JSON.stringify(argv)}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(ours)}`);
  }
  console.log(diffs.join('\n'));
  expect(diffs.length).toBe(0);
  h.close();
});
