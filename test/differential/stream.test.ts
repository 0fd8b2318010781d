// Differential cases for the stream commands: every option and error path sent to cinnabar and to the
// real redis-server and compared byte for byte. Explicit IDs keep replies deterministic; "*" IDs are
// compared by reply type. Times (idle, delivery and seen times) are masked. The oracle here is Redis
// 7.0: fields Redis 7.2 added (XINFO CONSUMERS "inactive", XINFO STREAM FULL "active-time") are
// dropped before comparing, and checked by value in the stream unit tests.
import { describe } from 'vitest';
import { as, diffCases, sleep, typeOnly, useDiffPair, type CaseInput, type Compare } from '../helpers/differential.js';
import type { RespValue } from '../helpers/resp.js';

const pair = useDiffPair();
const STREAMS = { requires: ['XADD', 'XRANGE', 'XGROUP', 'XINFO'] };

/** Renders a reply, dropping map fields named in `drop`, masking those in `mask` and every timestamp. */
function infoNormalizer(drop: string[], mask: string[]): Compare {
  const render = (v: RespValue): string => {
    if (!v.items) {
      if (v.type === ':' && Number(v.data!.toString('latin1')) > 1e12) return ':<ts>';
      return v.raw.toString('latin1');
    }
    const items = v.items;
    const isMap =
      v.type === '%' ||
      (items.length % 2 === 0 && items.length > 0 && items.every((it, i) => i % 2 === 1 || (it.type === '$' && /^[a-z-]+$/.test(it.data?.toString('latin1') ?? ''))));
    if (!isMap) return `${v.type}[${items.map(render).join(',')}]`;
    const parts: string[] = [];
    for (let i = 0; i < items.length; i += 2) {
      const k = items[i].data?.toString('latin1') ?? '';
      if (drop.includes(k)) continue;
      parts.push(`${k}=${mask.includes(k) ? '<m>' : render(items[i + 1])}`);
    }
    return `{${parts.join(',')}}`;
  };
  return { normalize: render, label: 'info' };
}

const INFO = infoNormalizer(['inactive', 'active-time'], ['idle', 'seen-time']);
const info = (...argv: string[]): CaseInput => as(INFO, argv);

/** XPENDING extended form: the idle column depends on timing. */
const PENDING: Compare = {
  normalize: (v) =>
    v.items ? v.items.map((e) => (e.items ? e.items.map((x, i) => (i === 2 ? '<idle>' : x.raw.toString('latin1'))).join('|') : e.raw.toString('latin1'))).join(';') : v.raw.toString('latin1'),
  label: 'pending',
};
const pending = (...argv: string[]): CaseInput => as(PENDING, argv);

/** HELP replies: Redis 7.2 ends with "Print this help." where the 7.0 oracle says "Prints". */
const HELP: Compare = { normalize: (v) => v.raw.toString('latin1').replace('Prints this help.', 'Print this help.'), label: 'help' };
const help = (...argv: string[]): CaseInput => as(HELP, argv);

describe('streams: XADD and XLEN', () => {
  diffCases('explicit IDs, field layouts and errors', pair, [
    ['XADD', 's', '1-1', 'f', 'v'],
    ['XADD', 's', '1-2', 'f', 'v2', 'g', 'x'],
    ['XADD', 's', '1-2', 'f', 'v'],
    ['XADD', 's', '1-1', 'f', 'v'],
    ['XADD', 's', '0-5', 'f', 'v'],
    ['XADD', 's', '1', 'f', 'v'],
    ['XADD', 's', '2', 'f', 'v'],
    ['XADD', 's', '2-*', 'f', 'v'],
    ['XADD', 's', '2-*', 'f', 'v'],
    ['XADD', 's', '3-*', 'f', 'v'],
    ['XADD', 's', '1-*', 'f', 'v'],
    ['XADD', 's', '00005-0', 'f', 'v'],
    ['XADD', 's', ' 6-0', 'f', 'v'],
    ['XADD', 's', '+7-0', 'f', 'v'],
    ['XADD', 's', '8-+1', 'f', 'v'],
    ['XADD', 's', '-1-0', 'f', 'v'],
    ['XADD', 's', '9-1-1', 'f', 'v'],
    ['XADD', 's', '9-', 'f', 'v'],
    ['XADD', 's', '-', 'f', 'v'],
    ['XADD', 's', '+', 'f', 'v'],
    ['XADD', 's', '9-x', 'f', 'v'],
    ['XADD', 's', '18446744073709551616-0', 'f', 'v'],
    ['XADD', 's', '10-18446744073709551616', 'f', 'v'],
    ['XADD', 's', '10-0', 'f'],
    ['XADD', 's', '10-0', 'f', 'v', 'g'],
    ['XADD', 's', '10-0'],
    ['XADD', 's'],
    ['XADD', 's', '10-0', '', ''],
    ['XADD', 's', '11-0', '123', '-45', '9223372036854775807', '-9223372036854775808', '01', '1.5'],
    ['XADD', 's', '12-0', 'bin\x00\xff', 'x'.repeat(70), 'y'.repeat(5000), 'z'],
    ['XADD', 's', '13-0', 'f', 'v', 'f', 'w'],
    ['XRANGE', 's', '-', '+'],
    ['XLEN', 's'],
    ['XLEN', 'missing'],
    ['XADD', 'zero', '0-0', 'f', 'v'],
    ['XADD', 'zero', '0', 'f', 'v'],
    ['XADD', 'zero', '0-*', 'f', 'v'],
    ['XADD', 'zero', '0-1', 'f', 'v'],
    ['EXISTS', 'zero'],
    ['XRANGE', 'zero', '-', '+'],
    ['SET', 'str', 'x'],
    ['XADD', 'str', '1-1', 'f', 'v'],
    ['XLEN', 'str'],
    ['XADD', 'nm', 'NOMKSTREAM', '1-1', 'f', 'v'],
    ['EXISTS', 'nm'],
    ['XADD', 'nm', '1-1', 'f', 'v'],
    ['XADD', 'nm', 'nomkstream', '2-1', 'f', 'v'],
    ['XLEN', 'nm'],
    ['TYPE', 's'],
    ['OBJECT', 'ENCODING', 's'],
  ], STREAMS);

  diffCases('ID limits', pair, [
    ['XADD', 'big', '18446744073709551615-18446744073709551614', 'f', 'v'],
    ['XADD', 'big', '18446744073709551615-*', 'f', 'v'],
    ['XADD', 'big', '18446744073709551615-*', 'f', 'v'],
    ['XADD', 'big', '*', 'f', 'v'],
    ['XRANGE', 'big', '-', '+'],
    ['XADD', 'big2', '9007199254740993-9007199254740993', 'f', 'v'],
    ['XADD', 'big2', '9007199254740993-*', 'f', 'v'],
    ['XADD', 'big2', '9007199254740994', 'f', 'v'],
    ['XADD', 'big2', '*', 'f', 'v'],
    ['XRANGE', 'big2', '-', '+'],
    ['XREVRANGE', 'big2', '+', '-', 'COUNT', '2'],
    ['XADD', 'big3', '5-18446744073709551615', 'f', 'v'],
    // Both refuse; 7.0 says "Elements are too large to be stored", 7.2 "equal or smaller than the top item".
    typeOnly('XADD', 'big3', '5-*', 'f', 'v'),
    ['XADD', 'big3', '6-*', 'f', 'v'],
    ['XRANGE', 'big3', '-', '+'],
    ['XINFO', 'STREAM', 'big3'],
  ], STREAMS);

  diffCases('generated IDs', pair, [
    typeOnly('XADD', 'auto', '*', 'f', 'v'),
    typeOnly('XADD', 'auto', '*', 'f', 'v'),
    ['XLEN', 'auto'],
    typeOnly('XADD', 'auto', 'MAXLEN', '1', '*', 'f', 'v'),
    ['XLEN', 'auto'],
    ['XADD', 'future', '99999999999999-5', 'f', 'v'],
    ['XADD', 'future', '*', 'f', 'v'],
    ['XADD', 'future', '*', 'f', 'v'],
  ], STREAMS);
});

describe('streams: trimming', () => {
  diffCases('XADD and XTRIM options and errors', pair, [
    ['XADD', 't', '1-0', 'f', 'v'],
    ['XADD', 't', '2-0', 'f', 'v'],
    ['XADD', 't', '3-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '2', '4-0', 'f', 'v'],
    ['XRANGE', 't', '-', '+'],
    ['XADD', 't', 'MAXLEN', '=', '2', '5-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', '2', '6-0', 'f', 'v'],
    ['XLEN', 't'],
    ['XADD', 't', 'MINID', '6', '7-0', 'f', 'v'],
    ['XRANGE', 't', '-', '+'],
    ['XADD', 't', 'MINID', '=', '7', '8-0', 'f', 'v'],
    ['XADD', 't', 'MINID', '~', '8', '9-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '1', 'MINID', '1', '10-0', 'f', 'v'],
    ['XADD', 't', 'MINID', '1', 'MAXLEN', '1', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '-1', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', 'x', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', 'x', '10-0', 'f', 'v'],
    ['XADD', 't', 'MINID', 'x', '10-0', 'f', 'v'],
    ['XADD', 't', 'MINID', '-', '10-0', 'f', 'v'],
    ['XADD', 't', 'LIMIT', '10', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '5', 'LIMIT', '10', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', '5', 'LIMIT', '-1', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', '5', 'LIMIT', 'x', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', '5', 'LIMIT', '0', '10-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN', '~', '5', 'LIMIT', '10', '11-0', 'f', 'v'],
    ['XADD', 't', 'LIMIT', '0', '12-0', 'f', 'v'],
    ['XADD', 't', 'MAXLEN'],
    ['XADD', 't', 'MAXLEN', '~'],
    ['XADD', 't', 'MAXLEN', '5'],
    ['XADD', 't', 'maxlen', '5', 'nomkstream', '13-0', 'f', 'v'],
    ['XRANGE', 't', '-', '+'],
    ['XTRIM', 't', 'MAXLEN', '2'],
    ['XRANGE', 't', '-', '+'],
    ['XTRIM', 't', 'MAXLEN', '2'],
    ['XTRIM', 't', 'MINID', '12'],
    ['XTRIM', 't', 'MINID', '(12'],
    ['XTRIM', 't', 'MAXLEN', '~', '0'],
    ['XTRIM', 't', 'MAXLEN', '=', '0'],
    ['XLEN', 't'],
    ['EXISTS', 't'],
    ['XINFO', 'STREAM', 't'],
    ['XTRIM', 't'],
    ['XTRIM', 't', 'MAXLEN'],
    ['XTRIM', 't', 'LIMIT', '5'],
    ['XTRIM', 't', 'FOO', '5'],
    ['XTRIM', 't', 'MAXLEN', '1', 'LIMIT', '5'],
    ['XTRIM', 't', 'MAXLEN', '1', 'MINID', '5'],
    ['XTRIM', 't', 'MAXLEN', '~', '1', 'LIMIT', '5', 'extra'],
    ['XTRIM', 'missing', 'MAXLEN', '1'],
    ['XTRIM', 'missing', 'MAXLEN', 'x'],
    ['SET', 'str', 'x'],
    ['XTRIM', 'str', 'MAXLEN', '1'],
  ], STREAMS);

  const nodes: CaseInput[] = [['CONFIG', 'SET', 'stream-node-max-entries', '10']];
  for (let i = 1; i <= 95; i++) nodes.push(['XADD', 'n', `${i}-0`, 'f', `v${i}`]);
  nodes.push(
    ['XINFO', 'STREAM', 'n'],
    ['XTRIM', 'n', 'MAXLEN', '~', '55'],
    ['XLEN', 'n'],
    ['XTRIM', 'n', 'MAXLEN', '~', '55'],
    ['XTRIM', 'n', 'MINID', '~', '47'],
    ['XRANGE', 'n', '-', '+', 'COUNT', '3'],
    ['XTRIM', 'n', 'MAXLEN', '~', '10', 'LIMIT', '15'],
    ['XLEN', 'n'],
    ['XTRIM', 'n', 'MAXLEN', '~', '10', 'LIMIT', '25'],
    ['XLEN', 'n'],
    ['XDEL', 'n', '71-0', '72-0', '73-0', '74-0', '75-0', '76-0', '77-0', '78-0', '79-0', '80-0'],
    ['XINFO', 'STREAM', 'n'],
    ['XTRIM', 'n', 'MINID', '85'],
    ['XINFO', 'STREAM', 'n'],
    ['XADD', 'n', 'MAXLEN', '~', '3', '100-0', 'f', 'v'],
    ['XLEN', 'n'],
    ['XDEL', 'n', '81-0', '82-0', '83-0', '84-0', '85-0', '86-0', '87-0', '88-0', '89-0', '90-0'],
    ['XINFO', 'STREAM', 'n'],
    ['XRANGE', 'n', '-', '+'],
    ['CONFIG', 'SET', 'stream-node-max-entries', '100'],
  );
  diffCases('node boundaries, approximate trimming and LIMIT', pair, nodes, STREAMS);

  const bytes: CaseInput[] = [['CONFIG', 'SET', 'stream-node-max-bytes', '300']];
  for (let i = 1; i <= 20; i++) bytes.push(['XADD', 'b', `${i}-0`, 'field', 'x'.repeat(i * 7)]);
  bytes.push(['XINFO', 'STREAM', 'b'], ['XTRIM', 'b', 'MAXLEN', '~', '5'], ['XINFO', 'STREAM', 'b'], ['CONFIG', 'SET', 'stream-node-max-bytes', '4096']);
  diffCases('nodes split by bytes', pair, bytes, STREAMS);
});

describe('streams: ranges and deletion', () => {
  const base: CaseInput[] = [];
  for (const id of ['1-1', '1-2', '2-0', '2-5', '3-0', '5-18446744073709551615', '6-0']) base.push(['XADD', 'r', id, 'f', id]);
  const bounds = ['-', '+', '0', '1', '1-1', '(1-1', '2', '(2', '(2-0', '3', '(3', '5', '(5', '6', '(6-0', '(-', '(+', 'x', '1-x', '(', ''];
  const cases: CaseInput[] = [...base];
  for (const a of bounds) {
    for (const b of ['+', '2', '(3-0', '(6', '-', 'x']) {
      cases.push(['XRANGE', 'r', a, b]);
      cases.push(['XREVRANGE', 'r', b, a]);
    }
  }
  diffCases('interval bounds', pair, cases, STREAMS);

  diffCases('COUNT, missing keys and errors', pair, [
    ...base,
    ['XRANGE', 'r', '-', '+', 'COUNT', '2'],
    ['XRANGE', 'r', '-', '+', 'count', '0'],
    ['XRANGE', 'r', '-', '+', 'COUNT', '-1'],
    ['XRANGE', 'r', '-', '+', 'COUNT', 'x'],
    ['XRANGE', 'r', '-', '+', 'COUNT'],
    ['XRANGE', 'r', '-', '+', 'COUNT', '1', 'COUNT', '3'],
    ['XRANGE', 'r', '-', '+', 'FOO', '1'],
    ['XREVRANGE', 'r', '+', '-', 'COUNT', '3'],
    ['XREVRANGE', 'r', '+', '-', 'COUNT', '0'],
    ['XRANGE', 'missing', '-', '+'],
    ['XRANGE', 'missing', '-', '+', 'COUNT', '0'],
    ['XRANGE', 'missing', 'x', '+'],
    ['XRANGE', 'r', '(18446744073709551615-18446744073709551615', '+'],
    ['XRANGE', 'r', '-', '(0-0'],
    ['XRANGE', 'r', '(0', '+'],
    ['XREVRANGE', 'r', '(0', '-'],
    ['XRANGE', 'r', '5', '5'],
    ['XRANGE', 'r', '3', '1'],
    ['XRANGE', 'r'],
    ['SET', 'str', 'x'],
    ['XRANGE', 'str', '-', '+'],
    ['XRANGE', 'str', 'x', '+'],
  ], STREAMS);

  diffCases('XDEL', pair, [
    ...base,
    ['XDEL', 'r', '1-2', '2-0', '9-9'],
    ['XDEL', 'r', '1-2'],
    ['XRANGE', 'r', '-', '+'],
    ['XDEL', 'r', '1-1', 'x'],
    ['XLEN', 'r'],
    ['XDEL', 'r', '1'],
    ['XDEL', 'r', '-'],
    ['XINFO', 'STREAM', 'r'],
    ['XDEL', 'r', '1-1'],
    ['XINFO', 'STREAM', 'r'],
    ['XDEL', 'r', '6-0', '5-18446744073709551615', '3-0', '2-5'],
    ['XLEN', 'r'],
    ['EXISTS', 'r'],
    ['XINFO', 'STREAM', 'r'],
    ['XADD', 'r', '6-0', 'f', 'v'],
    ['XADD', 'r', '7-0', 'f', 'v'],
    ['XINFO', 'STREAM', 'r'],
    ['XDEL', 'missing', '1-1'],
    ['XDEL', 'missing', 'x'],
    ['SET', 'str', 'x'],
    ['XDEL', 'str', '1-1'],
    ['XDEL', 'r'],
  ], STREAMS);

  diffCases('XSETID', pair, [
    ['XADD', 'x', '5-0', 'f', 'v'],
    ['XSETID', 'x', '4-0'],
    ['XSETID', 'x', '5-0'],
    ['XSETID', 'x', '10-0'],
    ['XADD', 'x', '9-0', 'f', 'v'],
    ['XINFO', 'STREAM', 'x'],
    ['XSETID', 'x', '11-0', 'ENTRIESADDED', '5', 'MAXDELETEDID', '3-0'],
    ['XINFO', 'STREAM', 'x'],
    ['XSETID', 'x', '11-0', 'ENTRIESADDED', '0'],
    ['XSETID', 'x', '11-0', 'ENTRIESADDED', '-1'],
    ['XSETID', 'x', '11-0', 'ENTRIESADDED', 'x'],
    ['XSETID', 'x', '11-0', 'MAXDELETEDID', '12-0'],
    ['XSETID', 'x', '11-0', 'MAXDELETEDID', 'x'],
    ['XSETID', 'x', '11-0', 'FOO'],
    ['XSETID', 'x', '11-0', 'ENTRIESADDED'],
    // 7.2 checks the current max deleted ID first, 7.0 the top item: both refuse.
    typeOnly('XSETID', 'x', '2-0', 'MAXDELETEDID', '1-0'),
    ['XDEL', 'x', '5-0'],
    ['XINFO', 'STREAM', 'x'],
    ['XSETID', 'x', '-'],
    ['XSETID', 'x', 'x'],
    ['XSETID', 'x', '18446744073709551615-18446744073709551615'],
    ['XADD', 'x', '*', 'f', 'v'],
    ['XSETID', 'missing', '1-1'],
    ['SET', 'str', 'x'],
    ['XSETID', 'str', '1-1'],
    ['XSETID', 'x'],
  ], STREAMS);
});

describe('streams: XREAD', () => {
  diffCases('reading after IDs', pair, [
    ['XADD', '{t}a', '1-0', 'f', 'a1'],
    ['XADD', '{t}a', '2-0', 'f', 'a2'],
    ['XADD', '{t}b', '1-5', 'g', 'b1'],
    ['XREAD', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'COUNT', '1', 'STREAMS', '{t}a', '{t}b', '0', '0'],
    ['XREAD', 'STREAMS', '{t}a', '{t}b', '1', '1-5'],
    ['XREAD', 'STREAMS', '{t}a', '{t}b', '$', '$'],
    ['XREAD', 'STREAMS', '{t}a', '{t}missing', '1-0', '0'],
    ['XREAD', 'STREAMS', '{t}a', '2-0'],
    ['XREAD', 'COUNT', '0', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'COUNT', '-5', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'COUNT', 'x', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'BLOCK', 'x', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'BLOCK', '-1', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'BLOCK', '100', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'STREAMS', '{t}a'],
    // 7.2 names the command as "'xread'", 7.0 as "XREAD" (the text is checked in the unit tests).
    typeOnly('XREAD', 'STREAMS', '{t}a', '{t}b', '0'),
    ['XREAD', 'STREAMS'],
    ['XREAD', 'COUNT', '1'],
    ['XREAD', 'FOO', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'GROUP', 'g', 'c', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'NOACK', 'STREAMS', '{t}a', '0'],
    ['XREAD', 'STREAMS', '{t}a', '>'],
    ['XREAD', 'STREAMS', '{t}a', '+'],
    ['XREAD', 'STREAMS', '{t}a', '-'],
    ['XREAD', 'STREAMS', '{t}a', 'x'],
    ['XREAD', 'STREAMS', '{t}a', '1'],
    ['XREAD', 'STREAMS', '{t}a', '(1'],
    ['SET', '{t}str', 'x'],
    ['XREAD', 'STREAMS', '{t}a', '{t}str', '0', '0'],
    ['XREAD', 'STREAMS', '{t}a', '{t}str', 'x', '0'],
    ['XREAD', 'STREAMS', '{t}missing', '0'],
    ['XREAD', 'STREAMS', '{t}missing', '$'],
    ['XREAD', 'BLOCK', '10', 'STREAMS', '{t}a', '$'],
    ['MULTI'],
    ['XREAD', 'BLOCK', '0', 'STREAMS', '{t}a', '$'],
    ['XREAD', 'BLOCK', '0', 'STREAMS', '{t}a', '0'],
    ['EXEC'],
  ], STREAMS);
});

describe('streams: consumer groups', () => {
  diffCases('XGROUP subcommands', pair, [
    ['XGROUP', 'CREATE', 'g', 'grp', '$'],
    ['XGROUP', 'CREATE', 'g', 'grp', '$', 'MKSTREAM'],
    ['XGROUP', 'CREATE', 'g', 'grp', '$', 'MKSTREAM'],
    ['XLEN', 'g'],
    ['XADD', 'g', '1-0', 'f', 'v'],
    ['XADD', 'g', '2-0', 'f', 'v'],
    ['XGROUP', 'CREATE', 'g', 'g0', '0'],
    ['XGROUP', 'CREATE', 'g', 'g1', '1', 'ENTRIESREAD', '1'],
    ['XGROUP', 'CREATE', 'g', 'g2', '$', 'ENTRIESREAD', '-1'],
    ['XGROUP', 'CREATE', 'g', 'g3', '$', 'ENTRIESREAD', '-2'],
    ['XGROUP', 'CREATE', 'g', 'g3', '$', 'ENTRIESREAD', 'x'],
    ['XGROUP', 'CREATE', 'g', 'g3', '$', 'ENTRIESREAD'],
    ['XGROUP', 'CREATE', 'g', 'g3', 'x'],
    ['XGROUP', 'CREATE', 'g', 'g3', '-'],
    ['XGROUP', 'CREATE', 'g', 'g3', '+'],
    ['XGROUP', 'CREATE', 'g', 'g3', '1', 'FOO'],
    ['XGROUP', 'CREATE', 'g', 'g3', '1', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM'],
    ['XGROUP', 'CREATE', 'g', 'g3', '18446744073709551615-18446744073709551615'],
    ['XGROUP', 'CREATE', 'g'],
    ['XGROUP', 'CREATE', 'nokey', 'x', '$'],
    ['SET', 'str', 'x'],
    ['XGROUP', 'CREATE', 'str', 'x', '$'],
    ['XGROUP', 'CREATE', 'str', 'x', '$', 'MKSTREAM'],
    ['XINFO', 'GROUPS', 'g'],
    ['XGROUP', 'SETID', 'g', 'g0', '1-0'],
    ['XGROUP', 'SETID', 'g', 'g1', '$', 'ENTRIESREAD', '2'],
    ['XGROUP', 'SETID', 'g', 'g2', '-'],
    ['XGROUP', 'SETID', 'g', 'g3', '0'],
    ['XGROUP', 'SETID', 'g', 'g2', 'x'],
    ['XGROUP', 'SETID', 'g', 'g2', '0', 'MKSTREAM'],
    ['XGROUP', 'SETID', 'g', 'g2', '0', 'ENTRIESREAD'],
    ['XGROUP', 'SETID', 'g', 'g2', '0', 'ENTRIESREAD', '1', 'ENTRIESREAD', '2'],
    ['XGROUP', 'SETID', 'nokey', 'g2', '0'],
    ['XGROUP', 'SETID', 'g', 'g2', '+'],
    ['XINFO', 'GROUPS', 'g'],
    ['XGROUP', 'CREATECONSUMER', 'g', 'g0', 'alice'],
    ['XGROUP', 'CREATECONSUMER', 'g', 'g0', 'alice'],
    ['XGROUP', 'CREATECONSUMER', 'g', 'g0', 'bob'],
    ['XGROUP', 'CREATECONSUMER', 'g', 'nogroup', 'bob'],
    ['XGROUP', 'CREATECONSUMER', 'nokey', 'g0', 'bob'],
    ['XGROUP', 'CREATECONSUMER', 'g', 'g0'],
    info('XINFO', 'CONSUMERS', 'g', 'g0'),
    ['XGROUP', 'DELCONSUMER', 'g', 'g0', 'alice'],
    ['XGROUP', 'DELCONSUMER', 'g', 'g0', 'alice'],
    ['XGROUP', 'DELCONSUMER', 'g', 'nogroup', 'alice'],
    ['XGROUP', 'DESTROY', 'g', 'g1'],
    ['XGROUP', 'DESTROY', 'g', 'g1'],
    ['XGROUP', 'DESTROY', 'nokey', 'g1'],
    ['XGROUP', 'DESTROY', 'g'],
    ['XGROUP', 'DESTROY', 'g', 'g1', 'x'],
    ['XGROUP', 'FOO', 'g', 'g1'],
    help('XGROUP', 'HELP'),
    help('xgroup', 'help'),
    ['XGROUP', 'HELP', 'x'],
    ['XGROUP'],
    ['XINFO', 'GROUPS', 'g'],
  ], STREAMS);

  const setup: CaseInput[] = [];
  for (let i = 1; i <= 6; i++) setup.push(['XADD', 'q', `${i}-0`, 'f', `v${i}`]);
  setup.push(['XGROUP', 'CREATE', 'q', 'grp', '0']);

  diffCases('XREADGROUP, XACK and XPENDING', pair, [
    ...setup,
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', '2', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'bob', 'COUNT', '1', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', '0'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', '1', 'STREAMS', 'q', '1-0'],
    ['XREADGROUP', 'GROUP', 'grp', 'bob', 'STREAMS', 'q', '0'],
    ['XREADGROUP', 'GROUP', 'grp', 'carol', 'STREAMS', 'q', '0'],
    ['XPENDING', 'q', 'grp'],
    pending('XPENDING', 'q', 'grp', '-', '+', '10'),
    pending('XPENDING', 'q', 'grp', '-', '+', '10', 'alice'),
    pending('XPENDING', 'q', 'grp', '(1-0', '+', '10'),
    pending('XPENDING', 'q', 'grp', '-', '(3', '1'),
    pending('XPENDING', 'q', 'grp', 'IDLE', '0', '-', '+', '10'),
    ['XPENDING', 'q', 'grp', 'IDLE', '3600000', '-', '+', '10'],
    ['XPENDING', 'q', 'grp', '-', '+', '10', 'nobody'],
    ['XPENDING', 'q', 'grp', '-', '+', '0'],
    ['XPENDING', 'q', 'grp', '-', '+', '-3'],
    ['XPENDING', 'q', 'grp', '-', '+', 'x'],
    ['XPENDING', 'q', 'grp', 'x', '+', '10'],
    ['XPENDING', 'q', 'grp', '-', 'x', '10'],
    ['XPENDING', 'q', 'grp', '-', '+'],
    ['XPENDING', 'q', 'grp', 'IDLE', 'x', '-', '+', '10'],
    ['XPENDING', 'q', 'grp', 'IDLE', '10', '-', '+'],
    ['XPENDING', 'q', 'grp', '(18446744073709551615-18446744073709551615', '+', '10'],
    ['XPENDING', 'q', 'grp', '-', '(0', '10'],
    ['XPENDING', 'q', 'nogroup'],
    ['XPENDING', 'no\x00key', 'gr\r\noup'],
    ['XREADGROUP', 'GROUP', 'g\x00x', 'c', 'STREAMS', 'q', '>'],
    ['XCLAIM', 'q\x00', 'g\n', 'c', '0', '1-0'],
    ['XAUTOCLAIM', 'q', 'g\x00', 'c', '0', '0'],
    ['XINFO', 'CONSUMERS', 'q', 'no\x00group'],
    ['XGROUP', 'SETID', 'q', 'no\x00group', '0'],
    ['XPENDING', 'nokey', 'grp'],
    ['XPENDING', 'nokey', 'grp', 'x', '+', '10'],
    ['XACK', 'q', 'grp', '1-0', '3-0', '9-0'],
    ['XACK', 'q', 'grp', '1-0'],
    ['XACK', 'q', 'grp', '2-0', 'x'],
    ['XACK', 'q', 'nogroup', 'x'],
    ['XACK', 'nokey', 'grp', 'x'],
    ['XPENDING', 'q', 'grp'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'NOACK', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', '>'],
    ['XPENDING', 'q', 'grp'],
    info('XINFO', 'GROUPS', 'q'),
    info('XINFO', 'CONSUMERS', 'q', 'grp'),
    ['XDEL', 'q', '2-0'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', '0'],
    ['XGROUP', 'SETID', 'q', 'grp', '0'],
    ['XREADGROUP', 'GROUP', 'grp', 'dave', 'COUNT', '2', 'STREAMS', 'q', '>'],
    ['XPENDING', 'q', 'grp'],
    info('XINFO', 'GROUPS', 'q'),
    ['SET', 'str', 'x'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', 'str', '>', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'nokey', '>'],
    ['XREADGROUP', 'GROUP', 'nogroup', 'alice', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', '$'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', 'x'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q'],
    ['XREADGROUP', 'GROUP', 'grp', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'COUNT', '1', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', 'x', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'BLOCK', '-1', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'FOO', 'STREAMS', 'q', '>'],
    ['XREADGROUP', 'GROUP', 'grp', 'erin', 'BLOCK', '10', 'STREAMS', 'q', '>'],
    info('XINFO', 'CONSUMERS', 'q', 'grp'),
    ['MULTI'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'BLOCK', '0', 'STREAMS', 'q', '>'],
    ['EXEC'],
  ], STREAMS);

  diffCases('XREADGROUP over several streams', pair, [
    ['XADD', '{t}x', '1-0', 'f', 'x1'],
    ['XADD', '{t}x', '2-0', 'f', 'x2'],
    ['XADD', '{t}x', '3-0', 'f', 'x3'],
    ['XADD', '{t}y', '1-5', 'f', 'y1'],
    ['XGROUP', 'CREATE', '{t}x', 'g', '0'],
    ['XGROUP', 'CREATE', '{t}y', 'g', '$'],
    ['XGROUP', 'CREATE', '{t}z', 'g', '0', 'MKSTREAM'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '2', 'STREAMS', '{t}x', '{t}y', '{t}z', '>', '>', '>'],
    ['XADD', '{t}y', '2-0', 'f', 'y2'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', '{t}x', '{t}y', '{t}z', '>', '>', '>'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', '{t}x', '{t}y', '{t}z', '>', '>', '>'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', '{t}x', '{t}y', '{t}z', '0', '0', '0'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', '{t}x', '{t}y', '{t}z', '1-0', '>', '0'],
    ['XREADGROUP', 'GROUP', 'g', 'd', 'NOACK', 'STREAMS', '{t}x', '{t}y', '0', '0'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', '{t}x', '{t}missing', '>', '>'],
    ['XPENDING', '{t}x', 'g'],
    ['XPENDING', '{t}y', 'g'],
    info('XINFO', 'GROUPS', '{t}x'),
    info('XINFO', 'GROUPS', '{t}y'),
    info('XINFO', 'CONSUMERS', '{t}x', 'g'),
  ], STREAMS);

  diffCases('XCLAIM', pair, [
    ...setup,
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', '4', 'STREAMS', 'q', '>'],
    ['XCLAIM', 'q', 'grp', 'bob', '0', '1-0'],
    ['XCLAIM', 'q', 'grp', 'bob', '3600000', '2-0'],
    ['XCLAIM', 'q', 'grp', 'bob', '0', '2-0', '3-0', 'JUSTID'],
    ['XCLAIM', 'q', 'grp', 'bob', '0', '4-0', 'RETRYCOUNT', '7', 'IDLE', '5000'],
    pending('XPENDING', 'q', 'grp', '-', '+', '10'),
    ['XCLAIM', 'q', 'grp', 'carol', '0', '5-0'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '5-0', 'FORCE'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '9-0', 'FORCE'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '6-0', 'FORCE', 'JUSTID', 'LASTID', '6-0'],
    info('XINFO', 'GROUPS', 'q'),
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'TIME', '1000'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'TIME', '99999999999999'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'IDLE', '-5'],
    ['XCLAIM', 'q', 'grp', 'carol', '-10', '1-0'],
    ['XCLAIM', 'q', 'grp', 'carol', 'x', '1-0'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'IDLE', 'x'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'TIME', 'x'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'RETRYCOUNT', 'x'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'LASTID', 'x'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'FOO'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '1-0', 'IDLE'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', 'x', '1-0'],
    ['XCLAIM', 'q', 'grp', 'carol', '0', '-'],
    ['XCLAIM', 'q', 'nogroup', 'carol', '0', '1-0'],
    ['XCLAIM', 'nokey', 'grp', 'carol', '0', '1-0'],
    ['XCLAIM', 'q', 'grp', 'carol', 'x', 'y'],
    ['XDEL', 'q', '2-0'],
    ['XCLAIM', 'q', 'grp', 'dave', '0', '2-0', '3-0'],
    ['XPENDING', 'q', 'grp'],
    ['SET', 'str', 'x'],
    ['XCLAIM', 'str', 'grp', 'carol', '0', '1-0'],
    info('XINFO', 'CONSUMERS', 'q', 'grp'),
  ], STREAMS);

  diffCases('XAUTOCLAIM', pair, [
    ...setup,
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'STREAMS', 'q', '>'],
    ['XAUTOCLAIM', 'q', 'grp', 'bob', '0', '0', 'COUNT', '2'],
    ['XAUTOCLAIM', 'q', 'grp', 'bob', '0', '3-0', 'COUNT', '2', 'JUSTID'],
    ['XAUTOCLAIM', 'q', 'grp', 'bob', '3600000', '0'],
    ['XDEL', 'q', '5-0', '6-0'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '(4-0'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '-'],
    ['XPENDING', 'q', 'grp'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'COUNT', '0'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'COUNT', '-1'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'COUNT', 'x'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'COUNT', '576460752303423488'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'COUNT'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '0', 'FOO'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', 'x', '0'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '-5', '0', 'JUSTID'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', 'x'],
    ['XAUTOCLAIM', 'q', 'grp', 'carol', '0', '(18446744073709551615-18446744073709551615'],
    ['XAUTOCLAIM', 'q', 'nogroup', 'carol', '0', '0'],
    ['XAUTOCLAIM', 'nokey', 'grp', 'carol', '0', '0'],
    ['XAUTOCLAIM', 'nokey', 'grp', 'carol', '0', 'x'],
    ['SET', 'str', 'x'],
    ['XAUTOCLAIM', 'str', 'grp', 'carol', '0', '0'],
    info('XINFO', 'CONSUMERS', 'q', 'grp'),
  ], STREAMS);

  const many: CaseInput[] = [];
  for (let i = 1; i <= 30; i++) many.push(['XADD', 'm', `${i}-0`, 'f', `${i}`]);
  many.push(['XGROUP', 'CREATE', 'm', 'grp', '0'], ['XREADGROUP', 'GROUP', 'grp', 'a', 'STREAMS', 'm', '>']);
  for (let i = 1; i <= 30; i += 2) many.push(['XDEL', 'm', `${i}-0`]);
  many.push(
    ['XAUTOCLAIM', 'm', 'grp', 'b', '0', '0', 'COUNT', '1'],
    ['XAUTOCLAIM', 'm', 'grp', 'b', '0', '0', 'COUNT', '3'],
    ['XAUTOCLAIM', 'm', 'grp', 'b', '0', '0', 'COUNT', '3', 'JUSTID'],
    ['XAUTOCLAIM', 'm', 'grp', 'b', '3600000', '0', 'COUNT', '1'],
    ['XPENDING', 'm', 'grp'],
  );
  diffCases('XAUTOCLAIM cursors and attempts', pair, many, STREAMS);
});

describe('streams: XINFO', () => {
  const setup: CaseInput[] = [];
  for (let i = 1; i <= 12; i++) setup.push(['XADD', 'i', `${i}-${i}`, 'f', `v${i}`, ...(i % 3 === 0 ? ['g', 'x'] : [])]);
  diffCases('XINFO STREAM, GROUPS, CONSUMERS, HELP and lag', pair, [
    ['XINFO', 'STREAM', 'i'],
    ...setup,
    ['XINFO', 'STREAM', 'i'],
    ['XGROUP', 'CREATE', 'i', 'g1', '0'],
    ['XGROUP', 'CREATE', 'i', 'g2', '$'],
    ['XGROUP', 'CREATE', 'i', 'a0', '5-5', 'ENTRIESREAD', '3'],
    info('XINFO', 'GROUPS', 'i'),
    ['XREADGROUP', 'GROUP', 'g1', 'c1', 'COUNT', '3', 'STREAMS', 'i', '>'],
    ['XREADGROUP', 'GROUP', 'g1', 'c2', 'COUNT', '2', 'STREAMS', 'i', '>'],
    ['XREADGROUP', 'GROUP', 'a0', 'c1', 'COUNT', '1', 'STREAMS', 'i', '>'],
    info('XINFO', 'GROUPS', 'i'),
    ['XDEL', 'i', '8-8'],
    info('XINFO', 'GROUPS', 'i'),
    ['XREADGROUP', 'GROUP', 'g1', 'c2', 'STREAMS', 'i', '>'],
    info('XINFO', 'GROUPS', 'i'),
    ['XDEL', 'i', '1-1'],
    ['XGROUP', 'SETID', 'i', 'g2', '0'],
    info('XINFO', 'GROUPS', 'i'),
    ['XADD', 'i', '20-0', 'f', 'v'],
    info('XINFO', 'GROUPS', 'i'),
    ['XINFO', 'STREAM', 'i'],
    info('XINFO', 'STREAM', 'i', 'FULL'),
    info('XINFO', 'STREAM', 'i', 'FULL', 'COUNT', '2'),
    info('XINFO', 'STREAM', 'i', 'full', 'count', '0'),
    info('XINFO', 'STREAM', 'i', 'FULL', 'COUNT', '-1'),
    ['XINFO', 'STREAM', 'i', 'FULL', 'COUNT', 'x'],
    ['XINFO', 'STREAM', 'i', 'FULL', 'COUNT'],
    ['XINFO', 'STREAM', 'i', 'FOO'],
    ['XINFO', 'STREAM', 'i', 'FULL', 'FOO', '1'],
    ['XINFO', 'STREAM', 'i', 'FULL', 'COUNT', '1', 'x'],
    info('XINFO', 'CONSUMERS', 'i', 'g1'),
    ['XINFO', 'CONSUMERS', 'i', 'nogroup'],
    ['XINFO', 'CONSUMERS', 'nokey', 'g1'],
    ['XINFO', 'GROUPS', 'nokey'],
    ['XINFO', 'STREAM', 'nokey'],
    ['XINFO', 'STREAM', 'nokey', 'FOO'],
    ['SET', 'str', 'x'],
    ['XINFO', 'STREAM', 'str'],
    ['XINFO', 'GROUPS', 'str'],
    ['XINFO', 'CONSUMERS', 'str', 'g'],
    help('XINFO', 'HELP'),
    help('XINFO', 'help'),
    ['XINFO', 'HELP', 'x'],
    ['XINFO', 'FOO', 'i'],
    ['XINFO', 'GROUPS'],
    ['XINFO', 'GROUPS', 'i', 'x'],
    ['XINFO', 'CONSUMERS', 'i'],
    ['XINFO'],
    info('XINFO', 'STREAM', 'missing2'),
    ['XGROUP', 'CREATE', 'empty', 'g', '$', 'MKSTREAM'],
    ['XINFO', 'STREAM', 'empty'],
    info('XINFO', 'STREAM', 'empty', 'FULL'),
    info('XINFO', 'GROUPS', 'empty'),
  ], STREAMS);

  const grown: CaseInput[] = [['CONFIG', 'SET', 'stream-node-max-entries', '2']];
  for (let i = 1; i <= 40; i++) grown.push(['XADD', 'rt', `${i * 1000003}-${i % 7}`, 'f', 'v'], ['XINFO', 'STREAM', 'rt']);
  for (let i = 1; i <= 40; i += 3) grown.push(['XDEL', 'rt', `${i * 1000003}-${i % 7}`, `${(i + 1) * 1000003}-${(i + 1) % 7}`], ['XINFO', 'STREAM', 'rt']);
  grown.push(['CONFIG', 'SET', 'stream-node-max-entries', '100']);
  diffCases('radix tree keys and nodes', pair, grown, STREAMS);
});

describe('streams: generic commands on streams', () => {
  diffCases('COPY, RENAME, DEL and keyspace type', pair, [
    ['XADD', '{k}s', '1-0', 'f', 'v'],
    ['XGROUP', 'CREATE', '{k}s', 'g', '0'],
    ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', '{k}s', '>'],
    ['COPY', '{k}s', '{k}c'],
    ['XRANGE', '{k}c', '-', '+'],
    ['XPENDING', '{k}c', 'g'],
    ['XADD', '{k}c', '2-0', 'f', 'v'],
    ['XLEN', '{k}s'],
    ['RENAME', '{k}c', '{k}r'],
    ['XLEN', '{k}r'],
    ['TYPE', '{k}r'],
    ['DEL', '{k}r'],
    ['EXISTS', '{k}r'],
    ['SCAN', '0', 'TYPE', 'stream'],
    sleep(0),
  ], STREAMS);
});

/**
 * DUMP payloads carry the nodes' listpacks verbatim, so equal payloads mean byte-identical nodes.
 * The type byte (STREAM_LISTPACKS_2 in 7.0, _3 in 7.2) and the version/CRC trailer are left out; the
 * streams compared have no consumer groups, where the two layouts are otherwise identical.
 */
const DUMP: Compare = {
  normalize: (v) => (v.data ? v.data.subarray(1, v.data.length - 10).toString('hex') : v.raw.toString('latin1')),
  label: 'dump',
};

describe('streams: node bytes', () => {
  const cases: CaseInput[] = [['CONFIG', 'SET', 'rdbcompression', 'no'], ['CONFIG', 'SET', 'stream-node-max-entries', '7']];
  const values = ['v', '', '0', '-1', '127', '128', '-4096', '4095', '4096', '-32769', '8388607', '-8388609', '2147483648',
    '9223372036854775807', '-9223372036854775808', '9223372036854775808', '007', '1.5', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(4096)];
  let ms = 1;
  for (const v of values) {
    cases.push(['XADD', 'lp', `${ms}-${ms * 3}`, 'f', v]);
    cases.push(['XADD', 'lp', `${ms}-${ms * 3 + 1}`, 'f', v, 'g', v]);
    ms += 1000;
  }
  cases.push(
    ['XADD', 'lp', '18446744073709551615-0', 'f', 'v'],
    ['XADD', 'lp', '18446744073709551615-18446744073709551615', 'h', 'v'],
    as(DUMP, ['DUMP', 'lp']),
    ['XDEL', 'lp', '1-3', '2001-6004', '4001-12003'],
    ['XTRIM', 'lp', 'MAXLEN', '30'],
    as(DUMP, ['DUMP', 'lp']),
    ['CONFIG', 'SET', 'stream-node-max-entries', '100'],
    ['CONFIG', 'SET', 'rdbcompression', 'yes'],
  );
  diffCases('listpack encodings match Redis byte for byte', pair, cases, STREAMS);
});
