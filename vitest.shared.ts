import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares. Each package's `vitest.config.ts` merges this.
 * Besides the console summary, each run writes `.vitest-results.json` (vitest's JSON reporter):
 * `.ci/run` sums those files into the one `N passed, N failed` line CI reads.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    // Generous: some tests measure real thread pools on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
