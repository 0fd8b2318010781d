// --askpass: reads the password from standard input. On a terminal the prompt is shown and each typed
// character echoes as '*'; from a pipe one line is read silently and the rest of the input is left for
// the session. Counterpart: askPassword (linenoiseMasked) in Redis's redis-cli.c.
import type { CliIo } from './io.js';

type Stdin = CliIo['stdin'] & { unshift?(chunk: Buffer): void; pause?(): void; resume?(): void };

export function askPassword(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin as Stdin;
  return new Promise((resolve) => {
    const tty = Boolean(stdin.isTTY && stdin.setRawMode);
    if (tty) {
      io.stdout.write(prompt);
      stdin.setRawMode!(true);
    }
    let typed = Buffer.alloc(0);
    const finish = (rest: Buffer | null) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (tty) {
        stdin.setRawMode!(false);
        io.stdout.write('\n');
      }
      stdin.pause?.();
      if (rest && rest.length > 0) stdin.unshift?.(rest);
      resolve(typed.toString('latin1'));
    };
    const onEnd = () => finish(null);
    const onData = (chunk: Buffer | string) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let i = 0; i < data.length; i++) {
        const c = data[i]!;
        if (c === 0x0a || c === 0x0d) {
          // A CRLF from a pipe ends the line once.
          const next = c === 0x0d && data[i + 1] === 0x0a ? i + 2 : i + 1;
          return finish(data.subarray(next));
        }
        if (tty && (c === 0x7f || c === 0x08)) {
          if (typed.length > 0) {
            typed = typed.subarray(0, -1);
            io.stdout.write('\b \b');
          }
          continue;
        }
        if (tty && c === 0x03) process.exit(130);
        typed = Buffer.concat([typed, data.subarray(i, i + 1)]);
        if (tty) io.stdout.write('*');
      }
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume?.();
  });
}
