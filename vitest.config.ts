// Test runner configuration: unit tests beside the sources, wire-level tests under test/. Benchmarks are
// never part of `npm test`. Servers are real processes, so workers are forks and parallelism fits two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
