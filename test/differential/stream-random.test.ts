// Random sequences of stream commands (seeded, so a mismatch replays) sent to cinnabar and redis-server:
// appends with explicit IDs and mixed field layouts on small nodes, deletes, exact and approximate trims,
// ranges with random bounds, and consumer groups reading, acknowledging and claiming. Time-dependent
// fields are masked; fields only Redis 7.2 reports are dropped (the oracle is 7.0).
import { describe } from 'vitest';
import { diffCases, useDiffPair } from '../helpers/differential.js';
import { seedFromEnv } from '../helpers/random-commands.js';
import { generate } from '../streams/random-ops.js';

const pair = useDiffPair();
// DIFF_SEED=<n> replays that one sequence instead of the fixed ones.
const SEEDS = process.env.DIFF_SEED ? [seedFromEnv()] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('streams: random command sequences', () => {
  for (const seed of SEEDS) {
    diffCases(`seed ${seed}`, pair, generate(seed, 600), { requires: ['XADD'], protocols: [seed % 2 === 0 ? 3 : 2], timeout: 60_000 });
  }
});
