import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('PFMERGE unions sources into the destination, which takes part too', () => {
  h = createHarness();
  h.run(['pfadd', '{t}a', '1', '2']);
  h.run(['pfadd', '{t}b', '2', '3']);
  h.run(['pfadd', '{t}d', '9']);
  expect(h.resp(['pfmerge', '{t}d', '{t}a', '{t}b', '{t}missing'])).toBe('+OK\r\n');
  expect(h.run(['pfcount', '{t}d'])).toBe(4);
  expect(h.run(['pfdebug', 'encoding', '{t}d'])).toEqual(expect.objectContaining({ text: 'sparse' }));
  expect(h.resp(['pfmerge', '{t}new'])).toBe('+OK\r\n');
  expect(h.run(['pfcount', '{t}new'])).toBe(0);
});

test('PFMERGE makes the destination dense when a source is dense', () => {
  h = createHarness();
  h.run(['pfadd', '{t}a', '1']);
  h.run(['pfadd', '{t}b', '2']);
  h.run(['pfdebug', 'todense', '{t}b']);
  h.run(['pfmerge', '{t}a', '{t}b']);
  expect(h.run(['pfdebug', 'encoding', '{t}a'])).toEqual(expect.objectContaining({ text: 'dense' }));
  expect(h.run(['strlen', '{t}a'])).toBe(12304);
  expect(h.run(['pfcount', '{t}a'])).toBe(2);
});

test('PFMERGE always counts as a change and fires pfadd', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['pfmerge', '{t}d']);
  h.run(['pfmerge', '{t}d', '{t}x']);
  expect(fx.events).toEqual(['pfadd:{t}d', 'pfadd:{t}d']);
  expect(fx.propagated.map((a) => a.join(' '))).toEqual(['pfmerge {t}d', 'pfmerge {t}d {t}x']);
  h.run(['set', '{t}s', 'str']);
  expect(h.resp(['pfmerge', '{t}d', '{t}s'])).toBe('-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n');
  expect(h.resp(['pfmerge', '{t}s', '{t}d'])).toBe('-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n');
});
