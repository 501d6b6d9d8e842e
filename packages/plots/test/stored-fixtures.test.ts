import { join } from 'node:path';
import { describe, test } from 'vitest';
import { expectGolden } from './fixtures/golden.js';
import { AWKWARD_TARGETS, RUN_AWKWARD, RUN_SMALL, RUN_WIDE_CI, WIDE_CI_OPTIONS } from './fixtures/paths.js';
import { makeRunFixture } from './fixtures/run-fixture.js';

// The stored run directories are generated; keep them equal to their generator's output.
describe('stored fixtures', () => {
  test.each([
    ['run-small', RUN_SMALL, {}],
    ['run-awkward', RUN_AWKWARD, { targets: AWKWARD_TARGETS, taskCounts: [1000] }],
    ['run-wide-ci', RUN_WIDE_CI, WIDE_CI_OPTIONS],
  ] as const)('%s matches makeRunFixture', (_name, dir, options) => {
    const { summary, profileCsv } = makeRunFixture(options);
    expectGolden(join(dir, 'analysis', 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    expectGolden(join(dir, 'raw', 'profile.csv'), profileCsv);
  });
});
