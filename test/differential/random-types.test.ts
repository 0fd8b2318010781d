// Seeded random sequences mixing the string/keyspace generator with lists, hashes, sets and bitmaps on
// one key space, every reply compared with redis-server. OBJECT ENCODING is compared by type only here:
// Redis 7.2 (the target) reports listpack for small sets and lists where the 7.0 reference does not.
import { expect, it } from 'vitest';
import { DiffSession, formatMismatches, useDiffPair } from '../helpers/differential.js';
import { Rng, newContext, randomCommand, seedFromEnv } from '../helpers/random-commands.js';
import { randomTypeCommand } from '../helpers/random-types.js';

const pair = useDiffPair();
const SEED = (seedFromEnv() ^ 0x2545f491) >>> 0;
const COUNT = Number(process.env.DIFF_COUNT ?? 4000);

it('random sequences over all implemented types (RESP2)', async () => {
  const session = new DiffSession(pair(), { protocol: 2, seed: SEED, label: 'random-types', historySize: 12 });
  await session.open();
  const rng = new Rng(SEED);
  const ctx = newContext();
  const deadline = Date.now() + 25_000;
  let sent = 0;
  try {
    await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
    for (; sent < COUNT && Date.now() < deadline; sent++) {
      const step = rng.chance(0.6) ? randomTypeCommand(rng) : randomCommand(rng, ctx);
      const a = step.argv;
      if (a && String(a[0]).toUpperCase() === 'OBJECT' && String(a[1]).toUpperCase() === 'ENCODING') step.cmp = 'type';
      const m = await session.run(step);
      if (m) {
        if (session.mismatches.length >= 30) break;
        await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
        await session.run({ argv: ['SELECT', '0'], cmp: 'skip' });
      }
    }
  } finally {
    session.close();
  }
  console.log(`differential: compared ${session.compared} commands over all types (seed ${SEED}, ${sent} generated, ${session.mismatches.length} mismatches)`);
  expect(session.mismatches.length, `\nreplay with DIFF_SEED\n${formatMismatches(session.mismatches, 15)}\n`).toBe(0);
}, 60_000);
