import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('RANDOMKEY returns nil on an empty database and only live keys otherwise', () => {
  const h = createHarness();
  expect(h.resp(['randomkey'])).toBe('$-1\r\n');
  h.run(['set', 'live', '1']);
  h.run(['set', 'dead', '1', 'px', '5']);
  h.advanceTime(10);
  for (let i = 0; i < 20; i++) expect(h.run(['randomkey'])).toBe('live');
  h.close();
});
