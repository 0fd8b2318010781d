import { it } from 'vitest';
import { startCinnabar } from './helpers/servers.js';
import { RespConnection, escapeBytes } from './helpers/resp.js';
it('x', async () => {
  const r = await startCinnabar();
  const inputs = ['    \r\n', '\r\n\r\n\r\n', 'PING\rECHO x\r\n', 'ECHO\tx\r\n', 'a'.repeat(70000), `ECHO ${'a'.repeat(70000)}\r\n`, '*1\r\n$1000000\r\n', `*${'1'.repeat(70000)}`, 'ECHO "abc\\"\r\n'];
  for (const s of inputs) {
    const c = await RespConnection.open(r.port);
    const t0 = Date.now();
    c.write(s); const d = await c.drain(300, 5000);
    let after = { data: Buffer.alloc(0), closed: true };
    if (!d.closed) { c.write('*1\r\n$4\r\nPING\r\n'); after = await c.drain(300, 5000); }
    const c2 = await RespConnection.open(r.port); const t1 = Date.now(); const p = await c2.call(['PING'], 10000).catch(e => String(e)); c2.close();
    console.log(escapeBytes(s, 30), '=>', escapeBytes(d.data, 100), d.closed, 'then', escapeBytes(after.data, 60), after.closed, `${Date.now() - t0}ms; fresh PING ${escapeBytes(String(p))} in ${Date.now() - t1}ms`);
    c.close();
  }
  await r.stop();
}, 120000);
