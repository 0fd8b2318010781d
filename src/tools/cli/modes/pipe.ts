// --pipe: mass insertion. Standard input (RESP or inline commands, passed through untouched) is
// streamed to the server while replies are counted; at the end an ECHO of 20 random bytes marks the
// last reply, so the cli knows everything was answered. Errors are printed and make the exit status 1.
// Counterpart: pipeMode in Redis's redis-cli.c.
import { randomBytes } from 'node:crypto';
import type { ReplyNode } from '../../../protocol/reply-decoder.js';
import type { ConnectionError } from '../../../client/client.js';
import { encodeCommand } from '../../../client/encode-command.js';
import { utf8Bytes } from '../format.js';
import type { Session } from '../session.js';

export async function pipeMode(session: Session): Promise<number> {
  const client = session.client!;
  const socket = client.socket;
  const magic = randomBytes(20);
  let errors = 0;
  let replies = 0;
  let eof = false;
  let lastRead = Date.now();
  let timer: NodeJS.Timeout | undefined;

  const result = new Promise<'done' | 'timeout' | ConnectionError>((resolve) => {
    client.on('push', (reply: ReplyNode) => {
      lastRead = Date.now();
      if (reply.type === 'error') {
        session.err(utf8Bytes(reply.value) + '\n');
        errors++;
      } else if (eof && reply.type === 'bulk' && reply.value.length === 20 && reply.value.equals(magic)) {
        session.out('Last reply received from server.\n');
        resolve('done');
        return;
      }
      replies++;
    });
    client.on('close', (err: ConnectionError) => resolve(err));
    const timeout = session.opts.pipeTimeout;
    if (timeout > 0) {
      timer = setInterval(() => {
        if (eof && Date.now() - lastRead > timeout * 1000) resolve('timeout');
      }, 100);
    }
  });
  void result.finally(() => clearInterval(timer));

  const send = async (): Promise<void> => {
    for await (const chunk of session.io.stdin) {
      if (!client.connected) return;
      // Hold stdin back while the socket's buffer is full.
      if (!socket.write(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))) {
        await new Promise((r) => socket.once('drain', r));
      }
    }
    if (!client.connected) return;
    eof = true;
    lastRead = Date.now();
    // The leading CRLF keeps the ECHO intact after a truncated final command; Redis ignores blank lines.
    socket.write(Buffer.concat([Buffer.from('\r\n'), encodeCommand([Buffer.from('ECHO'), magic])]));
    session.out('All data transferred. Waiting for the last reply...\n');
  };
  let stdinError: Error | null = null;
  const sending = send().catch((err: Error) => {
    stdinError = err;
  });

  const outcome: 'done' | 'timeout' | 'stdin' | ConnectionError = await Promise.race([
    result,
    sending.then((): Promise<'done' | 'timeout' | 'stdin' | ConnectionError> => (stdinError ? Promise.resolve('stdin') : result)),
  ]);
  if (outcome === 'stdin') {
    session.err(`Error reading from stdin: ${stdinError!.message}\n`);
    return 1;
  }
  if (outcome === 'timeout') {
    session.err(`No replies for ${session.opts.pipeTimeout} seconds: exiting.\n`);
    errors++;
  } else if (outcome !== 'done') {
    session.err(`Error reading from the server: ${outcome.reason}\n`);
    return 1;
  }
  session.out(`errors: ${errors}, replies: ${replies}\n`);
  return errors ? 1 : 0;
}
