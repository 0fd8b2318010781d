// Seeded random command sequences sent to cinnabar and the real redis-server, every reply compared.
// DIFF_SEED=<n> replays a sequence; DIFF_COUNT=<n> changes its length. After a mismatch both servers are
// flushed so later mismatches are independent findings rather than echoes of the first.
import { expect, it } from 'vitest';
import { DiffSession, formatMismatches, useDiffPair } from '../helpers/differential.js';
import { Rng, newContext, randomCommand, seedFromEnv } from '../helpers/random-commands.js';

const pair = useDiffPair();
const SEED = seedFromEnv();
const COUNT = Number(process.env.DIFF_COUNT ?? 5000);
const TIME_BUDGET_MS = Number(process.env.DIFF_TIME_MS ?? 20_000);

async function runSequence(protocol: 2 | 3, seed: number, count: number, budgetMs: number) {
  const session = new DiffSession(pair(), { protocol, seed, label: 'random', historySize: 12 });
  await session.open();
  const rng = new Rng(seed);
  const ctx = newContext();
  const deadline = Date.now() + budgetMs;
  let sent = 0;
  try {
    await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
    for (; sent < count && Date.now() < deadline; sent++) {
      const m = await session.run(randomCommand(rng, ctx));
      if (m) {
        if (session.mismatches.length >= 50) break;
        await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
        await session.run({ argv: ['SELECT', '0'], cmp: 'skip' });
      }
    }
  } finally {
    session.close();
  }
  return { session, sent };
}

for (const protocol of [2, 3] as const) {
  it(`random string/keyspace sequences (RESP${protocol})`, async () => {
    // RESP3 runs a shorter sequence from a derived seed: the point is reply encoding, not new state paths.
    const seed = protocol === 2 ? SEED : (SEED ^ 0x5bd1e995) >>> 0;
    const count = protocol === 2 ? COUNT : Math.ceil(COUNT / 3);
    const { session, sent } = await runSequence(protocol, seed, count, TIME_BUDGET_MS / (protocol === 2 ? 1 : 3));
    console.log(
      `differential: compared ${session.compared} commands (seed ${seed}, RESP${protocol}, ${sent} generated, ${session.mismatches.length} mismatches)`,
    );
    expect(
      session.mismatches.length,
      `\nreplay with DIFF_SEED=${SEED}\n${formatMismatches(session.mismatches, 15)}\n`,
    ).toBe(0);
  }, 60_000);
}
