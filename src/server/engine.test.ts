import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

describe('engine', () => {
  it('turns an exception in a command into an error reply and keeps serving', () => {
    const h = createHarness();
    try {
      const cmd = h.server.engine.registry.lookup('echo')!;
      const original = cmd.execute;
      cmd.execute = () => {
        throw new RangeError('boom');
      };
      expect(h.resp(['echo', 'x'])).toBe("-ERR internal error in 'echo': boom\r\n");
      cmd.execute = original;
      expect(h.resp(['echo', 'x'])).toBe('$1\r\nx\r\n');
      expect(h.server.engine.stats.unexpectedErrorReplies).toBe(1);
    } finally {
      h.close();
    }
  });

  it('rejects unknown commands, wrong arity and unknown subcommands with Redis errors', () => {
    const h = createHarness();
    try {
      expect(h.resp(['nosuch', 'a'])).toBe("-ERR unknown command 'nosuch', with args beginning with: 'a' \r\n");
      expect(h.resp(['get'])).toBe("-ERR wrong number of arguments for 'get' command\r\n");
      expect(h.resp(['config', 'nope'])).toBe("-ERR unknown subcommand 'nope'. Try CONFIG HELP.\r\n");
      expect(h.resp(['config'])).toBe("-ERR wrong number of arguments for 'config' command\r\n");
      expect(h.resp(['GeT', 'k'])).toBe('$-1\r\n');
    } finally {
      h.close();
    }
  });
});
