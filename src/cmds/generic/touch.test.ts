import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('TOUCH counts existing keys and resets their idle time', () => {
  const h = createHarness();
  h.run(['set', 'foo', 'bar']);
  h.advanceTime(3000);
  expect(Number(h.run(['object', 'idletime', 'foo']))).toBeGreaterThanOrEqual(2);
  expect(h.resp(['touch', 'foo', 'foo', 'nokey'])).toBe(':2\r\n');
  expect(h.resp(['object', 'idletime', 'foo'])).toBe(':0\r\n');
  h.close();
});

it('TOUCH resets the idle time even for a CLIENT NO-TOUCH connection', () => {
  const h = createHarness();
  h.run(['set', 'foo', 'bar']);
  h.run(['client', 'no-touch', 'on']);
  h.advanceTime(3000);
  h.run(['touch', 'foo']);
  expect(h.resp(['object', 'idletime', 'foo'])).toBe(':0\r\n');
  h.close();
});
