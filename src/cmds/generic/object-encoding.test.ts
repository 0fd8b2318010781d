import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('OBJECT ENCODING names the string representation, nil for a missing key', () => {
  const h = createHarness();
  h.run(['set', 'i', '-5']);
  h.run(['set', 's', 'hello']);
  h.run(['set', 'big', '123456789012345678901234567890']);
  h.run(['set', 'long', 'x'.repeat(45)]);
  h.run(['append', 'm', 'x']);
  h.run(['append', 'm', 'y']);
  expect(h.resp(['object', 'encoding', 'i'])).toBe('$3\r\nint\r\n');
  expect(h.resp(['object', 'ENCODING', 's'])).toBe('$6\r\nembstr\r\n');
  expect(h.resp(['object', 'encoding', 'big'])).toBe('$6\r\nembstr\r\n');
  expect(h.resp(['object', 'encoding', 'long'])).toBe('$3\r\nraw\r\n');
  expect(h.resp(['object', 'encoding', 'm'])).toBe('$3\r\nraw\r\n');
  expect(h.resp(['object', 'encoding', 'nokey'])).toBe('$-1\r\n');
  expect(h.resp(['object', 'encoding'])).toBe("-ERR wrong number of arguments for 'object|encoding' command\r\n");
  h.close();
});
