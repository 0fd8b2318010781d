import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('OBJECT HELP lists the subcommands as status lines', () => {
  const h = createHarness();
  const text = h.resp(['object', 'help']);
  expect(text.startsWith('*11\r\n+OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n')).toBe(true);
  for (const sub of ['ENCODING', 'FREQ', 'IDLETIME', 'REFCOUNT', 'HELP']) expect(text).toContain(`\r\n+${sub}`);
  expect(h.resp(['object', 'foo'])).toBe("-ERR unknown subcommand 'foo'. Try OBJECT HELP.\r\n");
  h.close();
});
